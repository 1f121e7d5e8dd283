// Verdicts on real AWS snapshots (test/fixtures/aws), imported in memory. Each flow was
// derived by hand from the snapshot and the AWS rules; the comment says why.
import { describe, expect, it } from 'vitest';
import { loadInput } from '../../src/import/load-input.js';
import type { Topology } from '../../src/model/topology.js';
import { codes, expectReachableVia, hopIds, trace, traceAll } from '../helpers/trace.js';

const FIXTURES = 'test/fixtures/aws';

function snapshot(name: string): Topology {
  const { topology, diagnostics } = loadInput(`${FIXTURES}/${name}`);
  if (!topology) throw new Error(diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return topology;
}

describe('S3 gateway endpoint snapshot', () => {
  const t = snapshot('batfish-test-vpc-endpoint-gateway');
  it('reaches S3 through the endpoint: rtb-04f71fc2caa8d94cf holds only the pl-63a5400a route, 52.216.0.0/15 is in it', () => {
    expectReachableVia(trace(t, 'i-01c6c0647fdccc89e', '52.216.237.77', 443), ['rtb-04f71fc2caa8d94cf', 'vpce-0b7357542bb7b83ec', 'com.amazonaws.us-east-1.s3']);
  });
  it('has no route to the internet from that subnet (no default route)', () => {
    expect(codes(trace(t, 'i-01c6c0647fdccc89e', '8.8.8.8', 443))).toEqual(['NO_ROUTE_TO_DESTINATION']);
  });
  it('prefers the /15 prefix-list route over 0.0.0.0/0 to the IGW in the public subnet', () => {
    const tr = trace(t, 'i-0464d440ca0ee9e34', '52.216.237.77', 443);
    expectReachableVia(tr, ['vpce-0b7357542bb7b83ec']);
    expect(hopIds(tr).some((id) => id.startsWith('igw-'))).toBe(false);
  });
});

describe('interface endpoint snapshot', () => {
  const t = snapshot('batfish-test-vpc-endpoint-interface');
  it('reaches the CloudTrail endpoint on 443: the endpoint SG allows tcp 443 from anywhere', () => {
    const r = traceAll(t, 'i-0eb6eb395a0d09117', 'vpce-083c683a6be29b889', 443);
    expect(r.reachable).toBe(true);
  });
  it('resolves cloudtrail.us-east-1.amazonaws.com to the endpoint by private DNS', () => {
    const r = traceAll(t, 'i-0eb6eb395a0d09117', 'cloudtrail.us-east-1.amazonaws.com', 443);
    expect(r.reachable).toBe(true);
    expect(r.traces[0]!.hops[0]!.component.kind).toBe('dns');
  });
  it('is refused on port 80: the endpoint SG allows only 22, 443, traceroute and ICMP', () => {
    const r = traceAll(t, 'i-0a0fbd0cfa774970f', 'vpce-083c683a6be29b889', 80);
    expect(r.reachable).toBe(false);
    expect(r.traces.flatMap(codes)).toContain('ENI_SG_RULES_MISMATCH');
  });
});

describe('load balancer snapshot', () => {
  const t = snapshot('batfish-test-load-balancer');
  it('reaches test-lb on its TCP 80 listener; targets take port 22, which their SG allows', () => {
    expect(traceAll(t, 'i-0c8ce8bbdd98cc4e8', 'test-lb', 80).reachable).toBe(true);
  });
  it('has no listener on 443', () => {
    const r = traceAll(t, 'i-0c8ce8bbdd98cc4e8', 'test-lb', 443);
    expect(r.reachable).toBe(false);
    expect(r.traces.flatMap(codes)).toContain('ELBV2_LISTENER_PORT_RESTRICTION');
  });
});

describe('peering snapshot', () => {
  const t = snapshot('batfish-test-vpc-peering');
  it('crosses the active peering with routes on both sides and SSH allowed', () => {
    expectReachableVia(trace(t, 'i-06ba034d88c84ef07', '192.168.1.106', 22), ['pcx-0b89b559e3319d6cf']);
  });
  it('is refused on port 80 by the destination SG', () => {
    expect(codes(trace(t, 'i-06ba034d88c84ef07', '192.168.1.106', 80))).toEqual(['ENI_SG_RULES_MISMATCH']);
  });
});

describe('NAT gateway snapshot', () => {
  const t = snapshot('batfish-test-nat-gateway');
  it('goes out through the NAT gateway, then the IGW', () => {
    expectReachableVia(trace(t, 'i-0a128d26e59be60f3', '8.8.8.8', 443), ['nat-07ab4846da51f4612', 'igw-071753b9c23d8a9b2', 'internet']);
  });
  it('has no route out from a subnet on the main table (local route only)', () => {
    expect(codes(trace(t, 'i-0a73a1a6021c03ddb', '8.8.8.8', 443))).toEqual(['NO_ROUTE_TO_DESTINATION']);
  });
});
