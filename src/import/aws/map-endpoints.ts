// VPC endpoints (describe-vpc-endpoints): interface, gateway and Gateway Load Balancer
// endpoints, their service (an AWS service from vpcsim's catalogue, or an endpoint service
// of the snapshot), subnets, security groups, private DNS, route tables, state and policy.
// A gateway endpoint adds its own prefix-list route (FORMAT.md), so the route tables that
// carry that route are listed in its routeTables instead of as routes.
import { findAwsService } from '../../model/aws-services.js';
import type { RawEndpoint, RawSubnetConfiguration } from '../../model/format.js';
import { addressOrWarn } from './claim-address.js';
import { endpointStateOf } from './aws-values.js';
import { claimId, defaultGroupWarning, missingReference, type ImportContext } from './context.js';
import type { JsonReader, Obj } from './json-reader.js';
import { gatewayServiceOfPrefixList } from './map-prefix-lists.js';
import { emitted, replaceKey, type OutVpc } from './output-model.js';
import { cmp } from './problems.js';
import { isCaptured, markCaptured, type EndpointRec, type Snapshot } from './snapshot.js';

type OutEndpoint = { -readonly [K in keyof RawEndpoint]: RawEndpoint[K] };

/** VpcEndpoints: describe-vpc-endpoints. */
export function parseEndpoints(r: JsonReader, o: Obj, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'endpoints');
  r.objects(o, 'VpcEndpoints', '$', (e, path) => {
    const id = r.str(e, 'VpcEndpointId', path);
    const vpcId = r.str(e, 'VpcId', path);
    const type = r.str(e, 'VpcEndpointType', path);
    const serviceName = r.str(e, 'ServiceName', path);
    if (id === undefined || vpcId === undefined || type === undefined || serviceName === undefined) return undefined;
    s.endpoints.push({
      id, vpcId, type, serviceName,
      state: r.optStr(e, 'State', path),
      subnetIds: r.strings(e, 'SubnetIds', path),
      groupIds: r.objects(e, 'Groups', path, (g, p) => r.optStr(g, 'GroupId', p)),
      routeTableIds: r.strings(e, 'RouteTableIds', path),
      privateDns: r.optBool(e, 'PrivateDnsEnabled', path),
      policy: r.optStr(e, 'PolicyDocument', path),
      eniIds: r.strings(e, 'NetworkInterfaceIds', path),
      ownerId: r.optStr(e, 'OwnerId', path),
      dnsNames: r.objects(e, 'DnsEntries', path, (d, p) => r.optStr(d, 'DnsName', p)?.toLowerCase()),
      src: r.src(path, e),
    });
    return undefined;
  });
}

const TYPES: Record<string, RawEndpoint['type']> = { interface: 'interface', gateway: 'gateway', gatewayloadbalancer: 'gatewayLoadBalancer' };

/** Emit every endpoint of a VPC in the snapshot, before route tables are mapped. */
export function mapEndpoints(ctx: ImportContext): void {
  for (const e of [...ctx.snapshot.endpoints].sort((a, b) => cmp(a.id, b.id))) mapEndpoint(ctx, e);
  inferGatewayEndpoints(ctx);
}

function serviceOf(ctx: ImportContext, e: EndpointRec): string | undefined {
  const aws = findAwsService(e.serviceName);
  if (aws && aws.region === ctx.vpcRegions.get(e.vpcId)) return aws.name;
  const ours = ctx.snapshot.serviceConfigs.find((c) => c.name === e.serviceName);
  if (ours && [...ctx.out.vpcs.values()].some((v) => v.endpointServices.has(ours.id))) return ours.id;
  if (ours || e.serviceName.startsWith('com.amazonaws.vpce.')) {
    ctx.problems.warn('OUTSIDE_SNAPSHOT', e.id, e.src.file, `${e.src.path}.ServiceName`,
      `endpoint ${e.id} connects to ${e.serviceName}, an endpoint service that is not imported (another account's, or its load balancer is not in the snapshot); the endpoint is left out`);
  } else {
    ctx.problems.warn('UNMODELLED_RESOURCE', e.id, e.src.file, `${e.src.path}.ServiceName`,
      `endpoint ${e.id} connects to ${e.serviceName}, which is not in vpcsim's catalogue of AWS services (docs/aws-services.md); the endpoint is left out, so verdicts do not account for it`);
  }
  return undefined;
}

