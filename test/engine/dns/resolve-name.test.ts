import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { endpointRegionalName, endpointZonalName, loadBalancerDnsName } from '../../../src/engine/dns/dns-names.js';
import { resolveName, type DnsResolution } from '../../../src/engine/dns/resolve-name.js';
import type { Topology } from '../../../src/model/topology.js';
import { scenario, topologyOf } from '../../helpers/load.js';

function inVpc(t: Topology, vpc: string, name: string): DnsResolution {
  return resolveName(t, name, { kind: 'vpc', vpc: t.vpcs.get(vpc)! });
}
function addresses(r: DnsResolution): string[] {
  return r.kind === 'resolved' ? r.record.addresses.map((a) => formatIp(a.ip)) : [];
}
function eniIps(t: Topology, ...ids: string[]): string[] {
  return ids.map((id) => formatIp(t.enis.get(id)!.privateIp));
}

const twoVpcs = (hostnames: boolean, support = true, privateDns = ''): string => `
version: 1
name: dns
region: us-east-1
vpcs:
  vpc-a:
    cidr: 10.0.0.0/16
    internetGateway: igw-a
    enableDnsSupport: ${support}
    enableDnsHostnames: ${hostnames}
    subnets:
      a1: { az: use1-az1, cidr: 10.0.1.0/24 }
    instances:
      app: { subnet: a1 }
    endpoints:
      vpce-kms:
        type: interface
        service: com.amazonaws.us-east-1.kms
        subnets: [a1]${privateDns}
    loadBalancers:
      nlb-pub: { type: network, scheme: internet-facing, subnets: [a1], listeners: [{ port: 443, protocol: tcp, targetGroup: tg }] }
      nlb-int: { type: network, subnets: [a1], listeners: [{ port: 443, protocol: tcp, targetGroup: tg }] }
    targetGroups:
      tg: { protocol: tcp, port: 443, targets: [{ instance: app }] }
internet:
  partner: { ip: 198.51.100.7, dns: www.example.com }
`;

