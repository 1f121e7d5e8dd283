// Security group evaluation ("Security group rules", Amazon VPC guide) against a naive
// any-match loop: traffic passes when any rule of any group on the interface matches its
// protocol, ports and peer. A CIDR peer contains the remote address; a prefix list has an
// entry that does; a group peer matches, on ingress, when the interface that sent the packet
// on its last hop is a member of the group and, on egress, when the destination address is an
// interface that is one; either in the same VPC or in a VPC peered by an active connection in
// the same region ("Update your security groups to reference peer security groups", VPC
// Peering guide). And the invariant behind it: a group reference never matches a packet whose
// last sender is not a member, whatever its source address says.
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
  // An interface holds its secondary private addresses as it holds its primary one, with the
  // same groups ("Multiple IP addresses", EC2 guide).
  const holds = (e: Eni): boolean => e.privateIp.value === remote || e.secondaryIps.some((ip) => ip.value === remote);
  const inVpc = (vpc: string): Eni[] => [...t.enis.values()].filter((e) => e.vpc === vpc && holds(e));
  const local = inVpc(self.vpc);
  return local.length > 0 ? local : peers.flatMap(inVpc).slice(0, 1);
}

function peersOf(t: Topology, self: Eni): string[] {
  const region = t.vpcs.get(self.vpc)!.region;
  return [...t.peeringConnections.values()]
    .filter((c) => c.status === 'active' && (c.requester === self.vpc || c.accepter === self.vpc))
    .map((c) => (c.requester === self.vpc ? c.accepter : c.requester))
    .filter((v) => t.vpcs.get(v)!.region === region);
}

function ruleMatches(t: Topology, rule: SgRule, self: Eni, p: Packet, sender: Eni | undefined): boolean {
  const remote = rule.direction === 'ingress' ? p.src.value : p.dst.value;
  if (!trafficMatches(rule, p)) return false;
  switch (rule.peer.kind) {
    case 'cidr': return within(rule.peer.prefix.network, rule.peer.prefix.length, remote);
    case 'prefixList': return t.prefixLists.get(rule.peer.prefixList)!.entries.some((e) => within(e.network, e.length, remote));
    case 'securityGroup': {
      const sg = rule.peer.securityGroup;
      if (rule.direction === 'ingress') {
        return sender !== undefined && sender.securityGroups.includes(sg) && (sender.vpc === self.vpc || peersOf(t, self).includes(sender.vpc));
      }
      return remoteInterfaces(t, self, remote).some((e) => e.securityGroups.includes(sg));
    }
    default: return false;
  }
}

function naive(t: Topology, eni: Eni, direction: 'ingress' | 'egress', p: Packet, sender: Eni | undefined): boolean {
  return eni.securityGroups.some((id) => {
    const sg = t.securityGroups.get(id)!;
    return (direction === 'ingress' ? sg.ingress : sg.egress).some((r) => ruleMatches(t, r, eni, p, sender));
  });
}

const caseArb = fc.record({
  topology: rawTopologyArb(),
  packets: fc.array(packetPlanArb, { minLength: 1, maxLength: 12 }),
  /** Per packet: the direct sender (the interface holding the source), another interface, or none. */
  senders: fc.array(fc.nat(20), { minLength: 12, maxLength: 12 }),
});

describe('security group evaluation', () => {
  it('equals a naive any-match loop over every rule of every group on the interface', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    let groupDecided = 0;
    checkProperty('SG oracle', fc.property(caseArb, ({ topology: raw, packets, senders }) => {
      const { topology } = loadRaw(raw);
      const ctx = engineContext(topology);
      const enis = [...topology.enis.values()].filter((e) => e.filtered);
      const rulePrefixes = [...topology.securityGroups.values()].flatMap((g) => [...g.ingress, ...g.egress])
        .flatMap((r) => (r.peer.kind === 'cidr' ? [r.peer.prefix.network, r.peer.prefix.network - 1n] : []));
      const pool = [...enis.flatMap((e) => [e.privateIp.value, ...e.secondaryIps.map((ip) => ip.value), ...(e.publicIp ? [e.publicIp.value] : [])]), ...rulePrefixes].filter((v) => v >= 0n);
      const all = [...topology.enis.values()];
      for (const eni of enis) {
        packets.forEach((plan, k) => {
          const p = packetOf(plan, pool);
          const pickIndex = senders[k]!;
          const direct = remoteInterfaces(topology, eni, p.src.value)[0];
          const sender = pickIndex === 0 ? undefined : pickIndex < 10 ? direct : all[pickIndex % all.length];
          for (const direction of ['ingress', 'egress'] as const) {
            const got = evaluateSecurityGroups(ctx, eni, direction, p, false, direction === 'ingress' ? sender : undefined);
            const want = naive(topology, eni, direction, p, sender);
            const what = `${eni.id} ${direction} sender ${sender?.id ?? 'none'} ${JSON.stringify(p, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`;
            expect(got.allowed, what).toBe(want);
            if (got.allowed) {
              expect(eni.securityGroups, what).toContain(got.group!.id);
              expect(ruleMatches(topology, got.rule!, eni, p, sender), `the deciding rule matches: ${what}`).toBe(true);
              // The invariant: a group reference never matches a packet whose last sender is not a member.
              if (direction === 'ingress' && got.rule!.peer.kind === 'securityGroup') {
                groupDecided++;
                expect(sender?.securityGroups ?? [], what).toContain(got.rule!.peer.securityGroup);
              }
            }
          }
        });
      }
    }));
    // Filtered cases must not be vacuous: group references decided some ingress packets.
    expect(groupDecided).toBeGreaterThan(10);
  });
});
