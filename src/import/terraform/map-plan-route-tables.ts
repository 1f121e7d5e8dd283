// Route tables and routes: aws_route_table (inline route blocks), aws_default_route_table
// (the VPC's main table: AWS provider docs, aws_default_route_table "adopts" it and
// removes routes not configured), awscc_ec2_route_table, aws_route, and the associations
// aws_route_table_association (subnet or gateway), aws_main_route_table_association and
// awscc_ec2_subnet_route_table_association. A route whose target vpcsim does not model
// (transit gateway, VPN gateway...) or cannot resolve is written as the AWS importer
// writes it: it keeps its target, named under `unmodelled:` (../aws/unmodelled-target.ts),
// with a note and a warning naming the resource and the route, so a trace taking it stops
// there saying its verdict rests on an unmodelled part, never on a silent blackhole.
import type { RawRoute } from '../../model/format.js';
import { unmodelledKindOf, type UnmodelledKind } from '../../model/unmodelled-kinds.js';
import { unmodelledTarget } from '../aws/unmodelled-target.js';
import { cidrOut } from '../aws/normalise-cidr.js';
import type { Noted, OutRouteTable, OutVpc } from '../aws/output-model.js';
import { claimAddress, emit, idOf, noted } from './emit-resource.js';
import { linkOne } from './link-reference.js';
import { srcOf, warnAt, type PlanContext } from './plan-context.js';
import { blocks, knownString, type Obj, type PlanResource } from './plan-model.js';
import { resolveAttribute } from './resolve-reference.js';
import { SUBNET_TYPES } from './map-plan-subnets.js';
import { VPC_TYPES, vpcOfResource } from './map-plan-vpcs.js';

/** Resource types that are route tables. */
export const ROUTE_TABLE_TYPES = ['aws_route_table', 'aws_default_route_table', 'awscc_ec2_route_table'] as const;

/** Route target attributes (aws_route and inline route blocks) and what each may name. */
const TARGETS: readonly (readonly [string, readonly string[]])[] = [
  ['gateway_id', ['aws_internet_gateway', 'aws_vpn_gateway', 'aws_vpc_endpoint']],
  ['nat_gateway_id', ['aws_nat_gateway']],
  ['vpc_peering_connection_id', ['aws_vpc_peering_connection']],
  ['transit_gateway_id', ['aws_ec2_transit_gateway']],
  ['egress_only_gateway_id', ['aws_egress_only_internet_gateway']],
  ['instance_id', ['aws_instance']],
  ['network_interface_id', ['aws_network_interface', 'aws_instance']],
  ['vpc_endpoint_id', ['aws_vpc_endpoint']],
  ['local_gateway_id', []],
  ['carrier_gateway_id', []],
  ['core_network_arn', []],
];

/** The unmodelled kind a route target attribute names (gateway_id: by the resource it names). */
const ATTRIBUTE_KINDS: Readonly<Record<string, UnmodelledKind>> = {
  nat_gateway_id: 'natGateway', vpc_peering_connection_id: 'peeringConnection', transit_gateway_id: 'transitGateway',
  egress_only_gateway_id: 'egressOnlyInternetGateway', instance_id: 'instance', network_interface_id: 'networkInterface',
  vpc_endpoint_id: 'endpoint', local_gateway_id: 'localGateway', carrier_gateway_id: 'carrierGateway', core_network_arn: 'coreNetwork',
};

function kindOf(attr: string, named: string): UnmodelledKind {
  const byAttr = ATTRIBUTE_KINDS[attr];
  if (byAttr !== undefined) return byAttr;
  if (named.startsWith('aws_vpn_gateway.') || named.includes('.aws_vpn_gateway.')) return 'virtualPrivateGateway';
  if (named.startsWith('aws_internet_gateway.') || named.includes('.aws_internet_gateway.')) return 'internetGateway';
  if (named.startsWith('aws_vpc_endpoint.') || named.includes('.aws_vpc_endpoint.')) return 'endpoint';
  return unmodelledKindOf(named);
}

function isSet(r: PlanResource, attr: string): boolean {
  const v = r.values[attr];
  if (typeof v === 'string' && v !== '') return true;
  // An inline block of a format 0.x plan has no configuration: unknown means configured.
  return r.unknown[attr] === true && (r.config === undefined || r.config.expressions[attr] !== undefined);
}

