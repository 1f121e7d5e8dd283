// Security groups: aws_security_group and aws_default_security_group with their inline
// ingress / egress blocks, and the rule resources aws_security_group_rule,
// aws_vpc_security_group_ingress_rule and aws_vpc_security_group_egress_rule.
// Terraform's meaning, not the API's (AWS provider docs):
// - aws_security_group, "NOTE on Egress rules": AWS creates an ALLOW ALL egress rule in a
//   new VPC security group, and "Terraform will remove this default rule": a group with
//   no egress configured denies all outbound traffic.
// - aws_default_security_group: the provider "immediately removes all ingress and egress
//   rules" and creates only those configured: no rules written means none.
// - ingress / egress are Optional+Computed: unknown because not configured means none.
// - a rule whose peer is known only after apply (security_groups = [aws_security_group.x.id])
//   is read from the configuration block it was written as (inline-rule-config.ts).
import type { RawSgRule } from '../../model/format.js';
import { hasPorts, portsOf, protocolOf, type FormatProtocol } from '../aws/aws-values.js';
import { prefixListRef } from '../aws/map-prefix-lists.js';
import { cidrOut } from '../aws/normalise-cidr.js';
import type { Noted, OutSecurityGroup } from '../aws/output-model.js';
import { claimAddress, emit, idOf, noted } from './emit-resource.js';
import { linkAll, linkOne } from './link-reference.js';
import { srcOf, warnAt, type PlanContext } from './plan-context.js';
import { configBlocks, constantOf, matchConfigBlock, ruleBlockRecord } from './inline-rule-config.js';
import { blocks, knownNumber, knownString, knownStrings, type Obj, type PlanResource } from './plan-model.js';
import { resolveAttribute } from './resolve-reference.js';
import { vpcOfResource } from './map-plan-vpcs.js';

/** Resource types that are security groups. */
export const SG_TYPES = ['aws_security_group', 'aws_default_security_group'] as const;

/** One rule as read from any of Terraform's spellings. */
interface RuleIn {
  readonly protocol: string;
  readonly from: number | undefined;
  readonly to: number | undefined;
  readonly cidrs: readonly string[];
  readonly ipv6Cidrs: readonly string[];
  readonly prefixLists: readonly string[];
  readonly groups: readonly string[];
  readonly description: string | undefined;
}

function portsFor(ctx: PlanContext, r: PlanResource, protocol: FormatProtocol, from: number | undefined, to: number | undefined): number | string | undefined {
  if (hasPorts(protocol) && from !== undefined && to !== undefined && from >= 0 && !(from <= 1 && to === 65535)) return portsOf(from, to);
  if ((protocol === 'icmp' || protocol === 'icmpv6') && from !== undefined && from !== -1) {
    if (to !== undefined && to !== -1) {
      warnAt(ctx, 'FIELD_DROPPED', r, `${r.address}: ICMP type ${from} code ${to} is imported as type ${from}, any code; format v1 has no ICMP codes`);
    }
    return from;
  }
  return undefined;
}

/** Format v1 rules of one Terraform rule: one per peer. */
function rulesOf(ctx: PlanContext, r: PlanResource, rule: RuleIn): Noted<RawSgRule>[] {
  const protocol = protocolOf(rule.protocol);
  if (protocol === undefined) {
    warnAt(ctx, 'FIELD_DROPPED', r, `${r.address}: "${rule.protocol}" is not an IP protocol; the rule is left out`);
    return [];
  }
  const ports = portsFor(ctx, r, protocol, rule.from, rule.to);
  const base = { protocol, ...(ports !== undefined ? { ports } : {}) };
  const desc = rule.description !== undefined && rule.description !== '' ? { description: rule.description } : {};
  const out: Noted<RawSgRule>[] = [];
  for (const c of rule.cidrs) {
    const cidr = cidrOut(ctx.aws, c, r.address, srcOf(ctx, r), r.loc.path);
    if (cidr !== undefined) out.push(noted(ctx, r, { ...base, cidr, ...desc }));
  }
  for (const c of rule.ipv6Cidrs) {
    const cidr = cidrOut(ctx.aws, c, r.address, srcOf(ctx, r), r.loc.path);
    if (cidr !== undefined) out.push(noted(ctx, r, { ...base, ipv6Cidr: cidr, ...desc }));
  }
  for (const p of rule.prefixLists) out.push(noted(ctx, r, { ...base, prefixList: p, ...desc }));
  for (const g of rule.groups) out.push(noted(ctx, r, { ...base, securityGroup: g, ...desc }));
  return out;
}

