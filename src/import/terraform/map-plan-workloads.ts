// NAT gateways (aws_nat_gateway with its aws_eip) and instances (aws_instance, its
// network interfaces and Elastic IPs). Terraform's meaning (AWS provider docs):
// - aws_instance: vpc_security_group_ids not configured means the VPC's default security
//   group; associate_public_ip_address not configured means the subnet's
//   map_public_ip_on_launch decides ("IP addressing for your instances", Amazon EC2 guide).
// - a public address AWS assigns on apply (auto-assigned, or an Elastic IP whose address is
//   unknown) is given by vpcsim's rule: 198.18.0.1 upward in plan order (RFC 2544's
//   benchmarking block, never routed; the model's own 198.19.0.0/16 is left to it).
import { addressOrWarn, claimAddress as claimIp } from '../aws/claim-address.js';
import { formatIp, parseIp } from '../../net/ip.js';
import { claimAddress, emit, idOf } from './emit-resource.js';
import { nameAlias } from './name-alias.js';
import { linkAll, linkOne } from './link-reference.js';
import { srcOf, warnAt, type PlanContext } from './plan-context.js';
import { knownBool, knownString, type PlanResource } from './plan-model.js';
import { SG_TYPES } from './map-plan-security-groups.js';
import { SUBNET_TYPES } from './map-plan-subnets.js';

/** First address of the block public addresses assigned on apply come from. */
export const ASSIGNED_PUBLIC_BASE = '198.18.0.1';

function assignPublic(ctx: PlanContext, owner: string): string {
  let ip = parseIp(ASSIGNED_PUBLIC_BASE)!;
  while (claimIp(ctx.aws, formatIp(ip), owner, undefined, 'public') !== undefined) ip = { family: 4, value: ip.value + 1n };
  return formatIp(ip);
}

function subnetOf(ctx: PlanContext, r: PlanResource): { res: PlanResource; id: string; cidr: string } | undefined {
  const s = linkOne(ctx, r, { attr: 'subnet_id', types: SUBNET_TYPES, what: 'subnet' });
  const id = idOf(ctx, s);
  const cidr = id === undefined ? undefined : ctx.vpcOfId.get(id)?.subnets.get(id)?.value.cidr;
  return s && id !== undefined && cidr !== undefined ? { res: s, id, cidr } : undefined;
}

function eipFor(ctx: PlanContext, r: PlanResource, attr: string): PlanResource | undefined {
  return linkOne(ctx, r, { attr, types: ['aws_eip'], what: 'Elastic IP' });
}

/** NAT gateways. */
export function mapNatGateways(ctx: PlanContext, resources: readonly PlanResource[]): void {
  for (const r of resources) {
    ctx.handled.add(r.address);
    const subnet = subnetOf(ctx, r);
    if (!subnet) continue;
    const vpc = ctx.vpcOfId.get(subnet.id)!;
    const id = claimAddress(ctx, r, 'NAT gateway');
    if (id === undefined) continue;
    const connectivity = knownString(r, 'connectivity_type') === 'private' ? 'private' : 'public';
    const notes: string[] = [];
    const value: { name?: string; subnet: string; connectivity?: 'public' | 'private'; privateIp?: string; publicIp?: string } = { ...nameAlias(r), subnet: subnet.id };
    if (connectivity === 'private') value.connectivity = 'private';
    const priv = knownString(r, 'private_ip');
    if (priv !== undefined && addressOrWarn(ctx.aws, { text: priv, owner: id, subnet, space: 'private', what: 'private IP', src: srcOf(ctx, r), path: r.loc.path })) value.privateIp = priv;
    if (connectivity === 'public') {
      const eip = eipFor(ctx, r, 'allocation_id');
      if (eip) ctx.handled.add(eip.address);
      const pub = eip ? knownString(eip, 'public_ip') : knownString(r, 'public_ip');
      if (pub !== undefined && addressOrWarn(ctx.aws, { text: pub, owner: id, subnet: undefined, space: 'public', what: 'public IP', src: srcOf(ctx, r), path: r.loc.path })) value.publicIp = pub;
      else {
        value.publicIp = assignPublic(ctx, id);
        notes.push(`public IP ${value.publicIp} assigned by vpcsim (AWS assigns the Elastic IP on apply)`);
      }
    }
    vpc.natGateways.set(id, emit(ctx, r, value, notes));
    ctx.vpcOfId.set(id, vpc);
  }
}

