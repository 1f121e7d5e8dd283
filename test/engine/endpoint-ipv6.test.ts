// Interface endpoints' IPv6 addresses and DenyAllIgwTraffic (scenarios/endpoint-ipv6.yaml):
// IpAddressType (CreateVpcEndpoint) gives a dualstack endpoint's interfaces IPv6 addresses
// (pinned by subnetConfigurations or assigned), DnsRecordIpType (DnsOptionsSpecification) says
// which records its names answer, and an interface with DenyAllIgwTraffic (EC2
// NetworkInterface: "inbound traffic from the internet is dropped") is unreachable from the
// internet: endpoint interfaces with an IPv6 address always, others where the file says so.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../src/net/ip.js';
import { resolveName } from '../../src/engine/dns/resolve-name.js';
import { diagnosticsOf, scenario, topologyOf } from '../helpers/load.js';
import { codes, expectBlocked, hopIds, traceAll } from '../helpers/trace.js';

const t = scenario('endpoint-ipv6');
const v6 = (id: string): string | undefined => (t.enis.get(id)?.ipv6Ip ? formatIp(t.enis.get(id)!.ipv6Ip!) : undefined);

describe('a dualstack interface endpoint', () => {
  it('has an IPv6 address in each subnet: pinned, or the lowest free one from the block\'s base + 4', () => {
    expect(t.endpoints.get('vpce-kms')).toMatchObject({ ipAddressType: 'dualstack', dnsRecordIpType: 'dualstack' });
    expect(v6('vpce-kms/app-a')).toBe('2600:1f18:cc00:1::50');
    expect(v6('vpce-kms/app-b')).toBe('2600:1f18:cc00:2::4');
    expect(t.enis.get('vpce-kms/app-a')?.denyAllIgwTraffic).toBe(true);
  });

  it('answers A and AAAA records for its private DNS name; a dual-stack client follows both', () => {
    const dns = resolveName(t, 'kms.us-east-1.amazonaws.com', { kind: 'vpc', vpc: t.vpcs.get('vpc-dual')! });
    expect(dns.kind === 'resolved' && dns.step.addresses).toEqual(['10.0.1.4', '10.0.2.4', '2600:1f18:cc00:1::50', '2600:1f18:cc00:2::4']);
    const r = traceAll(t, 'app', 'kms.us-east-1.amazonaws.com', 443);
    expect(r.reachable).toBe(true);
    expect(r.traces.map((x) => x.flow.dstIp)).toEqual(['10.0.1.4', '10.0.2.4', '2600:1f18:cc00:1::50', '2600:1f18:cc00:2::4']);
  });

  it('an IPv4-only client follows the A records only', () => {
    const s = topologyOf(readScenario().replace('app: { subnet: app-a, ipv6Ip: "2600:1f18:cc00:1::10", securityGroups: [sg-app] }', 'app: { subnet: app-a, securityGroups: [sg-app] }'));
    expect(traceAll(s, 'app', 'kms.us-east-1.amazonaws.com', 443).traces.map((x) => x.flow.dstIp)).toEqual(['10.0.1.4', '10.0.2.4']);
  });

  it('service-defined answers A only for the private name, and AAAA too for the regional name', () => {
    const s = topologyOf(readScenario().replace('dnsRecordIpType: dualstack', 'dnsRecordIpType: service-defined'));
    const vpc = { kind: 'vpc' as const, vpc: s.vpcs.get('vpc-dual')! };
    const priv = resolveName(s, 'kms.us-east-1.amazonaws.com', vpc);
    expect(priv.kind === 'resolved' && priv.step.addresses).toEqual(['10.0.1.4', '10.0.2.4']);
  });
});

