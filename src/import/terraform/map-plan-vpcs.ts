// VPCs (aws_vpc, aws_default_vpc, data aws_vpc), their secondary blocks
// (aws_vpc_ipv4_cidr_block_association), egress-only internet gateways and internet gateways (aws_internet_gateway,
// aws_internet_gateway_attachment). AWS provider docs, aws_vpc: enable_dns_support
// defaults to true and enable_dns_hostnames to false; aws_default_vpc: both true (AWS's
// default VPC). A value left unknown because it was not configured is the default.
import { pointer } from '../../model/source-map.js';
import { cidrOut } from '../aws/normalise-cidr.js';
import { emitted, newVpc } from '../aws/output-model.js';
import { claimAddress, idOf } from './emit-resource.js';
import { linkOne } from './link-reference.js';
import { sourceOf, srcOf, warnAt, type PlanContext } from './plan-context.js';
import { knownBool, knownString, type PlanResource } from './plan-model.js';
import { providerAccount, providerRegion } from './provider-of.js';

/** Resource types that are VPCs. */
export const VPC_TYPES = ['aws_vpc', 'aws_default_vpc', 'awscc_ec2_vpc'] as const;

/** Emit every VPC of the plan (managed and data sources). */
export function mapVpcs(ctx: PlanContext, resources: readonly PlanResource[]): void {
  for (const r of resources) {
    const cidrText = knownString(r, 'cidr_block');
    if (cidrText === undefined) {
      ctx.handled.add(r.address);
      warnAt(ctx, 'VALUE_UNKNOWN', r, `VPC ${r.address} has no cidr_block known at plan time (IPAM pools are not modelled); it is left out with everything in it`);
      continue;
    }
    const id = claimAddress(ctx, r, 'VPC');
    if (id === undefined) continue;
    const vpc = newVpc([sourceOf(ctx, r)], r.nameTag);
    ctx.locs.set(vpc.fields, r.loc);
    if (r.mode === 'data') vpc.notes.push('data source: an existing VPC the configuration reads');
    const cidr = cidrOut(ctx.aws, cidrText, id, srcOf(ctx, r), `${r.loc.path}.values.cidr_block`);
    if (cidr !== undefined) vpc.fields.cidr = cidr;
    const v6 = knownString(r, 'ipv6_cidr_block');
    if (v6 !== undefined) vpc.fields.ipv6Cidr = v6;
    const isDefault = r.type === 'aws_default_vpc' || knownBool(r, 'default') === true;
    vpc.fields.enableDnsSupport = knownBool(r, 'enable_dns_support') ?? true;
    vpc.fields.enableDnsHostnames = knownBool(r, 'enable_dns_hostnames') ?? isDefault;
    const account = providerAccount(ctx, r) ?? knownString(r, 'owner_id');
    if (account !== undefined && /^\d{12}$/.test(account)) {
      vpc.fields.account = account;
      if (!ctx.out.accounts.has(account)) ctx.out.accounts.set(account, emitted(account, sourceOf(ctx, r)));
    }
    const region = providerRegion(ctx, r);
    if (region !== undefined && region !== ctx.region) vpc.fields.region = region;
    ctx.out.vpcs.set(id, vpc);
    ctx.vpcOfId.set(id, vpc);
  }
}

/** The VPC a resource belongs to, by its vpc_id (fallback: the only VPC in its module, then in the plan). */
export function vpcOfResource(ctx: PlanContext, r: PlanResource, attr = 'vpc_id'): PlanResource | undefined {
  const vpcs = ctx.plan.resources.filter((x) => (VPC_TYPES as readonly string[]).includes(x.type) && ctx.ids.has(x.address));
  return linkOne(ctx, r, {
    attr, types: VPC_TYPES, what: 'VPC',
    fallback: {
      rule: 'the only VPC in the same module, else in the plan',
      candidates: () => {
        const same = vpcs.filter((v) => v.module === r.module);
        return same.length > 0 ? same : vpcs;
      },
    },
  });
}

