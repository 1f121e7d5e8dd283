// Security group rules, network ACL entries and routes, converted one-to-one from the
// source rules and keeping their source range, so a verdict can cite the rule it used.
import type { Prefix } from '../net/prefix.js';
import type { Span } from './span.js';

/** An IP protocol number; -1 means all protocols (AWS's own convention). */
export type ProtocolNumber = number;

/** IANA numbers of the protocols vpcsim names. */
export const PROTOCOL = { all: -1, icmp: 1, tcp: 6, udp: 17, icmpv6: 58 } as const;

/** An inclusive port range; for ICMP it is the type range. [0, 65535] means all. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/** What a security group rule matches on the other side of the connection. */
export type SgPeer =
  | { readonly kind: 'cidr'; readonly prefix: Prefix }
  | { readonly kind: 'prefixList'; readonly prefixList: string }
  | { readonly kind: 'securityGroup'; readonly securityGroup: string };

/** One security group rule (a rule is only ever an allow). */
export interface SgRule {
  readonly direction: 'ingress' | 'egress';
  /** Position in its list, 1-based, as traces cite it ("egress rule 2"). */
  readonly index: number;
  readonly protocol: ProtocolNumber;
  readonly ports: PortRange;
  readonly peer: SgPeer;
  readonly description?: string;
  /** False for AWS's implicit rules (default egress, default SG). */
  readonly written: boolean;
  readonly span: Span;
}

/** One network ACL entry. */
export interface AclRule {
  readonly direction: 'ingress' | 'egress';
  readonly rule: number;
  readonly action: 'allow' | 'deny';
  readonly protocol: ProtocolNumber;
  readonly ports: PortRange;
  readonly cidr: Prefix;
  readonly written: boolean;
  readonly span: Span;
}

/** Where a route sends matching packets. */
export type RouteTarget =
  | { readonly kind: 'local' }
  | { readonly kind: 'blackhole' }
  | { readonly kind: 'resource'; readonly id: string };

/** What a route matches: a CIDR, or every entry of a prefix list. */
export type RouteDestination =
  | { readonly kind: 'cidr'; readonly prefix: Prefix }
  | { readonly kind: 'prefixList'; readonly prefixList: string };

/** One route of a route table; local routes are implicit (written: false). */
export interface Route {
  readonly index: number;
  readonly destination: RouteDestination;
  readonly target: RouteTarget;
  /**
   * Added by AWS (local routes, gateway endpoint prefix-list routes, routes a virtual private
   * gateway propagates), not written here.
   */
  readonly origin: 'written' | 'local' | 'gatewayEndpoint' | 'propagated';
  /**
   * A propagated route: what the gateway learned it from, the most preferred first ("Route
   * tables and AWS Site-to-Site VPN route priority": Direct Connect BGP, VPN static, VPN BGP),
   * and the connections that advertise it.
   */
  readonly propagation?: { readonly from: 'directConnect' | 'vpnStatic' | 'vpnBgp'; readonly connections: readonly string[] };
  /**
   * A written route whose destination is a whole VPC CIDR block: it replaces the target of
   * that block's local route, which the table then no longer holds ("Replace or restore the
   * target for a local route", Amazon VPC guide).
   */
  readonly replacesLocal?: true;
  readonly span: Span;
}
