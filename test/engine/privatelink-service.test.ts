// PrivateLink to an endpoint service: the consumer's interface endpoint, the service's
// checks (state, principals, zones), the provider's NLB (listener, targets, cross-zone, its
// security groups), source translation, the return path, and the provider-initiated flow.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnosticsOf } from '../helpers/load.js';
import { formatIp } from '../../src/net/ip.js';
import { loadTopologyFile } from '../../src/model/load-topology.js';
import { codes, expectBlocked, expectReachableVia, hopIds, returnHopIds, stoppingHop, trace, traceAll } from '../helpers/trace.js';

const t = loadTopologyFile('test/engine/fixtures/privatelink.yaml').topology!;
const ip = (eni: string): string => formatIp(t.enis.get(eni)!.privateIp);

describe('consumer to provider through an interface endpoint', () => {
  it('crosses endpoint ENI, endpoint service, NLB node, target group and target, and comes back the same way', () => {
    const tr = trace(t, 'client', 'vpce-api/cons-a', 443);
    expectReachableVia(tr, ['client', 'sg-client', 'sg-vpce', 'vpce-api/cons-a', 'svc-api', 'nlb-api/prov-a', 'tg-api', 'nlb-api/prov-a', 'sg-api', 'api-a']);
    expect(returnHopIds(tr)).toEqual(['api-a', 'sg-api', 'vpc-prov/main', 'nlb-api/prov-a', 'svc-api', 'vpce-api/cons-a', 'sg-vpce', 'vpc-cons/main', 'sg-client', 'client']);
    // The target sees the NLB node's address, never the consumer's.
    expect(tr.hops.at(-1)!.packet.src).toBe(ip('nlb-api/prov-a'));
    expect(tr.hops.at(-1)!.packet.dstPort).toBe(8443);
    expect(tr.returnHops.at(-1)!.packet.src).toBe(ip('vpce-api/cons-a'));
    const nat = tr.hops.find((h) => h.component.id === 'nlb-api/prov-a' && h.action === 'translated')!;
    expect(nat.steps).toMatchObject([{ type: 'loadBalancerNode', verdict: 'privateLinkSource', targetGroup: 'tg-api', target: { name: 'api-a', port: 8443 }, after: { src: ip('nlb-api/prov-a') } }]);
  });

  it('by the endpoint id, one trace per endpoint ENI, each to the node in its own zone', () => {
    const r = traceAll(t, 'client', 'vpce-api', 443);
    expect(r.reachable).toBe(true);
    expect(r.traces.map((x) => x.hops.find((h) => h.component.kind === 'loadBalancerNode')!.component.id)).toEqual(['nlb-api/prov-a', 'nlb-api/prov-b']);
    expect(r.traces.map((x) => x.hops.at(-1)!.component.id)).toEqual(['api-a', 'api-b']);
  });

  it('by the service private DNS name, with DNS as the first hop', () => {
    const r = traceAll(t, 'client', 'api.example.com', 443);
    expect(r.reachable).toBe(true);
    for (const x of r.traces) {
      expect(x.hops[0]!.component).toEqual({ id: 'api.example.com', kind: 'dns' });
      expect(x.hops[0]!.action).toBe('resolved');
    }
    expect(r.traces.map((x) => x.flow.dstIp)).toEqual([ip('vpce-api/cons-a'), ip('vpce-api/cons-b')]);
  });
});

describe('the endpoint and the instance security groups', () => {
  it('an endpoint SG without inbound 443 stops the flow at the endpoint', () => {
    expectBlocked(trace(t, 'client', 'vpce-api-22', 443), 'ENI_SG_RULES_MISMATCH', 'sg-vpce-22');
    expectReachableVia(trace(t, 'client', 'vpce-api/cons-a', 443), ['sg-vpce', 'vpce-api/cons-a']);
  });
  it('an instance SG without outbound 443 stops the flow at the instance', () => {
    expectBlocked(trace(t, 'locked', 'vpce-api/cons-a', 443), 'ENI_SG_RULES_MISMATCH', 'sg-no-443');
  });
});

describe('endpoint state and allowed principals', () => {
  it('an endpoint pending acceptance carries nothing (BAD_STATE), an accepted one does', () => {
    expectBlocked(trace(t, 'client', 'vpce-pending', 443), 'BAD_STATE', 'vpce-pending');
    expectReachableVia(trace(t, 'client', 'vpce-accepted', 443), ['vpce-accepted/cons-a', 'svc-pending', 'nlb-pending/prov-a', 'api-a']);
  });
  it('a rejected endpoint carries nothing', () => {
    expectBlocked(trace(t, 'client', 'vpce-rejected', 443), 'BAD_STATE', 'vpce-rejected');
  });
  it('a consumer account that is not an allowed principal is refused', () => {
    const tr = trace(t, 'client', 'vpce-closed', 443);
    expectBlocked(tr, 'PRINCIPAL_NOT_ALLOWED', 'svc-closed');
    expect(codes(tr)).toEqual(['PRINCIPAL_NOT_ALLOWED', 'BAD_STATE']);
  });
});

