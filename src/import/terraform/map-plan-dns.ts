// Route 53 private hosted zones from a plan (docs/terraform.md): aws_route53_zone (a zone
// with vpc blocks is private, AWS provider docs: "vpc - (Optional) Configuration block(s)
// specifying VPCs to associate with a private hosted zone. Conflicts with the
// delegation_set_id argument"), aws_route53_zone_association (more VPCs, in any account),
// aws_route53_record (records, and alias blocks whose name references an interface
// endpoint's dns_entry or a load balancer's dns_name, followed through configuration like
// every other reference; or names a record of the zone). A record's name not ending in the
// zone's is relative to it (the provider appends the zone name). Public zones, routing
// policies and other record types are warned and left out.
import type { RawDnsRecord } from '../../model/format.js';
import { emitted } from '../aws/output-model.js';
import { claimAddress, idOf } from './emit-resource.js';
import { linkOne } from './link-reference.js';
import { LB_TYPES } from './map-plan-load-balancers.js';
import { VPC_TYPES } from './map-plan-vpcs.js';
import { nestedBlocks } from './nested-block.js';
import { sourceOf, warnAt, type PlanContext } from './plan-context.js';
import { knownString, knownStrings, type PlanResource } from './plan-model.js';

const norm = (n: string): string => n.toLowerCase().replace(/\.$/, '');
const ROUTING = ['weighted_routing_policy', 'failover_routing_policy', 'latency_routing_policy', 'geolocation_routing_policy', 'geoproximity_routing_policy', 'cidr_routing_policy'];

function aliasOf(ctx: PlanContext, r: PlanResource, zoneName: string, names: ReadonlySet<string>): RawDnsRecord['alias'] | undefined {
  const block = nestedBlocks(r, 'alias')[0];
  if (!block) return undefined;
  const known = knownString(block, 'name');
  if (known !== undefined && names.has(norm(known))) return { record: norm(known) };
  const target = linkOne(ctx, block, { attr: 'name', types: ['aws_vpc_endpoint', ...LB_TYPES], what: 'alias target' });
  const id = idOf(ctx, target);
  if (!target || id === undefined) return undefined;
  if (target.type !== 'aws_vpc_endpoint') return { loadBalancer: id };
  // dns_entry[0] is the endpoint's regional name; the zonal entries follow in an order the
  // plan does not give, so another index is read as the regional name, with a warning.
  const refs = JSON.stringify(block.config?.expressions['name'] ?? '');
  const index = /dns_entry\[(\d+)\]/.exec(refs)?.[1];
  if (index !== undefined && index !== '0') warnAt(ctx, 'FIELD_DROPPED', r, `${r.address}: the alias names dns_entry[${index}] of ${target.address}, a zonal name whose zone the plan does not say; it is imported as the regional name`);
  void zoneName;
  return { endpoint: id };
}

