// PrivateLink: endpoint services (provider side) and VPC endpoints of the three types
// (consumer side), their ENIs, derived states, and the prefix-list routes that gateway
// endpoints add to their route tables.
import { createHash } from 'node:crypto';
import { principalAllowed } from '../allowed-principals.js';
import type { AwsService } from '../aws-services.js';
import type { RawEndpoint, RawTopology } from '../format.js';
import type { Endpoint, EndpointService, EndpointState, EndpointTarget, Subnet, Vpc } from '../resources.js';
import { pointer } from '../source-map.js';
import { article, refAt, report, type BuildContext } from './context.js';
import type { VpcFabric } from './build-vpcs.js';
import { checkPlacedSubnets, type Workloads } from './build-workloads.js';
import { reportNoSecurityGroup } from './no-security-group.js';
import { checkOneForm, endpointSubnets } from './subnet-mappings.js';
import type { Ip } from '../../net/ip.js';
import { ipv6InSubnet } from './assign-addresses.js';

/** Endpoint services and endpoints. */
export interface PrivateLink {
  readonly endpointServices: Map<string, EndpointService>;
  readonly endpoints: Map<string, Endpoint>;
}

/** A deterministic service name, like AWS's: com.amazonaws.vpce.<region>.vpce-svc-<17 hex>. */
export function defaultServiceName(region: string, id: string): string {
  const hex = createHash('sha256').update(id).digest('hex').slice(0, 17);
  return `com.amazonaws.vpce.${region}.vpce-svc-${hex}`;
}

// "Manage permissions" (AWS PrivateLink guide; AddEndpointServicePermissions): allowed
// principals are IAM principals by ARN (an account's root, a user, a role) or "*"; an
// account id is 12 digits ("Your AWS account ID").
const PRINCIPAL = /^(\*|\d{12}|arn:aws(-cn|-us-gov)?:iam::\d{12}:(root|(user|role)\/[\w+=,.@\/-]+))$/;

function checkPrincipal(ctx: BuildContext, principal: string, ptr: string): void {
  if (PRINCIPAL.test(principal)) return;
  report(ctx, 'BAD_VALUE', `"${principal}" is not an allowed principal: write "*" or an IAM ARN with a 12-digit account id, like arn:aws:iam::111111111111:root`, ptr);
}

function deriveState(service: EndpointService, consumer: Vpc | undefined): { state: EndpointState; reason: string } {
  if (service.state !== 'available') {
    return { state: 'failed', reason: `derived: endpoint service "${service.id}" is ${service.state}` };
  }
  if (!principalAllowed(service.allowedPrincipals, consumer?.accountId)) {
    const who = consumer?.accountId ? `account ${consumer.accountId}` : 'a VPC with no account';
    return { state: 'rejected', reason: `derived: ${who} is not in the allowedPrincipals of "${service.id}"` };
  }
  if (service.acceptanceRequired) {
    return { state: 'pendingAcceptance', reason: `derived: "${service.id}" requires acceptance and the file does not say the connection was accepted (write state: available)` };
  }
  return { state: 'available', reason: `derived: "${service.id}" accepts connections automatically` };
}

