// Checks stored with a topology: assertions about reachability, run by `vpcsim check`.
import type { PortAllowance } from './allowed-ports.js';
import type { Span } from './span.js';

/** One end of a check: ids and addresses, or a selector that expands to many endpoints. */
export type CheckSelector =
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'subnet'; readonly id: string }
  | { readonly kind: 'vpc'; readonly id: string }
  | { readonly kind: 'securityGroup'; readonly id: string }
  /** Every interface of a type (networkInterfaces `type`; instances are `interface`). */
  | { readonly kind: 'interfaceType'; readonly id: string }
  /** Every host of an on-premises network. */
  | { readonly kind: 'onPremises'; readonly id: string };

/** A check as stored: what to ask and what to expect. */
export interface Check {
  readonly index: number;
  readonly name: string;
  readonly from: CheckSelector;
  readonly to: CheckSelector;
  /** The port from `port:` or a `:port` suffix on a single `to`. */
  readonly port: number | undefined;
  readonly sourcePort: number | undefined;
  readonly protocol: 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'all';
  readonly expect: 'reachable' | 'unreachable' | undefined;
  readonly via: readonly string[];
  readonly because: string | undefined;
  readonly never: readonly string[];
  readonly only: readonly string[];
  /**
   * `only: { ports }`: the protocols and ports a flow from `from` to `to` may be reachable
   * on; every other port of every protocol must be unreachable. Undefined when not asked.
   */
  readonly onlyPorts: readonly PortAllowance[] | undefined;
  readonly isolated: boolean;
  readonly principal: string | undefined;
  readonly action: string | undefined;
  readonly resource: string | undefined;
  readonly span: Span;
  /** Where the `from`, `to` and `because` values are written, for annotations. */
  readonly fromSpan: Span;
  readonly toSpan: Span;
  /**
   * Where each item of `via`, `never` and `only` (and of a list `from` / `to`) is written,
   * index for index, so a typo is reported at the typo, not at the check.
   */
  readonly itemSpans: CheckItemSpans;
}

/** Positions of the items of a check's lists. */
export interface CheckItemSpans {
  readonly from: readonly Span[];
  readonly to: readonly Span[];
  readonly via: readonly Span[];
  readonly never: readonly Span[];
  readonly only: readonly Span[];
}
