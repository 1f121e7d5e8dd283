// Every real snapshot in test/fixtures/aws imports without error, with exactly the
// warnings expected of it, into YAML that loads with no error, byte for byte the same on
// every run.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAwsSnapshot } from '../../src/import/aws/index.js';
import { AWS_FIXTURES, imported, warningKeys } from './helpers.js';

// Why each warning is there (docs/import.md has the codes):
// - FIELD_DROPPED sg-…: an SG allows ICMP type 8 code 0 (echo); format v1 keeps the type, not the code.
// - INFERRED_VALUE igw-…: no describe-internet-gateways, but an active route to the IGW.
// - UNMODELLED_RESOURCE vgw-… / cgw-…: VPN (transit gateways are modelled).
// - MISSING_DESCRIBE_CALL webalb: the demo's ALB is imported, but its listeners are not in the snapshot.
// - MISSING_DESCRIBE_CALL vpc-…: the folder has no NetworkAcls (or RouteTables).
// - ADDRESS_LEFT_OUT: an address AWS cannot have given (reserved, or outside its subnet).
const EXPECTED: Record<string, string[]> = {
  'batfish-test-load-balancer': [
    'FIELD_DROPPED sg-0a74e5595da78724d',
    // target1..3 sit in VPC vpc-08afc01f5013ddc43, which the snapshot does not hold (2 and 3 are HTTP, ALB, groups).
    'OUTSIDE_SNAPSHOT target1', 'OUTSIDE_SNAPSHOT target2', 'OUTSIDE_SNAPSHOT target3',
  ],
  'batfish-test-nat-gateway': ['FIELD_DROPPED sg-0253af84ae6485905'],
  // The VPN, its gateways and the on-premises side are modelled: no warning.
  'batfish-test-public-private-subnet': [],
  'batfish-test-public-subnet': [],
  'batfish-test-subnet': [],
  'batfish-test-transit-gateway': ['INFERRED_VALUE igw-0a4895a3c58cac8cb'],
  'batfish-test-transit-gateway-asymmetric-paths': [
    'FIELD_DROPPED sg-002171e90685d74fa', 'FIELD_DROPPED sg-0c6a627999ec6b8df',
    'INFERRED_VALUE igw-063b0d31ebd4e4c5e', 'INFERRED_VALUE igw-0f2c5f8ac8f5d475c'
  ],
  'batfish-test-transit-gateway-multi-account': [
    'FIELD_DROPPED sg-0749b241c02b9bb8c', 'FIELD_DROPPED sg-081797c4fc92bb8ec',
    'INFERRED_VALUE igw-01cc5d1eeebd9a80f', 'INFERRED_VALUE igw-06754039f5006fdfe',
    'MISSING_DESCRIBE_CALL vpc-04048d4bfba9c2289', 'MISSING_DESCRIBE_CALL vpc-08287a9084472b276'
  ],
  'batfish-test-transit-gateway-multi-table': [
    'INFERRED_VALUE igw-0a4895a3c58cac8cb'
  ],
  'batfish-test-transit-gateway-peering': [
    'FIELD_DROPPED sg-0365783e832fbf535', 'FIELD_DROPPED sg-04a980b7d3abb3c6f', 'FIELD_DROPPED sg-08b3e3645d30630ba',
    'INFERRED_VALUE igw-0016cdb81a5917009', 'INFERRED_VALUE igw-04f7f80d9657a354d', 'INFERRED_VALUE igw-0d8264e2470419c06'
  ],
  'batfish-test-vpc-endpoint-gateway': ['FIELD_DROPPED sg-0ba8692418a4ae00e'],
  'batfish-test-vpc-endpoint-interface': [
    'FIELD_DROPPED sg-0973207c61f3466e1',
    // Private DNS on the endpoint implies DNS support and hostnames on the VPC.
    'INFERRED_VALUE vpc-072d45b801aeffef2',
  ],
  'batfish-test-vpc-peering': [],
  'batfish-test-vpc-peering-multi-account': [
    'FIELD_DROPPED sg-06804d246c3a853bc', 'FIELD_DROPPED sg-0ca8413f923260084',
    'INFERRED_VALUE igw-040de946422fc9672', 'INFERRED_VALUE igw-0ccac11864b23b189',
    'MISSING_DESCRIBE_CALL vpc-05951c91977125d2e', 'MISSING_DESCRIBE_CALL vpc-0f44fae3468d2b998',
  ],
  'cloudmapper-demo-us-east-1': [
    // The demo's ECS task interface sits on 172.31.48.168, outside its subnet 10.0.0.0/24, and
    // its instances on x.x.x.1, an address AWS reserves in every subnet: hand-edited data.
    'ADDRESS_LEFT_OUT eni-00000001',
    'ADDRESS_LEFT_OUT i-00000000000000000', 'ADDRESS_LEFT_OUT i-00000000000000001', 'ADDRESS_LEFT_OUT i-00000000000000002',
    'CIDR_NORMALISED sg-00000002',
    'MISSING_DESCRIBE_CALL vpc-12345678', 'MISSING_DESCRIBE_CALL vpc-12345678',
    'MISSING_DESCRIBE_CALL webalb',
    'OUTSIDE_SNAPSHOT vpce-00000000000000001',
  ],
};

const folders = readdirSync(AWS_FIXTURES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe('importing every real AWS snapshot', () => {
  it('knows every snapshot folder', () => {
    expect(folders).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const name of folders) {
    describe(name, () => {
      const dir = join(AWS_FIXTURES, name);

      it('imports without error, with the expected warnings, into YAML that loads', () => {
        const { result } = imported(dir);
        expect(warningKeys(result)).toEqual(EXPECTED[name]);
      });

      it('gives byte-identical output on two runs', () => {
        expect(importAwsSnapshot(dir).yaml).toBe(importAwsSnapshot(dir).yaml);
      });

      it('names every warning in the comment block at the top and comments every resource with its source', () => {
        const { result } = imported(dir);
        const header = result.yaml.slice(0, result.yaml.indexOf('\nversion: 1'));
        for (const w of result.warnings) expect(header).toContain(`${w.code} ${w.resource}: `);
        expect(result.yaml).toMatch(/# from (\S+\/)?[\w-]+\.json/);
      });
    });
  }

  it('maps each transit gateway, and routes to it target it', () => {
    const { raw } = imported(join(AWS_FIXTURES, 'batfish-test-transit-gateway'));
    const tgw = raw.transitGateways!['tgw-044be4464fcc69aff']!;
    expect(Object.keys(tgw.attachments ?? {}).sort()).toEqual(['tgw-attach-07f5ec59e9f540021', 'tgw-attach-0ae2696617bb06fb4']);
    expect(tgw.routeTables!['tgw-rtb-0fa40c8df355dce6e']).toEqual({
      associations: ['tgw-attach-07f5ec59e9f540021', 'tgw-attach-0ae2696617bb06fb4'], propagations: ['tgw-attach-07f5ec59e9f540021', 'tgw-attach-0ae2696617bb06fb4'],
    });
    expect(raw.vpcs!['vpc-00a31ce9d0c06675c']!.routeTables!['rtb-017c36290c9baf017']!.routes).toContainEqual({ destination: '10.10.0.0/16', target: 'tgw-044be4464fcc69aff' });
    expect(raw.unmodelled?.['tgw-044be4464fcc69aff']).toBeUndefined();
  });
});