/** Build endpoint services and endpoints, add their ENIs, and gateway endpoint routes. */
export function buildPrivateLink(ctx: BuildContext, raw: RawTopology, fabric: VpcFabric, w: Workloads, services: ReadonlyMap<string, AwsService>): PrivateLink {
  const out: PrivateLink = { endpointServices: new Map(), endpoints: new Map() };
  for (const [vpcId, rv] of Object.entries(raw.vpcs ?? {})) {
    const vpc = fabric.vpcs.get(vpcId);
    for (const [id, s] of Object.entries(rv.endpointServices ?? {})) {
      const ptr = pointer('vpcs', vpcId, 'endpointServices', id);
      refAt(ctx, s.loadBalancer, `${ptr}/loadBalancer`, ['loadBalancer'], vpcId);
      (s.allowedPrincipals ?? []).forEach((p, i) => checkPrincipal(ctx, p, `${ptr}/allowedPrincipals/${i}`));
      out.endpointServices.set(id, {
        kind: 'endpointService', id, span: ctx.map.keyAt(ptr), pointer: ptr, written: true, vpc: vpcId,
        loadBalancer: s.loadBalancer,
        serviceName: s.serviceName ?? defaultServiceName(vpc?.region ?? ctx.region, id),
        acceptanceRequired: s.acceptanceRequired ?? true,
        allowedPrincipals: s.allowedPrincipals ?? [],
        privateDnsName: s.privateDnsName,
        privateDnsVerified: s.privateDnsVerified ?? s.privateDnsName !== undefined,
        state: (s.state ?? 'available') as EndpointService['state'],
      });
    }
  }
  for (const [vpcId, rv] of Object.entries(raw.vpcs ?? {})) {
    const vpc = fabric.vpcs.get(vpcId);
    for (const [id, e] of Object.entries(rv.endpoints ?? {})) {
      const ptr = pointer('vpcs', vpcId, 'endpoints', id);
      const span = ctx.map.keyAt(ptr);
      const target = resolveService(ctx, e.service, `${ptr}/service`, out, vpc, services);
      if (!target) continue;
      checkTypeFits(ctx, e.type, target, out, w, `${ptr}/service`);
      const fieldsOf = {
        interface: ['subnets', 'subnetConfigurations', 'securityGroups', 'privateDns', 'ipAddressType', 'dnsRecordIpType'], gateway: ['routeTables'], gatewayLoadBalancer: ['subnets', 'subnetConfigurations'],
      } as const;
      for (const field of ['subnets', 'subnetConfigurations', 'securityGroups', 'privateDns', 'routeTables', 'ipAddressType', 'dnsRecordIpType'] as const) {
        if (e[field] !== undefined && !(fieldsOf[e.type] as readonly string[]).includes(field)) {
          report(ctx, 'ENDPOINT_FIELD_FOR_TYPE', `a ${e.type} endpoint has no ${field}`, `${ptr}/${field}`, 'key');
        }
      }
      const placed = endpointSubnets(e, ptr);
      if (e.type !== 'gateway') checkOneForm(ctx, ptr, 'subnets', 'subnetConfigurations', e.subnets !== undefined, e.subnetConfigurations !== undefined, false);
      if (e.type !== 'gateway' && placed.length === 0) {
        report(ctx, 'MISSING_FIELD', `a ${e.type} endpoint needs subnets (one per AZ)`, ptr, 'key');
      }
      if (e.type === 'gatewayLoadBalancer' && placed.length > 1) {
        report(ctx, 'ENDPOINT_FIELD_FOR_TYPE', 'a Gateway Load Balancer endpoint lives in exactly one subnet', `${ptr}/${e.subnetConfigurations !== undefined ? 'subnetConfigurations' : 'subnets'}`);
      }
      const subnets = e.type === 'gateway' ? [] : checkPlacedSubnets(ctx, placed, vpcId, fabric);
      const sgs = e.type === 'interface' ? e.securityGroups ?? [`${vpcId}/default-sg`] : [];
      (e.securityGroups ?? []).forEach((sg, i) => refAt(ctx, sg, `${ptr}/securityGroups/${i}`, ['securityGroup'], vpcId));
      if (e.type === 'interface') reportNoSecurityGroup(ctx, e.securityGroups, `${ptr}/securityGroups`, `interface endpoint ${id}`);
      const routeTables = e.type === 'gateway' ? e.routeTables ?? [] : [];
      routeTables.forEach((rt, i) => refAt(ctx, rt, `${ptr}/routeTables/${i}`, ['routeTable'], vpcId));
      const privateDns = resolvePrivateDns(ctx, e.type, e.privateDns, target, out, vpc, ptr);
      const service = target.kind === 'endpointService' ? out.endpointServices.get(target.id) : undefined;
      const derived = e.state !== undefined
        ? { state: e.state as EndpointState, reason: 'written in the file' }
        : service ? deriveState(service, vpc) : { state: 'available' as const, reason: 'derived: AWS services accept every endpoint' };
      const enis: string[] = [];
      const ipv6Of = new Map<string, Ip>();
      (e.subnetConfigurations ?? []).forEach((c, i) => {
        if (c.ipv6 === undefined) return;
        const subnet = fabric.subnets.get(c.subnet);
        const ip = subnet ? ipv6InSubnet(ctx, c.ipv6, `${ptr}/subnetConfigurations/${i}/ipv6`, subnet) : undefined;
        if (ip) ipv6Of.set(c.subnet, ip);
      });
      const ipAddressType = e.type === 'interface' ? resolveIpAddressType(ctx, e, ptr, subnets, ipv6Of.size > 0) : 'ipv4';
      const dnsRecordIpType = e.type === 'interface' ? resolveDnsRecordIpType(ctx, e, ptr, ipAddressType) : 'ipv4';
      // Pinned addresses stay apart: subnetConfigurations records only what the file wrote.
      const v6 = new Map(ipv6Of);
      if (ipAddressType !== 'ipv4') assignIpv6(subnets, v6, vpcId, w);
      for (const subnet of subnets) {
        const eniId = `${id}/${subnet.id}`;
        const privateIp = w.addresses.get(eniId);
        if (!privateIp) continue;
        enis.push(eniId);
        const ipv6Ip = ipAddressType !== 'ipv4' ? v6.get(subnet.id) : undefined;
        w.enis.set(eniId, {
          id: eniId, owner: { kind: 'endpoint', id }, vpc: vpcId, subnet: subnet.id, az: subnet.az, privateIp, secondaryIps: [],
          publicIp: undefined, ipv6Ip, securityGroups: sgs,
          interfaceType: e.type === 'interface' ? 'vpc_endpoint' : 'gateway_load_balancer_endpoint', filtered: e.type === 'interface',
          // An endpoint interface's IPv6 address is never reachable from the internet: AWS
          // describes such interfaces with DenyAllIgwTraffic true (EC2 NetworkInterface).
          sourceDestCheck: true, deviceIndex: undefined, denyAllIgwTraffic: ipv6Ip !== undefined, span,
        });
      }
      const subnetConfigurations = e.subnetConfigurations?.map((c) => ({
        subnet: c.subnet,
        ipv4: c.ipv4 !== undefined ? w.addresses.get(`${id}/${c.subnet}`) : undefined,
        ipv6: ipv6Of.get(c.subnet),
      }));
      // "Gateway endpoints" (Amazon VPC guide): the endpoint adds a route whose destination is
      // the service's AWS-managed prefix list to each route table it is associated with.
      if (e.type === 'gateway' && target.kind === 'awsService' && target.service.prefixList) {
        routeTables.forEach((rtId, i) => {
          const table = fabric.routeTables.get(rtId);
          if (!table || table.vpc !== vpcId) return;
          table.routes.push({
            index: table.routes.filter((r) => r.origin !== 'local').length + 1,
            destination: { kind: 'prefixList', prefixList: target.service.prefixList!.id },
            target: { kind: 'resource', id },
            origin: 'gatewayEndpoint',
            span: ctx.map.valueAt(`${ptr}/routeTables/${i}`),
          });
        });
      }
      out.endpoints.set(id, {
        kind: 'endpoint', id, name: e.name, span, pointer: ptr, written: true, vpc: vpcId, type: e.type, service: target, subnetConfigurations,
        subnets: subnets.map((s) => s.id), securityGroups: sgs, privateDns, routeTables,
        state: derived.state, stateReason: derived.reason, policy: e.policy, enis,
        privateDnsOnlyForInboundResolverEndpoint: e.privateDnsOnlyForInboundResolverEndpoint ?? false,
        ipAddressType, dnsRecordIpType,
      });
    }
  }
  return out;
}