/** The format v1 target of a route, or why vpcsim cannot follow it. */
function targetOf(ctx: PlanContext, r: PlanResource, vpc: OutVpc, attr: string, types: readonly string[]): { id?: string; why?: string; named: string } {
  const known = knownString(r, attr);
  if (known === 'local') return { id: 'local', named: 'local' };
  if (types.length === 0) return { why: `${attr} targets are not modelled`, named: known ?? attr };
  const res = resolveAttribute(ctx, r, attr);
  if (res.missing.length > 0) {
    linkOne(ctx, r, { attr, types, what: 'route target' }); // reports UNKNOWN_REFERENCE
    return { why: 'not in the plan', named: res.missing.join(', ') };
  }
  const t = res.targets.filter((x) => types.includes(x.type));
  if (t.length === 1) {
    const target = t[0]!;
    ctx.links.push({ from: r.address, attr, to: target.address, how: res.how === 'value' ? 'value' : 'reference' });
    const id = idOf(ctx, target);
    if (target.type === 'aws_internet_gateway') {
      return id !== undefined && vpc.fields.internetGateway === id ? { id, named: target.address } : { why: 'an internet gateway not attached to this VPC', named: target.address };
    }
    if (target.type === 'aws_egress_only_internet_gateway') {
      return id !== undefined && vpc.fields.egressOnlyInternetGateway === id ? { id, named: target.address } : { why: 'an egress-only internet gateway not attached to this VPC', named: target.address };
    }
    if (id !== undefined) return { id, named: target.address };
    return { why: `${target.type} is not modelled`, named: target.address };
  }
  if (res.literals.length > 0) return { why: 'not managed by this plan', named: res.literals.join(', ') };
  if (t.length === 0) {
    // The single-candidate rule: the one resource of a kind this attribute names in the table's VPC.
    const candidates = ctx.plan.resources.filter((x) => types.includes(x.type) && idOf(ctx, x) !== undefined && ctx.vpcOfId.get(idOf(ctx, x)!) === vpc);
    if (candidates.length === 1) {
      const only = candidates[0]!;
      warnAt(ctx, 'UNRESOLVED_REFERENCE', r, `${r.address}.${attr}: known only after apply and not followable in the plan JSON; ${only.address} is used by the rule "the only ${types.join(' or ')} in the route table's VPC" (the only candidate)`);
      ctx.links.push({ from: r.address, attr, to: only.address, how: 'fallback' });
      const id = idOf(ctx, only)!;
      return only.type === 'aws_internet_gateway' && vpc.fields.internetGateway !== id ? { why: 'an internet gateway not attached to this VPC', named: only.address } : { id, named: only.address };
    }
  }
  const unresolved = [...new Set(res.unresolved)].join(', ');
  warnAt(ctx, 'UNRESOLVED_REFERENCE', r, `${r.address}.${attr}: ${t.length > 1 ? `names ${t.length} targets` : `known only after apply${unresolved ? `, through ${unresolved}` : ''}`}; the route targets it as an unmodelled target`);
  return { why: 'target unresolved', named: attr };
}

/** One route of a table, from an aws_route or an inline block read as a resource. */
function routeOf(ctx: PlanContext, r: PlanResource, table: string, vpc: OutVpc): Noted<RawRoute> | undefined {
  const dest = knownString(r, 'destination_cidr_block') ?? knownString(r, 'destination_ipv6_cidr_block') ?? knownString(r, 'cidr_block') ?? knownString(r, 'ipv6_cidr_block');
  const destPl = knownString(r, 'destination_prefix_list_id');
  if (dest === undefined && destPl === undefined) {
    warnAt(ctx, 'VALUE_UNKNOWN', r, `${r.address}: a route of ${table} has no destination known at plan time; it is left out`);
    return undefined;
  }
  const found = TARGETS.find(([attr]) => isSet(r, attr));
  if (!found) {
    warnAt(ctx, 'VALUE_UNKNOWN', r, `${r.address}: a route of ${table} to ${dest ?? destPl} has no target; it is left out`);
    return undefined;
  }
  const target = targetOf(ctx, r, vpc, found[0], found[1]);
  if (target.id === 'local') return undefined;
  const destination = dest !== undefined ? cidrOut(ctx.aws, dest, r.address, srcOf(ctx, r), r.loc.path) : destPl!;
  if (destination === undefined) return undefined;
  if (target.id !== undefined) return noted(ctx, r, { destination, target: target.id });
  const why = target.why ?? 'not modelled';
  // An unresolved target is named by where it is written: the route's attribute.
  const named = target.named === found[0] ? `${r.address}.${found[0]}` : target.named;
  const id = unmodelledTarget(ctx.aws, named, `Terraform ${found[0]}: ${why}`, ctx.plan.file, kindOf(found[0], named));
  if (id === undefined) {
    warnAt(ctx, 'ROUTE_AS_BLACKHOLE', r,
      `route ${r.address} (${table} ${destination} -> ${target.named}): ${why}; it is imported as a blackhole, so verdicts drop the traffic it matches`);
    return noted(ctx, r, { destination, target: 'blackhole' }, `Terraform target: ${found[0]} = ${target.named} (${why}); imported as blackhole`);
  }
  // Located at the resource it names when the plan holds it, else at the first route naming it.
  const entry = ctx.out.unmodelled.get(id)!;
  if (!ctx.locs.has(entry.value)) ctx.locs.set(entry.value, (ctx.plan.resources.find((x) => x.address === named) ?? r).loc);
  warnAt(ctx, 'ROUTE_TO_UNMODELLED', r,
    `route ${r.address} (${table} ${destination} -> ${target.named}): ${why}; it keeps ${id} as its target, under unmodelled:, so a trace taking it stops there (UNMODELLED_TARGET)`);
  return noted(ctx, r, { destination, target: id }, `Terraform target: ${found[0]} = ${target.named} (${why}); vpcsim does not follow it`);
}

