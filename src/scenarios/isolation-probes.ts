// The flows an `isolated` check tries between each pair. A security group, network ACL or
// listener decides on port ranges, so the verdict for a port can only change where some
// range of the file starts or ends: probing every range's edges (and one port either side)
// plus well-known service ports covers every distinct answer the model can give for TCP
// and UDP. ICMP is probed with the common types, `all` with no port.
import type { FlowProtocol } from '../engine/query.js';
import type { PortRange } from '../model/rules.js';
import { PROTOCOL } from '../model/rules.js';
import type { Check } from '../model/check.js';
import type { Topology } from '../model/topology.js';

/** One flow an isolation check tries. */
export interface Probe {
  readonly protocol: FlowProtocol;
  readonly port: number | undefined;
}

/** Service ports always probed, TCP and UDP: SSH, SMTP, DNS, HTTP, NTP, HTTPS, databases, ... */
export const WELL_KNOWN_PORTS: readonly number[] = [
  22, 25, 53, 80, 123, 443, 1433, 2049, 3306, 3389, 5432, 6379, 8080, 8443, 9200, 27017,
];

/** ICMP types always probed: echo reply, destination unreachable, echo request, time exceeded. */
export const ICMP_TYPES: readonly number[] = [0, 3, 8, 11];

/** The probes for a check on a topology, in a stable order. */
export function isolationProbes(topology: Topology, check: Check): Probe[] {
  const ports = new Set<number>([1, 65535, ...WELL_KNOWN_PORTS]);
  if (check.port !== undefined) ports.add(check.port);
  const icmpTypes = new Set<number>(ICMP_TYPES);
  const addEdges = (set: Set<number>, r: PortRange, max: number): void => {
    for (const p of [r.from - 1, r.from, r.to, r.to + 1]) if (p >= (max === 255 ? 0 : 1) && p <= max) set.add(p);
  };
  const portRule = (protocol: number, r: PortRange): void => {
    if (protocol === PROTOCOL.tcp || protocol === PROTOCOL.udp || protocol === PROTOCOL.all) addEdges(ports, r, 65535);
    else if (protocol === PROTOCOL.icmp) addEdges(icmpTypes, r, 255);
  };
  for (const sg of topology.securityGroups.values()) for (const r of [...sg.ingress, ...sg.egress]) portRule(r.protocol, r.ports);
  for (const acl of topology.networkAcls.values()) for (const r of [...acl.ingress, ...acl.egress]) portRule(r.protocol, r.ports);
  const single = (p: number): void => {
    if (p >= 1 && p <= 65535) ports.add(p);
  };
  // A listener answers on its own port only: the ports either side of it start other answers.
  for (const lb of topology.loadBalancers.values()) for (const l of lb.listeners) for (const p of [l.port - 1, l.port, l.port + 1]) single(p);
  for (const tg of topology.targetGroups.values()) {
    single(tg.port);
    for (const t of tg.targets) if (t.kind !== 'lambda') single(t.port);
  }
  // The edges of the ports an `only: { ports }` check allows: the answer it asks changes there.
  for (const a of check.onlyPorts ?? []) addEdges(a.protocol === 'icmp' ? icmpTypes : ports, a, a.protocol === 'icmp' ? 255 : 65535);
  const sortedPorts = [...ports].sort((a, b) => a - b);
  return [
    ...sortedPorts.map((port) => ({ protocol: 'tcp' as const, port })),
    ...sortedPorts.map((port) => ({ protocol: 'udp' as const, port })),
    ...[...icmpTypes].sort((a, b) => a - b).map((port) => ({ protocol: 'icmp' as const, port })),
    { protocol: 'all', port: undefined },
  ];
}