describe('denyAllIgwTraffic', () => {
  it('the internet cannot reach an endpoint interface\'s IPv6 address (DENY_ALL_IGW_TRAFFIC at the gateway)', () => {
    const r = traceAll(t, 'visitor', '2600:1f18:cc00:1::50', 443);
    const [tr] = r.traces;
    expectBlocked(tr!, 'DENY_ALL_IGW_TRAFFIC', 'igw-dual');
    expect(hopIds(tr!)).toEqual(['visitor', 'igw-dual']);
    expect(tr!.hops.at(-1)?.steps?.[0]).toMatchObject({ type: 'internetGateway', verdict: 'denyAllIgwTraffic', interface: 'vpce-kms/app-a' });
  });

  it('a network interface with it is unreachable; one without it is reachable over IPv6', () => {
    expect(codes(traceAll(t, 'visitor', '2600:1f18:cc00:2::30', 443).traces[0]!)).toEqual(['DENY_ALL_IGW_TRAFFIC']);
    expect(traceAll(t, 'visitor', '2600:1f18:cc00:2::31', 443).reachable).toBe(true);
  });
});

describe('the loader', () => {
  const base = (endpoint: string, subnetB = 'ipv6Cidr: 2600:1f18:cc00:2::/64, '): string => `
version: 1
name: endpoint address types
vpcs:
  vpc-a:
    cidr: 10.0.0.0/16
    ipv6Cidr: 2600:1f18:cc00::/56
    subnets:
      a: { az: use1-az1, cidr: 10.0.1.0/24, ipv6Cidr: 2600:1f18:cc00:1::/64 }
      b: { az: use1-az2, cidr: 10.0.2.0/24, ${subnetB}}
    endpoints:
${endpoint}
`;
  const errorsOf = (text: string): string[] => diagnosticsOf(text).filter((d) => !d.startsWith('DNS_HOSTNAMES_OFF') && !d.startsWith('GATEWAY_ENDPOINT_NO_ROUTE_TABLES'));
  it('dualstack needs every subnet to have an IPv6 block (BAD_VALUE)', () => {
    expect(errorsOf(base('      e: { type: interface, service: com.amazonaws.us-east-1.kms, subnets: [a, b], ipAddressType: dualstack }', ''))).toEqual(['BAD_VALUE@12:99']);
  });
  it('ipv6 needs IPv6-only subnets, which format v1 does not have (BAD_VALUE)', () => {
    expect(errorsOf(base('      e: { type: interface, service: com.amazonaws.us-east-1.kms, subnets: [a], ipAddressType: ipv6 }'))).toEqual(['BAD_VALUE@12:96']);
  });
  it('dnsRecordIpType must fit the address type (BAD_VALUE)', () => {
    expect(errorsOf(base('      e: { type: interface, service: com.amazonaws.us-east-1.kms, subnets: [a], dnsRecordIpType: dualstack }'))).toEqual(['BAD_VALUE@12:98']);
  });
  it('a pinned IPv6 address makes the endpoint dualstack; an ipv4 endpoint takes none (BAD_VALUE)', () => {
    const s = topologyOf(base('      e: { type: interface, service: com.amazonaws.us-east-1.kms, subnetConfigurations: [{ subnet: a, ipv6: "2600:1f18:cc00:1::9" }] }'));
    expect(s.endpoints.get('e')?.ipAddressType).toBe('dualstack');
    expect(errorsOf(base('      e: { type: interface, service: com.amazonaws.us-east-1.kms, ipAddressType: ipv4, subnetConfigurations: [{ subnet: a, ipv6: "2600:1f18:cc00:1::9" }] }'))).toHaveLength(1);
  });
  it('ipAddressType is for interface endpoints (ENDPOINT_FIELD_FOR_TYPE)', () => {
    expect(errorsOf(base('      e: { type: gateway, service: com.amazonaws.us-east-1.s3, ipAddressType: dualstack }'))[0]).toMatch(/^ENDPOINT_FIELD_FOR_TYPE@/);
  });
  it('denyAllIgwTraffic takes no public IPv4 (BAD_VALUE)', () => {
    expect(errorsOf(base('      {}').replace('    endpoints:\n      {}', '    networkInterfaces:\n      n: { subnet: a, publicIp: 3.3.3.3, denyAllIgwTraffic: true }'))).toEqual(['BAD_VALUE@12:23']);
  });
});

function readScenario(): string {
  return readFileSync('scenarios/endpoint-ipv6.yaml', 'utf8');
}