/** A prefix list id or name: a list of the plan, a gateway endpoint's list, or a known AWS list. */
function prefixListsOf(ctx: PlanContext, r: PlanResource, attr: string, known: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of linkAll(ctx, r, { attr, types: ['aws_ec2_managed_prefix_list', 'aws_vpc_endpoint'], what: 'prefix list' })) {
    if (t.type === 'aws_ec2_managed_prefix_list' && idOf(ctx, t) !== undefined) out.push(idOf(ctx, t)!);
    const service = knownString(t, 'service_name');
    if (t.type === 'aws_vpc_endpoint' && service !== undefined) out.push(service);
  }
  for (const ref of knownPrefixLists(ctx, r, known)) if (!out.includes(ref)) out.push(ref);
  return out;
}

/** Prefix list ids known at plan time: a list of the plan, or an AWS list vpcsim knows. */
function knownPrefixLists(ctx: PlanContext, r: PlanResource, ids: readonly string[]): string[] {
  return ids.flatMap((id) => {
    const own = ctx.plan.resources.find((x) => x.type === 'aws_ec2_managed_prefix_list' && x.values['id'] === id);
    if (own && idOf(ctx, own) !== undefined) return [idOf(ctx, own)!];
    return prefixListRef(ctx.aws, id, srcOf(ctx, r), r.loc.path, r.address, r.address) ?? [];
  });
}

function groupIds(ctx: PlanContext, targets: readonly PlanResource[]): string[] {
  return targets.map((t) => idOf(ctx, t)).filter((x): x is string => x !== undefined);
}

/** Plan resources whose known id is one of these (a group id written as a constant or known). */
function resourcesWithIds(ctx: PlanContext, ids: readonly string[]): PlanResource[] {
  return ids.map((g) => ctx.plan.resources.find((x) => x.values['id'] === g)).filter((x): x is PlanResource => x !== undefined);
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : []);

/** The peers of a rule block that the configuration names by reference (known only after apply). */
function referencedPeers(ctx: PlanContext, rec: PlanResource): { groups: string[]; prefixLists: string[] } {
  const constantGroups = constantOf(rec.config?.expressions['security_groups']);
  const groups = constantGroups ? resourcesWithIds(ctx, strings(constantGroups.value)) : linkAll(ctx, rec, { attr: 'security_groups', types: SG_TYPES, what: 'security group' });
  const constantLists = constantOf(rec.config?.expressions['prefix_list_ids']);
  const prefixLists = constantLists ? knownPrefixLists(ctx, rec, strings(constantLists.value)) : prefixListsOf(ctx, rec, 'prefix_list_ids', []);
  return { groups: groupIds(ctx, groups), prefixLists };
}

/** CIDR blocks a rule block's configuration writes: constants, or the cidr_block of the VPCs / subnets it references. */
function configuredCidrs(ctx: PlanContext, rec: PlanResource, attr: 'cidr_blocks' | 'ipv6_cidr_blocks'): string[] | undefined {
  const expr = rec.config?.expressions[attr];
  if (expr === undefined) return [];
  const constant = constantOf(expr);
  if (constant) return strings(constant.value);
  const own = attr === 'cidr_blocks' ? 'cidr_block' : 'ipv6_cidr_block';
  const res = resolveAttribute(ctx, rec, attr);
  const cidrs = res.targets.map((t) => knownString(t, own));
  if (res.targets.length === 0 || res.unresolved.length > 0 || res.literals.length > 0 || cidrs.some((c) => c === undefined)) return undefined;
  return cidrs as string[];
}

/**
 * One rule block read from the configuration alone, when the whole set is known only after
 * apply: protocol and ports must be constants; CIDRs constants or a referenced VPC's or
 * subnet's block; peers followed by reference. Anything else leaves the rule out, warned.
 */
