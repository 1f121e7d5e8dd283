// A Network Load Balancer reached without PrivateLink: from the internet (internet-facing),
// from its own VPC by its DNS name, and from a peered VPC. Client IP preservation decides
// the source the target sees: the client's for instance targets, the node's for IP targets.
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../src/net/ip.js';
import { loadTopologyFile } from '../../src/model/load-topology.js';
import { expectBlocked, expectReachableVia, returnHopIds, trace } from '../helpers/trace.js';

const t = loadTopologyFile('test/engine/fixtures/nlb-direct.yaml').topology!;
const ip = (eni: string): string => formatIp(t.enis.get(eni)!.privateIp);

describe('internet-facing NLB with instance targets', () => {
  it('takes a client from the internet and keeps its address (client IP preservation)', () => {
    const tr = trace(t, 'user', 'nlb-pub', 443);
    expect(tr.flow.dstIp).toBe(formatIp(t.enis.get('nlb-pub/pub-a')!.publicIp!));
    expectReachableVia(tr, ['user', 'igw-web', 'nlb-pub/pub-a', 'tg-web', 'nlb-pub/pub-a', 'sg-web', 'web-1']);
    expect(tr.hops.at(-1)!.packet.src).toBe('198.51.100.20');
    // The reply goes back through the node (it tracks the flow), then out of the IGW.
    expect(returnHopIds(tr)).toEqual(['web-1', 'sg-web', 'vpc-web/default-acl', 'vpc-web/default-acl', 'nlb-pub/pub-a', 'rtb-pub', 'vpc-web/default-acl', 'igw-web', 'user']);
    expect(tr.returnHops.at(-1)!.packet.src).toBe(formatIp(t.enis.get('nlb-pub/pub-a')!.publicIp!));
  });

  it("a target SG that allows only the NLB's subnet refuses preserved client addresses", () => {
    const tr = trace(t, 'user', 'nlb-pub-2', 443);
    expectBlocked(tr, 'ENI_SG_RULES_MISMATCH', 'sg-web-nlb-only');
    expect(tr.hops.at(-1)!.packet.src).toBe('198.51.100.20');
  });
});

describe('internal NLB with IP targets', () => {
  it('by its DNS name from its own VPC: the target sees the node address', () => {
    const tr = trace(t, 'client-1', 'nlb-int.elb.us-east-1.amazonaws.com', 80);
    expect(tr.hops[0]!.component.kind).toBe('dns');
    expectReachableVia(tr, ['client-1', 'nlb-int/app-a', 'tg-ip', 'nlb-int/app-a', 'sg-ip-target', 'svc-ip']);
    expect(tr.hops.at(-1)!.packet.src).toBe(ip('nlb-int/app-a'));
    expect(tr.hops.at(-1)!.packet.dstPort).toBe(8080);
    expect(tr.returnHops.at(-1)!.component.id).toBe('client-1');
    expect(tr.returnHops.at(-1)!.packet.src).toBe(ip('nlb-int/app-a'));
  });

  it('from a peered VPC, over the peering both ways', () => {
    const tr = trace(t, 'client-p', 'nlb-int', 80);
    expectReachableVia(tr, ['client-p', 'pcx-web-peer', 'nlb-int/app-a', 'svc-ip']);
    expect(returnHopIds(tr)).toContain('pcx-web-peer');
    expect(tr.reachable).toBe(true);
  });

  it('a port no listener takes is refused at the node', () => {
    expectBlocked(trace(t, 'client-1', 'nlb-int', 81), 'ELBV2_LISTENER_PORT_RESTRICTION', 'nlb-int/app-a');
  });

  it('an internal NLB is not reachable from the internet', () => {
    expectBlocked(trace(t, 'user', 'nlb-int', 80), 'NOT_ADDRESSABLE_FROM_INTERNET', 'internet');
  });
});
