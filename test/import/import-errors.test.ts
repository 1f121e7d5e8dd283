// Bad and partial snapshots (test/import/fixtures): errors name the file and JSON path and
// produce no YAML; partial snapshots import what they can, with warnings.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAwsSnapshot } from '../../src/import/aws/index.js';
import { imported, LOCAL_FIXTURES, warningKeys } from './helpers.js';

const errorsOf = (name: string): string[] =>
  importAwsSnapshot(join(LOCAL_FIXTURES, name)).errors.map((e) => `${e.code} ${e.file} ${e.path}`);

describe('snapshots that cannot be imported', () => {
  it('reports a file that is not JSON, and writes nothing', () => {
    const result = importAwsSnapshot(join(LOCAL_FIXTURES, 'not-json'));
    expect(errorsOf('not-json')).toEqual(['NOT_JSON Vpcs.json ']);
    expect(result.yaml).toBe('');
  });

  it('reports a known key with the wrong shape at its JSON path', () => {
    expect(errorsOf('wrong-shape')).toEqual([
      'WRONG_SHAPE Subnets.json $.Subnets',
      'WRONG_SHAPE Vpcs.json $.Vpcs[0].CidrBlock',
    ]);
  });

  it('reports a reference to a resource the snapshot should hold and does not', () => {
    const result = importAwsSnapshot(join(LOCAL_FIXTURES, 'unknown-reference'));
    expect(errorsOf('unknown-reference')).toEqual(['UNKNOWN_REFERENCE RouteTables.json $.RouteTables[0].Associations[0].SubnetId']);
    expect(result.errors[0]!.message).toContain('subnet-gone');
    expect(result.yaml).toBe('');
  });

  it('reports a folder that does not exist, or holds no JSON', () => {
    expect(importAwsSnapshot(join(LOCAL_FIXTURES, 'no-such-folder')).errors.map((e) => e.code)).toEqual(['NOT_A_SNAPSHOT']);
    expect(importAwsSnapshot(join(LOCAL_FIXTURES, 'privatelink', 'us-east-1', 'Vpcs.json')).errors.map((e) => e.code)).toEqual(['NOT_A_SNAPSHOT']);
  });
});

describe('partial and odd snapshots', () => {
  it('imports a snapshot without security groups, route tables or ACLs, with warnings', () => {
    const i = imported(join(LOCAL_FIXTURES, 'partial'));
    expect(warningKeys(i.result)).toEqual(['MISSING_DESCRIBE_CALL vpc-1', 'MISSING_DESCRIBE_CALL vpc-1', 'OUTSIDE_SNAPSHOT i-1']);
    // The instance keeps no security group rather than falling back to the default one.
    expect(i.raw.vpcs!['vpc-1']!.instances!['i-1']).toEqual({ subnet: 'subnet-a', privateIp: '10.0.1.10', securityGroups: [] });
  });

  it('leaves out an address another resource already holds (two VPCs with one CIDR)', () => {
    const i = imported(join(LOCAL_FIXTURES, 'collisions'));
    expect(warningKeys(i.result)).toEqual(['ADDRESS_LEFT_OUT i-0b']);
    expect(i.result.warnings[0]!.message).toContain('10.0.1.10 is already the address of i-0a');
    expect(i.raw.vpcs!['vpc-0b']!.instances!['i-0b']).toEqual({ subnet: 'subnet-0b' });
    expect(i.raw.region).toBe('eu-west-1');
  });

  it('ignores a JSON file that is not describe output, with a warning', () => {
    const i = imported(join(LOCAL_FIXTURES, 'unrecognised'));
    expect(warningKeys(i.result)).toEqual(['INFERRED_VALUE region', 'UNRECOGNISED_FILE notes.json']);
    expect(i.result.warnings[1]!.message).toContain('"Owner", "Reviewed"');
  });
});

describe('a PrivateLink estate in per-call files (test/import/fixtures/privatelink)', () => {
  const i = imported(join(LOCAL_FIXTURES, 'privatelink'));
  const provider = i.raw.vpcs!['vpc-0aaa000000000001']!;
  const consumer = i.raw.vpcs!['vpc-0ccc000000000002']!;

  it('warns about everything it cannot model or place', () => {
    expect(warningKeys(i.result)).toEqual([
      'ADDRESS_ASSIGNED api-nlb', 'ADDRESS_ASSIGNED vpce-0cons',
      'FIELD_DROPPED acl-0cons', 'FIELD_DROPPED i-0api2', 'FIELD_DROPPED i-0client',
      'OUTSIDE_SNAPSHOT sg-0client', 'OUTSIDE_SNAPSHOT subnet-0x9',
      'ROUTE_AS_BLACKHOLE tgw-0hub',
      'UNMODELLED_RESOURCE eni-0lambda', 'UNMODELLED_RESOURCE igw-0spare', 'UNMODELLED_RESOURCE vpce-0sage',
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
      type: 'network', scheme: 'internal', subnets: ['subnet-0p1', 'subnet-0p2'], crossZone: false,
      listeners: [{ port: 443, protocol: 'tcp', targetGroup: 'api-tg' }],
    });
    expect(provider.targetGroups!['api-tg']!.targets).toEqual([{ instance: 'i-0api1' }, { instance: 'i-0api2', healthy: false }]);
  });

  it('connects the consumer endpoint to the service by id, with its state spelled as format v1 spells it', () => {
    expect(consumer.endpoints).toEqual({
      'vpce-0cons': {
        type: 'interface', service: 'vpce-svc-0abc', subnets: ['subnet-0c1'], securityGroups: ['sg-0vpce'],
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
      { destination: '0.0.0.0/0', target: 'blackhole' },
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
      { rule: 120, action: 'deny', protocol: 'icmp', cidr: '0.0.0.0/0' },
    ]);
  });
});