// IpAddressType of an interface endpoint (CreateVpcEndpoint; "IP address types", AWS
// PrivateLink guide): ipv4 needs IPv4 subnets, dualstack subnets with both an IPv4 and an IPv6
// block, ipv6 IPv6-only subnets (which format v1 does not have: every subnet has an IPv4
// block). Unwritten: dualstack when the file pins an interface's IPv6 address (AWS gives
// endpoint interfaces IPv6 addresses only then), else ipv4.
function resolveIpAddressType(ctx: BuildContext, e: RawEndpoint, ptr: string, subnets: readonly Subnet[], pinnedIpv6: boolean): Endpoint['ipAddressType'] {
  const written = e.ipAddressType;
  if (written === undefined) return pinnedIpv6 ? 'dualstack' : 'ipv4';
  if (written === 'ipv6') {
    report(ctx, 'BAD_VALUE', 'an ipv6 endpoint needs IPv6-only subnets, and every subnet of format v1 has an IPv4 block; write dualstack', `${ptr}/ipAddressType`);
    return 'dualstack';
  }
  if (written === 'dualstack') {
    const v4only = subnets.find((s) => s.ipv6Cidr === undefined);
    if (v4only) report(ctx, 'BAD_VALUE', `a dualstack endpoint needs subnets with both an IPv4 and an IPv6 block; subnet "${v4only.id}" has no ipv6Cidr`, `${ptr}/ipAddressType`);
    return 'dualstack';
  }
  (e.subnetConfigurations ?? []).forEach((c, i) => {
    if (c.ipv6 !== undefined) report(ctx, 'BAD_VALUE', 'an ipv4 endpoint\'s interfaces have no IPv6 address; write ipAddressType: dualstack', `${ptr}/subnetConfigurations/${i}/ipv6`, 'key');
  });
  return 'ipv4';
}