/** Emit route tables (their routes come later, after every possible target is written). */
export function mapRouteTables(ctx: PlanContext, resources: readonly PlanResource[]): void {
  for (const r of resources) {
    ctx.handled.add(r.address);
    const isDefault = r.type === 'aws_default_route_table';
    const vpcRes = isDefault ? linkOne(ctx, r, { attr: 'default_route_table_id', types: VPC_TYPES, what: 'VPC' }) : vpcOfResource(ctx, r);
    const vpc = ctx.out.vpcs.get(idOf(ctx, vpcRes) ?? '');
    if (!vpc) continue;
    const id = claimAddress(ctx, r, 'route table');
    if (id === undefined) continue;
    vpc.routeTables.set(id, emit<OutRouteTable>(ctx, r, { ...(isDefault ? { main: true } : {}), routes: [] },
      isDefault ? ["the VPC's main route table, managed by Terraform: only the routes written here"] : []));
    ctx.vpcOfId.set(id, vpc);
  }
}

function tableById(ctx: PlanContext, t: PlanResource | undefined): { table: OutRouteTable; vpc: OutVpc; address: string } | undefined {
  const id = idOf(ctx, t);
  const vpc = id === undefined ? undefined : ctx.vpcOfId.get(id);
  const table = vpc?.routeTables.get(id!)?.value;
  return vpc && table && t ? { table, vpc, address: id! } : undefined;
}

/** Inline routes, aws_route resources and the associations of every table. */
export function mapRoutes(ctx: PlanContext, resources: readonly PlanResource[]): void {
  for (const r of ctx.plan.resources.filter((x) => (ROUTE_TABLE_TYPES as readonly string[]).includes(x.type))) {
    const t = tableById(ctx, r);
    if (!t) continue;
    if (r.unknown['route'] === true) {
      if (r.config?.expressions['route'] !== undefined || (ctx.plan.formatVersion === '0.1' && r.type === 'aws_route_table')) {
        warnAt(ctx, 'VALUE_UNKNOWN', r, `${r.address}: the inline routes are known only after apply; they are left out`);
      }
      continue;
    }
    blocks(r, 'route').forEach((b: Obj, i) => {
      const unknownBlocks = Array.isArray(r.unknown['route']) ? (r.unknown['route'] as Obj[]) : [];
      const asResource: PlanResource = { ...r, address: `${r.address} route ${i + 1}`, values: b, unknown: unknownBlocks[i] ?? {}, config: undefined };
      const route = routeOf(ctx, asResource, t.address, t.vpc);
      if (route) t.table.routes.push(route);
    });
  }
  const tableOf = (r: PlanResource): { table: OutRouteTable; vpc: OutVpc; address: string } | undefined =>
    tableById(ctx, linkOne(ctx, r, { attr: 'route_table_id', types: ROUTE_TABLE_TYPES, what: 'route table' }));
  for (const r of resources.filter((x) => x.type === 'aws_route')) {
    ctx.handled.add(r.address);
    const t = tableOf(r);
    if (!t) continue;
    const route = routeOf(ctx, r, t.address, t.vpc);
    if (route) t.table.routes.push(route);
  }
  for (const r of resources.filter((x) => x.type === 'aws_route_table_association' || x.type === 'awscc_ec2_subnet_route_table_association')) {
    ctx.handled.add(r.address);
    const t = tableOf(r);
    if (!t) continue;
    if (isSet(r, 'gateway_id')) {
      const g = linkOne(ctx, r, { attr: 'gateway_id', types: ['aws_internet_gateway', 'aws_vpn_gateway'], what: 'gateway' });
      const id = idOf(ctx, g);
      if (id !== undefined && id === t.vpc.fields.internetGateway) t.table.gatewayAssociation = id;
      else warnAt(ctx, 'UNMODELLED_RESOURCE', r, `${r.address} makes ${t.address} the edge route table of ${g?.address ?? 'a gateway'}; format v1 models edge associations with the VPC's internet gateway only`);
      continue;
    }
    const subnet = linkOne(ctx, r, { attr: 'subnet_id', types: SUBNET_TYPES, what: 'subnet' });
    const s = t.vpc.subnets.get(idOf(ctx, subnet) ?? '');
    if (s) s.value.routeTable = t.address;
  }
  for (const r of resources.filter((x) => x.type === 'aws_main_route_table_association')) {
    ctx.handled.add(r.address);
    const t = tableOf(r);
    if (t) t.table.main = true;
  }
}