/** Secondary IPv4 blocks (aws_vpc_ipv4_cidr_block_association). */
export function mapVpcCidrs(ctx: PlanContext, resources: readonly PlanResource[]): void {
  for (const r of resources) {
    ctx.handled.add(r.address);
    const vpc = ctx.out.vpcs.get(idOf(ctx, vpcOfResource(ctx, r)) ?? '');
    const cidr = knownString(r, 'cidr_block');
    if (!vpc || cidr === undefined) {
      if (vpc) warnAt(ctx, 'VALUE_UNKNOWN', r, `${r.address} has no cidr_block known at plan time (IPAM pools are not modelled); the block is left out`);
      continue;
    }
    const out = cidrOut(ctx.aws, cidr, r.address, srcOf(ctx, r), `${r.loc.path}.values.cidr_block`);
    if (out === undefined) continue;
    const blocks = vpc.fields.cidrs ?? (vpc.fields.cidr !== undefined ? [vpc.fields.cidr] : []);
    if (!blocks.includes(out)) blocks.push(out);
    delete vpc.fields.cidr;
    vpc.fields.cidrs = blocks;
    vpc.sources.push(sourceOf(ctx, r));
  }
}

/** Internet gateways: aws_internet_gateway (vpc_id) and aws_internet_gateway_attachment. */
export function mapInternetGateways(ctx: PlanContext, resources: readonly PlanResource[]): void {
  const attachments = resources.filter((r) => r.type === 'aws_internet_gateway_attachment');
  for (const r of resources.filter((x) => x.type === 'aws_internet_gateway')) {
    let vpcRes = vpcOfResource(ctx, r);
    if (vpcRes === undefined) {
      for (const a of attachments) {
        const igw = linkOne(ctx, a, { attr: 'internet_gateway_id', types: ['aws_internet_gateway'], what: 'internet gateway' });
        if (igw === r) {
          ctx.handled.add(a.address);
          vpcRes = vpcOfResource(ctx, a);
        }
      }
    }
    attachGateway(ctx, r, vpcRes, 'internetGateway', 'internet gateway');
  }
  for (const a of attachments) ctx.handled.add(a.address);
}

/**
 * Egress-only internet gateways: aws_egress_only_internet_gateway (vpc_id), IPv6 outbound
 * only ("Egress-only internet gateways", Amazon VPC guide; one per VPC here, as the format has it).
 */
export function mapEgressOnlyInternetGateways(ctx: PlanContext, resources: readonly PlanResource[]): void {
  for (const r of resources) attachGateway(ctx, r, vpcOfResource(ctx, r), 'egressOnlyInternetGateway', 'egress-only internet gateway');
}

/** Write a gateway as its VPC's (one of each per VPC, as AWS attaches them), or warn why not. */
function attachGateway(ctx: PlanContext, r: PlanResource, vpcRes: PlanResource | undefined, field: 'internetGateway' | 'egressOnlyInternetGateway', kind: string): void {
  const vpc = ctx.out.vpcs.get(idOf(ctx, vpcRes) ?? '');
  if (!vpc) {
    ctx.handled.add(r.address);
    warnAt(ctx, 'UNMODELLED_RESOURCE', r, `${kind} ${r.address} is attached to no VPC of the plan; it carries no traffic and is left out`);
    return;
  }
  if (vpc.fields[field] !== undefined) {
    ctx.handled.add(r.address);
    warnAt(ctx, 'CONFLICTING_RECORDS', r, `${kind} ${r.address}: VPC ${idOf(ctx, vpcRes)} already has ${kind} ${vpc.fields[field]} (AWS attaches one per VPC); left out`);
    return;
  }
  const id = claimAddress(ctx, r, kind);
  if (id === undefined) return;
  vpc.fields[field] = id;
  vpc.sources.push(sourceOf(ctx, r));
  ctx.pointerLocs.set(pointer('vpcs', idOf(ctx, vpcRes)!, field), r.loc);
  ctx.vpcOfId.set(id, vpc);
}
