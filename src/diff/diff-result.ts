// What `vpcsim diff` finds between two versions of a topology: the flows a change opens and
// closes, grouped (sources x destinations x one port range), each with the rule or resource
// that made the difference; and the ids that exist in only one version.
import type { FlowProtocol } from '../engine/query.js';
import type { Component, HopAction } from '../engine/trace.js';
import type { Span } from '../model/span.js';
import type { ResourceKind } from '../model/resources.js';
import type { PairVerdict } from '../reach/reach-relation.js';

/** What a change did: opened (unreachable -> reachable), closed, or a side is unknown. */
export const CHANGE_KINDS = ['opened', 'closed', 'unknown'] as const;

/** A kind of change. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One hop of a witness trace, as the "why" shows it. */
export interface WhyHop {
  readonly component: Component;
  readonly action: HopAction;
  readonly detail: string;
  readonly location: Span | undefined;
  /** The hop's typed steps (docs/trace.md), when the engine gives them. */
  readonly steps: readonly unknown[];
}

/**
 * Why a flow changed: where the witness pair's traces in the two versions part. `side` says
 * whose file holds the cause: `new` (a rule or resource in NEW that allows, denies or sends
 * elsewhere) or `old` (a rule of OLD that allowed the flow and is no longer there).
 */
export interface ChangeWhy {
  readonly side: 'new' | 'old';
  readonly component: Component;
  readonly detail: string;
  /** The cause's location, in NEW's file (side new) or OLD's (side old). */
  readonly location: Span | undefined;
  /** The explanation code of the version where the pair is unreachable, at that hop. */
  readonly code: string | undefined;
  /** Whether the traces part on the way out or on the reply. */
  readonly direction: 'forward' | 'return';
  /** The pair traced, and the port. */
  readonly witness: { readonly from: string; readonly to: string; readonly port: number | undefined };
  /** The hop at that point in each version (undefined when the path there is shorter). */
  readonly old: WhyHop | undefined;
  readonly new: WhyHop | undefined;
  /** False when a trace's verdict is not the relation's (a bug in one engine). */
  readonly agrees: boolean;
}

/** A group of flows that changed alike: every source to every destination on the port range. */
export interface FlowChange {
  readonly kind: ChangeKind;
  readonly sources: readonly string[];
  readonly destinations: readonly string[];
  readonly protocol: FlowProtocol;
  /** Undefined when the protocol has no ports (all, or ICMP echo). */
  readonly portFrom: number | undefined;
  readonly portTo: number | undefined;
  readonly before: PairVerdict;
  readonly after: PairVerdict;
  /** How many (source, destination) pairs the group holds. */
  readonly pairs: number;
  /** Undefined when the witness budget ran out (see DiffResult.whyOmitted). */
  readonly why: ChangeWhy | undefined;
}

/** A resource id present in one version only. */
export interface ResourceChange {
  readonly id: string;
  readonly kind: ResourceKind | 'eni';
  readonly location: Span;
}

/** The whole answer. */
export interface DiffResult {
  readonly oldFile: string;
  readonly newFile: string;
  readonly protocols: readonly FlowProtocol[];
  /** Opened first, then closed, then unknown; each sorted by sources, destinations, ports. */
  readonly changes: readonly FlowChange[];
  readonly added: readonly ResourceChange[];
  readonly removed: readonly ResourceChange[];
  /** Sources and destinations compared (ends present in both versions and selected). */
  readonly sources: number;
  readonly destinations: number;
  /** Pairs left unknown in either version (past --max-traces) that are not reported as changes. */
  readonly unknownPairs: number;
  /** Changes whose why was not traced (past the witness limit). */
  readonly whyOmitted: number;
}
