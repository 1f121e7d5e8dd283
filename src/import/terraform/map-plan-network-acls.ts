// Network ACLs: aws_network_acl (inline ingress / egress, subnet_ids), aws_network_acl_rule,
// aws_network_acl_association and aws_default_network_acl. AWS provider docs,
// aws_default_network_acl: the provider "removes all rules" of the default ACL and adds
// only those configured, and subnets not associated with another ACL use it ("Network
// ACLs", Amazon VPC guide: a subnet not explicitly associated uses the default network
// ACL). The implicit final deny (rule *) is format v1's, never written.
import type { RawAclRule } from '../../model/format.js';
import { hasPorts, portsOf, protocolOf } from '../aws/aws-values.js';
import { cidrOut } from '../aws/normalise-cidr.js';
import type { Noted, OutNetworkAcl, OutVpc } from '../aws/output-model.js';
import { claimAddress, emit, idOf, noted } from './emit-resource.js';
import { linkAll, linkOne } from './link-reference.js';
import { srcOf, warnAt, type PlanContext } from './plan-context.js';
import { blocks, knownBool, knownString, type Obj, type PlanResource } from './plan-model.js';
import { SUBNET_TYPES } from './map-plan-subnets.js';
import { VPC_TYPES, vpcOfResource } from './map-plan-vpcs.js';

/** Resource types that are network ACLs. */
export const ACL_TYPES = ['aws_network_acl', 'aws_default_network_acl'] as const;

function ruleOf(ctx: PlanContext, r: PlanResource, b: Obj, keys: { rule: string; action: string }): Noted<RawAclRule> | undefined {
  const num = (k: string): number | undefined => (typeof b[k] === 'number' ? (b[k] as number) : typeof b[k] === 'string' && /^-?\d+$/.test(b[k] as string) ? Number(b[k]) : undefined);
  const rule = num(keys.rule);
  const action = String(b[keys.action] ?? '').toLowerCase();
  const protocol = protocolOf(String(b['protocol'] ?? ''));
  if (rule === undefined || (action !== 'allow' && action !== 'deny') || protocol === undefined) {
    warnAt(ctx, 'VALUE_UNKNOWN', r, `${r.address}: an ACL rule whose number, action or protocol is not known at plan time is left out`);
    return undefined;
  }
  const from = num('from_port');
  const to = num('to_port');
  const icmp = num('icmp_type');
  const ports = hasPorts(protocol) && from !== undefined && to !== undefined && !(from <= 1 && to === 65535)
    ? portsOf(from, to)
    : (protocol === 'icmp' || protocol === 'icmpv6') && icmp !== undefined && icmp !== -1 ? icmp : undefined;
  const c4 = typeof b['cidr_block'] === 'string' && b['cidr_block'] !== '' ? (b['cidr_block'] as string) : undefined;
  const c6 = typeof b['ipv6_cidr_block'] === 'string' && b['ipv6_cidr_block'] !== '' ? (b['ipv6_cidr_block'] as string) : undefined;
  const cidr = c4 !== undefined ? cidrOut(ctx.aws, c4, r.address, srcOf(ctx, r), r.loc.path) : undefined;
  const ipv6Cidr = c6 !== undefined ? cidrOut(ctx.aws, c6, r.address, srcOf(ctx, r), r.loc.path) : undefined;
  if (cidr === undefined && ipv6Cidr === undefined) return undefined;
  return noted(ctx, r, { rule, action, protocol, ...(ports !== undefined ? { ports } : {}), ...(cidr !== undefined ? { cidr } : { ipv6Cidr: ipv6Cidr! }) });
}