/** Instances with their primary interface, security groups and public address. */
export function mapInstances(ctx: PlanContext, resources: readonly PlanResource[]): void {
  const eips = ctx.plan.resources.filter((x) => x.type === 'aws_eip' || x.type === 'aws_eip_association');
  for (const r of resources) {
    ctx.handled.add(r.address);
    const subnet = subnetOf(ctx, r);
    if (!subnet) {
      warnAt(ctx, 'UNRESOLVED_REFERENCE', r, `instance ${r.address} has no subnet vpcsim can resolve; it is left out, so flows from or to it have no endpoint`);
      continue;
    }
    const vpc = ctx.vpcOfId.get(subnet.id)!;
    const id = claimAddress(ctx, r, 'instance');
    if (id === undefined) continue;
    const notes: string[] = [];
    const value: { name?: string; subnet: string; privateIp?: string; publicIp?: string; securityGroups?: string[] } = { ...nameAlias(r), subnet: subnet.id };
    const priv = knownString(r, 'private_ip');
    if (priv !== undefined && addressOrWarn(ctx.aws, { text: priv, owner: id, subnet, space: 'private', what: 'private IP', src: srcOf(ctx, r), path: r.loc.path })) value.privateIp = priv;
    const eip = eips.find((e) => linkOne(ctx, e, { attr: 'instance', types: ['aws_instance'], what: 'instance' }) === r
      || (e.type === 'aws_eip_association' && linkOne(ctx, e, { attr: 'instance_id', types: ['aws_instance'], what: 'instance' }) === r));
    const auto = knownBool(r, 'associate_public_ip_address') ?? knownBool(subnet.res, 'map_public_ip_on_launch') ?? false;
    if (eip) {
      ctx.handled.add(eip.address);
      const pub = knownString(eip, 'public_ip');
      value.publicIp = pub !== undefined && addressOrWarn(ctx.aws, { text: pub, owner: id, subnet: undefined, space: 'public', what: 'public IP', src: srcOf(ctx, r), path: r.loc.path }) ? pub : assignPublic(ctx, id);
      notes.push(`public IP from ${eip.address}${pub === undefined ? `: ${value.publicIp} assigned by vpcsim (AWS allocates it on apply)` : ''}`);
    } else if (auto) {
      const pub = knownString(r, 'public_ip');
      value.publicIp = pub ?? assignPublic(ctx, id);
      if (pub === undefined) notes.push(`public IP ${value.publicIp} assigned by vpcsim (AWS auto-assigns one on apply: ${knownBool(r, 'associate_public_ip_address') === true ? 'associate_public_ip_address' : `map_public_ip_on_launch of ${subnet.res.address}`})`);
    }
    const groups = linkAll(ctx, r, { attr: 'vpc_security_group_ids', types: SG_TYPES, what: 'security group' })
      .map((g) => idOf(ctx, g)).filter((x): x is string => x !== undefined);
    const vpcId = [...ctx.out.vpcs.entries()].find(([, v]) => v === vpc)![0];
    const managedDefault = ctx.plan.resources.find((x) => x.type === 'aws_default_security_group' && ctx.vpcOfId.get(x.address) === vpc);
    value.securityGroups = groups.length > 0 ? groups : [managedDefault ? managedDefault.address : `${vpcId}/default-sg`];
    if (groups.length === 0) notes.push("no vpc_security_group_ids: the VPC's default security group (AWS provider docs, aws_instance)");
    vpc.instances.set(id, emit(ctx, r, value, notes));
    ctx.vpcOfId.set(id, vpc);
  }
}

/** Network interfaces that are not an instance's primary interface: named, not modelled. */
export function mapNetworkInterfaces(ctx: PlanContext, resources: readonly PlanResource[]): void {
  for (const r of resources) {
    ctx.handled.add(r.address);
    warnAt(ctx, 'UNMODELLED_RESOURCE', r, `network interface ${r.address} is not an instance's primary interface (format v1 models an instance as its primary interface); verdicts do not account for it`);
  }
}
