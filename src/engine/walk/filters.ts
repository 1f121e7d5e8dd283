// The filters a packet meets: security groups at an interface (stateful: a reply to a
// tracked connection always passes) and network ACLs at subnet boundaries (stateless:
// the reply is checked like any packet, with its own ports).
import type { Eni } from '../../model/resources.js';
import { describeAclRule, describeSgRule } from '../describe-rule.js';
import { evaluateNacl } from '../evaluate-nacl.js';
import { evaluateSecurityGroups } from '../evaluate-sg.js';
import { describePacket, type Packet } from '../packet.js';
import type { NetworkAclStep } from '../steps.js';
import type { HopLog } from './hop-log.js';
import type { Stop } from './position.js';

/** How a security group check is made, beyond the plain case. */
export interface SgCheckOptions {
  /** The remote end is outside every VPC a group rule can reference (PrivateLink clients). */
  readonly remoteOutside?: boolean;
  /** Evaluate the rules even on the return walk: the packet opens a flow of its own (GENEVE to an appliance). */
  readonly fresh?: boolean;
  /** A clause added to the hop's detail. */
  readonly note?: string;
  /** The hop's why, when the default sentence does not fit. */
  readonly why?: string;
  /** Ingress: the interface that sent the packet on its last hop (group references match only its groups). */
  readonly sender?: Eni | undefined;
}

/** Security groups of `eni` for a packet; records the hop. The stop when denied. */
export function passSecurityGroups(log: HopLog, eni: Eni, direction: 'ingress' | 'egress', packet: Packet, opts: SgCheckOptions = {}): Stop | undefined {
  if (!eni.filtered || eni.securityGroups.length === 0) return undefined;
  const w = log.env;
  const first = eni.securityGroups[0]!;
  const names = eni.securityGroups.join(', ');
  const note = opts.note ? ` (${opts.note})` : '';
  if (w.reply && !opts.fresh) {
    log.hop({ id: first, kind: 'securityGroup' }, 'allowed', `${names}: reply of a tracked connection (security groups are stateful)`, undefined, packet,
      'Security groups are stateful: once a connection is allowed one way, its replies pass whatever the rules say.',
      [{ type: 'securityGroup', action: 'allowed', direction, group: first, verdict: 'tracked', rule: undefined }]);
    return undefined;
  }
  const sender = direction === 'ingress' ? opts.sender : undefined;
  const d = evaluateSecurityGroups(w.ctx, eni, direction, packet, opts.remoteOutside ?? false, sender);
  if (d.allowed && d.group && d.rule) {
    const rule = { index: d.rule.index, written: d.rule.written, direction: d.rule.direction, ports: { from: d.rule.ports.from, to: d.rule.ports.to } };
    log.hop({ id: d.group.id, kind: 'securityGroup' }, 'allowed', `${d.group.id} ${describeSgRule(d.rule, w.ctx.topology)} allows ${describePacket(packet)}${note}`, d.rule.span, packet, opts.why,
      [{ type: 'securityGroup', action: 'allowed', direction, group: d.group.id, verdict: 'rule', rule }]);
    return undefined;
  }
  // Behind a load balancer that translated the source, a refusal says what the rule missed.
  const hint = log.carry.clientHint;
  const sg = w.ctx.topology.securityGroups.get(first);
  const toFrom = direction === 'egress' ? 'out of' : 'into';
  return log.drop({ id: first, kind: 'securityGroup' }, 'denied', 'ENI_SG_RULES_MISMATCH',
    `no ${direction} rule of ${names} allows ${describePacket(packet)} ${toFrom} ${eni.id}${note}${hint?.note ?? ''}`, sg?.span, packet,
    hint?.why ?? opts.why ?? 'Security groups only allow: traffic that no rule of any group on the interface allows is dropped.', [],
    [{ type: 'securityGroup', action: 'denied', direction, group: first, verdict: 'noRule', rule: undefined }]);
}

/** The network ACL of a subnet in one direction; records the hop. The stop when denied. */
export function passNacl(log: HopLog, subnetId: string, direction: 'ingress' | 'egress', packet: Packet): Stop | undefined {
  const w = log.env;
  const subnet = w.ctx.topology.subnets.get(subnetId);
  const acl = subnet ? w.ctx.topology.networkAcls.get(subnet.networkAcl) : undefined;
  if (!subnet || !acl) return undefined;
  const d = evaluateNacl(acl, direction, packet);
  const where = direction === 'egress' ? `leaving ${subnetId}` : `entering ${subnetId}`;
  const step = (action: 'allowed' | 'denied'): NetworkAclStep[] =>
    [{ type: 'networkAcl', action, direction, acl: acl.id, subnet: subnetId, rule: d.rule ? { rule: d.rule.rule, action: d.rule.action } : { rule: '*', action: 'deny' } }];
  if (d.allowed && d.rule) {
    log.hop({ id: acl.id, kind: 'networkAcl' }, 'allowed', `${acl.id} ${describeAclRule(d.rule)} lets ${describePacket(packet)} ${where}`, d.rule.span, packet, undefined, step('allowed'));
    return undefined;
  }
  const why = w.reply
    ? 'Network ACLs are stateless: the reply is a packet of its own and needs a rule that allows it, usually on ephemeral ports 1024-65535.'
    : 'Network ACLs check rules in number order; the first match decides and no match is the implicit deny.';
  if (d.rule) {
    return log.drop({ id: acl.id, kind: 'networkAcl' }, 'denied', 'SUBNET_ACL_RESTRICTION', `${acl.id} ${describeAclRule(d.rule)} blocks ${describePacket(packet)} ${where}`, d.rule.span, packet, why, [], step('denied'));
  }
  return log.drop({ id: acl.id, kind: 'networkAcl' }, 'denied', 'SUBNET_ACL_RESTRICTION', `${acl.id}: no ${direction} rule matches ${describePacket(packet)} ${where}; the implicit deny (*) applies`, acl.span, packet, why, [], step('denied'));
}

/** Cross from one subnet into another (either may be outside any subnet: undefined). The stop when denied. */
export function crossSubnets(log: HopLog, from: string | undefined, to: string | undefined, packet: Packet): Stop | undefined {
  // Network ACLs apply where traffic crosses a subnet boundary, not between interfaces
  // of one subnet ("Control subnet traffic with network ACLs", Amazon VPC guide).
  if (from !== undefined && from === to) return undefined;
  return (from !== undefined ? passNacl(log, from, 'egress', packet) : undefined) ?? (to !== undefined ? passNacl(log, to, 'ingress', packet) : undefined);
}
