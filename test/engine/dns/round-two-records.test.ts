// DNS records of round two: a Network Load Balancer's name follows zone health ("Health
// checks for Network Load Balancer target groups", ELB guide) and has zonal names; instances'
// public hostnames resolve privately inside their VPC and across a peering that allows it
// ("Enable DNS resolution for a VPC peering connection"); an S3 interface endpoint with
// privateDnsOnlyForInboundResolverEndpoint leaves the VPC's resolver the public answer.
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { resolveName, type DnsResolution } from '../../../src/engine/dns/resolve-name.js';
import type { Topology } from '../../../src/model/topology.js';
import { scenario } from '../../helpers/load.js';

function inVpc(t: Topology, vpc: string, name: string): DnsResolution {
  return resolveName(t, name, { kind: 'vpc', vpc: t.vpcs.get(vpc)! });
}
function answer(r: DnsResolution): { rule: string | undefined; ips: string[] } {
  return r.kind === 'resolved' ? { rule: r.record.rule, ips: r.record.addresses.map((a) => formatIp(a.ip)) } : { rule: undefined, ips: [] };
}

describe('NLB names and zone health', () => {
  const t = scenario('nlb-zone-health');
  const node = (id: string): string => formatIp(t.enis.get(id)!.privateIp);

  it('leaves out a zone with no healthy target (cross-zone off)', () => {
    expect(answer(inVpc(t, 'vpc-api', 'nlb-api.elb.us-east-1.amazonaws.com'))).toEqual({ rule: 'loadBalancer', ips: [node('nlb-api/lb-a')] });
  });

  it('keeps every zone with cross-zone on while a healthy target exists, and every zone when none is healthy (fail open)', () => {
    expect(answer(inVpc(t, 'vpc-api', 'nlb-cross.elb.us-east-1.amazonaws.com')).ips).toEqual([node('nlb-cross/lb-a'), node('nlb-cross/lb-b')]);
    expect(answer(inVpc(t, 'vpc-api', 'nlb-down.elb.us-east-1.amazonaws.com')).ips).toEqual([node('nlb-down/lb-a'), node('nlb-down/lb-b')]);
  });

  it('answers each zonal name with its own node, healthy or not', () => {
    expect(answer(inVpc(t, 'vpc-api', 'use1-az2.nlb-api.elb.us-east-1.amazonaws.com'))).toEqual({ rule: 'loadBalancerZonal', ips: [node('nlb-api/lb-b')] });
  });
});

describe('instance hostnames and peering DNS resolution', () => {
  const t = scenario('dns-options');
  const web = 'ec2-203-0-113-70.compute-1.amazonaws.com';

  it('inside its VPC and from a peer allowed to resolve it: the private address', () => {
    expect(answer(inVpc(t, 'vpc-web', web))).toEqual({ rule: 'instanceHostnamePrivate', ips: ['10.0.1.4'] });
    expect(answer(inVpc(t, 'vpc-ops', web))).toEqual({ rule: 'instanceHostnamePrivate', ips: ['10.0.1.4'] });
  });

  it('elsewhere, and from a peer whose side does not allow it: the public address', () => {
    expect(answer(resolveName(t, web, { kind: 'internet' }))).toEqual({ rule: 'instanceHostname', ips: ['203.0.113.70'] });
    expect(answer(inVpc(t, 'vpc-data', web)).ips).toEqual(['203.0.113.70']);
    expect(answer(inVpc(t, 'vpc-web', 'ec2-203-0-113-71.compute-1.amazonaws.com')).ips).toEqual(['203.0.113.71']);
  });
});

describe('S3 interface endpoint with private DNS only for inbound Resolver endpoints', () => {
  const t = scenario('dns-options');

  it("leaves S3's public answer in the VPC (the gateway endpoint carries it)", () => {
    expect(answer(inVpc(t, 'vpc-data', 's3.us-east-1.amazonaws.com')).rule).toBe('awsService');
  });

  it('without the option the interface endpoint answers', () => {
    expect(answer(inVpc(t, 'vpc-lake', 's3.us-east-1.amazonaws.com')).rule).toBe('privateDns');
  });
});
