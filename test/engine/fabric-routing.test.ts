// Route tables ("Configure route tables", "How route priority works", Amazon VPC guide):
// implicit local routes, longest prefix match over CIDR and prefix-list routes, a static
// route beating a prefix-list route of equal length, blackholes, the main table, IPv6.
import { describe, expect, it } from 'vitest';
import { loadTopologyFile } from '../../src/model/load-topology.js';
import { isQueryError, traceFlow } from '../../src/engine/trace-flow.js';
import { expectBlocked, expectReachableVia, hopIds, trace } from '../helpers/trace.js';

const t = loadTopologyFile('test/engine/fixtures/fabric.yaml').topology!;

describe('route tables', () => {
  it('delivers inside the VPC by the implicit local route', () => {
    const tr = trace(t, 'bastion', 'app', 22);
    expectReachableVia(tr, ['bastion', 'sg-bastion', 'rtb-a-private', 'sg-app', 'app']);
    expect(tr.hops[2]!.steps).toMatchObject([{ type: 'route', action: 'matched', table: 'rtb-a-private', prefix: '10.0.0.0/16', route: { index: expect.any(Number), destination: '10.0.0.0/16', target: 'local', origin: 'local' } }]);
  });

  it('drops a packet for a VPC address no interface holds', () => {
    expectBlocked(trace(t, 'bastion', '10.0.1.200', 443), 'UNKNOWN_DESTINATION', 'vpc-a');
  });

  it('has no route for an address nothing matches', () => {
    const tr = trace(t, 'c-host', '10.0.1.10', 443);
    expectBlocked(tr, 'NO_ROUTE_TO_DESTINATION', 'rtb-c');
  });

  it('uses the main route table for a subnet without an association', () => {
    const tr = trace(t, 'default-sg-1', 'example', 443);
    expectBlocked(tr, 'NO_ROUTE_TO_DESTINATION', 'rtb-main');
  });

  it('prefers the gateway endpoint prefix-list route over 0.0.0.0/0', () => {
    expectReachableVia(trace(t, 'app', '54.231.0.5', 443), ['app', 'rtb-a-private', 'vpce-s3-a', 'com.amazonaws.us-east-1.s3']);
  });

  it('lets a more specific CIDR route win over the prefix-list route', () => {
    const tr = trace(t, 'app', '52.216.1.1', 443);
    expectReachableVia(tr, ['app', 'rtb-a-private', 'nat-a', 'igw-a', 'com.amazonaws.us-east-1.s3']);
    expect(hopIds(tr)).not.toContain('vpce-s3-a');
    expect(tr.hops.find((h) => h.component.id === 'rtb-a-private')!.steps).toMatchObject([{ type: 'route', prefix: '52.216.0.0/16', route: { destination: '52.216.0.0/16', target: 'nat-a' } }]);
  });

  it('gives a static route priority over a prefix-list route for the same prefix', () => {
    const tr = trace(t, 'app', '3.5.0.10', 443);
    expectReachableVia(tr, ['rtb-a-private', 'nat-a', 'igw-a']);
    expect(tr.hops.find((h) => h.component.id === 'rtb-a-private')!.steps).toMatchObject([{ type: 'route', route: { target: 'nat-a' }, over: 'pl-63a5400a' }]);
  });

  it('drops traffic on a blackhole route, citing it', () => {
    const tr = trace(t, 'web', '192.0.2.5', 443);
    expectBlocked(tr, 'CANNOT_ROUTE', 'rtb-a-public');
    expect(tr.explanations[0]!.location?.line).toBe(29);
  });

  it('routes IPv6 by its own routes', () => {
    const tr = trace(t, 'web', '2606:4700::1', 443);
    expectReachableVia(tr, ['web', 'rtb-a-public', 'igw-a', 'internet']);
    expect(tr.flow.srcIp).toBe('2600:1f18:aa00::10');
  });

  it('refuses an IPv6 flow from an interface without an IPv6 address', () => {
    const r = traceFlow(t, { from: 'web-private-only', to: '2606:4700::1', protocol: 'tcp', port: 443 });
    expect(isQueryError(r)).toBe(true);
  });
});