describe('zones', () => {
  it("an endpoint ENI in a served zone works; one in a zone the NLB does not serve is refused at load, as AWS refuses it", () => {
    const r = traceAll(t, 'client', 'vpce-one-az', 443);
    expect(r.traces).toHaveLength(1);
    expectReachableVia(r.traces[0]!, ['vpce-one-az/cons-a', 'svc-one-az', 'nlb-one-az/prov-a', 'api-a']);
    const text = readFileSync('test/engine/fixtures/privatelink.yaml', 'utf8').replace('service: svc-one-az, subnets: [cons-a]', 'service: svc-one-az, subnets: [cons-a, cons-c]');
    expect(diagnosticsOf(text).filter((d) => d.startsWith('ENDPOINT_AZ_NOT_SERVED'))).toHaveLength(1);
  });
  it('cross-zone off with targets only in another zone is ELB_NOT_CROSSZONE', () => {
    expectBlocked(trace(t, 'client', 'vpce-xz-off', 443), 'ELB_NOT_CROSSZONE', 'tg-only-b');
  });
  it('cross-zone on reaches every healthy target, one trace each', () => {
    const r = traceAll(t, 'client', 'vpce-xz-on', 443);
    expect(r.reachable).toBe(true);
    expect(r.traces.map((x) => x.hops.at(-1)!.component.id)).toEqual(['api-a', 'api-b']);
    expect(r.traces.map((x) => x.flow.branch)).toEqual([['nlb-xz-on/prov-a tg-both -> api-a'], ['nlb-xz-on/prov-a tg-both -> api-b']]);
    // The node in use1-az1 sends across to use1-az2: the packet leaves prov-a's subnet.
    expect(hopIds(r.traces[1]!)).toContain('vpc-prov/default-acl');
  });
  it('no healthy target is ELBV2_NO_TARGETS_IN_AZ (stricter than AWS fail-open)', () => {
    const tr = trace(t, 'client', 'vpce-sick', 443);
    expectBlocked(tr, 'ELBV2_NO_TARGETS_IN_AZ', 'tg-sick');
    expect(stoppingHop(tr)!.steps).toMatchObject([{ type: 'targetChoice', action: 'dropped', verdict: 'noHealthy', failOpen: true }]);
  });
});

describe('the NLB', () => {
  it('a port with no listener is ELBV2_LISTENER_PORT_RESTRICTION; the listener port passes', () => {
    expectBlocked(trace(t, 'client', 'vpce-api/cons-a', 8080), 'ELBV2_LISTENER_PORT_RESTRICTION', 'nlb-api/prov-a');
    expectReachableVia(trace(t, 'client', 'vpce-api/cons-a', 443), ['nlb-api/prov-a', 'tg-api', 'api-a']);
  });
  it("its security groups see the consumer client's address when enforced", () => {
    expectReachableVia(trace(t, 'client', 'vpce-sg', 443), ['svc-sg', 'sg-nlb', 'nlb-sg/prov-a', 'api-a']);
    expectBlocked(trace(t, 'client-b', 'vpce-sg', 443), 'ENI_SG_RULES_MISMATCH', 'sg-nlb');
  });
  it('its inbound rules are skipped for PrivateLink traffic when enforcement is off', () => {
    expectReachableVia(trace(t, 'client', 'vpce-sg-off', 443), ['svc-sg-off', 'sg-nlb-closed', 'nlb-sg-off/prov-a', 'api-a']);
  });
});

describe('the classic mistake: the target allows the consumer CIDR', () => {
  it('is unreachable at the target, and the hop says why', () => {
    const tr = trace(t, 'client', 'vpce-wrong', 443);
    expectBlocked(tr, 'ENI_SG_RULES_MISMATCH', 'sg-wrong');
    expect(tr.hops.at(-1)!.packet.src).toBe(ip('nlb-wrong/prov-a'));
    expect(tr.explanations[0]!.message).toContain("would allow the client's own address");
  });
  it('allowing the NLB side (the provider CIDR) is reachable', () => {
    expectReachableVia(trace(t, 'client', 'vpce-api/cons-a', 443), ['nlb-api/prov-a', 'sg-api', 'api-a']);
  });
});

describe('one way only', () => {
  it('the provider cannot open a connection to the consumer through the endpoint', () => {
    for (const to of ['client', 'vpce-api/cons-a']) {
      const tr = trace(t, 'api-a', to, 443);
      expect(tr.reachable).toBe(false);
      expect(codes(tr)).toEqual(['NO_ROUTE_TO_DESTINATION', 'PRIVATELINK_ONE_WAY']);
    }
  });
});
