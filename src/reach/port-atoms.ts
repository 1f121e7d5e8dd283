// Port atoms: for `--port all`, the destination ports cut at every rule's range and every
// listener port, so that one representative port answers for its whole atom (rules match
// ports by range; "Security group rules", "Network ACL rules"). The reply's port is the
// source port, which is fixed, so only forward ports are cut.
import type { FlowProtocol } from '../engine/query.js';
import type { Topology } from '../model/topology.js';

/** An inclusive range of destination ports (or ICMP types) that all get the same verdicts. */
export interface PortSpan {
  readonly from: number;
  readonly to: number;
}

/** The port atoms of a protocol over a topology (none for `all`: it has no ports). */
export function portAtoms(topology: Topology, protocol: FlowProtocol): PortSpan[] {
  if (protocol === 'all') return [];
  const number = { tcp: 6, udp: 17, icmp: 1, icmpv6: 58 }[protocol];
  const [min, max] = number === 6 || number === 17 ? [1, 65535] : [0, 255];
  const cuts = new Set<number>([min, max + 1]);
  const cut = (from: number, to: number): void => {
    if (from > min && from <= max) cuts.add(from);
    if (to + 1 > min && to + 1 <= max) cuts.add(to + 1);
  };
  for (const sg of topology.securityGroups.values()) for (const r of [...sg.ingress, ...sg.egress]) if (r.protocol === number) cut(r.ports.from, r.ports.to);
  for (const acl of topology.networkAcls.values()) for (const r of [...acl.ingress, ...acl.egress]) if (r.protocol === number) cut(r.ports.from, r.ports.to);
  for (const lb of topology.loadBalancers.values()) for (const l of lb.listeners) cut(l.port, l.port);
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: PortSpan[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) out.push({ from: sorted[i]!, to: sorted[i + 1]! - 1 });
  return out;
}
