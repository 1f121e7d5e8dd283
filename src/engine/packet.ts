// A packet as the engine moves it: addresses as compact values, protocol number, ports.
// Replies swap both ends; an ICMP echo request (type 8, ICMPv6 128) is answered by an echo
// reply (type 0, ICMPv6 129), per RFC 792 / RFC 4443.
import { formatIp, type Ip } from '../net/ip.js';
import type { PacketView } from './trace.js';

/** One packet in flight. Immutable: translations make a new packet. */
export interface Packet {
  readonly src: Ip;
  readonly dst: Ip;
  /** IANA protocol number; -1 stands for a flow of "all" protocols. */
  readonly protocol: number;
  /** Source port (TCP/UDP); undefined for ICMP and "all". */
  readonly srcPort: number | undefined;
  /** Destination port (TCP/UDP) or ICMP type. */
  readonly dstPort: number | undefined;
}

/** Protocol number -> the name traces print. */
export function protocolName(p: number): string {
  switch (p) {
    case -1: return 'all';
    case 1: return 'icmp';
    case 6: return 'tcp';
    case 17: return 'udp';
    case 58: return 'icmpv6';
    default: return String(p);
  }
}

/** The packet as text fields for a hop. */
export function viewPacket(p: Packet): PacketView {
  return { src: formatIp(p.src), dst: formatIp(p.dst), protocol: protocolName(p.protocol), srcPort: p.srcPort, dstPort: p.dstPort };
}

/** "10.0.1.10:49152 -> 52.216.1.1:443 tcp"; ICMP shows its type: "10.0.1.4 -> 10.0.2.4 icmp type 8". */
export function describePacket(p: Packet): string {
  return describeView(viewPacket(p));
}

function viewAddress(ip: string, port: number | undefined): string {
  if (port === undefined) return ip;
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** describePacket of a packet as a hop shows it (the same text). */
export function describeView(v: PacketView): string {
  if (v.protocol === 'icmp' || v.protocol === 'icmpv6') {
    const type = v.dstPort === undefined ? '' : ` type ${v.dstPort}`;
    return `${v.src} -> ${v.dst} ${v.protocol}${type}`;
  }
  return `${viewAddress(v.src, v.srcPort)} -> ${viewAddress(v.dst, v.dstPort)} ${v.protocol}`;
}

/**
 * The reply to a packet: addresses and ports swapped. For ICMP echo (type 8) the reply is
 * an echo reply (type 0); other ICMP types keep their type.
 */
export function replyOf(p: Packet): Packet {
  if (p.protocol === 1 || p.protocol === 58) {
    const echoReply = p.protocol === 1 ? (p.dstPort === 8 ? 0 : p.dstPort) : p.dstPort === 128 ? 129 : p.dstPort;
    return { src: p.dst, dst: p.src, protocol: p.protocol, srcPort: undefined, dstPort: echoReply };
  }
  return { src: p.dst, dst: p.src, protocol: p.protocol, srcPort: p.dstPort, dstPort: p.srcPort };
}
