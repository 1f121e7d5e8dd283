// The NLB handlers alone ("Network Load Balancers", "Target groups for your Network Load
// Balancers"): the listener, the target choice as a fork, the translation the target sees,
// the connection the reply finds.
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import { loadBalancerNode, nlbListener, nlbTarget } from '../../../src/engine/walk/network-load-balancer.js';
import { envOf, eniOf, hopIdsOf, nextAt, NO_CARRY, packetOf, stopCodes } from './walk-env.js';

const t = loadTopologyFile('test/engine/fixtures/nlb-direct.yaml').topology!;
const lb = t.loadBalancers.get('nlb-int')!;
const node = eniOf(t, lb.nodes[0]!);
const client = eniOf(t, 'client-1');
const toNode = (port: number) => packetOf(formatIp(client.privateIp), formatIp(node.privateIp), port);
const entry = (port: number) => ({ original: toNode(port), endpointEni: undefined });

describe('loadBalancerNode', () => {
  it('takes a new flow to its listeners', () => {
    const at = nextAt(loadBalancerNode(envOf(t), { kind: 'loadBalancerNode', node, packet: toNode(80), sender: client, carry: NO_CARRY }));
    expect(at.kind === 'nlbListener' && at.lb.id).toBe('nlb-int');
  });

  it('drops a reply it tracks no connection for (NO_PATH)', () => {
    expect(stopCodes(loadBalancerNode(envOf(t, true), { kind: 'loadBalancerNode', node, packet: toNode(80), sender: client, carry: NO_CARRY }))).toEqual(['NO_PATH']);
  });
});

describe('nlbListener', () => {
  it('hands the flow to its target group: a fork with one option per target', () => {
    const s = nlbListener(envOf(t), { kind: 'nlbListener', lb, node, packet: toNode(80), entry: entry(80), carry: NO_CARRY });
    expect(hopIdsOf(s)).toEqual([node.id]);
    expect(s.next.kind).toBe('fork');
    if (s.next.kind !== 'fork') return;
    expect(s.next.key).toBe(`${node.id} tg-ip`);
    expect(s.next.options.map((o) => [o.name, o.at.kind, o.hops.map((h) => h.component.id)])).toEqual([['10.5.2.50', 'nlbTarget', ['tg-ip']]]);
    expect(s.next.options[0]!.hops[0]!.steps).toMatchObject([{ type: 'targetChoice', action: 'chosen', targetGroup: 'tg-ip', chosen: { name: '10.5.2.50', port: 8080, az: 'use1-az1' }, candidates: ['10.5.2.50'] }]);
  });

  it('takes nothing no listener takes (ELBV2_LISTENER_PORT_RESTRICTION)', () => {
    expect(stopCodes(nlbListener(envOf(t), { kind: 'nlbListener', lb, node, packet: toNode(81), entry: entry(81), carry: NO_CARRY }))).toEqual(['ELBV2_LISTENER_PORT_RESTRICTION']);
  });
});

describe('nlbTarget', () => {
  it('forwards from its own address to an IP target, remembering the connection and carrying it to the delivery', () => {
    const s = nlbListener(envOf(t), { kind: 'nlbListener', lb, node, packet: toNode(80), entry: entry(80), carry: NO_CARRY });
    if (s.next.kind !== 'fork') throw new Error('expected a fork');
    const option = s.next.options[0]!.at;
    if (option.kind !== 'nlbTarget') throw new Error('expected a target');
    const intended = { id: 'svc-ip', vpc: 'vpc-web', ip: client.privateIp };
    const step = nlbTarget(envOf(t), { ...option, carry: { ...NO_CARRY, intended } });
    const at = nextAt(step);
    expect(at.kind === 'routeFromSubnet' && at.subnet).toBe(node.subnet);
    expect([formatIp(at.packet.src), formatIp(at.packet.dst), at.packet.dstPort]).toEqual([formatIp(node.privateIp), '10.5.2.50', 8080]);
    expect(at.carry.intended).toBeUndefined();
    expect(at.carry.lb?.node.id).toBe(node.id);
    expect(step.remember.map((m) => [m.table, m.key])).toEqual([['conns', node.id]]);
  });
});
