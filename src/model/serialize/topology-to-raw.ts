// A loaded topology back to the raw format-v1 object its canonical file holds: top-level
// fields, accounts, VPCs (raw-vpc.ts), peerings, customer prefix lists, internet hosts and
// checks, each resource in the order the file wrote it.
import { formatIp } from '../../net/ip.js';
import { formatPrefix } from '../../net/prefix.js';
import { splitPort } from '../check-port.js';
import type { Check, CheckSelector } from '../check.js';
import type { RawCheck, RawDnsRecord, RawSegments, RawSelector, RawTopology } from '../format.js';
import type { DnsZoneRecord } from '../resources.js';
import type { Segments } from '../segments.js';
import type { Topology } from '../topology.js';
import { vpcToRaw, type Pins } from './raw-vpc.js';
import { transitGatewaysToRaw } from './raw-transit-gateways.js';
import { defined, inSourceOrder } from './source-order.js';

export type { Pins } from './raw-vpc.js';

/** No derived address written. */
export const NO_PINS: Pins = { privateIp: new Set(), publicIp: new Set() };

function selectorToRaw(s: CheckSelector): RawSelector {
  switch (s.kind) {
    case 'list': {
      // One item prints as a plain string, unless the loader would read a ":port" suffix in it.
      const only = s.items.length === 1 ? s.items[0]! : undefined;
      return only !== undefined && splitPort(only).port === undefined ? only : [...s.items];
    }
    case 'subnet': return { subnet: s.id };
    case 'vpc': return { vpc: s.id };
    case 'securityGroup': return { securityGroup: s.id };
    case 'interfaceType': return { interfaceType: s.id };
    case 'onPremises': return { onPremises: s.id };
    default: {
      const never: never = s;
      return never;
    }
  }
}

function checkToRaw(c: Check): RawCheck {
  return defined({
    name: c.name,
    from: selectorToRaw(c.from),
    to: selectorToRaw(c.to),
    port: c.port,
    sourcePort: c.sourcePort,
    protocol: c.protocol === 'tcp' ? undefined : c.protocol,
    expect: c.expect,
    via: c.via.length > 0 ? c.via : undefined,
    because: c.because,
    never: c.never.length > 0 ? c.never : undefined,
    only: c.onlyPorts !== undefined ? { ports: c.onlyPorts.map((a) => a.written) } : c.only.length > 0 ? c.only : undefined,
    isolated: c.isolated ? true : undefined,
    principal: c.principal,
    action: c.action,
    resource: c.resource,
  });
}

function segmentsToRaw(s: Segments): RawSegments {
  return defined({
    groups: Object.fromEntries(s.groups.map((g) => [g.name, selectorToRaw(g.selector)])),
    allow: s.allow.length > 0 ? s.allow.map((r) => defined({ from: r.from, to: r.to, ports: r.ports?.map((a) => a.written) })) : undefined,
  });
}

function recordToRaw(r: DnsZoneRecord): RawDnsRecord {
  const alias = r.alias === undefined ? undefined
    : r.alias.kind === 'endpoint' ? defined({ endpoint: r.alias.endpoint, az: r.alias.az })
      : r.alias.kind === 'loadBalancer' ? { loadBalancer: r.alias.loadBalancer } : { record: r.alias.name };
  return defined({ name: r.name, type: r.type, values: r.values.length > 0 ? r.values.map(formatIp) : undefined, value: r.cname, alias });
}

function dnsToRaw(t: Topology): Partial<Pick<RawTopology, 'hostedZones' | 'resolverEndpoints' | 'resolverRules' | 'dnsServers'>> {
  return defined({
    hostedZones: nonEmpty(inSourceOrder(t.hostedZones.values()).map((z) => [z.id, defined({
      name: z.name, private: true as const, account: z.account, vpcs: [...z.vpcs], records: z.records.length > 0 ? z.records.map(recordToRaw) : undefined,
    })])),
    resolverEndpoints: nonEmpty(inSourceOrder(t.resolverEndpoints.values()).map((e) => [e.id, defined({
      direction: e.direction, vpc: e.vpc,
      ipAddresses: e.subnets.map((subnet, i) => defined({ subnet, ip: e.ips[i] !== undefined ? formatIp(e.ips[i]!) : undefined })),
      securityGroups: e.securityGroups.length > 0 ? [...e.securityGroups] : undefined,
    })])),
    resolverRules: nonEmpty(inSourceOrder(t.resolverRules.values()).map((r) => [r.id, defined({
      domain: r.domain === '' ? '.' : r.domain, type: r.ruleType === 'forward' ? undefined : r.ruleType, endpoint: r.endpoint,
      targets: r.targets.length > 0 ? r.targets.map((x) => x.text) : undefined, vpcs: r.vpcs.length > 0 ? [...r.vpcs] : undefined,
    })])),
    dnsServers: nonEmpty(inSourceOrder(t.dnsServers.values()).map((d) => [d.id, defined({
      ip: formatIp(d.ip), records: d.records.length > 0 ? d.records.map(recordToRaw) : undefined,
      forward: d.forward.length > 0 ? d.forward.map((f) => ({ domain: f.domain === '' ? '.' : f.domain, endpoint: f.endpoint })) : undefined,
      networks: d.networks.length > 0 ? [...d.networks] : undefined,
    })])),
  });
}

