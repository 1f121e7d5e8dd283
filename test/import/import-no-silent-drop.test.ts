// The importer never drops data silently (issue 11, item 5): a record seen twice with
// different content, a describe key that holds null or an object, a file that is not a
// regular file, a symbolic link, and instances whose security groups the snapshot lacks.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAwsSnapshot } from '../../src/import/aws/index.js';
import { imported, LOCAL_FIXTURES, warningKeys } from './helpers.js';

const VPCS = { Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', OwnerId: '111111111111' }] };
const subnets = (cidr: string): unknown => ({ Subnets: [{ SubnetId: 'subnet-a', VpcId: 'vpc-1', CidrBlock: cidr, AvailabilityZoneId: 'use1-az1' }] });

function snapshot(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vpcsim-snapshot-'));
  for (const [name, json] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), typeof json === 'string' ? json : JSON.stringify(json));
  }
  return dir;
}

const errorsOf = (dir: string): string[] => importAwsSnapshot(dir).errors.map((e) => `${e.code} ${e.file} ${e.path}`);

describe('the importer never drops data silently', () => {
  it('CONFLICTING_RECORDS: the same subnet in two files with different content; the first by path is used', () => {
    const dir = snapshot({ 'us-east-1/Vpcs.json': VPCS, 'us-east-1/Subnets.json': subnets('10.0.1.0/24'), 'us-east-1/old/Subnets.json': subnets('10.0.9.0/24') });
    const i = imported(dir);
    expect(warningKeys(i.result)).toContain('CONFLICTING_RECORDS subnet-a');
    const w = i.result.warnings.find((x) => x.code === 'CONFLICTING_RECORDS')!;
    expect([w.file, w.path]).toEqual(['us-east-1/old/Subnets.json', '$.Subnets[0]']);
    expect(i.raw.vpcs!['vpc-1']!.subnets!['subnet-a']!.cidr).toBe('10.0.1.0/24');
  });

  it('no warning when the same record is in two files with the same content', () => {
    const dir = snapshot({ 'us-east-1/Vpcs.json': VPCS, 'us-east-1/Subnets.json': subnets('10.0.1.0/24'), 'us-east-1/copy/Subnets.json': subnets('10.0.1.0/24') });
    expect(warningKeys(imported(dir).result)).not.toContain('CONFLICTING_RECORDS subnet-a');
  });

  it('WRONG_SHAPE: "Subnets": null and "Subnets": {} are not "no subnets"', () => {
    expect(errorsOf(snapshot({ 'Vpcs.json': VPCS, 'Subnets.json': { Subnets: null } }))).toEqual(['WRONG_SHAPE Subnets.json $.Subnets']);
    expect(errorsOf(snapshot({ 'Vpcs.json': VPCS, 'Subnets.json': { Subnets: {} } }))).toEqual(['WRONG_SHAPE Subnets.json $.Subnets']);
    expect(errorsOf(snapshot({ 'Vpcs.json': VPCS, 'Tgw.json': { TransitGateways: null } }))).toEqual(['WRONG_SHAPE Tgw.json $.TransitGateways']);
    // an empty array is what AWS prints for none
    expect(errorsOf(snapshot({ 'Vpcs.json': VPCS, 'Subnets.json': { Subnets: [] } }))).toEqual([]);
  });

  it('FILE_UNREADABLE: a named pipe is reported, and never opened (the import does not block)', () => {
    const dir = snapshot({ 'Vpcs.json': VPCS });
    execFileSync('mkfifo', [join(dir, 'Subnets.json')]);
    expect(errorsOf(dir)).toEqual(['FILE_UNREADABLE Subnets.json ']);
  });

  it('FILE_UNREADABLE: a symbolic link to nothing', () => {
    const dir = snapshot({ 'Vpcs.json': VPCS });
    symlinkSync(join(dir, 'gone.json'), join(dir, 'Subnets.json'));
    expect(errorsOf(dir)).toEqual(['FILE_UNREADABLE Subnets.json ']);
  });

  it('follows a symbolic link to a .json file like the file itself', () => {
    const elsewhere = snapshot({ 'Subnets.json': subnets('10.0.1.0/24') });
    const dir = snapshot({ 'Vpcs.json': VPCS });
    symlinkSync(join(elsewhere, 'Subnets.json'), join(dir, 'Subnets.json'));
    const i = imported(dir);
    expect(Object.keys(i.raw.vpcs!['vpc-1']!.subnets ?? {})).toEqual(['subnet-a']);
  });

  it('DEFAULT_SECURITY_GROUP: without SecurityGroups.json an instance gets the VPC default group, never none', () => {
    const i = imported(join(LOCAL_FIXTURES, 'partial'));
    expect(warningKeys(i.result)).toContain('DEFAULT_SECURITY_GROUP i-1');
    expect(i.raw.vpcs!['vpc-1']!.instances!['i-1']).toEqual({ subnet: 'subnet-a', privateIp: '10.0.1.10' });
    const eni = i.topology.enis.get('i-1')!;
    expect(eni.securityGroups).toEqual([i.topology.vpcs.get('vpc-1')!.defaultSecurityGroup]);
  });
});

describe('a standalone network interface whose groups the snapshot lacks', () => {
  it('DEFAULT_SECURITY_GROUP: it gets the VPC default group with a warning, never securityGroups: []', () => {
    const dir = snapshot({
      'Vpcs.json': VPCS,
      'Subnets.json': subnets('10.0.1.0/24'),
      'NetworkInterfaces.json': { NetworkInterfaces: [{
        NetworkInterfaceId: 'eni-lambda', SubnetId: 'subnet-a', VpcId: 'vpc-1', PrivateIpAddress: '10.0.1.20', InterfaceType: 'lambda',
        Description: 'AWS Lambda VPC ENI-orders', Groups: [{ GroupId: 'sg-gone', GroupName: 'gone' }],
        PrivateIpAddresses: [{ PrivateIpAddress: '10.0.1.20', Primary: true }],
      }] },
    });
    const i = imported(dir);
    expect(warningKeys(i.result)).toContain('DEFAULT_SECURITY_GROUP eni-lambda');
    expect(i.raw.vpcs!['vpc-1']!.networkInterfaces!['eni-lambda']!.securityGroups).toBeUndefined();
    expect(i.topology.enis.get('eni-lambda')!.securityGroups).toEqual([i.topology.vpcs.get('vpc-1')!.defaultSecurityGroup]);
  });
});