function mapEndpoint(ctx: ImportContext, e: EndpointRec): void {
  const vpc = ctx.out.vpcs.get(e.vpcId);
  if (!vpc) {
    ctx.problems.warn('OUTSIDE_SNAPSHOT', e.id, e.src.file, e.src.path, `endpoint ${e.id} belongs to VPC ${e.vpcId}, which is not in the snapshot; left out`);
    return;
  }
  const type = TYPES[e.type.toLowerCase()];
  if (type === undefined) {
    ctx.problems.warn('UNMODELLED_RESOURCE', e.id, e.src.file, `${e.src.path}.VpcEndpointType`,
      `${e.type} endpoint ${e.id} (${e.serviceName}) is not modelled; verdicts do not account for it`);
    return;
  }
  const service = serviceOf(ctx, e);
  if (service === undefined) return;
  let policy: unknown;
  if (e.policy !== undefined) {
    try {
      policy = JSON.parse(e.policy);
    } catch (err) {
      ctx.problems.error('WRONG_SHAPE', e.src.file, `${e.src.path}.PolicyDocument`, `the policy document is not JSON (${(err as Error).message})`);
      return;
    }
    if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) {
      ctx.problems.error('WRONG_SHAPE', e.src.file, `${e.src.path}.PolicyDocument`, 'the policy document is not a JSON object');
      return;
    }
  }
  const value: OutEndpoint = { type, service };
  const notes: string[] = [];
  if (type !== 'gateway') {
    value.subnets = e.subnetIds.filter((id, i) => known(ctx, vpc, 'subnets', id, e, `${e.src.path}.SubnetIds[${i}]`));
    if (value.subnets.length === 0) {
      ctx.problems.warn('OUTSIDE_SNAPSHOT', e.id, e.src.file, `${e.src.path}.SubnetIds`, `endpoint ${e.id} has no subnet in the snapshot; left out`);
      return;
    }
  }
  if (type === 'interface') {
    const groups = e.groupIds.filter((id, i) => known(ctx, vpc, 'securityGroups', id, e, `${e.src.path}.Groups[${i}].GroupId`));
    // As for instances: no group the snapshot holds means the VPC's default group, warned.
    if (groups.length > 0) value.securityGroups = groups;
    else if (e.groupIds.length > 0) defaultGroupWarning(ctx, e.id, e.src, `endpoint ${e.id}`, e.groupIds);
    value.privateDns = privateDns(ctx, vpc, e);
  }
  if (type === 'gateway') {
    value.routeTables = e.routeTableIds.filter((id, i) => known(ctx, vpc, 'routeTables', id, e, `${e.src.path}.RouteTableIds[${i}]`));
  }
  if (e.state !== undefined) {
    const state = endpointStateOf(e.state);
    if (state !== undefined) value.state = state;
    else {
      notes.push(`AWS state: ${e.state}`);
      ctx.problems.warn('FIELD_DROPPED', e.id, e.src.file, `${e.src.path}.State`,
        `endpoint ${e.id} is in state ${e.state}, which format v1 does not have; the state is derived by vpcsim instead`);
    }
  }
  if (policy !== undefined) value.policy = policy;
  if (!claimId(ctx, e.id, 'endpoint', e.src)) return;
  if (type !== 'gateway') subnetConfigurations(ctx, vpc, e, value, notes);
  vpc.endpoints.set(e.id, emitted(value, e.src.file, notes, e.src.name));
}

// The interface addresses AWS gave (describe-network-interfaces, the endpoint's
// NetworkInterfaceIds), written as subnetConfigurations so the interfaces keep them.
function subnetConfigurations(ctx: ImportContext, vpc: OutVpc, e: EndpointRec, value: OutEndpoint, notes: string[]): void {
  const enis = ctx.snapshot.enis.filter((n) => e.eniIds.includes(n.id));
  const configs: RawSubnetConfiguration[] = [];
  let pinned = false;
  for (const subnetId of value.subnets ?? []) {
    const eni = enis.filter((n) => n.subnetId === subnetId).sort((a, b) => cmp(a.id, b.id))[0];
    const c: { -readonly [K in keyof RawSubnetConfiguration]: RawSubnetConfiguration[K] } = { subnet: subnetId };
    const subnet = vpc.subnets.get(subnetId)?.value;
    if (eni?.privateIp !== undefined && addressOrWarn(ctx, {
      text: eni.privateIp, owner: e.id, subnet: subnet ? { id: subnetId, cidr: subnet.cidr } : undefined, space: 'private',
      what: `the interface address in ${subnetId}`, src: eni.src, path: `${eni.src.path}.PrivateIpAddress`,
    })) c.ipv4 = eni.privateIp;
    const ipv6 = eni?.ipv6[0];
    if (eni && ipv6 !== undefined && subnet?.ipv6Cidr !== undefined && addressOrWarn(ctx, {
      text: ipv6, owner: e.id, subnet: { id: subnetId, cidr: subnet.ipv6Cidr }, space: 'private',
      what: `the interface IPv6 address in ${subnetId}`, src: eni.src, path: `${eni.src.path}.Ipv6Addresses[0]`,
    })) c.ipv6 = ipv6;
    if (Object.keys(c).length > 1) pinned = true;
    configs.push(c);
  }
  if (!pinned) return;
  replaceKey(value, 'subnets', 'subnetConfigurations', configs);
  notes.push(`interfaces: ${enis.map((n) => n.id).sort(cmp).join(', ')}`);
}