function nonEmpty<V>(entries: [string, V][]): Record<string, V> | undefined {
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** The raw topology of a loaded one; `pins` says which derived addresses to write out. */
export function topologyToRaw(t: Topology, pins: Pins = NO_PINS): RawTopology {
  const accounts = inSourceOrder(t.accounts.values());
  const accountName = (id: string | undefined): string | undefined => accounts.find((a) => a.accountId === id)?.id;
  return defined({
    version: 1 as const,
    name: t.name,
    description: t.description,
    region: t.region,
    accounts: nonEmpty(accounts.map((a) => [a.id, a.accountId])),
    vpcs: nonEmpty(inSourceOrder(t.vpcs.values()).map((v) => [v.id, vpcToRaw(t, v, pins, accountName(v.accountId))])),
    peeringConnections: nonEmpty(inSourceOrder(t.peeringConnections.values()).map((p) => [p.id, defined({
      requester: p.requester,
      accepter: p.accepter,
      status: p.status === 'active' ? undefined : p.status,
      allowRemoteVpcDnsResolution: p.allowRemoteVpcDnsResolution.requester || p.allowRemoteVpcDnsResolution.accepter
        ? defined({ requester: p.allowRemoteVpcDnsResolution.requester || undefined, accepter: p.allowRemoteVpcDnsResolution.accepter || undefined })
        : undefined,
    })])),
    transitGateways: transitGatewaysToRaw(t, accountName),
    prefixLists: nonEmpty(inSourceOrder([...t.prefixLists.values()].filter((p) => p.written)).map((p) => [p.id, defined({
      name: p.name,
      awsManaged: p.managed ? true : undefined,
      entries: p.entries.map(formatPrefix),
    })])),
    awsServices: nonEmpty([...t.awsServices.values()].filter((s) => s.declared).map((s) => [s.name, defined({
      endpointTypes: [...(s.interface ? ['interface' as const] : []), ...(s.gateway ? ['gateway' as const] : [])],
      dnsName: s.dnsName === `${s.short}.${s.region}.amazonaws.com` ? undefined : s.dnsName,
      publicRanges: s.publicRanges.map(formatPrefix),
      prefixList: s.prefixList?.id,
    })])),
    internet: nonEmpty(inSourceOrder(t.internetHosts.values()).map((h) => [h.id, defined({ ip: formatIp(h.ip), dns: h.dns })])),
    onPremises: nonEmpty(inSourceOrder(t.onPremisesNetworks.values()).map((n) => [n.id, defined({
      cidrs: n.cidrs.map(formatPrefix),
      connections: n.connections.length > 0 ? [...n.connections] : undefined,
      routes: n.routes.length > 0 ? n.routes.map((r) => ({ destination: formatPrefix(r.prefix), connection: r.connection })) : undefined,
      hosts: nonEmpty(n.hosts.map((h) => t.onPremisesHosts.get(h)!).map((h) => [h.id, defined({ ip: formatIp(h.ip), dns: h.dns })])),
    })])),
    virtualPrivateGateways: nonEmpty(inSourceOrder(t.virtualPrivateGateways.values()).map((g) => [g.id, defined({ vpc: g.vpc, amazonSideAsn: g.amazonSideAsn })])),
    customerGateways: nonEmpty(inSourceOrder(t.customerGateways.values()).map((g) => [g.id, defined({ ip: formatIp(g.ip), bgpAsn: g.bgpAsn })])),
    vpnConnections: nonEmpty(inSourceOrder(t.vpnConnections.values()).map((v) => [v.id, defined({
      customerGateway: v.customerGateway,
      virtualPrivateGateway: v.virtualPrivateGateway,
      staticRoutesOnly: v.staticRoutesOnly ? true : undefined,
      staticRoutes: v.staticRoutesOnly && v.staticRoutes.length > 0 ? v.staticRoutes.map((r) => formatPrefix(r.prefix)) : undefined,
      state: v.state === 'available' ? undefined : v.state,
    })])),
    directConnectGateways: nonEmpty(inSourceOrder(t.directConnectGateways.values()).map((d) => [d.id, defined({
      amazonSideAsn: d.amazonSideAsn,
      associations: d.associations.length > 0 ? d.associations.map((a) => defined({ gateway: a.gateway, allowedPrefixes: a.allowedPrefixes?.map(formatPrefix) })) : undefined,
    })])),
    ...dnsToRaw(t),
    unmodelled: nonEmpty(inSourceOrder(t.unmodelledTargets.values()).map((u) => [u.id, defined({ kind: u.targetKind, description: u.description })])),
    checks: t.checks.length > 0 ? t.checks.map(checkToRaw) : undefined,
    protect: t.protect.length > 0 ? t.protect.map((p) => p.written) : undefined,
    segments: t.segments ? segmentsToRaw(t.segments) : undefined,
  });
}
