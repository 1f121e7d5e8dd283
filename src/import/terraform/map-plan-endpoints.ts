// PrivateLink and gateway endpoints: aws_vpc_endpoint_service (+ _allowed_principal,
// aws_vpc_endpoint_connection_accepter), aws_vpc_endpoint (+ route table, subnet and
// security group associations). AWS provider docs: aws_vpc_endpoint's vpc_endpoint_type
// defaults to "Gateway"; an Interface endpoint with no security_group_ids gets the VPC's
// default security group ("If no security groups are specified, the VPC's default
// security group is associated"); auto_accept accepts the endpoint when the service is in
// the same account. An endpoint to a service that requires acceptance is
// pendingAcceptance until an accepter (or auto_accept) accepts it ("Accept or reject
// connection requests", AWS PrivateLink guide).
import type { RawEndpoint, RawEndpointService } from '../../model/format.js';
import { findAwsService } from '../../model/aws-services.js';
import { claimAddress, emit, idOf } from './emit-resource.js';
import { nameAlias } from './name-alias.js';
import { linkAll, linkOne } from './link-reference.js';
import { errorAt, warnAt, type PlanContext } from './plan-context.js';
import { knownBool, knownString, knownStrings, type PlanResource } from './plan-model.js';
import { LB_TYPES } from './map-plan-load-balancers.js';
import { ROUTE_TABLE_TYPES } from './map-plan-route-tables.js';
import { SG_TYPES } from './map-plan-security-groups.js';
import { SUBNET_TYPES } from './map-plan-subnets.js';
import { vpcOfResource } from './map-plan-vpcs.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Endpoint services, written in the VPC of their load balancer. */
export function mapEndpointServices(ctx: PlanContext, resources: readonly PlanResource[]): void {
  const services = new Map<string, Mutable<RawEndpointService>>();
  for (const r of resources.filter((x) => x.type === 'aws_vpc_endpoint_service')) {
    ctx.handled.add(r.address);
    const lbs = [...linkAll(ctx, r, { attr: 'network_load_balancer_arns', types: LB_TYPES, what: 'load balancer' }),
      ...linkAll(ctx, r, { attr: 'gateway_load_balancer_arns', types: LB_TYPES, what: 'load balancer' })];
    const lb = idOf(ctx, lbs[0]);
    const vpc = ctx.vpcOfId.get(lb ?? '');
    if (!vpc || lb === undefined) {
      warnAt(ctx, 'UNRESOLVED_REFERENCE', r, `endpoint service ${r.address} has no load balancer vpcsim models; it is left out`);
      continue;
    }
    if (lbs.length > 1) warnAt(ctx, 'FIELD_DROPPED', r, `endpoint service ${r.address} is fronted by ${lbs.length} load balancers; format v1 holds one, so ${lb} is used`);
    const id = claimAddress(ctx, r, 'endpoint service');
    if (id === undefined) continue;
    const value: Mutable<RawEndpointService> = { loadBalancer: lb, acceptanceRequired: knownBool(r, 'acceptance_required') ?? true };
    const principals = knownStrings(r, 'allowed_principals');
    if (principals.length > 0) value.allowedPrincipals = principals;
    const dns = knownString(r, 'private_dns_name');
    if (dns !== undefined) value.privateDnsName = dns;
    vpc.endpointServices.set(id, emit(ctx, r, value));
    ctx.vpcOfId.set(id, vpc);
    services.set(r.address, value);
  }
  for (const r of resources.filter((x) => x.type === 'aws_vpc_endpoint_service_allowed_principal')) {
    ctx.handled.add(r.address);
    const s = services.get(linkOne(ctx, r, { attr: 'vpc_endpoint_service_id', types: ['aws_vpc_endpoint_service'], what: 'endpoint service' })?.address ?? '');
    const principal = knownString(r, 'principal_arn');
    if (s && principal !== undefined) s.allowedPrincipals = [...(s.allowedPrincipals ?? []), principal];
  }
}

const TYPES: Record<string, RawEndpoint['type']> = { interface: 'interface', gateway: 'gateway', gatewayloadbalancer: 'gatewayLoadBalancer' };

function serviceOf(ctx: PlanContext, r: PlanResource, region: string): { service?: string; acceptance?: boolean } {
  const name = knownString(r, 'service_name');
  if (name !== undefined) {
    const aws = findAwsService(name);
    if (aws && aws.region === region) return { service: aws.name };
    const ours = ctx.plan.resources.find((x) => x.type === 'aws_vpc_endpoint_service' && x.values['service_name'] === name && idOf(ctx, x) !== undefined);
    if (ours) return { service: idOf(ctx, ours)!, acceptance: knownBool(ours, 'acceptance_required') ?? true };
    warnAt(ctx, name.startsWith('com.amazonaws.vpce.') ? 'OUTSIDE_PLAN' : 'UNMODELLED_RESOURCE', r,
      `endpoint ${r.address} connects to ${name}, which is neither in vpcsim's catalogue of AWS services in ${region} (docs/aws-services.md) nor an endpoint service of the plan; the endpoint is left out`);
    return {};
  }
  const svc = linkOne(ctx, r, { attr: 'service_name', types: ['aws_vpc_endpoint_service'], what: 'endpoint service' });
  const id = idOf(ctx, svc);
  if (id !== undefined) return { service: id, acceptance: knownBool(svc!, 'acceptance_required') ?? true };
  return {};
}

