// The filters a packet meets: security groups at an interface (stateful: a reply to a
// tracked connection always passes) and network ACLs at subnet boundaries (stateless:
// the reply is checked like any packet, with its own ports).
import type { Eni } from '../../model/resources.js';
import { evaluateNacl } from '../evaluate-nacl.js';
import { evaluateSecurityGroups } from '../evaluate-sg.js';
import type { Packet } from '../packet.js';
import type { NetworkAclStep } from '../steps.js';
import type { HopLog } from './hop-log.js';
import type { Stop } from './position.js';

/** How a security group check is made, beyond the plain case. */
export interface SgCheckOptions {
  /** The remote end is outside every VPC a group rule can reference (PrivateLink clients). */
  readonly remoteOutside?: boolean;
  /** Evaluate the rules even on the return walk: the packet opens a flow of its own (GENEVE to an appliance). */
  readonly fresh?: boolean;
  /** Whose rules these are beyond the plain case, with what the step records for it. */
  readonly context?: { readonly kind: 'geneve' } | { readonly kind: 'privateLinkNlb'; readonly loadBalancer: string; readonly clientIp: string };
  /** Ingress: the interface that sent the packet on its last hop (group references match only its groups). */
  readonly sender?: Eni | undefined;
  /** Ingress: the sender came through a transit gateway that lets group references match it. */
  readonly acrossTgw?: boolean;
}

/** Security groups of `eni` for a packet; records the hop. The stop when denied. */
export function passSecurityGroups(log: HopLog, eni: Eni, direction: 'ingress' | 'egress', packet: Packet, opts: SgCheckOptions = {}): Stop | undefined {
  if (!eni.filtered || eni.securityGroups.length === 0) return undefined;
  const w = log.env;
  const first = eni.securityGroups[0]!;
  const ctx = opts.context;
  const base = {
    type: 'securityGroup', direction, groups: eni.securityGroups, interface: eni.id,
    ...(ctx?.kind === 'privateLinkNlb' ? { context: ctx.kind, loadBalancer: ctx.loadBalancer, clientIp: ctx.clientIp } : ctx ? { context: ctx.kind } : {}),
  } as const;
  if (w.reply && !opts.fresh) {
    log.hop({ id: first, kind: 'securityGroup' }, 'allowed', { ...base, action: 'allowed', group: first, verdict: 'tracked', rule: undefined }, undefined, packet);
    return undefined;
  }
  const sender = direction === 'ingress' ? opts.sender : undefined;
  const d = evaluateSecurityGroups(w.ctx, eni, direction, packet, opts.remoteOutside ?? false, sender, sender !== undefined && opts.acrossTgw === true);
  if (d.allowed && d.group && d.rule) {
    const rule = { index: d.rule.index, written: d.rule.written, direction: d.rule.direction, ports: { from: d.rule.ports.from, to: d.rule.ports.to }, text: w.ctx.texts.sg(d.rule) };
    log.hop({ id: d.group.id, kind: 'securityGroup' }, 'allowed', { ...base, action: 'allowed', group: d.group.id, verdict: 'rule', rule }, d.rule.span, packet);
    return undefined;
  }
  // Behind a load balancer that translated the source, a refusal says what the rule missed.
  const hint = log.carry.clientHint;
  const sg = w.ctx.topology.securityGroups.get(first);
  return log.drop({ id: first, kind: 'securityGroup' }, 'denied', 'ENI_SG_RULES_MISMATCH',
    { ...base, action: 'denied', group: first, verdict: 'noRule', rule: undefined, ...(hint ? { clientHint: hint } : {}) }, sg?.span, packet);
}

/** The network ACL of a subnet in one direction; records the hop. The stop when denied. */
export function passNacl(log: HopLog, subnetId: string, direction: 'ingress' | 'egress', packet: Packet): Stop | undefined {
  const w = log.env;
  const subnet = w.ctx.topology.subnets.get(subnetId);
  const acl = subnet ? w.ctx.topology.networkAcls.get(subnet.networkAcl) : undefined;
  if (!subnet || !acl) return undefined;
  const d = evaluateNacl(acl, direction, packet);
  const step = (action: 'allowed' | 'denied'): NetworkAclStep => ({
    type: 'networkAcl', action, direction, acl: acl.id, subnet: subnetId,
    rule: d.rule ? { rule: d.rule.rule, action: d.rule.action, text: w.ctx.texts.acl(d.rule) } : { rule: '*', action: 'deny' },
  });
  const component = { id: acl.id, kind: 'networkAcl' as const };
  if (d.allowed && d.rule) {
    log.hop(component, 'allowed', step('allowed'), d.rule.span, packet);
    return undefined;
  }
  return log.drop(component, 'denied', 'SUBNET_ACL_RESTRICTION', step('denied'), d.rule ? d.rule.span : acl.span, packet);
}

/** Cross from one subnet into another (either may be outside any subnet: undefined). The stop when denied. */
export function crossSubnets(log: HopLog, from: string | undefined, to: string | undefined, packet: Packet): Stop | undefined {
  // Network ACLs apply where traffic crosses a subnet boundary, not between interfaces
  // of one subnet ("Control subnet traffic with network ACLs", Amazon VPC guide).
  if (from !== undefined && from === to) return undefined;
  return (from !== undefined ? passNacl(log, from, 'egress', packet) : undefined) ?? (to !== undefined ? passNacl(log, to, 'ingress', packet) : undefined);
}
