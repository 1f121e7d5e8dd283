// The answer of the all-pairs engine: for each port (or port atom), which source reaches
// which destination, held as a bit matrix over instance classes plus the pairs that were
// traced one by one (through translators, or with an end that is not an instance).
import type { FlowProtocol } from '../engine/query.js';
import type { Topology } from '../model/topology.js';
import type { ClassSpace } from './class-rows.js';
import type { ClassPartition } from './form-classes.js';
import type { PortSpan } from './port-atoms.js';
import type { ReachEnd, ReachEnds } from './reach-ends.js';

/**
 * What to compute: a protocol and a port, a range or every port (cut into port atoms), or
 * no port (protocol all; ICMP echo by default).
 */
export interface ReachQuery {
  readonly protocol: FlowProtocol;
  readonly port: number | PortSpan | 'all' | undefined;
  /** Only these sources / destinations (end ids, see select-ends.ts); default every one. */
  readonly sources?: ReadonlySet<string>;
  readonly destinations?: ReadonlySet<string>;
  /** Most pairs traced one by one; pairs beyond it are `unknown`, never guessed. Default 50,000. */
  readonly maxTraces?: number;
  /**
   * The API request the flows carry, for endpoint policies (as `trace --principal/--action/
   * --resource`); default none, so policies do not apply. Only traced pairs can cross a policy:
   * a gateway endpoint's route never delivers to an end, and interface endpoint ENIs are
   * always traced ("Control access to VPC endpoints using endpoint policies").
   */
  readonly request?: { readonly principal?: string; readonly action?: string; readonly resource?: string };
}

/** A pair's verdict. `unknown`: not computed (over the trace budget, or the trace refused the query). */
export type PairVerdict = 'reachable' | 'unreachable' | 'unknown';

/** The relation for one port (or port atom). */
export interface PortRelation {
  /** The ports this relation answers for; undefined when the protocol has none (all, or ICMP echo). */
  readonly ports: PortSpan | undefined;
  /** The representative port traced for it. */
  readonly port: number | undefined;
  /** Row-major bits over instance classes: row source class, column destination class. */
  readonly matrix: Uint32Array;
  /** Instance class pairs (s * n + d) answered by traces instead of the matrix. */
  readonly tracedClassPairs: ReadonlySet<number>;
  /** Verdicts of traced pairs, by pairKey(source, destination). */
  readonly traced: ReadonlyMap<string, PairVerdict>;
  /** Pairs traced, and pairs left unknown. */
  readonly traceCount: number;
  readonly unknownCount: number;
}

/** Figures of a computation. */
export interface ReachStats {
  readonly atoms: number;
  readonly classes: number;
  /** Milliseconds: classes (shared by every port), then the join and the traces. */
  readonly classMs: number;
  readonly joinMs: number;
  readonly traceMs: number;
}

/** The relation between every source and every destination of a topology. */
export interface ReachRelation {
  readonly topology: Topology;
  readonly query: ReachQuery;
  readonly ends: ReachEnds;
  readonly partition: ClassPartition;
  readonly space: ClassSpace;
  readonly ports: readonly PortRelation[];
  readonly stats: ReachStats;
}

/** The key of a traced pair. */
export function pairKey(source: string, destination: string): string {
  return `${source}\u0000${destination}`;
}

/** Whether an end is part of the class matrix. */
export function inMatrix(end: ReachEnd): boolean {
  return end.inMatrix;
}