/** Hosted zones, their VPC associations and their records. */
export function mapHostedZones(ctx: PlanContext, resources: readonly PlanResource[]): void {
  const zones = new Map<string, { id: string; name: string; vpcs: string[]; records: RawDnsRecord[]; r: PlanResource }>();
  for (const r of resources.filter((x) => x.type === 'aws_route53_zone')) {
    ctx.handled.add(r.address);
    const name = knownString(r, 'name');
    const vpcBlocks = nestedBlocks(r, 'vpc');
    if (name === undefined) continue;
    if (vpcBlocks.length === 0) {
      warnAt(ctx, 'UNMODELLED_RESOURCE', r, `${r.address} is a public hosted zone (no vpc block); vpcsim models private hosted zones only`);
      continue;
    }
    const vpcs = vpcBlocks.map((b) => idOf(ctx, linkOne(ctx, b, { attr: 'vpc_id', types: VPC_TYPES, what: 'VPC' }))).filter((v): v is string => v !== undefined);
    const id = claimAddress(ctx, r, 'hosted zone');
    if (id === undefined) continue;
    zones.set(r.address, { id, name: norm(name), vpcs, records: [], r });
  }
  for (const r of resources.filter((x) => x.type === 'aws_route53_zone_association')) {
    ctx.handled.add(r.address);
    const zone = zones.get(linkOne(ctx, r, { attr: 'zone_id', types: ['aws_route53_zone'], what: 'hosted zone' })?.address ?? '');
    const vpc = idOf(ctx, linkOne(ctx, r, { attr: 'vpc_id', types: VPC_TYPES, what: 'VPC' }));
    if (!zone || vpc === undefined) {
      warnAt(ctx, 'OUTSIDE_PLAN', r, `${r.address} associates a zone or VPC the plan does not hold; left out`);
      continue;
    }
    if (!zone.vpcs.includes(vpc)) zone.vpcs.push(vpc);
  }
  const records = resources.filter((x) => x.type === 'aws_route53_record');
  const zoneOf = (r: PlanResource) => zones.get(linkOne(ctx, r, { attr: 'zone_id', types: ['aws_route53_zone'], what: 'hosted zone' })?.address ?? '');
  const fqdn = (name: string, zone: string): string => { const n = norm(name); return n === zone || n.endsWith(`.${zone}`) ? n : `${n}.${zone}`; };
  const namesIn = new Map<string, Set<string>>();
  for (const r of records) {
    const zone = zoneOf(r);
    const name = knownString(r, 'name');
    if (zone && name !== undefined) namesIn.set(zone.id, new Set([...(namesIn.get(zone.id) ?? []), fqdn(name, zone.name)]));
  }
  for (const r of records) {
    ctx.handled.add(r.address);
    const zone = zoneOf(r);
    const rawName = knownString(r, 'name');
    const type = knownString(r, 'type');
    if (!zone || rawName === undefined || type === undefined) {
      if (!zone) warnAt(ctx, 'OUTSIDE_PLAN', r, `${r.address} is in a zone the plan does not hold as a private hosted zone; left out`);
      continue;
    }
    const name = fqdn(rawName, zone.name);
    if (type !== 'A' && type !== 'AAAA' && type !== 'CNAME') {
      if (type !== 'SOA' && type !== 'NS') warnAt(ctx, 'FIELD_DROPPED', r, `${r.address}: vpcsim models A, AAAA and CNAME records only; left out`);
      continue;
    }
    const policy = ROUTING.find((k) => nestedBlocks(r, k).length > 0) ?? (knownString(r, 'set_identifier') !== undefined ? 'set_identifier' : undefined);
    if (policy !== undefined) {
      warnAt(ctx, 'FIELD_DROPPED', r, `${r.address} uses a routing policy (${policy}); vpcsim models simple routing only, so it is left out`);
      continue;
    }
    if (nestedBlocks(r, 'alias').length > 0) {
      const alias = type === 'CNAME' ? undefined : aliasOf(ctx, r, zone.name, namesIn.get(zone.id) ?? new Set());
      if (!alias) {
        warnAt(ctx, 'OUTSIDE_PLAN', r, `${r.address}: the alias names no interface endpoint, load balancer or record of the plan; left out`);
        continue;
      }
      zone.records.push({ name, type: type as 'A' | 'AAAA', alias });
      continue;
    }
    const values = knownStrings(r, 'records');
    if (values.length === 0) {
      warnAt(ctx, 'VALUE_UNKNOWN', r, `${r.address}: its records are known only after apply and name no resource vpcsim follows; left out`);
      continue;
    }
    zone.records.push(type === 'CNAME' ? { name, type, value: values[0]! } : { name, type, values });
  }
  for (const z of zones.values()) {
    if (z.vpcs.length === 0) {
      warnAt(ctx, 'OUTSIDE_PLAN', z.r, `${z.r.address} is associated with no VPC of the plan; left out`);
      continue;
    }
    const e = emitted({ name: z.name, private: true as const, vpcs: z.vpcs, ...(z.records.length > 0 ? { records: z.records } : {}) }, sourceOf(ctx, z.r), [], z.r.nameTag);
    ctx.locs.set(e.value, z.r.loc);
    ctx.out.hostedZones.set(z.id, e);
  }
}
