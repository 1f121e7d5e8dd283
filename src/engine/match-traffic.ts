// Whether a rule's protocol and port range cover a packet. A rule for all protocols (-1)
// covers everything; a flow of "all" protocols is covered only by such a rule (the strict
// reading: every protocol would have to pass). Rules match on the destination port range
// ("Security group rules", "Network ACL rules", Amazon VPC guide); for ICMP the range holds
// ICMP types, as the EC2 API's FromPort/ToPort do.
import type { PortRange } from '../model/rules.js';
import type { Packet } from './packet.js';

/** Protocol and port match of one rule against one packet. */
export function ruleMatchesTraffic(protocol: number, ports: PortRange, packet: Packet): boolean {
  if (protocol === -1) return true;
  if (protocol !== packet.protocol) return false;
  if (packet.dstPort === undefined) return ports.from === 0 && ports.to === 65535;
  // ICMP rules carry the ICMP type in the port range; all types is 0-65535 here.
  return packet.dstPort >= ports.from && packet.dstPort <= ports.to;
}
