// What the importer makes of the real snapshots, value by value: the fields that decide
// verdicts for the S3 gateway endpoint, interface endpoint, load balancer, peering and NAT
// snapshots, and the less common shapes of the others.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../src/net/ip.js';
import type { RawVpc } from '../../src/model/format.js';
import { AWS_FIXTURES, imported } from './helpers.js';

const load = (name: string): ReturnType<typeof imported> => imported(join(AWS_FIXTURES, name));
const vpcOf = (i: ReturnType<typeof imported>, id: string): RawVpc => i.raw.vpcs![id]!;

describe('batfish-test-vpc-endpoint-gateway: the S3 gateway endpoint', () => {
  const i = load('batfish-test-vpc-endpoint-gateway');
  const vpc = vpcOf(i, 'vpc-05d56c7295fca139b');

  it('imports the endpoint with the route tables that carry its prefix-list route', () => {
    expect(vpc.endpoints!['vpce-0b7357542bb7b83ec']).toEqual({
      type: 'gateway',
      service: 'com.amazonaws.us-east-1.s3',
      routeTables: ['rtb-04f71fc2caa8d94cf', 'rtb-0efde4139784b75b0'],
      state: 'available',
      policy: { Version: '2008-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] },
    });
  });

  it('leaves the prefix-list routes to the endpoint, and the local routes, implicit', () => {
    expect(vpc.routeTables!['rtb-04f71fc2caa8d94cf']).toEqual({});
    expect(vpc.routeTables!['rtb-0efde4139784b75b0']).toEqual({ routes: [{ destination: '0.0.0.0/0', target: 'igw-0c8afe4471084ccba' }] });
    expect(vpc.routeTables!['rtb-04b2f3cdc92b48b05']).toEqual({ main: true });
    const routes = i.topology.routeTables.get('rtb-04f71fc2caa8d94cf')!.routes;
    expect(routes.map((r) => [r.origin, r.destination])).toEqual([
      ['local', expect.objectContaining({ kind: 'cidr' })],
      ['gatewayEndpoint', { kind: 'prefixList', prefixList: 'pl-63a5400a' }],
    ]);
  });

  it('maps subnets, their route table and ACL associations, and the instances', () => {
    expect(vpc.subnets!['subnet-01e5f0945f6d6f47c']).toEqual({
      az: 'use1-az2', cidr: '10.1.101.0/24', routeTable: 'rtb-04f71fc2caa8d94cf', networkAcl: 'acl-086ba598bbf8e5d89',
    });
    expect(vpc.instances!['i-0464d440ca0ee9e34']).toEqual({
      name: 'public-web01', subnet: 'subnet-04391f04b912d0a73', privateIp: '10.1.1.169', publicIp: '18.206.223.222', securityGroups: ['sg-0ba8692418a4ae00e'],
    });
    expect(vpc.internetGateway).toBe('igw-0c8afe4471084ccba');
    expect(vpc.account).toBe('554773406868');
    expect(i.raw.accounts).toEqual({ '554773406868': '554773406868' });
    expect(i.raw.region).toBe('us-east-1');
  });

  it('maps SG permissions one rule per peer, with ports, descriptions and -1 as all', () => {
    const sg = vpc.securityGroups!['sg-0ba8692418a4ae00e']!;
    expect(sg.ingress).toEqual([
      { protocol: 'udp', ports: '33434-33534', cidr: '0.0.0.0/0', description: 'Traceroute Access' },
      { protocol: 'tcp', ports: 22, cidr: '0.0.0.0/0', description: 'SSH Access' },
      { protocol: 'icmp', ports: 8, cidr: '0.0.0.0/0', description: 'ICMP Access' },
      { protocol: 'tcp', ports: 443, cidr: '0.0.0.0/0', description: 'HTTP Access' },
    ]);
    expect(sg.egress).toEqual([{ protocol: 'all', cidr: '0.0.0.0/0', description: 'Allow all' }]);
    expect(vpc.securityGroups!['sg-08716c2ac1136cfaa']!.ingress).toEqual([{ protocol: 'all', securityGroup: 'sg-08716c2ac1136cfaa' }]);
  });
});

describe('batfish-test-vpc-endpoint-interface: the CloudTrail interface endpoint', () => {
  const i = load('batfish-test-vpc-endpoint-interface');
  const vpc = vpcOf(i, 'vpc-072d45b801aeffef2');

  it('imports type, service, subnet, security group, private DNS, state and policy', () => {
    expect(vpc.endpoints!['vpce-083c683a6be29b889']).toEqual({
      type: 'interface',
      service: 'com.amazonaws.us-east-1.cloudtrail',
      // The interface keeps the address AWS gave it (NetworkInterfaces.json, eni-0084b734451ba23ca).
      subnetConfigurations: [{ subnet: 'subnet-0bb8615d8368ece31', ipv4: '10.1.101.97' }],
      securityGroups: ['sg-0973207c61f3466e1'],
      privateDns: true,
      state: 'available',
      policy: { Statement: [{ Action: '*', Effect: 'Allow', Principal: '*', Resource: '*' }] },
    });
  });

  it('writes the VPC DNS attributes that private DNS needs, which AWS implies', () => {
    expect(vpc.enableDnsSupport).toBe(true);
    expect(vpc.enableDnsHostnames).toBe(true);
    expect(i.topology.endpoints.get('vpce-083c683a6be29b889')!.privateDns).toBe(true);
  });

  it('names the AWS interface above the endpoint, and the loaded interface holds its address', () => {
    expect(i.result.yaml).toContain('# interfaces: eni-0084b734451ba23ca');
    expect(formatIp(i.topology.enis.get('vpce-083c683a6be29b889/subnet-0bb8615d8368ece31')!.privateIp)).toBe('10.1.101.97');
  });
});

describe('batfish-test-load-balancer: an internal NLB', () => {
  const i = load('batfish-test-load-balancer');
  const vpc = vpcOf(i, 'vpc-015b20578b48c1349');

  it('imports listeners, cross-zone from the attributes, and the subnets of its zones', () => {
    expect(vpc.loadBalancers!['test-lb']).toEqual({
      type: 'network',
      scheme: 'internal',
      // The node addresses of NetworkInterfaces.json ("ELB net/test-lb/725b996cb6be8fba").
      subnetMappings: [
        { subnet: 'subnet-0873d71031a560a88', privateIpv4Address: '10.1.20.123' },
        { subnet: 'subnet-090fe152cd18ced20', privateIpv4Address: '10.1.1.237' },
      ],
      crossZone: true,
      listeners: [{ port: 80, protocol: 'tcp', targetGroup: 'test-lb-tg' }],
    });
    expect(i.topology.loadBalancers.get('test-lb')!.crossZone).toBe(true);
  });

  it('imports the target group with its targets, their registered port and health', () => {
    expect(vpc.targetGroups!['test-lb-tg']).toEqual({
      protocol: 'tcp',
      port: 80,
      targetType: 'instance',
      targets: [{ instance: 'i-0f4af951d61a19245', port: 22 }, { instance: 'i-055b0db7be365202c', port: 22 }],
    });
    const targets = i.topology.targetGroups.get('test-lb-tg')!.targets;
    expect(targets.map((t) => [t.kind === 'instance' ? t.instance : '', t.kind === 'instance' ? t.port : 0, t.healthy])).toEqual([
      ['i-0f4af951d61a19245', 22, true],
      ['i-055b0db7be365202c', 22, true],
    ]);
  });

  it('takes the region from the zone names of a flat snapshot, and zone IDs for subnets', () => {
    expect(i.raw.region).toBe('us-east-2');
    expect(vpc.subnets!['subnet-065a3676df7fa9fd9']!.az).toBe('use2-az3');
    expect(Object.keys(vpc.targetGroups!)).toEqual(['test-lb-tg']);
  });
});

describe('batfish-test-vpc-peering: three VPCs, two peerings', () => {
  const i = load('batfish-test-vpc-peering');

  it('imports requester, accepter and status', () => {
    expect(i.raw.peeringConnections).toEqual({
      'pcx-0b89b559e3319d6cf': { requester: 'vpc-0404e08ceddf7f650', accepter: 'vpc-00a31ce9d0c06675c', status: 'active' },
      'pcx-0d5b836985ac8ca8c': { requester: 'vpc-0404e08ceddf7f650', accepter: 'vpc-09095dbf2886404ee', status: 'active' },
    });
  });

  it('imports routes through the peerings, and a route whose target is gone as a blackhole', () => {
    expect(vpcOf(i, 'vpc-0404e08ceddf7f650').routeTables!['rtb-0891861fffaea6d52']!.routes).toEqual([
      { destination: '192.168.1.0/24', target: 'pcx-0b89b559e3319d6cf' },
      { destination: '192.168.2.0/24', target: 'pcx-0d5b836985ac8ca8c' },
    ]);
    expect(vpcOf(i, 'vpc-00a31ce9d0c06675c').routeTables!['rtb-017c36290c9baf017']!.routes).toEqual([
      { destination: '10.10.0.0/16', target: 'pcx-0b89b559e3319d6cf' },
      { destination: '0.0.0.0/0', target: 'blackhole' },
    ]);
    expect(i.result.yaml).toContain('# AWS: State blackhole (target igw-0a2c9ae201b441bff is gone)');
  });

  it('keeps only associated CIDR blocks', () => {
    expect(vpcOf(i, 'vpc-00a31ce9d0c06675c').cidr).toBe('192.168.0.0/16');
  });
});

describe('batfish-test-vpc-peering-multi-account: a cross-account peering', () => {
  const i = load('batfish-test-vpc-peering-multi-account');

  it('imports the active peering once, and leaves out the deleted ones that reach outside the snapshot', () => {
    expect(i.raw.peeringConnections).toEqual({
      'pcx-0040f7640e10191f4': { requester: 'vpc-0f44fae3468d2b998', accepter: 'vpc-05951c91977125d2e', status: 'active' },
    });
  });

  it('names accounts by the owner ids of the VPCs', () => {
    expect(i.raw.accounts).toEqual({ '028403472736': '028403472736', '951601349076': '951601349076' });
    expect(vpcOf(i, 'vpc-0f44fae3468d2b998').account).toBe('028403472736');
    expect(vpcOf(i, 'vpc-05951c91977125d2e').account).toBe('951601349076');
  });

  it('leaves out terminated instances', () => {
    expect(Object.keys(vpcOf(i, 'vpc-05951c91977125d2e').instances!)).toEqual(['i-066ce0b1efbb5602c']);
  });
});

describe('batfish-test-nat-gateway: private subnets behind a NAT gateway', () => {
  const i = load('batfish-test-nat-gateway');
  const vpc = vpcOf(i, 'vpc-0008a7b45e3ddf1dd');

  it('imports the NAT gateway with its subnet, connectivity and addresses', () => {
    expect(vpc.natGateways).toEqual({
      'nat-07ab4846da51f4612': { subnet: 'subnet-0428892a357fa1f94', connectivity: 'public', privateIp: '10.1.250.210', publicIp: '3.135.127.225' },
    });
  });

  it('routes the private subnet to the NAT gateway and the public one to the internet gateway', () => {
    expect(vpc.routeTables!['rtb-02fe228b42de92a7c']!.routes).toEqual([{ destination: '0.0.0.0/0', target: 'nat-07ab4846da51f4612' }]);
    expect(vpc.routeTables!['rtb-0ddf14681733ed0b7']!.routes).toEqual([{ destination: '0.0.0.0/0', target: 'igw-071753b9c23d8a9b2' }]);
    expect(vpc.subnets!['subnet-06f469bcee42e408e']!.routeTable).toBe('rtb-02fe228b42de92a7c');
    expect(vpc.subnets!['subnet-02ff259e663e9613e']!.routeTable).toBeUndefined();
  });

  it('imports NACL entries by rule number without the default deny, and the default ACL by name', () => {
    expect(vpc.networkAcls!['acl-0792adae678b88f85']).toEqual({
      ingress: [
        { rule: 100, action: 'allow', protocol: 'icmp', cidr: '10.1.1.0/24' },
        { rule: 200, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0' },
      ],
      egress: [{ rule: 100, action: 'allow', protocol: 'all', cidr: '0.0.0.0/0' }],
    });
    expect(vpc.subnets!['subnet-0428892a357fa1f94']!.networkAcl).toBe('acl-0792adae678b88f85');
    expect(vpc.subnets!['subnet-02ff259e663e9613e']!.networkAcl).toBe('acl-0380e24eb934b075e');
    expect(vpc.subnets!['subnet-06f469bcee42e408e']!.networkAcl).toBe('acl-0380e24eb934b075e');
  });
});

describe('transit gateways and VPN gateways', () => {
  it('keeps routes to a transit gateway on it, the gateway itself mapped (not under unmodelled:)', () => {
    const i = load('batfish-test-transit-gateway');
    expect(vpcOf(i, 'vpc-0404e08ceddf7f650').routeTables!['rtb-0891861fffaea6d52']!.routes).toEqual([
      { destination: '192.168.0.0/16', target: 'tgw-044be4464fcc69aff' },
    ]);
    expect(i.raw.unmodelled?.['tgw-044be4464fcc69aff']).toBeUndefined();
    expect(i.raw.transitGateways!['tgw-044be4464fcc69aff']!.attachments!['tgw-attach-07f5ec59e9f540021']).toEqual({ type: 'vpc', vpc: 'vpc-0404e08ceddf7f650', subnets: ['subnet-006a19c846f047bd7'] });
  });

  it('imports the virtual private gateway, its VPN and customer gateway, the route and propagation to it, and the static VPN\'s on-premises network', () => {
    const i = load('batfish-test-public-private-subnet');
    expect(vpcOf(i, 'vpc-0b966fdeb36d5e43f').routeTables!['rtb-002f0eabf583bf991']).toEqual({
      main: true, propagatingVgws: ['vgw-070087240d6fa2989'], routes: [{ destination: '0.0.0.0/0', target: 'vgw-070087240d6fa2989' }],
    });
    expect(i.raw.unmodelled).toBeUndefined();
    expect(i.raw.virtualPrivateGateways).toEqual({ 'vgw-070087240d6fa2989': { vpc: 'vpc-0b966fdeb36d5e43f', amazonSideAsn: 64512 } });
    expect(i.raw.customerGateways).toEqual({ 'cgw-0e0d620a3ae284684': { ip: '1.1.1.1', bgpAsn: 65000 } });
    expect(i.raw.vpnConnections).toEqual({ 'vpn-05044757278685fd3': {
      customerGateway: 'cgw-0e0d620a3ae284684', virtualPrivateGateway: 'vgw-070087240d6fa2989', staticRoutesOnly: true, staticRoutes: ['19.168.0.0/16'],
    } });
    expect(i.raw.onPremises).toEqual({ 'cgw-0e0d620a3ae284684-network': { cidrs: ['19.168.0.0/16'], connections: ['vpn-05044757278685fd3'] } });
  });

  it('imports VPCs of two accounts and two regions, each with its region', () => {
    const i = load('batfish-test-transit-gateway-peering');
    expect(i.raw.region).toBe('us-east-1');
    expect(vpcOf(i, 'vpc-0ecbcbd110fd839d1').region).toBe('us-west-1');
    expect(vpcOf(i, 'vpc-065ea457071dd67bb').region).toBeUndefined();
  });
});

describe('cloudmapper-demo-us-east-1: ec2-describe-*.json files', () => {
  const i = load('cloudmapper-demo-us-east-1');
  const vpc = vpcOf(i, 'vpc-12345678');

  it('recognises the files by key, not name', () => {
    expect(Object.keys(vpc.subnets!)).toEqual(['subnet-00000001', 'subnet-00000002', 'subnet-00000003', 'subnet-00000004']);
    expect(Object.keys(vpc.securityGroups!)).toHaveLength(8);
  });

  it('uses zone names when the snapshot has no zone IDs, and DNS on in a default VPC', () => {
    expect(vpc.subnets!['subnet-00000001']!.az).toBe('us-east-1a');
    expect(vpc.enableDnsSupport).toBe(true);
    expect(vpc.enableDnsHostnames).toBe(true);
  });

  it('leaves out reserved private addresses but keeps the public ones', () => {
    expect(vpc.instances!['i-00000000000000000']).toEqual({ name: 'Bastion', subnet: 'subnet-00000001', publicIp: '1.2.3.4', securityGroups: ['sg-00000002'] });
  });

  it('writes a CIDR with host bits set as its network', () => {
    expect(vpc.securityGroups!['sg-00000002']!.ingress).toEqual([
      { protocol: 'tcp', ports: 22, cidr: '1.1.1.1/32' },
      { protocol: 'tcp', ports: 22, cidr: '2.2.2.0/28' },
    ]);
  });

  it('imports the interface endpoint with its security group and the gateway endpoint without route tables', () => {
    expect(vpc.endpoints!['vpce-00000000000000002']).toMatchObject({
      type: 'interface', service: 'com.amazonaws.us-east-1.sqs', subnets: ['subnet-00000003'], securityGroups: ['sg-00000006'], privateDns: true,
    });
    expect(vpc.endpoints!['vpce-00000000000000001']).toMatchObject({ type: 'gateway', service: 'com.amazonaws.us-east-1.s3', routeTables: [] });
  });
});
