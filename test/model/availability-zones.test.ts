// AZ IDs and names against the regions they belong to ("AZ IDs", AWS Regions and
// Availability Zones guide): real AZ IDs of every kind of region code.
import { describe, expect, it } from 'vitest';
import { azIdPrefix, isAzId, zoneInRegion } from '../../src/model/availability-zones.js';

describe('availability zones', () => {
  it('derives the AZ ID prefix of a region', () => {
    const cases: [string, string][] = [
      ['us-east-1', 'use1'], ['us-west-2', 'usw2'], ['eu-central-1', 'euc1'], ['eu-north-1', 'eun1'],
      ['ap-southeast-2', 'apse2'], ['ap-northeast-1', 'apne1'], ['ap-south-1', 'aps1'], ['ap-east-1', 'ape1'],
      ['ca-central-1', 'cac1'], ['sa-east-1', 'sae1'], ['me-south-1', 'mes1'], ['af-south-1', 'afs1'],
      ['us-gov-west-1', 'usgw1'], ['cn-northwest-1', 'cnnw1'], ['il-central-1', 'ilc1'],
    ];
    for (const [region, prefix] of cases) expect(azIdPrefix(region), region).toBe(prefix);
  });

  it('tells AZ IDs from names and places both in their region', () => {
    expect(isAzId('use1-az1')).toBe(true);
    expect(isAzId('us-east-1a')).toBe(false);
    expect(zoneInRegion('use1-az6', 'us-east-1')).toBe(true);
    expect(zoneInRegion('use1-bos1-az1', 'us-east-1')).toBe(true);
    expect(zoneInRegion('us-east-1f', 'us-east-1')).toBe(true);
    expect(zoneInRegion('us-east-1-bos-1a', 'us-east-1')).toBe(true);
    expect(zoneInRegion('usw2-az1', 'us-east-1')).toBe(false);
    expect(zoneInRegion('us-east-2a', 'us-east-1')).toBe(false);
    expect(zoneInRegion('use2-az1', 'us-east-1')).toBe(false);
    expect(zoneInRegion('us-east-1', 'us-east-1')).toBe(false);
  });
});
