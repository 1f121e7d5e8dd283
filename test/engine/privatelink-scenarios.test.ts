// Every check of the bundled PrivateLink and endpoint scenarios, traced by the engine and
// judged here on its own terms (verdict, `because`, `via`), plus the hop ids each lesson
// is about.
import { describe, expect, it } from 'vitest';
import { traceProblems } from '../../src/engine/check-trace.js';
import { isQueryError, traceFlow } from '../../src/engine/trace-flow.js';
import { formatIp } from '../../src/net/ip.js';
import { runCheck, type TraceFn } from '../../src/scenarios/run-check.js';
import { scenario, topologyOf } from '../helpers/load.js';
import { codes, expectReachableVia, returnHopIds, trace } from '../helpers/trace.js';

const SCENARIOS = [
  'privatelink-endpoint-service', 'privatelink-overlapping-cidrs', 'privatelink-target-sg-mistake',
  'interface-endpoint-kms', 'endpoint-from-peered-vpc', 'endpoint-pending-and-rejected', 'gwlb-inspection', 's3-gateway-endpoint',
];

describe.each(SCENARIOS)('%s: every check holds', (name) => {
  const t = scenario(name);
  // Judged by the check runner itself (one judge for verdict, `because` and `via`); every
  // trace it asks for must also keep the trace contract.
  const contractTracer: TraceFn = (topology, query) => {
    const r = traceFlow(topology, query);
    if (!isQueryError(r)) for (const tr of r.traces) expect(traceProblems(tr)).toEqual([]);
    return r;
  };
  it.each(t.checks.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const result = runCheck(t, c, contractTracer);
    expect({ status: result.status, failures: result.failures, errors: result.errors }).toEqual({ status: 'pass', failures: [], errors: [] });
    expect(result.pairs).toBeGreaterThan(0);
  });
});

describe('overlapping CIDRs', () => {
  const t = scenario('privatelink-overlapping-cidrs');
  it('both VPCs hold the same addresses, and the consumer still reaches the provider', () => {
    expect(formatIp(t.enis.get('storefront')!.privateIp)).toBe(formatIp(t.enis.get('orders-1')!.privateIp));
    const tr = trace(t, 'storefront', 'vpce-orders', 443);
    expectReachableVia(tr, ['storefront', 'vpce-orders/shop-a', 'svc-orders', 'nlb-orders/orders-a', 'tg-orders', 'sg-orders', 'orders-1']);
    expect(returnHopIds(tr).at(-1)).toBe('storefront');
  });
  it("a target may even hold the consumer's endpoint address: each VPC keeps its own address space", () => {
    const same = topologyOf(`
version: 1
name: same addresses on both sides
accounts: { p: "222222222222", c: "111111111111" }
vpcs:
  prov:
    account: p
    cidr: 10.0.0.0/16
    subnets:
      p-app: { az: use1-az1, cidr: 10.0.1.0/24 }
      p-lb: { az: use1-az1, cidr: 10.0.2.0/24 }
    securityGroups:
      sg-t: { ingress: [{ protocol: tcp, ports: 443, cidr: 10.0.2.0/24 }] }
    instances:
      target: { subnet: p-app, privateIp: 10.0.1.4, securityGroups: [sg-t] }
    loadBalancers:
      nlb: { type: network, subnets: [p-lb], listeners: [{ port: 443, protocol: tcp, targetGroup: tg }] }
    targetGroups:
      tg: { protocol: tcp, port: 443, targets: [{ instance: target }] }
    endpointServices:
      svc: { loadBalancer: nlb, acceptanceRequired: false, allowedPrincipals: ["*"] }
  cons:
    account: c
    cidr: 10.0.0.0/16
    subnets:
      c-a: { az: use1-az1, cidr: 10.0.1.0/24 }
    instances:
      client: { subnet: c-a }
    endpoints:
      vpce: { type: interface, service: svc, subnets: [c-a] }
`);
    expect(formatIp(same.enis.get('vpce/c-a')!.privateIp)).toBe('10.0.1.4');
    expectReachableVia(trace(same, 'client', 'vpce', 443), ['client', 'vpce/c-a', 'svc', 'nlb/p-lb', 'sg-t', 'target']);
  });

  it('the provider reaching for the consumer finds its own address space, never the consumer', () => {
    const tr = trace(t, 'orders-1', 'storefront', 443);
    expect(tr.reachable).toBe(false);
    expect(codes(tr)).toEqual(['UNKNOWN_DESTINATION', 'PRIVATELINK_ONE_WAY']);
  });
});
