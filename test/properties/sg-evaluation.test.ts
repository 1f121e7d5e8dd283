// Security group evaluation ("Security group rules", Amazon VPC guide) against a naive
// any-match loop: traffic passes when any rule of any group on the interface matches its
// protocol, ports and peer. A CIDR peer contains the remote address; a prefix list has an
// entry that does; a group peer matches when the remote address is an interface that is a
// member of the group, in the same VPC or in a VPC peered by an active connection in the same
// region ("Update your security groups to reference peer security groups", VPC Peering guide).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { engineContext } from '../../src/engine/compile/engine-context.js';
import { evaluateSecurityGroups } from '../../src/engine/evaluate-sg.js';
import type { Packet } from '../../src/engine/packet.js';
import type { Eni, SgRule } from '../../src/model/resources.js';
import type { Topology } from '../../src/model/topology.js';
import { packetOf, packetPlanArb } from '../arbitraries/packets.js';
import { loadRaw, rawTopologyArb } from '../arbitraries/topology.js';
import { checkProperty, PROPERTY_TIMEOUT_MS } from './property-runner.js';

function within(network: bigint, length: number, v: bigint): boolean {
  const shift = BigInt(32 - length);
  return v >> shift === network >> shift;
}

function trafficMatches(rule: SgRule, p: Packet): boolean {
  if (rule.protocol === -1) return true;
  if (rule.protocol !== p.protocol) return false;
  if (p.dstPort === undefined) return rule.ports.from === 0 && rule.ports.to === 65535;
  return rule.ports.from <= p.dstPort && p.dstPort <= rule.ports.to;
}

function remoteInterfaces(t: Topology, self: Eni, remote: bigint): Eni[] {
  const region = t.vpcs.get(self.vpc)!.region;
  const peers = [...t.peeringConnections.values()]
    .filter((c) => c.status === 'active' && (c.requester === self.vpc || c.accepter === self.vpc))
    .map((c) => (c.requester === self.vpc ? c.accepter : c.requester))
    .filter((v) => t.vpcs.get(v)!.region === region);
  const inVpc = (vpc: string): Eni[] => [...t.enis.values()].filter((e) => e.vpc === vpc && e.privateIp.value === remote);
  const local = inVpc(self.vpc);
  return local.length > 0 ? local : peers.flatMap(inVpc).slice(0, 1);
}

function ruleMatches(t: Topology, rule: SgRule, self: Eni, p: Packet): boolean {
  const remote = rule.direction === 'ingress' ? p.src.value : p.dst.value;
  if (!trafficMatches(rule, p)) return false;
  switch (rule.peer.kind) {
    case 'cidr': return within(rule.peer.prefix.network, rule.peer.prefix.length, remote);
    case 'prefixList': return t.prefixLists.get(rule.peer.prefixList)!.entries.some((e) => within(e.network, e.length, remote));
    case 'securityGroup': {
      const sg = rule.peer.securityGroup;
      return remoteInterfaces(t, self, remote).some((e) => e.securityGroups.includes(sg));
    }
    default: return false;
  }
}

function naive(t: Topology, eni: Eni, direction: 'ingress' | 'egress', p: Packet): boolean {
  return eni.securityGroups.some((id) => {
    const sg = t.securityGroups.get(id)!;
    return (direction === 'ingress' ? sg.ingress : sg.egress).some((r) => ruleMatches(t, r, eni, p));
  });
}

const caseArb = fc.record({ topology: rawTopologyArb(), packets: fc.array(packetPlanArb, { minLength: 1, maxLength: 12 }) });

describe('security group evaluation', () => {
  it('equals a naive any-match loop over every rule of every group on the interface', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    checkProperty('SG oracle', fc.property(caseArb, ({ topology: raw, packets }) => {
      const { topology } = loadRaw(raw);
      const ctx = engineContext(topology);
      const enis = [...topology.enis.values()].filter((e) => e.filtered);
      const rulePrefixes = [...topology.securityGroups.values()].flatMap((g) => [...g.ingress, ...g.egress])
        .flatMap((r) => (r.peer.kind === 'cidr' ? [r.peer.prefix.network, r.peer.prefix.network - 1n] : []));
      const pool = [...enis.flatMap((e) => [e.privateIp.value, ...(e.publicIp ? [e.publicIp.value] : [])]), ...rulePrefixes].filter((v) => v >= 0n);
      for (const eni of enis) {
        for (const plan of packets) {
          const p = packetOf(plan, pool);
          for (const direction of ['ingress', 'egress'] as const) {
            const got = evaluateSecurityGroups(ctx, eni, direction, p);
            const want = naive(topology, eni, direction, p);
            const what = `${eni.id} ${direction} ${JSON.stringify(p, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`;
            expect(got.allowed, what).toBe(want);
            if (got.allowed) {
              expect(eni.securityGroups, what).toContain(got.group!.id);
              expect(ruleMatches(topology, got.rule!, eni, p), `the deciding rule matches: ${what}`).toBe(true);
            }
          }
        }
      }
    }));
  });
});