function inline(ctx: PlanContext, r: PlanResource, key: 'ingress' | 'egress'): Noted<RawAclRule>[] {
  if (r.unknown[key] === true) {
    if (r.config?.expressions[key] !== undefined || ctx.plan.formatVersion === '0.1') {
      warnAt(ctx, 'VALUE_UNKNOWN', r, `${r.address}: the ${key} rules are known only after apply; they are left out (the ACL denies that direction unless rule resources add entries)`);
    }
    return [];
  }
  return blocks(r, key).map((b) => ruleOf(ctx, r, b, { rule: 'rule_no', action: 'action' })).filter((x): x is Noted<RawAclRule> => x !== undefined);
}

function associate(ctx: PlanContext, vpc: OutVpc, subnet: PlanResource, acl: string): void {
  const s = vpc.subnets.get(idOf(ctx, subnet) ?? '');
  if (s) s.value.networkAcl = acl;
}

/** Emit network ACLs, their rule resources and associations. */
export function mapNetworkAcls(ctx: PlanContext, resources: readonly PlanResource[]): void {
  const acls = new Map<string, { acl: OutNetworkAcl; vpc: OutVpc }>();
  const defaults: [PlanResource, OutVpc][] = [];
  for (const r of resources.filter((x) => (ACL_TYPES as readonly string[]).includes(x.type))) {
    ctx.handled.add(r.address);
    const isDefault = r.type === 'aws_default_network_acl';
    const vpcRes = isDefault ? linkOne(ctx, r, { attr: 'default_network_acl_id', types: VPC_TYPES, what: 'VPC' }) : vpcOfResource(ctx, r);
    const vpc = ctx.out.vpcs.get(idOf(ctx, vpcRes) ?? '');
    if (!vpc) continue;
    const id = claimAddress(ctx, r, 'network ACL');
    if (id === undefined) continue;
    const e = emit<OutNetworkAcl>(ctx, r, { ingress: inline(ctx, r, 'ingress'), egress: inline(ctx, r, 'egress') },
      isDefault ? ["the VPC's default network ACL, managed by Terraform: only the rules written here"] : []);
    vpc.networkAcls.set(id, e);
    ctx.vpcOfId.set(id, vpc);
    acls.set(r.address, { acl: e.value, vpc });
    if (isDefault) defaults.push([r, vpc]);
  }
  for (const [r, vpc] of defaults) for (const s of vpc.subnets.values()) if (s.value.networkAcl === undefined) s.value.networkAcl = r.address;
  for (const r of resources.filter((x) => (ACL_TYPES as readonly string[]).includes(x.type))) {
    const a = acls.get(r.address);
    if (!a) continue;
    for (const s of linkAll(ctx, r, { attr: 'subnet_ids', types: SUBNET_TYPES, what: 'subnet' })) associate(ctx, a.vpc, s, r.address);
  }
  for (const r of resources.filter((x) => x.type === 'aws_network_acl_rule')) {
    ctx.handled.add(r.address);
    const target = linkOne(ctx, r, { attr: 'network_acl_id', types: ACL_TYPES, what: 'network ACL' });
    const a = acls.get(target?.address ?? '');
    if (!a) continue;
    const rule = ruleOf(ctx, r, { ...r.values, protocol: knownString(r, 'protocol') ?? r.values['protocol'] }, { rule: 'rule_number', action: 'rule_action' });
    if (rule) (knownBool(r, 'egress') === true ? a.acl.egress : a.acl.ingress).push(rule);
  }
  for (const r of resources.filter((x) => x.type === 'aws_network_acl_association')) {
    ctx.handled.add(r.address);
    const target = linkOne(ctx, r, { attr: 'network_acl_id', types: ACL_TYPES, what: 'network ACL' });
    const subnet = linkOne(ctx, r, { attr: 'subnet_id', types: SUBNET_TYPES, what: 'subnet' });
    const a = acls.get(target?.address ?? '');
    if (a && subnet) associate(ctx, a.vpc, subnet, target!.address);
  }
  for (const a of acls.values()) for (const dir of [a.acl.ingress, a.acl.egress]) dir.sort((x, y) => x.value.rule - y.value.rule);
}
