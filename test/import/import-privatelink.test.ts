// The importer's own PrivateLink snapshots (test/import/fixtures): an interface endpoint to
// an endpoint service behind an NLB, in per-call files of the cloudmapper and plain CLI
// kinds; and a Gateway Load Balancer with an endpoint and an edge route table.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imported, LOCAL_FIXTURES, warningKeys } from './helpers.js';

describe('a PrivateLink estate in per-call files (test/import/fixtures/privatelink)', () => {
  const i = imported(join(LOCAL_FIXTURES, 'privatelink'));
  const provider = i.raw.vpcs!['vpc-0aaa000000000001']!;
  const consumer = i.raw.vpcs!['vpc-0ccc000000000002']!;

  it('warns about everything it cannot model or place', () => {
    expect(warningKeys(i.result)).toEqual([
      'FIELD_DROPPED i-0api2',
      'OUTSIDE_SNAPSHOT sg-0client', 'OUTSIDE_SNAPSHOT subnet-0x9',
      'ROUTE_TO_UNMODELLED tgw-0hub',
      'UNMODELLED_RESOURCE igw-0spare', 'UNMODELLED_RESOURCE vpce-0sage',
    ]);
  });

  it('imports the endpoint service with its NLB, acceptance, principals and private DNS', () => {
    expect(provider.endpointServices!['vpce-svc-0abc']).toEqual({
      loadBalancer: 'api-nlb',
      serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0abc',
      acceptanceRequired: true,
      allowedPrincipals: ['arn:aws:iam::222222222222:root'],
      privateDnsName: 'api.example.com',
      privateDnsVerified: true,
      state: 'available',
    });
  });

  it('reads listeners, attributes and target health from plain per-resource outputs', () => {
    expect(provider.loadBalancers!['api-nlb']).toEqual({
      type: 'network', scheme: 'internal',
      // eni-0nlb1 ("ELB net/api-nlb/...") pins the node in subnet-0p1; the snapshot has none for subnet-0p2.
      subnetMappings: [{ subnet: 'subnet-0p1', privateIpv4Address: '10.1.1.50' }, { subnet: 'subnet-0p2' }], crossZone: false,
      listeners: [{ port: 443, protocol: 'tcp', targetGroup: 'api-tg' }],
    });
    expect(provider.targetGroups!['api-tg']!.targets).toEqual([{ instance: 'i-0api1' }, { instance: 'i-0api2', healthy: false }]);
  });

  it('connects the consumer endpoint to the service by id, with its state spelled as format v1 spells it', () => {
    expect(consumer.endpoints).toEqual({
      'vpce-0cons': {
        type: 'interface', service: 'vpce-svc-0abc', subnetConfigurations: [{ subnet: 'subnet-0c1', ipv4: '10.2.1.30' }], securityGroups: ['sg-0vpce'],
        privateDns: true, state: 'pendingAcceptance',
      },
    });
  });

  it('imports secondary and IPv6 blocks and DNS attributes of the VPC', () => {
    expect(consumer).toMatchObject({
      account: '222222222222', cidrs: ['10.2.0.0/16', '10.3.0.0/16'], ipv6Cidr: '2600:1f18:aa00::/56',
      enableDnsSupport: true, enableDnsHostnames: true,
    });
    expect(consumer.instances!['i-0client']).toEqual({
      subnet: 'subnet-0c1', privateIp: '10.2.1.20', ipv6Ip: '2600:1f18:aa00:1::20', securityGroups: ['sg-0client'],
    });
  });

  it('maps every route target kind it meets', () => {
    expect(consumer.routeTables!['rtb-0cons']!.routes).toEqual([
      { destination: '0.0.0.0/0', target: 'tgw-0hub' },
      { destination: '192.168.0.0/16', target: 'i-0client' },
      { destination: 'pl-0customer1', target: 'blackhole' },
    ]);
  });

  it('maps SG peers of every kind, keeps an empty egress, and a customer prefix list', () => {
    expect(consumer.securityGroups!['sg-0vpce']).toEqual({
      description: 'endpoint',
      ingress: [
        { protocol: 'tcp', ports: 443, cidr: '10.2.0.0/16' },
        { protocol: 'tcp', ports: 443, ipv6Cidr: '2600:1f18:aa00::/56' },
        { protocol: 'tcp', ports: 443, securityGroup: 'sg-0client' },
      ],
      egress: [],
    });
    expect(consumer.securityGroups!['sg-0client']!.egress).toEqual([
      { protocol: 'tcp', ports: 443, securityGroup: 'sg-0vpce' },
      { protocol: 'tcp', ports: '0-65535', prefixList: 'pl-0customer1', description: 'partners' },
    ]);
    expect(consumer.securityGroups!['sg-0client']!.ingress).toEqual([
      { protocol: 'icmp', cidr: '10.2.0.0/16' },
      { protocol: 50, cidr: '10.3.0.0/16' },
    ]);
    expect(i.raw.prefixLists).toEqual({
      'pl-0customer1': { name: 'partners', entries: [{ cidr: '198.51.100.0/24', description: 'partner A' }, '203.0.113.0/24'] },
    });
  });

  it('maps NACL entries of both families, sorted by rule number, without AWS defaults', () => {
    expect(consumer.networkAcls!['acl-0cons']!.ingress).toEqual([
      { rule: 100, action: 'allow', protocol: 'tcp', ports: 443, cidr: '10.0.0.0/8' },
      { rule: 101, action: 'allow', protocol: 'all', ipv6Cidr: '::/0' },
      { rule: 110, action: 'allow', protocol: 'tcp', ports: '1024-65535', cidr: '0.0.0.0/0' },
      { rule: 120, action: 'deny', protocol: 'icmp', ports: 8, cidr: '0.0.0.0/0' },
    ]);
  });
});

describe('a Gateway Load Balancer, its endpoint and an edge route table (test/import/fixtures/gwlb)', () => {
  const i = imported(join(LOCAL_FIXTURES, 'gwlb'));
  const inspection = i.raw.vpcs!['vpc-0insp']!;
  const app = i.raw.vpcs!['vpc-0app']!;

  it('imports with no warning', () => {
    expect(warningKeys(i.result)).toEqual([]);
  });

  it('imports the GWLB with its target group (from Batfish wrapped listeners) and the service', () => {
    expect(inspection.loadBalancers!['inspect']).toEqual({
      type: 'gateway', scheme: 'internal', subnets: ['subnet-0appl'], crossZone: true, targetGroup: 'appliances',
    });
    expect(inspection.targetGroups!['appliances']).toEqual({ protocol: 'geneve', port: 6081, targetType: 'instance', targets: [{ instance: 'i-0fw1' }] });
    expect(inspection.endpointServices!['vpce-svc-0insp']).toMatchObject({ loadBalancer: 'inspect', acceptanceRequired: false, allowedPrincipals: ['arn:aws:iam::111111111111:root'] });
  });

  it('imports the GWLB endpoint, the edge association and routes to the endpoint', () => {
    expect(app.endpoints!['vpce-0gwlbe']).toEqual({ type: 'gatewayLoadBalancer', service: 'vpce-svc-0insp', subnets: ['subnet-0gwe'], state: 'available' });
    expect(app.routeTables!['rtb-0edge']).toEqual({ gatewayAssociation: 'igw-0app', routes: [{ destination: '10.20.1.0/24', target: 'vpce-0gwlbe' }] });
    expect(app.routeTables!['rtb-0web']!.routes).toEqual([{ destination: '0.0.0.0/0', target: 'vpce-0gwlbe' }]);
  });
});
