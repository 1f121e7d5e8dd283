// What a user asks: from where, to where, which protocol and port. `from` and `to` are
// text as written on the command line or in a check; the engine resolves them.

/** Protocols a flow can name. */
export type FlowProtocol = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'all';

/** A flow as asked. */
export interface FlowQuery {
  /** An instance, ENI, internet host, endpoint id, or an IP (inside a subnet, or public). */
  readonly from: string;
  /** An IP, a resource id, or a DNS name. */
  readonly to: string;
  readonly protocol: FlowProtocol;
  /** Destination port (TCP/UDP) or ICMP type; required for tcp and udp. */
  readonly port: number | undefined;
  /** Source port; default DEFAULT_SOURCE_PORT. */
  readonly sourcePort?: number | undefined;
  /** With DNS names that resolve to several addresses: pin one. */
  readonly pinAddress?: string | undefined;
  /**
   * The request carried by the flow, for endpoint policies (IAM policy evaluation): the
   * calling principal ARN, the API action (s3:GetObject) and the resource ARN. A check's
   * `principal`, `action` and `resource` arrive here; an engine that does not evaluate
   * endpoint policies ignores them.
   */
  readonly principal?: string | undefined;
  readonly action?: string | undefined;
  readonly resource?: string | undefined;
}

/**
 * The source port used when a flow names none: 49152, the first port of the IANA dynamic
 * range, inside the 1024-65535 ephemeral range AWS's NACL guidance assumes ("Ephemeral
 * ports", Amazon VPC guide) and inside Linux's default 32768-60999.
 */
export const DEFAULT_SOURCE_PORT = 49152;

/** The answer for a query: one trace per concrete path (a name may resolve to several). */
export interface TraceResult {
  readonly query: FlowQuery;
  /** True only when every trace is reachable. */
  readonly reachable: boolean;
  readonly traces: readonly import('./trace.js').Trace[];
}

/** A query the engine cannot run (unknown source, unresolvable syntax); exit 2 at the CLI. */
export interface QueryError {
  readonly kind: 'queryError';
  readonly message: string;
}