function configuredRule(ctx: PlanContext, r: PlanResource, key: 'ingress' | 'egress', e: Obj, i: number, self: string): Noted<RawSgRule>[] {
  const c = (k: string): unknown => constantOf(e[k])?.value;
  const protocol = c('protocol');
  const from = c('from_port');
  const to = c('to_port');
  const rec = ruleBlockRecord(r, {}, e);
  const cidrs = configuredCidrs(ctx, rec, 'cidr_blocks');
  const ipv6Cidrs = configuredCidrs(ctx, rec, 'ipv6_cidr_blocks');
  if ((typeof protocol !== 'string' && typeof protocol !== 'number') || typeof from !== 'number' || typeof to !== 'number' || cidrs === undefined || ipv6Cidrs === undefined) {
    warnAt(ctx, 'VALUE_UNKNOWN', r, `${r.address}: ${key} rule ${i + 1} of the configuration has a protocol, port or CIDR known only after apply; it is left out, so verdicts allow less than AWS may`);
    return [];
  }
  const peers = referencedPeers(ctx, rec);
  return rulesOf(ctx, r, {
    protocol: String(protocol), from, to, cidrs, ipv6Cidrs,
    prefixLists: peers.prefixLists,
    groups: [...peers.groups, ...(c('self') === true ? [self] : [])],
    description: typeof c('description') === 'string' ? (c('description') as string) : undefined,
  });
}

function inlineRules(ctx: PlanContext, r: PlanResource, key: 'ingress' | 'egress', self: string): Noted<RawSgRule>[] {
  if (r.unknown[key] === true) {
    const configured = configBlocks(r, key);
    if (configured.length > 0) return configured.flatMap((e, i) => configuredRule(ctx, r, key, e, i, self));
    if (r.config?.expressions[key] !== undefined || ctx.plan.formatVersion === '0.1') {
      warnAt(ctx, 'VALUE_UNKNOWN', r, `${r.address}: the ${key} rules are known only after apply${r.config ? '' : ' (format 0.1 plans do not show whether they were configured)'}; they are left out, so verdicts allow less than AWS may`);
    }
    return [];
  }
  const unknownBlocks = Array.isArray(r.unknown[key]) ? (r.unknown[key] as unknown[]) : [];
  return blocks(r, key).flatMap((b, i) => {
    const u = (unknownBlocks[i] ?? {}) as Obj;
    const known = { groups: groupIds(ctx, resourcesWithIds(ctx, strings(b['security_groups']))), prefixLists: knownPrefixLists(ctx, r, strings(b['prefix_list_ids'])) };
    if (Object.values(u).some((v) => v === true || (Array.isArray(v) && v.includes(true)))) {
      // A peer known only after apply: follow the references of the block it was written as.
      const e = matchConfigBlock(r, key, b);
      if (e) {
        const followed = referencedPeers(ctx, ruleBlockRecord(r, b, e));
        for (const g of followed.groups) if (!known.groups.includes(g)) known.groups.push(g);
        for (const p of followed.prefixLists) if (!known.prefixLists.includes(p)) known.prefixLists.push(p);
      } else {
        warnAt(ctx, 'VALUE_UNKNOWN', r, `${r.address}: ${key} rule ${i + 1} names a security group or prefix list known only after apply, and no configuration block of the set matches it; its unknown peers are left out`);
      }
    }
    return rulesOf(ctx, r, {
      protocol: String(b['protocol'] ?? '-1'),
      from: typeof b['from_port'] === 'number' ? b['from_port'] : undefined,
      to: typeof b['to_port'] === 'number' ? b['to_port'] : undefined,
      cidrs: strings(b['cidr_blocks']), ipv6Cidrs: strings(b['ipv6_cidr_blocks']),
      prefixLists: known.prefixLists,
      groups: [...known.groups, ...(b['self'] === true ? [self] : [])],
      description: typeof b['description'] === 'string' ? b['description'] : undefined,
    });
  });
}

