// The packets the all-pairs engine reasons about: one protocol and destination port for
// every pair (the source port is the trace engine's default), and the reply that swaps the
// ports. Rule matching here is a second implementation of the trace engine's
// ("Security group rules", "Network ACL rules", Amazon VPC guide): rules match on protocol
// and destination port range, ICMP ranges hold types, a rule for all protocols (-1) covers
// everything and a flow of all protocols is covered only by such a rule.
import type { FlowProtocol } from '../engine/query.js';
import { DEFAULT_SOURCE_PORT } from '../engine/query.js';
import type { AclRule, PortRange } from '../model/rules.js';

/** Protocol and ports of one direction of every pair's flow. */
export interface ReachPacket {
  /** IANA number; -1 for a flow of all protocols. */
  readonly protocol: number;
  readonly srcPort: number | undefined;
  /** Destination port (TCP/UDP) or ICMP type; undefined for all protocols. */
  readonly dstPort: number | undefined;
}

const NUMBERS: Record<FlowProtocol, number> = { tcp: 6, udp: 17, icmp: 1, icmpv6: 58, all: -1 };

/** The forward packet of a flow, as traceFlow builds it (ICMP echo request by default). */
export function forwardPacket(protocol: FlowProtocol, port: number | undefined): ReachPacket {
  const p = NUMBERS[protocol];
  const ported = p === 6 || p === 17;
  return { protocol: p, srcPort: ported ? DEFAULT_SOURCE_PORT : undefined, dstPort: p === -1 ? undefined : port ?? (p === 1 ? 8 : p === 58 ? 128 : undefined) };
}

/** The reply: ports swapped; an ICMP echo request (8, ICMPv6 128) answered by an echo reply (0, 129). */
export function replyPacket(p: ReachPacket): ReachPacket {
  if (p.protocol === 1) return { protocol: 1, srcPort: undefined, dstPort: p.dstPort === 8 ? 0 : p.dstPort };
  if (p.protocol === 58) return { protocol: 58, srcPort: undefined, dstPort: p.dstPort === 128 ? 129 : p.dstPort };
  return { protocol: p.protocol, srcPort: p.dstPort, dstPort: p.srcPort };
}

/** Whether a rule's protocol and port range cover the packet. */
export function coversPacket(protocol: number, ports: PortRange, p: ReachPacket): boolean {
  if (protocol === -1) return true;
  if (protocol !== p.protocol) return false;
  if (p.dstPort === undefined) return ports.from === 0 && ports.to === 65535;
  return p.dstPort >= ports.from && p.dstPort <= ports.to;
}

/**
 * Whether a network ACL entry decides for the packet when its CIDR matches (first match
 * wins). A flow of all protocols is decided by any deny and by an allow of all protocols;
 * a narrower allow passes only part of it, so the next entry is looked at (the strict reading).
 */
export function aclEntryDecides(rule: AclRule, p: ReachPacket): boolean {
  if (p.protocol === -1) return rule.action === 'deny' || rule.protocol === -1;
  return coversPacket(rule.protocol, rule.ports, p);
}
