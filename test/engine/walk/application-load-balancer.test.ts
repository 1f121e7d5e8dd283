// The ALB handlers alone ("Application Load Balancers", "Security groups for your Application
// Load Balancer", "Cross-zone load balancing for target groups", "Use an Application Load
// Balancer as a target of a Network Load Balancer"): the node hands a new connection to its
// listener; the listener picks a target in any zone (cross-zone always on) or stops at a
// Lambda target; the node opens its own connection to the target, from its own address,
// through its own security groups, and the delivery keeps that connection for the reply.
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import { albListener, albTarget } from '../../../src/engine/walk/application-load-balancer.js';
import { loadBalancerNode } from '../../../src/engine/walk/network-load-balancer.js';
import { readFileSync } from 'node:fs';
import { topologyOf } from '../../helpers/load.js';
import { trace, traceAll, codes, hopIds, returnHopIds } from '../../helpers/trace.js';
import { envOf, eniOf, hopIdsOf, nextAt, NO_CARRY, packetOf, stopCodes } from './walk-env.js';

const t = loadTopologyFile('scenarios/application-load-balancer.yaml').topology!;
const alb = t.loadBalancers.get('web-alb')!;
const nodeA = eniOf(t, 'web-alb/public-a');
const client = '198.51.100.20';
const toNode = (port: number, protocol = 6) => packetOf(client, formatIp(nodeA.privateIp), port, protocol);

describe('loadBalancerNode (an ALB node)', () => {
  it('lets the client in through the ALB\'s security groups, then to its listener', () => {
    const s = loadBalancerNode(envOf(t), { kind: 'loadBalancerNode', node: nodeA, packet: toNode(443), sender: undefined, carry: NO_CARRY });
    expect(hopIdsOf(s)).toEqual(['sg-alb']);
    const at = nextAt(s);
    expect(at.kind === 'albListener' && at.lb.id).toBe('web-alb');
  });

  it('refuses what its security groups do not allow (ENI_SG_RULES_MISMATCH)', () => {
    expect(stopCodes(loadBalancerNode(envOf(t), { kind: 'loadBalancerNode', node: nodeA, packet: toNode(22), sender: undefined, carry: NO_CARRY }))).toEqual(['ENI_SG_RULES_MISMATCH']);
  });
});

describe('albListener', () => {
  it('forks over the targets of every zone (cross-zone load balancing is always on)', () => {
    expect(alb.crossZone).toBe(true);
    const s = albListener(envOf(t), { kind: 'albListener', lb: alb, node: nodeA, packet: toNode(443), carry: NO_CARRY });
    expect(hopIdsOf(s)).toEqual(['web-alb/public-a']);
    expect(s.hops[0]!.steps).toMatchObject([{ type: 'listener', action: 'forwarded', verdict: 'matched', loadBalancer: 'web-alb', protocol: 'https', port: 443, targetGroup: 'tg-web', application: true }]);
    if (s.next.kind !== 'fork') throw new Error('expected a fork');
    expect(s.next.options.map((o) => [o.name, o.at.kind])).toEqual([['web-1', 'albTarget'], ['web-2', 'albTarget']]);
    expect(s.next.options[1]!.hops[0]!.steps).toMatchObject([{ type: 'targetChoice', targetGroup: 'tg-web', chosen: { name: 'web-2', port: 8080, az: 'use1-az2' }, candidates: ['web-1', 'web-2'], crossZone: true }]);
  });

  it('takes no port it has no listener on, and no UDP (ELBV2_LISTENER_PORT_RESTRICTION)', () => {
    expect(stopCodes(albListener(envOf(t), { kind: 'albListener', lb: alb, node: nodeA, packet: toNode(8443), carry: NO_CARRY }))).toEqual(['ELBV2_LISTENER_PORT_RESTRICTION']);
    expect(stopCodes(albListener(envOf(t), { kind: 'albListener', lb: alb, node: nodeA, packet: toNode(443, 17), carry: NO_CARRY }))).toEqual(['ELBV2_LISTENER_PORT_RESTRICTION']);
  });

  it('stops at a Lambda target and says so (TARGET_NOT_MODELLED), never a silent blackhole', () => {
    const s = albListener(envOf(t), { kind: 'albListener', lb: alb, node: nodeA, packet: toNode(8081), carry: NO_CARRY });
    expect(stopCodes(s)).toEqual(['TARGET_NOT_MODELLED']);
    expect(s.hops[0]!.steps).toMatchObject([{ type: 'listener', action: 'dropped', verdict: 'lambdaTarget', protocol: 'http', port: 8081, targetGroup: 'tg-thumbnails', function: 'arn:aws:lambda:us-east-1:123456789012:function:thumbnails' }]);
  });
});