describe('DNS resolution per VPC', () => {
  it('private DNS answers the AWS service name with the endpoint ENIs inside the VPC', () => {
    const t = scenario('interface-endpoint-kms');
    const r = inVpc(t, 'vpc-workload', 'kms.us-east-1.amazonaws.com');
    expect(r.kind).toBe('resolved');
    expect(r.kind === 'resolved' && r.record.rule).toBe('privateDns');
    expect(addresses(r)).toEqual(eniIps(t, 'vpce-kms/private-a', 'vpce-kms/private-b'));
  });

  it('without an endpoint, the service name resolves to its public address', () => {
    const t = scenario('interface-endpoint-kms');
    const r = inVpc(t, 'vpc-workload', 'STS.us-east-1.amazonaws.com.');
    expect(r.kind === 'resolved' && r.record.rule).toBe('awsService');
    const sts = t.awsServices.get('com.amazonaws.us-east-1.sts')!;
    expect(addresses(r)).toEqual([formatIp({ family: 4, value: sts.publicRanges[0]!.network })]);
  });

  it('private DNS does not cross peering', () => {
    const t = scenario('endpoint-from-peered-vpc');
    expect(inVpc(t, 'vpc-hub', 'kms.us-east-1.amazonaws.com').kind === 'resolved' && addresses(inVpc(t, 'vpc-hub', 'kms.us-east-1.amazonaws.com'))).toEqual(eniIps(t, 'vpce-kms/hub-a'));
    const peer = inVpc(t, 'vpc-app', 'kms.us-east-1.amazonaws.com');
    expect(peer.kind === 'resolved' && peer.record.rule).toBe('awsService');
    expect(peer.step.privateDns).toEqual({ reason: 'otherVpcs', endpoints: [{ endpoint: 'vpce-kms', vpc: 'vpc-hub' }] });
  });

  it('endpoint-specific names resolve from anywhere, regional to every ENI and zonal to one', () => {
    const t = scenario('endpoint-from-peered-vpc');
    const ep = t.endpoints.get('vpce-kms')!;
    expect(endpointRegionalName(t, ep)).toBe('vpce-kms.kms.us-east-1.vpce.amazonaws.com');
    expect(addresses(inVpc(t, 'vpc-app', endpointRegionalName(t, ep)))).toEqual(eniIps(t, 'vpce-kms/hub-a'));
    expect(addresses(resolveName(t, endpointZonalName(t, ep, 'use1-az1'), { kind: 'internet' }))).toEqual(eniIps(t, 'vpce-kms/hub-a'));
    const svc = scenario('privatelink-endpoint-service');
    const api = svc.endpoints.get('vpce-api')!;
    expect(endpointRegionalName(svc, api)).toBe('vpce-api.svc-api.us-east-1.vpce.amazonaws.com');
    expect(addresses(inVpc(svc, 'vpc-consumer', endpointZonalName(svc, api, 'use1-az2')))).toEqual(eniIps(svc, 'vpce-api/consumer-b'));
  });

  it("an endpoint service's verified private DNS name answers in the consumer VPC only", () => {
    const t = scenario('privatelink-endpoint-service');
    expect(addresses(inVpc(t, 'vpc-consumer', 'api.example.com'))).toEqual(eniIps(t, 'vpce-api/consumer-a', 'vpce-api/consumer-b'));
    expect(inVpc(t, 'vpc-provider', 'api.example.com').kind).toBe('notResolved');
  });

  it('private DNS needs enableDnsHostnames (pass) and is off without it (fail)', () => {
    const on = topologyOf(twoVpcs(true));
    expect(inVpc(on, 'vpc-a', 'kms.us-east-1.amazonaws.com').kind === 'resolved' && (inVpc(on, 'vpc-a', 'kms.us-east-1.amazonaws.com') as { record: { rule: string } }).record.rule).toBe('privateDns');
    const off = topologyOf(twoVpcs(false));
    const r = inVpc(off, 'vpc-a', 'kms.us-east-1.amazonaws.com');
    expect(r.kind === 'resolved' && r.record.rule).toBe('awsService');
    expect(r.step.privateDns).toMatchObject({ reason: 'privateDnsOff', vpcAttributesMissing: true });
    const optedOut = topologyOf(twoVpcs(true, true, '\n        privateDns: false'));
    expect(inVpc(optedOut, 'vpc-a', 'kms.us-east-1.amazonaws.com').kind === 'resolved' && (inVpc(optedOut, 'vpc-a', 'kms.us-east-1.amazonaws.com') as { record: { rule: string } }).record.rule).toBe('awsService');
  });

  it('nothing resolves in a VPC with enableDnsSupport off', () => {
    const t = topologyOf(twoVpcs(false, false));
    const r = inVpc(t, 'vpc-a', 'www.example.com');
    expect(r.kind).toBe('notResolved');
    expect(r.step).toMatchObject({ type: 'dns', action: 'dropped', verdict: 'dnsSupportOff', vantage: 'vpc-a' });
  });

  it('load balancer names answer node public IPs (internet-facing) or private IPs (internal)', () => {
    const t = topologyOf(twoVpcs(true));
    const pub = t.loadBalancers.get('nlb-pub')!;
    const int = t.loadBalancers.get('nlb-int')!;
    expect(loadBalancerDnsName(t, pub)).toBe('nlb-pub.elb.us-east-1.amazonaws.com');
    expect(addresses(resolveName(t, loadBalancerDnsName(t, pub), { kind: 'internet' }))).toEqual([formatIp(t.enis.get('nlb-pub/a1')!.publicIp!)]);
    expect(addresses(resolveName(t, loadBalancerDnsName(t, int), { kind: 'internet' }))).toEqual(eniIps(t, 'nlb-int/a1'));
  });

  it('internet hosts resolve by their names; unknown names do not resolve', () => {
    const t = topologyOf(twoVpcs(true));
    expect(addresses(inVpc(t, 'vpc-a', 'www.example.com'))).toEqual(['198.51.100.7']);
    expect(resolveName(t, 'nothing.example.org', { kind: 'internet' }).kind).toBe('notResolved');
  });
});
