// Secondary private addresses are destinations of the relation (an interface receives on
// them as on its primary one: "Multiple IP addresses", Amazon EC2 guide), named by the
// address `trace --to` takes. Regression: the all-pairs engine knew only primary addresses,
// so `reach` had no answer for a flow `trace` answers differently (a rule for the
// secondary address alone), missed an NLB target registered by a secondary address, and
// missed an address held twice across overlapping VPCs.
import { describe, expect, it } from 'vitest';
import { topologyOf } from '../helpers/load.js';
import { computeReach } from '../../src/reach/compute-reach.js';
import { pairVerdict } from '../../src/reach/query-relation.js';
import { tracePair } from '../../src/reach/trace-pairs.js';
import { disagreements, unsoundClasses } from './compare-engines.js';

const HEAD = 'version: 1\nname: t\nregion: us-east-1\nvpcs:\n';
const Q = { protocol: 'tcp', port: 443 } as const;

function verdict(text: string, from: string, to: string): { reach: string; trace: string } {
  const t = topologyOf(text);
  const rel = computeReach(t, Q);
  const s = rel.ends.sources.find((e) => e.id === from)!;
  const d = rel.ends.destinations.find((e) => e.id === to)!;
  expect(d, `${to} is a destination end`).toBeDefined();
  return { reach: pairVerdict(rel, rel.ports[0]!, s, d), trace: tracePair(t, Q, 443, { from, to }) };
}

// The client's security group lets 443 out to the primary address and to the interface's secondary only.
const ACL = `${HEAD}  va:
    cidr: 10.1.0.0/16
    subnets:
      a1: { az: use1-az1, cidr: 10.1.5.0/24 }
      a2: { az: use1-az1, cidr: 10.1.6.0/24 }
    securityGroups:
      sg-client:
        egress:
          - { protocol: tcp, ports: 443, cidr: 10.1.6.11/32 }
          - { protocol: tcp, ports: 443, cidr: 10.1.6.31/32 }
      sg-open:
        ingress: [{ protocol: all, cidr: 0.0.0.0/0 }]
    instances:
      ia: { subnet: a1, privateIp: 10.1.5.10, securityGroups: [sg-client] }
      ib: { subnet: a2, privateIp: 10.1.6.11, secondaryPrivateIps: [10.1.6.30], securityGroups: [sg-open] }
    networkInterfaces:
      eni-lambda: { subnet: a2, privateIp: 10.1.6.12, secondaryPrivateIps: [10.1.6.31], type: lambda, securityGroups: [sg-open] }
`;

describe('secondary addresses in reach', () => {
  it('a flow to a secondary address gets trace\'s verdict, which differs from the primary\'s', () => {
    expect(verdict(ACL, 'ia', 'ib')).toEqual({ reach: 'reachable', trace: 'reachable' });
    expect(verdict(ACL, 'ia', '10.1.6.30')).toEqual({ reach: 'unreachable', trace: 'unreachable' });
    expect(verdict(ACL, 'ia', '10.1.6.31')).toEqual({ reach: 'reachable', trace: 'reachable' });
    const rel = computeReach(topologyOf(ACL), Q);
    expect(rel.ends.destinations.filter((e) => e.kind === 'secondaryAddress').map((e) => [e.id, e.eni!.id, e.inMatrix]).sort())
      .toEqual([['10.1.6.30', 'ib', true], ['10.1.6.31', 'eni-lambda', true]]);
    expect(disagreements(topologyOf(ACL), Q).diffs).toEqual([]);
  });

  it('an interface and its own secondary address are no pair', () => {
    const rel = computeReach(topologyOf(ACL), Q);
    const { pairs } = disagreements(topologyOf(ACL), Q);
    // 3 sources x 5 destinations, less 3 self pairs and 2 own-address pairs.
    expect(rel.ends.sources).toHaveLength(3);
    expect(rel.ends.destinations).toHaveLength(5);
    expect(pairs).toBe(10);
  });

  it('an NLB target registered by a secondary address is a class of its own', () => {
    const t = topologyOf(`${HEAD}  va:
    cidr: 10.1.0.0/16
    subnets:
      a1: { az: use1-az1, cidr: 10.1.5.0/24 }
    instances:
      ia: { subnet: a1, privateIp: 10.1.5.10, secondaryPrivateIps: [10.1.5.31] }
      ib: { subnet: a1, privateIp: 10.1.5.11, secondaryPrivateIps: [10.1.5.30] }
    loadBalancers:
      nlb: { type: network, subnets: [a1], listeners: [{ port: 443, protocol: tcp, targetGroup: tg }] }
    targetGroups:
      tg: { protocol: tcp, port: 443, targetType: ip, targets: [{ ip: 10.1.5.30 }] }
`);
    const rel = computeReach(t, Q);
    const classOf = (id: string) => rel.partition.classOf.get(id)!;
    expect(rel.partition.classes[classOf('10.1.5.30')]!.members).toEqual(['10.1.5.30']);
    expect(disagreements(t, Q).diffs).toEqual([]);
    expect(unsoundClasses(t, Q)).toEqual([]);
  });

  it('an address one VPC holds as a secondary and an overlapping one as a primary is traced pair by pair', () => {
    const text = `${HEAD}  va:
    cidr: 10.1.0.0/16
    subnets:
      a1: { az: use1-az1, cidr: 10.1.5.0/24 }
    instances:
      ia: { subnet: a1, privateIp: 10.1.5.10 }
      ik: { subnet: a1, privateIp: 10.1.5.11, secondaryPrivateIps: [10.1.5.20] }
  vb:
    cidr: 10.1.0.0/16
    subnets:
      b1: { az: use1-az1, cidr: 10.1.5.0/24 }
    instances:
      ip: { subnet: b1, privateIp: 10.1.5.20 }
      iq: { subnet: b1, privateIp: 10.1.5.21 }
`;
    const t = topologyOf(text);
    const rel = computeReach(t, Q);
    const end = rel.ends.destinations.find((e) => e.id === '10.1.5.20')!;
    expect([end.kind, end.eni!.id, end.inMatrix]).toEqual(['secondaryAddress', 'ik', false]);
    // From vb the address is ip's own: ip and the address are no pair; iq reaches ip there.
    expect(verdict(text, 'iq', '10.1.5.20')).toEqual({ reach: 'reachable', trace: 'reachable' });
    expect(verdict(text, 'ia', '10.1.5.20')).toEqual({ reach: 'reachable', trace: 'reachable' });
    expect(computeReach(t, Q).ends.destinations.filter((e) => e.id === '10.1.5.20')).toHaveLength(1);
    expect(disagreements(t, Q).diffs).toEqual([]);
    expect(unsoundClasses(t, Q)).toEqual([]);
  });
});