/** Emit every security group with its inline rules. */
export function mapSecurityGroups(ctx: PlanContext, resources: readonly PlanResource[]): void {
  const written: [PlanResource, OutSecurityGroup][] = [];
  for (const r of resources) {
    ctx.handled.add(r.address);
    if (r.mode === 'data') {
      warnAt(ctx, 'UNMODELLED_RESOURCE', r, `data source ${r.address} reads an existing security group whose rules the plan does not hold; rules naming it are left out`);
      continue;
    }
    const vpc = ctx.out.vpcs.get(idOf(ctx, vpcOfResource(ctx, r)) ?? '');
    if (!vpc) {
      // A configured vpc_id that does not resolve is warned about by the link itself.
      if (r.values['vpc_id'] === undefined && r.config?.expressions['vpc_id'] === undefined) {
        warnAt(ctx, 'OUTSIDE_PLAN', r, `security group ${r.address} has no vpc_id, so AWS creates it in the region's default VPC, which the plan does not hold; left out`);
      }
      continue;
    }
    const id = claimAddress(ctx, r, 'security group');
    if (id === undefined) continue;
    const description = knownString(r, 'description');
    const name = knownString(r, 'name');
    const e = emit<OutSecurityGroup>(ctx, r, { ...(description !== undefined ? { description } : {}), ingress: [], egress: [] },
      [...(name !== undefined ? [`group name: ${name}`] : []), ...(r.type === 'aws_default_security_group' ? ["the VPC's default security group, managed by Terraform: only the rules written here"] : [])]);
    vpc.securityGroups.set(id, e);
    ctx.vpcOfId.set(id, vpc);
    written.push([r, e.value]);
  }
  for (const [r, sg] of written) {
    sg.ingress.push(...inlineRules(ctx, r, 'ingress', r.address));
    sg.egress.push(...inlineRules(ctx, r, 'egress', r.address));
  }
}

function groupOf(ctx: PlanContext, r: PlanResource): OutSecurityGroup | undefined {
  const t = linkOne(ctx, r, { attr: 'security_group_id', types: SG_TYPES, what: 'security group' });
  const id = idOf(ctx, t);
  return id === undefined ? undefined : ctx.vpcOfId.get(id)?.securityGroups.get(id)?.value;
}

/** aws_security_group_rule and aws_vpc_security_group_{ingress,egress}_rule. */
export function mapSecurityGroupRules(ctx: PlanContext, resources: readonly PlanResource[]): void {
  for (const r of resources) {
    ctx.handled.add(r.address);
    const sg = groupOf(ctx, r);
    if (!sg) continue;
    const own = linkOne(ctx, r, { attr: 'security_group_id', types: SG_TYPES, what: 'security group' })!;
    const legacy = r.type === 'aws_security_group_rule';
    const direction = legacy ? knownString(r, 'type') : r.type.endsWith('_egress_rule') ? 'egress' : 'ingress';
    if (direction !== 'ingress' && direction !== 'egress') {
      warnAt(ctx, 'VALUE_UNKNOWN', r, `${r.address}: the rule's type is not known at plan time; left out`);
      continue;
    }
    const peerAttr = legacy ? 'source_security_group_id' : 'referenced_security_group_id';
    const peer = linkOne(ctx, r, { attr: peerAttr, types: SG_TYPES, what: 'security group' });
    const groups = [...groupIds(ctx, peer ? [peer] : []), ...(legacy && r.values['self'] === true ? [idOf(ctx, own)!] : [])];
    const pl = legacy ? 'prefix_list_ids' : 'prefix_list_id';
    const rules = rulesOf(ctx, r, {
      protocol: knownString(r, legacy ? 'protocol' : 'ip_protocol') ?? String(knownNumber(r, legacy ? 'protocol' : 'ip_protocol') ?? '-1'),
      from: knownNumber(r, 'from_port'),
      to: knownNumber(r, 'to_port'),
      cidrs: legacy ? knownStrings(r, 'cidr_blocks') : knownStrings(r, 'cidr_ipv4').concat(knownString(r, 'cidr_ipv4') ?? []),
      ipv6Cidrs: legacy ? knownStrings(r, 'ipv6_cidr_blocks') : [knownString(r, 'cidr_ipv6')].filter((x): x is string => x !== undefined),
      prefixLists: prefixListsOf(ctx, r, pl, legacy ? knownStrings(r, pl) : [knownString(r, pl)].filter((x): x is string => x !== undefined)),
      groups,
      description: knownString(r, 'description'),
    });
    sg[direction].push(...rules);
  }
}
