// Route 53 private hosted zones from a snapshot (hand-written: test/import/fixtures/route53,
// the batfish interface-endpoint snapshot plus list-hosted-zones, get-hosted-zone and
// list-resource-record-sets output): associations, simple records, aliases to the endpoint's
// regional and zonal DNS names and to a record of the zone; what is left out is warned.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../src/net/ip.js';
import { resolveName } from '../../src/engine/dns/resolve-name.js';
import { imported, LOCAL_FIXTURES, warningKeys } from './helpers.js';

describe('Route 53 in an AWS snapshot (test/import/fixtures/route53)', () => {
  const i = imported(join(LOCAL_FIXTURES, 'route53'));

  it('imports the private zone associated with a VPC of the snapshot, its simple records and aliases', () => {
    expect(i.raw.hostedZones).toEqual({
      Z0PRIVATE1: {
        name: 'corp.internal', private: true, vpcs: ['vpc-072d45b801aeffef2'],
        records: [
          { name: 'trail.corp.internal', type: 'A', alias: { endpoint: 'vpce-083c683a6be29b889' } },
          { name: 'trail-a.corp.internal', type: 'A', alias: { endpoint: 'vpce-083c683a6be29b889', az: 'use1-az2' } },
          { name: 'db.corp.internal', type: 'A', values: ['10.0.1.50'] },
          { name: 'www.corp.internal', type: 'CNAME', value: 'db.corp.internal' },
          { name: 'db2.corp.internal', type: 'A', alias: { record: 'db.corp.internal' } },
        ],
      },
    });
  });

  it('warns of the public zone, the zone and associations outside the snapshot, other types, routing policies and an alias to nothing', () => {
    const keys = warningKeys(i.result).filter((k) => k.includes('Z0'));
    expect(keys).toEqual(['FIELD_DROPPED Z0PRIVATE1', 'FIELD_DROPPED Z0PRIVATE1', 'OUTSIDE_SNAPSHOT Z0ELSEWHERE', 'OUTSIDE_SNAPSHOT Z0PRIVATE1', 'OUTSIDE_SNAPSHOT Z0PRIVATE1', 'UNMODELLED_RESOURCE Z0PUBLIC1']);
  });

  it('the imported zone answers in the VPC with the endpoint interface addresses', () => {
    const t = i.topology;
    const r = resolveName(t, 'trail.corp.internal', { kind: 'vpc', vpc: t.vpcs.get('vpc-072d45b801aeffef2')! });
    const ep = t.endpoints.get('vpce-083c683a6be29b889')!;
    expect(r.kind === 'resolved' ? r.record.addresses.map((a) => formatIp(a.ip)) : []).toEqual(ep.enis.map((e) => formatIp(t.enis.get(e)!.privateIp)));
    expect(r.step.zone).toBe('Z0PRIVATE1');
  });
});
