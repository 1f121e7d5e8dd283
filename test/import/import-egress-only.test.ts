// Egress-only internet gateways from describe-egress-only-internet-gateways ("Egress-only
// internet gateways", Amazon VPC guide): the attached one is the VPC's, a route to it keeps
// its target (it was a blackhole before vpcsim modelled the gateway), a detached one is
// warned about and left out; with no describe call, an active route to one infers it.
import { mkdtempSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectBlocked, expectReachableVia, trace } from '../helpers/trace.js';
import { imported, LOCAL_FIXTURES, warningKeys } from './helpers.js';

const DIR = join(LOCAL_FIXTURES, 'egress-only');

describe('egress-only internet gateways', () => {
  it('the attached gateway is the VPC\'s; the ::/0 route keeps it as target; the detached one is warned about', () => {
    const i = imported(DIR);
    expect(i.raw.vpcs!['vpc-1']!.egressOnlyInternetGateway).toBe('eigw-1');
    expect(i.raw.vpcs!['vpc-1']!.routeTables!['rtb-1']!.routes).toEqual([{ destination: '::/0', target: 'eigw-1' }]);
    expect(warningKeys(i.result)).toEqual(['MISSING_DESCRIBE_CALL vpc-1', 'UNMODELLED_RESOURCE eigw-detached']);
  });

  it('IPv6 leaves through it; the internet cannot open a connection in through it', () => {
    // RouteTables.json: ::/0 -> eigw-1 in the main table; SecurityGroups.json: sg-1 egress all
    // to ::/0, ingress tcp 443 from ::/0 (the gateway, not the group, stops inbound).
    const { topology } = imported(DIR);
    expectReachableVia(trace(topology, 'i-1', '2606:4700::1111', 443), ['rtb-1', 'eigw-1']);
    expectBlocked(trace(topology, '2606:4700::1111', '2600:1f18:aa00:1::10', 443), 'NO_INBOUND_THROUGH_EGRESS_ONLY_IGW', 'eigw-1');
  });

  it('without the describe call, the active route infers the gateway, warned', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcsim-eigw-'));
    cpSync(DIR, dir, { recursive: true });
    rmSync(join(dir, 'EgressOnlyInternetGateways.json'));
    const i = imported(dir);
    expect(i.raw.vpcs!['vpc-1']!.egressOnlyInternetGateway).toBe('eigw-1');
    expect(warningKeys(i.result)).toContain('INFERRED_VALUE eigw-1');
  });
});
