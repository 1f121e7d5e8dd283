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
    expect(warningKeys(i.result)).toEqual(['DEFAULT_SECURITY_GROUP i-1', 'MISSING_DESCRIBE_CALL vpc-1', 'MISSING_DESCRIBE_CALL vpc-1', 'OUTSIDE_SNAPSHOT i-1']);
    // AWS gives every interface a security group: the VPC's default one, said in a warning.
    expect(i.raw.vpcs!['vpc-1']!.instances!['i-1']).toEqual({ subnet: 'subnet-a', privateIp: '10.0.1.10' });
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