// DnsRecordIpType (DnsOptionsSpecification, EC2 API reference): ipv4 needs an ipv4 or
// dualstack endpoint, ipv6 an ipv6 or dualstack one, dualstack and service-defined a dualstack
// one. Unwritten: the endpoint's own address type.
function resolveDnsRecordIpType(ctx: BuildContext, e: RawEndpoint, ptr: string, type: Endpoint['ipAddressType']): Endpoint['dnsRecordIpType'] {
  const written = e.dnsRecordIpType;
  if (written === undefined) return type;
  const fits = written === 'ipv4' ? type !== 'ipv6' : written === 'ipv6' ? type !== 'ipv4' : type === 'dualstack';
  if (!fits) report(ctx, 'BAD_VALUE', `dnsRecordIpType ${written} does not fit an ${type} endpoint (ipv4: ipv4 or dualstack endpoints; ipv6: ipv6 or dualstack; dualstack and service-defined: dualstack)`, `${ptr}/dnsRecordIpType`);
  return written;
}

/**
 * IPv6 addresses for a dual-stack endpoint's interfaces the file does not pin: the lowest free
 * address of the subnet's IPv6 block from its base + 4 (AWS reserves the first four, as in
 * IPv4), skipping every IPv6 address an interface of the VPC already has. Deterministic.
 */
function assignIpv6(subnets: readonly Subnet[], ipv6Of: Map<string, Ip>, vpcId: string, w: Workloads): void {
  const used = new Set<bigint>([...w.enis.values()].filter((x) => x.vpc === vpcId && x.ipv6Ip).map((x) => x.ipv6Ip!.value));
  for (const ip of ipv6Of.values()) used.add(ip.value);
  for (const s of subnets) {
    if (ipv6Of.has(s.id) || !s.ipv6Cidr) continue;
    let v = s.ipv6Cidr.network + 4n;
    while (used.has(v)) v++;
    used.add(v);
    ipv6Of.set(s.id, { family: 6, value: v });
  }
}

function resolveService(
  ctx: BuildContext, name: string, ptr: string, pl: PrivateLink, vpc: Vpc | undefined, services: ReadonlyMap<string, AwsService>,
): EndpointTarget | undefined {
  if (ctx.ids.has(name)) {
    return refAt(ctx, name, ptr, ['endpointService']) ? { kind: 'endpointService', id: name } : undefined;
  }
  const aws = services.get(name);
  if (aws) {
    if (vpc && aws.region !== vpc.region) {
      report(ctx, 'CROSS_VPC_REFERENCE', `${name} is in ${aws.region}, but the VPC is in ${vpc.region}; an endpoint reaches its own region's services`, ptr);
      return undefined;
    }
    return { kind: 'awsService', service: aws };
  }
  const byName = [...pl.endpointServices.values()].find((s) => s.serviceName === name);
  if (byName) return { kind: 'endpointService', id: byName.id };
  if (name.startsWith('com.amazonaws.')) {
    report(ctx, 'UNKNOWN_AWS_SERVICE', `"${name}" is not in the built-in catalogue of AWS services (docs/aws-services.md)`, ptr);
  } else {
    refAt(ctx, name, ptr, ['endpointService']);
  }
  return undefined;
}