/** Endpoints and their associations. */
export function mapEndpoints(ctx: PlanContext, resources: readonly PlanResource[]): void {
  const endpoints = new Map<string, Mutable<RawEndpoint>>();
  const accepted = new Set(resources.filter((x) => x.type === 'aws_vpc_endpoint_connection_accepter')
    .map((a) => {
      ctx.handled.add(a.address);
      return linkOne(ctx, a, { attr: 'vpc_endpoint_id', types: ['aws_vpc_endpoint'], what: 'endpoint' })?.address;
    }));
  for (const r of resources.filter((x) => x.type === 'aws_vpc_endpoint')) {
    ctx.handled.add(r.address);
    const vpcRes = vpcOfResource(ctx, r);
    const vpcId = idOf(ctx, vpcRes);
    const vpc = ctx.out.vpcs.get(vpcId ?? '');
    if (!vpc || vpcId === undefined) continue;
    const type = TYPES[(knownString(r, 'vpc_endpoint_type') ?? 'Gateway').toLowerCase()];
    if (type === undefined) {
      warnAt(ctx, 'UNMODELLED_RESOURCE', r, `endpoint ${r.address} of type ${knownString(r, 'vpc_endpoint_type')} is not modelled; left out`);
      continue;
    }
    const { service, acceptance } = serviceOf(ctx, r, vpc.fields.region ?? ctx.region);
    if (service === undefined) continue;
    const id = claimAddress(ctx, r, 'endpoint');
    if (id === undefined) continue;
    const value: Mutable<RawEndpoint> = { ...nameAlias(r), type, service };
    const notes: string[] = [];
    if (type !== 'gateway') {
      value.subnets = linkAll(ctx, r, { attr: 'subnet_ids', types: SUBNET_TYPES, what: 'subnet' }).map((s) => idOf(ctx, s)).filter((x): x is string => x !== undefined);
    }
    if (type === 'interface') {
      const groups = linkAll(ctx, r, { attr: 'security_group_ids', types: SG_TYPES, what: 'security group' }).map((g) => idOf(ctx, g)).filter((x): x is string => x !== undefined);
      value.securityGroups = groups.length > 0 ? groups : [`${vpcId}/default-sg`];
      if (groups.length === 0) notes.push("no security_group_ids: the VPC's default security group");
      value.privateDns = knownBool(r, 'private_dns_enabled') ?? false;
    }
    if (type === 'gateway') {
      value.routeTables = linkAll(ctx, r, { attr: 'route_table_ids', types: ROUTE_TABLE_TYPES, what: 'route table' }).map((t) => idOf(ctx, t)).filter((x): x is string => x !== undefined);
    }
    if (acceptance === true && knownBool(r, 'auto_accept') !== true && !accepted.has(r.address)) {
      value.state = 'pendingAcceptance';
      notes.push('the service requires acceptance and nothing in the plan accepts this endpoint (aws_vpc_endpoint_connection_accepter, auto_accept)');
    }
    const policy = knownString(r, 'policy');
    if (policy !== undefined) {
      try {
        const parsed: unknown = JSON.parse(policy);
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) value.policy = parsed;
      } catch {
        errorAt(ctx, 'WRONG_SHAPE', r, 'policy is not a JSON document');
      }
    }
    vpc.endpoints.set(id, emit(ctx, r, value, notes));
    ctx.vpcOfId.set(id, vpc);
    endpoints.set(r.address, value);
  }
  const assoc = (type: string, attr: string, types: readonly string[], key: 'routeTables' | 'subnets' | 'securityGroups'): void => {
    for (const r of resources.filter((x) => x.type === type)) {
      ctx.handled.add(r.address);
      const e = endpoints.get(linkOne(ctx, r, { attr: 'vpc_endpoint_id', types: ['aws_vpc_endpoint'], what: 'endpoint' })?.address ?? '');
      const t = idOf(ctx, linkOne(ctx, r, { attr, types, what: key }));
      if (!e || t === undefined) continue;
      const list = (e[key] ?? []).filter((x) => !x.endsWith('/default-sg'));
      if (!list.includes(t)) list.push(t);
      e[key] = list;
    }
  };
  assoc('aws_vpc_endpoint_route_table_association', 'route_table_id', ROUTE_TABLE_TYPES, 'routeTables');
  assoc('aws_vpc_endpoint_subnet_association', 'subnet_id', SUBNET_TYPES, 'subnets');
  assoc('aws_vpc_endpoint_security_group_association', 'security_group_id', SG_TYPES, 'securityGroups');
}
