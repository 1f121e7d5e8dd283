// A packet as one line of text for diagrams: "tcp 10.2.1.5:49152 -> 10.2.1.4:443"
// (IPv6 addresses bracketed when a port follows; ICMP without ports).
import type { PacketView } from '../engine/trace.js';

/** The packet's protocol, source and destination. */
export function formatPacket(p: PacketView): string {
  const end = (ip: string, port: number | undefined): string => (port === undefined || p.protocol.startsWith('icmp') ? ip : ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);
  return `${p.protocol} ${end(p.src, p.srcPort)} -> ${end(p.dst, p.dstPort)}`;
}