function known(ctx: ImportContext, vpc: OutVpc, family: 'subnets' | 'securityGroups' | 'routeTables', id: string, e: EndpointRec, path: string): boolean {
  const present = family === 'routeTables'
    ? ctx.snapshot.routeTables.some((t) => t.id === id && t.vpcId === e.vpcId)
    : vpc[family].has(id);
  if (present) return true;
  const what = { subnets: 'subnet', securityGroups: 'security group', routeTables: 'route table' }[family];
  missingReference(ctx, family, e.src, path, { resource: e.id, from: `endpoint ${e.id}`, what: `${what} ${id}`, consequence: 'it is left out of the endpoint' });
  return false;
}

// Private DNS needs enableDnsSupport and enableDnsHostnames ("Enable private DNS", AWS
// PrivateLink guide): AWS refuses the endpoint otherwise, so an endpoint with private DNS on
// shows the VPC had both on when the snapshot does not give them.
function privateDns(ctx: ImportContext, vpc: OutVpc, e: EndpointRec): boolean {
  if (e.privateDns !== true) return false;
  const f = vpc.fields;
  if (f.enableDnsSupport === false || f.enableDnsHostnames === false) {
    ctx.problems.warn('FIELD_DROPPED', e.id, e.src.file, `${e.src.path}.PrivateDnsEnabled`,
      `endpoint ${e.id} has private DNS on, but VPC ${e.vpcId} has DNS ${f.enableDnsSupport === false ? 'support' : 'hostnames'} off, so the service name does not resolve to it; privateDns is written false`);
    return false;
  }
  if (f.enableDnsSupport === undefined || f.enableDnsHostnames === undefined) {
    f.enableDnsSupport = true;
    f.enableDnsHostnames = true;
    vpc.notes.push(`DNS support and hostnames inferred from endpoint ${e.id} (private DNS needs both)`);
    ctx.problems.warn('INFERRED_VALUE', e.vpcId, e.src.file, `${e.src.path}.PrivateDnsEnabled`,
      `VPC ${e.vpcId}: the snapshot does not give its DNS attributes (describe-vpc-attribute); endpoint ${e.id} has private DNS on, which AWS allows only with DNS support and hostnames on, so both are written true`);
  }
  return true;
}

// A route to vpce-… with a prefix-list destination is a gateway endpoint's route. With no
// describe-vpc-endpoints in the snapshot, the endpoint is rebuilt from those routes.
function inferGatewayEndpoints(ctx: ImportContext): void {
  const s = ctx.snapshot;
  const found = new Map<string, { vpcId: string; pl: string; tables: string[]; file: string; path: string }>();
  for (const t of [...s.routeTables].sort((a, b) => cmp(a.id, b.id))) {
    if (!ctx.out.vpcs.has(t.vpcId) || isCaptured(s, t.src.dir, 'endpoints')) continue;
    for (const r of t.routes) {
      if (r.destPrefixList === undefined || !r.gatewayId?.startsWith('vpce-') || s.endpoints.some((e) => e.id === r.gatewayId)) continue;
      const entry = found.get(r.gatewayId) ?? { vpcId: t.vpcId, pl: r.destPrefixList, tables: [], file: t.src.file, path: r.path };
      entry.tables.push(t.id);
      found.set(r.gatewayId, entry);
    }
  }
  for (const [id, f] of [...found.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    const service = gatewayServiceOfPrefixList(ctx, f.pl);
    const vpc = ctx.out.vpcs.get(f.vpcId)!;
    if (!service || !claimId(ctx, id, 'endpoint')) continue;
    vpc.endpoints.set(id, emitted({ type: 'gateway', service: service.name, routeTables: f.tables }, f.file, [`inferred from the prefix-list routes to it (${f.pl})`]));
    ctx.problems.warn('INFERRED_VALUE', id, f.file, f.path,
      `gateway endpoint ${id} (${service.name}) is rebuilt from the routes to it: the snapshot has no describe-vpc-endpoints; its policy is unknown and written as none (allow all)`);
  }
}
