// One VPC of the model back to format v1: only resources the file wrote (not the main route
// table, default security group or default ACL AWS creates), and in each only the fields
// whose value the loader would not derive by itself (docs/fmt.md lists the defaults).
import { formatIp } from '../../net/ip.js';
import { formatPrefix } from '../../net/prefix.js';
import { defaultServiceName } from '../build/build-endpoints.js';
import type { RawEndpoint, RawEndpointService, RawLoadBalancer, RawTargetGroup, RawVpc } from '../format.js';
import type { Endpoint, EndpointService, Instance, LoadBalancer, NetworkInterface, Target, TargetGroup, Vpc } from '../resources.js';
import type { Topology } from '../topology.js';
import { aclRuleToRaw, routeToRaw, sgRuleToRaw } from './raw-rules.js';
import { defined, inSourceOrder } from './source-order.js';

/** Which derived addresses to write: ENI ids whose private (or NAT public) address must be pinned. */
export interface Pins {
  readonly privateIp: ReadonlySet<string>;
  readonly publicIp: ReadonlySet<string>;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function mapOf<T extends { readonly id: string }, R>(items: readonly T[], f: (x: T) => R): Record<string, R> | undefined {
  return items.length === 0 ? undefined : Object.fromEntries(items.map((x) => [x.id, f(x)]));
}

function loadBalancer(lb: LoadBalancer): RawLoadBalancer {
  return defined({
    name: lb.name,
    type: lb.type,
    scheme: lb.scheme === 'internal' ? undefined : lb.scheme,
    subnets: lb.subnetMappings ? undefined : lb.subnets,
    subnetMappings: lb.subnetMappings?.map((m) => defined({
      subnet: m.subnet,
      privateIpv4Address: m.privateIpv4Address ? formatIp(m.privateIpv4Address) : undefined,
      allocationId: m.allocationId,
      publicIp: m.publicIp ? formatIp(m.publicIp) : undefined,
    })),
    securityGroups: lb.securityGroups.length > 0 ? lb.securityGroups : undefined,
    crossZone: lb.crossZone === (lb.type === 'gateway') ? undefined : lb.crossZone,
    enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic ? undefined : false,
    listeners: lb.listeners.length > 0 ? lb.listeners.map((l) => ({ port: l.port, protocol: l.protocol, targetGroup: l.targetGroup })) : undefined,
    targetGroup: lb.targetGroup,
  });
}

/** The key a target is written with. */
function targetKey(x: Target): { instance: string } | { ip: string } | { lambda: string } | { loadBalancer: string } {
  switch (x.kind) {
    case 'instance': return { instance: x.instance };
    case 'ip': return { ip: formatIp(x.ip) };
    case 'lambda': return { lambda: x.function };
    case 'alb': return { loadBalancer: x.loadBalancer };
    default: {
      const never: never = x;
      return never;
    }
  }
}

function targetGroup(tg: TargetGroup): RawTargetGroup {
  const fixed = tg.protocol === 'http' || tg.protocol === 'https' || tg.targetType === 'lambda' || tg.targetType === 'alb';
  const preserveDefault = fixed ? tg.preserveClientIp : tg.targetType === 'instance' || tg.protocol === 'udp' || tg.protocol === 'tcp_udp';
  return defined({
    protocol: tg.protocol,
    port: tg.targetType === 'lambda' ? undefined : tg.port,
    targetType: tg.targetType === 'instance' ? undefined : tg.targetType,
    preserveClientIp: tg.preserveClientIp === preserveDefault ? undefined : tg.preserveClientIp,
    targets: tg.targets.length > 0
      ? tg.targets.map((x) => defined({
        ...targetKey(x),
        port: x.kind === 'lambda' || x.port === tg.port ? undefined : x.port,
        healthy: x.healthy ? undefined : false,
      }))
      : undefined,
  });
}

function endpointService(s: EndpointService, vpc: Vpc): RawEndpointService {
  return defined({
    loadBalancer: s.loadBalancer,
    serviceName: s.serviceName === defaultServiceName(vpc.region, s.id) ? undefined : s.serviceName,
    acceptanceRequired: s.acceptanceRequired ? undefined : false,
    allowedPrincipals: s.allowedPrincipals.length > 0 ? s.allowedPrincipals : undefined,
    privateDnsName: s.privateDnsName,
    privateDnsVerified: s.privateDnsVerified === (s.privateDnsName !== undefined) ? undefined : s.privateDnsVerified,
    state: s.state === 'available' ? undefined : s.state,
  });
}

// What the loader derives for an interface endpoint's privateDns when the file says nothing.
function derivedPrivateDns(t: Topology, e: Endpoint, vpc: Vpc): boolean {
  const service = e.service.kind === 'endpointService' ? t.endpointServices.get(e.service.id) : undefined;
  const available = e.service.kind === 'awsService' || (service?.privateDnsName !== undefined && service.privateDnsVerified);
  return available && vpc.enableDnsSupport && vpc.enableDnsHostnames;
}

function endpoint(t: Topology, e: Endpoint, vpc: Vpc): RawEndpoint {
  return defined({
    name: e.name,
    type: e.type,
    service: e.service.kind === 'endpointService' ? e.service.id : e.service.service.name,
    subnets: e.type === 'gateway' || e.subnetConfigurations ? undefined : e.subnets,
    subnetConfigurations: e.subnetConfigurations?.map((c) => defined({
      subnet: c.subnet,
      ipv4: c.ipv4 ? formatIp(c.ipv4) : undefined,
      ipv6: c.ipv6 ? formatIp(c.ipv6) : undefined,
    })),
    securityGroups: e.type === 'interface' && !sameList(e.securityGroups, [vpc.defaultSecurityGroup]) ? e.securityGroups : undefined,
    privateDns: e.type === 'interface' && e.privateDns !== derivedPrivateDns(t, e, vpc) ? e.privateDns : undefined,
    routeTables: e.type === 'gateway' ? e.routeTables : undefined,
    state: e.stateReason === 'written in the file' ? e.state : undefined,
    policy: e.policy,
    privateDnsOnlyForInboundResolverEndpoint: e.privateDnsOnlyForInboundResolverEndpoint ? true : undefined,
    // Written only where the loader would not derive them (docs/format.md, endpoints).
    ipAddressType: e.type === 'interface' && e.ipAddressType !== (e.subnetConfigurations?.some((c) => c.ipv6) ? 'dualstack' : 'ipv4') ? e.ipAddressType : undefined,
    dnsRecordIpType: e.type === 'interface' && e.dnsRecordIpType !== e.ipAddressType ? e.dnsRecordIpType : undefined,
  });
}

/** A VPC and everything written in it. */
export function vpcToRaw(t: Topology, vpc: Vpc, pins: Pins, accountName: string | undefined): RawVpc {
  const mine = <T extends { readonly vpc: string; readonly written: boolean; readonly id: string; readonly span: import('../span.js').Span }>(m: ReadonlyMap<string, T>): T[] =>
    inSourceOrder([...m.values()].filter((r) => r.vpc === vpc.id && r.written));
  const ip = (id: string, value: import('../../net/ip.js').Ip | undefined, set: ReadonlySet<string>): string | undefined =>
    value !== undefined && set.has(id) ? formatIp(value) : undefined;
  // The fields an instance's primary interface and any other interface are written with.
  const interfaceFields = (n: Instance | NetworkInterface) => ({
    name: n.name,
    subnet: n.subnet,
    privateIp: ip(n.id, n.privateIp, pins.privateIp),
    secondaryPrivateIps: n.secondaryIps.length > 0 ? n.secondaryIps.map(formatIp) : undefined,
    publicIp: n.publicIp ? formatIp(n.publicIp) : undefined,
    ipv6Ip: n.ipv6Ip ? formatIp(n.ipv6Ip) : undefined,
    securityGroups: sameList(n.securityGroups, [vpc.defaultSecurityGroup]) ? undefined : n.securityGroups,
    sourceDestCheck: n.sourceDestCheck ? undefined : false,
  });
  return defined({
    account: accountName,
    region: vpc.region === t.region ? undefined : vpc.region,
    cidr: vpc.cidrs.length === 1 ? formatPrefix(vpc.cidrs[0]!) : undefined,
    cidrs: vpc.cidrs.length > 1 ? vpc.cidrs.map(formatPrefix) : undefined,
    ipv6Cidr: vpc.ipv6Cidrs[0] ? formatPrefix(vpc.ipv6Cidrs[0]) : undefined,
    enableDnsSupport: vpc.enableDnsSupport ? undefined : false,
    enableDnsHostnames: vpc.enableDnsHostnames ? true : undefined,
    internetGateway: vpc.internetGateway,
    egressOnlyInternetGateway: vpc.egressOnlyInternetGateway,
    subnets: mapOf(mine(t.subnets), (s) => defined({
      az: s.az,
      cidr: formatPrefix(s.cidr),
      ipv6Cidr: s.ipv6Cidr ? formatPrefix(s.ipv6Cidr) : undefined,
      routeTable: s.routeTable === vpc.mainRouteTable ? undefined : s.routeTable,
      networkAcl: s.networkAcl === vpc.defaultNetworkAcl ? undefined : s.networkAcl,
    })),
    routeTables: mapOf(mine(t.routeTables), (r) => {
      const routes = r.routes.filter((x) => x.origin === 'written').sort((a, b) => a.index - b.index);
      return defined({
        main: r.main ? true : undefined,
        gatewayAssociation: r.gatewayAssociation,
        propagatingVgws: r.propagatingVgws.length > 0 ? [...r.propagatingVgws] : undefined,
        routes: routes.length > 0 ? routes.map((x) => routeToRaw(t, x)) : undefined,
      });
    }),
    natGateways: mapOf(mine(t.natGateways), (n) => defined({
      name: n.name,
      subnet: n.subnet,
      connectivity: n.connectivity === 'public' ? undefined : n.connectivity,
      privateIp: ip(n.id, n.privateIp, pins.privateIp),
      publicIp: ip(n.id, n.publicIp, pins.publicIp),
    })),
    securityGroups: mapOf(mine(t.securityGroups), (g) => defined({
      ingress: g.ingress.length > 0 ? g.ingress.map((r) => sgRuleToRaw(t, r)) : undefined,
      // Omitted egress is AWS's default allow-all; a written list (even empty) is printed.
      egress: g.egress.every((r) => !r.written) && g.egress.length > 0 ? undefined : g.egress.map((r) => sgRuleToRaw(t, r)),
    })),
    networkAcls: mapOf(mine(t.networkAcls), (a) => defined({
      ingress: a.ingress.length > 0 ? a.ingress.map(aclRuleToRaw) : undefined,
      egress: a.egress.length > 0 ? a.egress.map(aclRuleToRaw) : undefined,
    })),
    instances: mapOf(mine(t.instances), (i) => defined(interfaceFields(i))),
    loadBalancers: mapOf(mine(t.loadBalancers), loadBalancer),
    targetGroups: mapOf(mine(t.targetGroups), targetGroup),
    endpointServices: mapOf(mine(t.endpointServices), (s) => endpointService(s, vpc)),
    endpoints: mapOf(mine(t.endpoints), (e) => endpoint(t, e, vpc)),
    networkInterfaces: mapOf(mine(t.networkInterfaces), (n) => defined({
      ...interfaceFields(n),
      type: n.type === 'interface' ? undefined : n.type,
      description: n.description,
      instance: n.instance,
      deviceIndex: n.deviceIndex,
      denyAllIgwTraffic: n.denyAllIgwTraffic ? true : undefined,
    })),
  });
}
