// An Application Load Balancer node ("Application Load Balancers", Elastic Load Balancing
// guide). Its security groups have judged the client on the way in (network-load-balancer.ts,
// the node handler both share). A listener takes the connection by port (HTTP and HTTPS run
// over TCP); the ALB is a proxy: it ends the client's connection and opens a new one to a
// target from its node's own private address, so the target sees the node, never the client
// ("HTTP headers and Application Load Balancers": the client's address travels only in
// X-Forwarded-For), and its security group must allow the ALB ("Security groups for your
// Application Load Balancer": the ALB's security group as the source of the target's rule).
// The ALB's own security groups judge that new connection on the way out to the target.
// Cross-zone load balancing is always on (select-target.ts sees crossZone true). A Lambda
// target is invoked by the load balancer, not reached over the VPC: the trace stops there
// and says so (TARGET_NOT_MODELLED), never as a silent blackhole.
import { formatIp } from '../../net/ip.js';
import { protocolName, viewPacket, type Packet } from '../packet.js';
import { clientHint } from './client-hint.js';
import { eniComponent } from './components.js';
import { passSecurityGroups } from './filters.js';
import { newHopLog } from './hop-log.js';
import type { Handler, LbConnection } from './position.js';
import { selectTarget } from './select-target.js';

/** A connection that passed the node's security groups: its listener, then a fork over the targets. */
export const albListener: Handler<'albListener'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { lb, node, packet, carry } = at;
  const component = eniComponent(node);
  const listeners = lb.listeners.map((l) => `${l.protocol} ${l.port}`);
  // HTTP and HTTPS listeners take TCP connections only ("Listeners for your Application Load Balancers").
  const listener = packet.protocol === 6 ? lb.listeners.find((l) => l.port === packet.dstPort) : undefined;
  if (!listener) {
    return log.end(log.drop(component, 'dropped', 'ELBV2_LISTENER_PORT_RESTRICTION',
      { type: 'listener', action: 'dropped', loadBalancer: lb.id, node: node.id, verdict: 'none', protocol: protocolName(packet.protocol), port: packet.dstPort, listeners, application: true }, lb.span, packet));
  }
  const matched = { type: 'listener', loadBalancer: lb.id, node: node.id, protocol: listener.protocol, port: listener.port, targetGroup: listener.targetGroup, listeners, application: true } as const;
  const tg = env.ctx.topology.targetGroups.get(listener.targetGroup);
  if (!tg) return log.end(log.drop(component, 'dropped', 'ELBV2_NO_TARGETS_IN_AZ', { ...matched, action: 'dropped', verdict: 'noTargetGroup' }, listener.span, packet));
  if (tg.targetType === 'lambda') {
    const fn = tg.targets[0]?.kind === 'lambda' ? tg.targets[0].function : undefined;
    return log.end(log.drop(component, 'dropped', 'TARGET_NOT_MODELLED', { ...matched, action: 'dropped', verdict: 'lambdaTarget', ...(fn !== undefined ? { function: fn } : {}) }, listener.span, packet));
  }
  log.hop(component, 'forwarded', { ...matched, action: 'forwarded', verdict: 'matched' }, listener.span, packet);
  return log.end(selectTarget(log, lb, tg, node, packet, (target) => ({ kind: 'albTarget', lb, node, tg, target, packet, carry })));
};

/** The node opens its own connection to the chosen target, from its own address. */
export const albTarget: Handler<'albTarget'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { lb, node, tg, target, packet: seen, carry } = at;
  const forwarded: Packet = { ...seen, src: node.privateIp, dst: target.ip, dstPort: target.port };
  const conn: LbConnection = { lb: lb.id, node, original: seen, forwarded, endpointEni: undefined };
  log.remember.push({ table: 'conns', key: node.id, conn });
  log.hop(eniComponent(node), 'translated', {
    type: 'loadBalancerNode', action: 'translated', node: node.id, loadBalancer: lb.id, verdict: 'proxy', targetGroup: tg.id,
    target: { name: target.name, ip: formatIp(target.ip), port: target.port, az: target.az }, before: viewPacket(seen), after: viewPacket(forwarded),
  }, tg.span, forwarded);
  const denied = passSecurityGroups(log, node, 'egress', forwarded);
  if (denied) return log.end(denied);
  const hint = target.eni ? clientHint(env.ctx, target.eni, forwarded, seen.src) : undefined;
  // The target talks to this node, whatever came before it (an NLB in front): the delivery
  // keeps this connection, so the reply goes back to the node that opened it.
  return log.go({ kind: 'routeFromSubnet', subnet: node.subnet, origin: node, packet: forwarded, carry: { intended: undefined, lb: conn, clientHint: hint ?? carry.clientHint } });
};
