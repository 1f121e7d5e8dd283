// Traces: the engine's answer for one flow. A trace is a verdict plus the hops the packet
// crossed forward and back; a hop is a component, an action, a detail a person reads, and
// the source location of the rule or route that decided it.
import type { ComponentKind } from '../model/component-kinds.js';
import type { Span } from '../model/span.js';
import type { ExplanationCode } from './explanation-codes.js';

/** What kind of thing a hop is at: the closed list in src/model/component-kinds.ts. */
export type { ComponentKind };

/** A component of the path, by id and kind. */
export interface Component {
  readonly id: string;
  readonly kind: ComponentKind;
}

/** Every hop action, the closed list the type, the trace checker and docs/trace.md follow. */
export const HOP_ACTIONS = ['allowed', 'denied', 'forwarded', 'translated', 'delivered', 'dropped', 'resolved'] as const;

/** What happened at a hop. */
export type HopAction = (typeof HOP_ACTIONS)[number];

/** The packet's addresses and ports as text, as it is at a hop. */
export interface PacketView {
  readonly src: string;
  readonly dst: string;
  readonly protocol: string;
  readonly srcPort: number | undefined;
  readonly dstPort: number | undefined;
}

/** One step of a path. */
export interface Hop {
  readonly component: Component;
  readonly action: HopAction;
  /** What decided, in words: "route 0.0.0.0/0 -> nat-a, longest match /0". */
  readonly detail: string;
  /** Where the deciding rule or route is written, when it is written. */
  readonly location: Span | undefined;
  /** The packet as it leaves this hop. */
  readonly packet: PacketView;
  /** A sentence on why AWS behaves so, for `trace --explain` (undefined when there is none). */
  readonly why?: string | undefined;
  /** What decided, as typed records (docs/trace.md, "Steps"); absent where nothing is recorded yet. */
  readonly steps?: readonly import('./steps.js').HopStep[];
}

/** Why a flow is unreachable (or a caveat of a reachable one). */
export interface Explanation {
  readonly code: ExplanationCode;
  readonly message: string;
  readonly component: Component | undefined;
  readonly location: Span | undefined;
}

/** The flow a trace answers, resolved to concrete addresses. */
export interface TracedFlow {
  readonly from: string;
  readonly to: string;
  readonly protocol: 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'all';
  readonly srcIp: string;
  readonly dstIp: string;
  readonly srcPort: number | undefined;
  readonly dstPort: number | undefined;
  /**
   * Where the path forked (a load balancer with several healthy targets), the option this
   * trace took at each fork: "nlb-api/provider-a tg-api -> api-2". Absent when nothing forked.
   */
  readonly branch?: readonly string[];
}

/** The verdict for one concrete path: forward hops, return hops, explanations. */
export interface Trace {
  readonly flow: TracedFlow;
  readonly reachable: boolean;
  readonly hops: readonly Hop[];
  readonly returnHops: readonly Hop[];
  readonly explanations: readonly Explanation[];
}