function checkTypeFits(ctx: BuildContext, type: Endpoint['type'], target: EndpointTarget, pl: PrivateLink, w: Workloads, ptr: string): void {
  if (target.kind === 'awsService') {
    const s: AwsService = target.service;
    if (type === 'gateway' && !s.gateway) report(ctx, 'ENDPOINT_SERVICE_TYPE', `${s.name} has no gateway endpoints (only S3 and DynamoDB do)`, ptr);
    if (type === 'gatewayLoadBalancer') report(ctx, 'ENDPOINT_SERVICE_TYPE', `a GWLB endpoint connects to an endpoint service behind a Gateway Load Balancer, not to ${s.name}`, ptr);
    return;
  }
  if (type === 'gateway') {
    report(ctx, 'ENDPOINT_SERVICE_TYPE', 'gateway endpoints exist only for S3 and DynamoDB; use an interface endpoint for an endpoint service', ptr);
    return;
  }
  const service = pl.endpointServices.get(target.id);
  const lb = service ? w.loadBalancers.get(service.loadBalancer) : undefined;
  if (!lb) return;
  const wanted = type === 'interface' ? 'network' : 'gateway';
  if (lb.type !== wanted) {
    // An ALB is never an endpoint service's load balancer: put an NLB with an alb target group in front of it.
    const fronted = lb.type === 'network' ? 'a Network' : lb.type === 'gateway' ? 'a Gateway' : 'an Application';
    const hint = lb.type === 'application' ? ' (put a Network Load Balancer with a target group of type alb in front of the ALB)' : '';
    report(ctx, 'ENDPOINT_SERVICE_TYPE', `endpoint service "${target.id}" is fronted by ${fronted} Load Balancer; ${article(type)} endpoint needs a ${wanted === 'network' ? 'Network' : 'Gateway'} Load Balancer service${hint}`, ptr);
  }
}

// Private DNS ("Enable private DNS", AWS PrivateLink guide): needs enableDnsSupport and
// enableDnsHostnames on the VPC; AWS refuses an endpoint that asks for it otherwise. The API
// default is on for AWS services and for services with a verified private DNS name.
function resolvePrivateDns(
  ctx: BuildContext, type: Endpoint['type'], written: boolean | undefined, target: EndpointTarget,
  pl: PrivateLink, vpc: Vpc | undefined, ptr: string,
): boolean {
  if (type !== 'interface') return false;
  const service = target.kind === 'endpointService' ? pl.endpointServices.get(target.id) : undefined;
  const available = target.kind === 'awsService' || (service?.privateDnsName !== undefined && service.privateDnsVerified);
  const vpcDns = vpc !== undefined && vpc.enableDnsSupport && vpc.enableDnsHostnames;
  if (written === true) {
    if (!available) {
      const why = target.kind === 'endpointService' && service?.privateDnsName !== undefined ? `its private DNS name ${service.privateDnsName} is not verified` : 'it has no private DNS name';
      report(ctx, 'PRIVATE_DNS_UNAVAILABLE', `private DNS cannot be enabled for this endpoint: ${why}; AWS refuses the endpoint`, `${ptr}/privateDns`);
    } else if (!vpcDns) {
      report(ctx, 'PRIVATE_DNS_NEEDS_VPC_DNS', `private DNS needs enableDnsSupport and enableDnsHostnames on VPC "${vpc?.id}"; AWS refuses to create this endpoint`, `${ptr}/privateDns`);
    }
    return available && vpcDns;
  }
  if (written === false) return false;
  if (available && !vpcDns) {
    report(ctx, 'DNS_HOSTNAMES_OFF', `VPC "${vpc?.id}" lacks enableDnsSupport or enableDnsHostnames (the AWS API default is false), so private DNS is treated as off for this endpoint; set enableDnsHostnames: true or privateDns: false`, ptr, 'key', 'warning');
  }
  return available && vpcDns;
}
