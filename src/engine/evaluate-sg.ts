// Security group evaluation ("Security group rules", Amazon VPC guide): rules only allow;
// traffic passes when any rule of any group on the interface matches. A rule may name a
// CIDR, a prefix list, or a security group, which matches interfaces that are members of it
// (in the same VPC, or a peered VPC in the same region: "Update your security groups to
// reference peer security groups", VPC Peering guide). Membership is a property of the
// interface, not of an address: an ingress rule naming a group matches only when the
// interface that sent the packet on its last hop is a member, so a reference does not
// survive a relay (an appliance, a GWLB endpoint, a load balancer node: the same guide, "if
// you reference the security group of the other instance as the source, this does not allow
// traffic to flow" through a middlebox; "Target security groups", NLB guide). Egress rules
// naming a group match the interface that holds the destination address. Statefulness is
// the walker's job.
import type { Ip } from '../net/ip.js';
import { prefixContains } from '../net/prefix.js';
import type { Eni, SecurityGroup, SgRule } from '../model/resources.js';
import type { EngineContext } from './compile/engine-context.js';
import { ruleMatchesTraffic } from './match-traffic.js';
import type { Packet } from './packet.js';

/** The decision of an interface's security groups for one packet. */
export interface SgDecision {
  readonly allowed: boolean;
  /** The group and rule that allowed it. */
  readonly group: SecurityGroup | undefined;
  readonly rule: SgRule | undefined;
}

/** The interface at the other end of the packet, if the address is one in reach. */
function remoteEni(ctx: EngineContext, self: Eni, remote: Ip): Eni | undefined {
  const local = ctx.eniAt(self.vpc, remote);
  if (local) return local;
  const region = ctx.topology.vpcs.get(self.vpc)?.region;
  for (const pcx of ctx.peerings.get(self.vpc) ?? []) {
    if (pcx.status !== 'active') continue;
    const other = pcx.requester === self.vpc ? pcx.accepter : pcx.requester;
    if (ctx.topology.vpcs.get(other)?.region !== region) continue;
    const found = ctx.eniAt(other, remote);
    if (found) return found;
  }
  return undefined;
}

/**
 * Whether a rule on `self` can see `other` as a group member: the same VPC, a VPC peered by an
 * active connection in the same region, or (`acrossTgw`: the sender came through a transit
 * gateway with security group referencing on for it and both attachments) a VPC of the same
 * region ("Security group referencing", Transit Gateways guide).
 */
function visibleMember(ctx: EngineContext, self: Eni, other: Eni, acrossTgw: boolean): boolean {
  if (other.vpc === self.vpc) return true;
  const region = ctx.topology.vpcs.get(self.vpc)?.region;
  if (acrossTgw && ctx.topology.vpcs.get(other.vpc)?.region === region) return true;
  return (ctx.peerings.get(self.vpc) ?? []).some((pcx) => pcx.status === 'active' &&
    (pcx.requester === other.vpc || pcx.accepter === other.vpc) && ctx.topology.vpcs.get(other.vpc)?.region === region);
}

function peerMatches(ctx: EngineContext, rule: SgRule, self: Eni, remote: Ip, remoteOutside: boolean, sender: Eni | undefined, acrossTgw: boolean): boolean {
  switch (rule.peer.kind) {
    case 'cidr':
      return prefixContains(rule.peer.prefix, remote);
    case 'prefixList':
      return (ctx.topology.prefixLists.get(rule.peer.prefixList)?.entries ?? []).some((p) => prefixContains(p, remote));
    case 'securityGroup': {
      // A peer known to be outside every VPC the rule could see (PrivateLink's consumer) is no member.
      const members = ctx.sgMembers.get(rule.peer.securityGroup);
      if (!members || members.size === 0 || remoteOutside) return false;
      if (rule.direction === 'ingress') return sender !== undefined && members.has(sender.id) && visibleMember(ctx, self, sender, acrossTgw);
      const eni = remoteEni(ctx, self, remote);
      return eni !== undefined && members.has(eni.id);
    }
    default: {
      const never: never = rule.peer;
      return never;
    }
  }
}

/**
 * Evaluate the groups of `eni` for a packet leaving (egress) or arriving (ingress).
 * `remoteOutside`: the other end is in no VPC the groups can reference (it matches CIDR and
 * prefix-list rules only), as for PrivateLink clients seen by an NLB's security groups.
 * `sender`: for ingress, the interface that sent the packet on its last hop (undefined when
 * none did: the internet, a gateway); only its groups match group references. `acrossTgw`:
 * the sender reached the interface through a transit gateway that lets references match it
 * (the stricter reading takes references in inbound rules only: an outbound rule names the
 * destination's groups, which only the VPC and its peers resolve).
 */
export function evaluateSecurityGroups(
  ctx: EngineContext,
  eni: Eni,
  direction: 'ingress' | 'egress',
  packet: Packet,
  remoteOutside = false,
  sender: Eni | undefined = undefined,
  acrossTgw = false,
): SgDecision {
  const remote = direction === 'ingress' ? packet.src : packet.dst;
  for (const sgId of eni.securityGroups) {
    const group = ctx.topology.securityGroups.get(sgId);
    if (!group) continue;
    for (const rule of direction === 'ingress' ? group.ingress : group.egress) {
      if (ruleMatchesTraffic(rule.protocol, rule.ports, packet) && peerMatches(ctx, rule, eni, remote, remoteOutside, sender, acrossTgw)) {
        return { allowed: true, group, rule };
      }
    }
  }
  return { allowed: false, group: undefined, rule: undefined };
}