describe('albTarget', () => {
  it('opens its own connection from the node\'s address, remembered for the reply and carried to the delivery', () => {
    const s = albListener(envOf(t), { kind: 'albListener', lb: alb, node: nodeA, packet: toNode(443), carry: NO_CARRY });
    if (s.next.kind !== 'fork') throw new Error('expected a fork');
    const option = s.next.options[0]!.at;
    if (option.kind !== 'albTarget') throw new Error('expected a target');
    const step = albTarget(envOf(t), option);
    expect(hopIdsOf(step)).toEqual(['web-alb/public-a', 'sg-alb']);
    expect(step.hops[0]!.steps).toMatchObject([{ type: 'loadBalancerNode', verdict: 'proxy', targetGroup: 'tg-web', target: { name: 'web-1', port: 8080 }, before: { src: '198.51.100.20' }, after: { src: formatIp(nodeA.privateIp) } }]);
    const at = nextAt(step);
    expect(at.kind === 'routeFromSubnet' && at.subnet).toBe('public-a');
    expect([formatIp(at.packet.src), formatIp(at.packet.dst), at.packet.dstPort]).toEqual([formatIp(nodeA.privateIp), formatIp(eniOf(t, 'web-1').privateIp), 8080]);
    expect(at.carry.lb?.node.id).toBe('web-alb/public-a');
    expect(step.remember.map((m) => [m.table, m.key])).toEqual([['conns', 'web-alb/public-a']]);
  });
});

describe('whole flows', () => {
  it('the target\'s security group must allow the ALB, not the client: a group naming the client\'s address refuses', () => {
    const r = traceAll(t, 'customer', 'web-alb', 443);
    expect(r.traces.map((tr) => tr.reachable)).toEqual([true, true, true, true]);
    expect(hopIds(r.traces[0]!)).toContain('sg-web');
    const written = readFileSync('scenarios/application-load-balancer.yaml', 'utf8');
    const rule = '{ protocol: tcp, ports: 8080, securityGroup: sg-alb, description: only from the ALB }';
    expect(written).toContain(rule);
    const wrong = topologyOf(written.replace(rule, '{ protocol: tcp, ports: 8080, cidr: 198.51.100.0/24, description: the clients }'));
    const refused = traceAll(wrong, 'customer', 'web-alb', 443).traces;
    expect(refused.map((tr) => [tr.reachable, codes(tr)])).toEqual(refused.map(() => [false, ['ENI_SG_RULES_MISMATCH']]));
    expect(refused[0]!.explanations[0]!.component?.id).toBe('sg-web');
  });

  it('NLB -> ALB behind an endpoint service: the reply comes back through both load balancers', () => {
    const tr = trace(t, 'analyst', 'vpce-reports', 443);
    expect(tr.reachable).toBe(true);
    expect(hopIds(tr)).toEqual([
      'analyst', 'vpc-consumer/default-sg', 'vpc-consumer/main', 'sg-reports-endpoint', 'vpce-reports/consumer-a', 'svc-reports',
      'reports-nlb/app-a', 'tg-reports-alb', 'reports-nlb/app-a', 'vpc-web/main', 'sg-reports-alb', 'reports-alb/app-a', 'tg-reports',
      'reports-alb/app-a', 'sg-reports-alb', 'vpc-web/main', 'vpc-web/default-acl', 'vpc-web/default-acl', 'sg-reports', 'reports-1',
    ]);
    expect(returnHopIds(tr)).toContain('reports-nlb/app-a');
    expect(codes(tr)).toEqual([]);
  });
});
