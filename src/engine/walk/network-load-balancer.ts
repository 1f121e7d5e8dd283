// A Network Load Balancer node ("Network Load Balancers" and "Target groups for your Network
// Load Balancers", Elastic Load Balancing guide): a listener takes the flow by protocol and
// port, the target group picks a target (select-target.ts), and the node forwards to the
// target port. The source the target sees is the client's address when client IP
// preservation is on (default for instance targets) and the node's own private address
// otherwise; for PrivateLink traffic it is always the node's address. The node tracks the
// connection, so the reply returns through it.
import { formatIp, ipEquals } from '../../net/ip.js';
import type { Endpoint, Eni, Listener } from '../../model/resources.js';
import { protocolName, viewPacket, type Packet } from '../packet.js';
import type { StepOf } from '../steps.js';
import { eniComponent } from './components.js';
import { crossSubnets, passSecurityGroups } from './filters.js';
import { newHopLog } from './hop-log.js';
import type { Handler, LbConnection } from './position.js';
import { selectTarget } from './select-target.js';
import { clientHint } from './client-hint.js';

function listenerTakes(l: Listener, protocol: number): boolean {
  if (protocol === 6) return l.protocol === 'tcp' || l.protocol === 'tls' || l.protocol === 'tcp_udp';
  if (protocol === 17) return l.protocol === 'udp' || l.protocol === 'tcp_udp';
  return false;
}

function nodeStep(node: Eni, lb: string, action: 'translated' | 'dropped', verdict: StepOf<'loadBalancerNode'>['verdict'], before: Packet, after: Packet): StepOf<'loadBalancerNode'> {
  return { type: 'loadBalancerNode', action, node: node.id, loadBalancer: lb, verdict, before: viewPacket(before), after: viewPacket(after) };
}

/** A packet addressed to a load balancer node: a new flow for its listeners, or a reply it tracks. */
export const loadBalancerNode: Handler<'loadBalancerNode'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { node, packet, sender, carry } = at;
  const lb = env.ctx.topology.loadBalancers.get(node.owner.id)!;
  const component = eniComponent(node);
  if (env.reply) {
    const conn = env.memory.conns.get(node.id);
    if (!conn) return log.end(log.drop(component, 'dropped', 'NO_PATH', nodeStep(node, lb.id, 'dropped', 'noConnection', packet, packet), lb.span, packet));
    const denied = passSecurityGroups(log, node, 'ingress', packet, { sender });
    if (denied) return log.end(denied);
    return log.go({ kind: 'nlbReverse', conn, packet, carry });
  }
  if (lb.type === 'gateway') {
    return log.end(log.drop(component, 'dropped', 'CANNOT_ROUTE', nodeStep(node, lb.id, 'dropped', 'gatewayNotAddressable', packet, packet), lb.span, packet));
  }
  const denied = passSecurityGroups(log, node, 'ingress', packet, { sender });
  if (denied) return log.end(denied);
  if (lb.type === 'application') return log.go({ kind: 'albListener', lb, node, packet, carry });
  return log.go({ kind: 'nlbListener', lb, node, packet, entry: { original: packet, endpointEni: undefined }, carry });
};

/** A flow that reached an NLB node (its security groups passed): the listener, then a fork over the targets. */
export const nlbListener: Handler<'nlbListener'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { lb, node, packet: seen, entry, carry } = at;
  const nodeComponent = eniComponent(node);
  const listener = lb.listeners.find((l) => l.port === seen.dstPort && listenerTakes(l, seen.protocol));
  const listeners = lb.listeners.map((l) => `${l.protocol} ${l.port}`);
  if (!listener) {
    return log.end(log.drop(nodeComponent, 'dropped', 'ELBV2_LISTENER_PORT_RESTRICTION',
      { type: 'listener', action: 'dropped', loadBalancer: lb.id, node: node.id, verdict: 'none', protocol: protocolName(seen.protocol), port: seen.dstPort, listeners }, lb.span, seen));
  }
  const matched = { type: 'listener', loadBalancer: lb.id, node: node.id, protocol: listener.protocol, port: listener.port, targetGroup: listener.targetGroup, listeners } as const;
  log.hop(nodeComponent, 'forwarded', { ...matched, action: 'forwarded', verdict: 'matched' }, listener.span, seen);
  const tg = env.ctx.topology.targetGroups.get(listener.targetGroup);
  if (!tg) return log.end(log.drop(nodeComponent, 'dropped', 'ELBV2_NO_TARGETS_IN_AZ', { ...matched, action: 'dropped', verdict: 'noTargetGroup' }, listener.span, seen));
  return log.end(selectTarget(log, lb, tg, node, seen, (target) => ({ kind: 'nlbTarget', lb, node, tg, target, packet: seen, entry, carry })));
};


/** The node forwards the flow to the target it picked, translating as client IP preservation says. */
export const nlbTarget: Handler<'nlbTarget'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { lb, node, tg, target, packet: seen, entry, carry } = at;
  const nodeComponent = eniComponent(node);
  const privateLink = entry.endpointEni !== undefined;
  const preserve = !privateLink && tg.preserveClientIp;
  const forwarded: Packet = { ...seen, src: preserve ? seen.src : node.privateIp, dst: target.ip, dstPort: target.port };
  const toTarget = { targetGroup: tg.id, target: { name: target.name, ip: formatIp(target.ip), port: target.port, az: target.az } };
  // "Client IP preservation" (NLB target groups): NAT loopback (hairpinning) is not supported
  // when the client is itself the target the node picks.
  if (preserve && target.eni && ipEquals(target.ip, seen.src)) {
    return log.end(log.drop(nodeComponent, 'dropped', 'NO_PATH', { ...nodeStep(node, lb.id, 'dropped', 'hairpin', seen, forwarded), ...toTarget }, tg.span, seen));
  }
  const conn: LbConnection = { lb: lb.id, node, original: entry.original, forwarded, endpointEni: entry.endpointEni };
  log.remember.push({ table: 'conns', key: node.id, conn });
  const verdict = privateLink ? 'privateLinkSource' : preserve ? 'preserveClient' : 'nodeSource';
  log.hop(nodeComponent, 'translated', { ...nodeStep(node, lb.id, 'translated', verdict, seen, forwarded), ...toTarget }, tg.span, forwarded);
  const denied = passSecurityGroups(log, node, 'egress', forwarded);
  if (denied) return log.end(denied);
  // From here the flow is addressed to the target, in the load balancer's VPC: the named
  // destination no longer applies, and the delivery keeps the connection for the reply.
  const hint = !preserve && target.eni ? clientHint(env.ctx, target.eni, forwarded, seen.src) : undefined;
  const next = { intended: undefined, lb: carry.lb ?? conn, clientHint: hint ?? carry.clientHint };
  return log.go({ kind: 'routeFromSubnet', subnet: node.subnet, origin: node, packet: forwarded, carry: next });
};

/** A reply reaches a node: it matches the tracked connection and goes back the way it came. */
export const nlbReverse: Handler<'nlbReverse'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { conn, packet: reply, carry } = at;
  const node = conn.node;
  const back: Packet = {
    src: conn.original.dst, dst: conn.original.src, protocol: conn.original.protocol,
    srcPort: conn.original.dstPort, dstPort: conn.original.srcPort,
  };
  log.hop(eniComponent(node), 'translated', nodeStep(node, conn.lb, 'translated', 'reverse', reply, back), undefined, back);
  const epEni = conn.endpointEni;
  if (!epEni) return log.go({ kind: 'leaveEni', eni: node, packet: back, announce: false, carry });
  const ep: Endpoint | undefined = env.ctx.topology.endpoints.get(epEni.owner.id);
  const serviceId = ep?.service.kind === 'endpointService' ? ep.service.id : conn.lb;
  const service = env.ctx.topology.endpointServices.get(serviceId);
  log.hop({ id: serviceId, kind: 'endpointService' }, 'forwarded',
    { type: 'privateLink', action: 'forwarded', service: serviceId, verdict: 'replyBack', endpoint: epEni.owner.id, interface: epEni.id, loadBalancer: conn.lb, node: node.id }, service?.span, back);
  log.hop(eniComponent(epEni), 'forwarded', {
    type: 'interfaceEndpoint', action: 'forwarded', endpoint: epEni.owner.id, interface: epEni.id, service: serviceId, vpc: epEni.vpc,
    verdict: 'returnIntoVpc', address: formatIp(epEni.privateIp),
  }, ep?.span, back);
  return log.go({ kind: 'leaveEni', eni: epEni, packet: back, announce: false, carry });
};

/**
 * The reply of a target that saw the client's own address (client IP preservation): it is
 * addressed to the client, yet the load balancer sits in the flow and takes it back.
 */
export const nlbTargetReply: Handler<'nlbTargetReply'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { target, conn, packet: reply, carry } = at;
  log.hop(eniComponent(target), 'forwarded', { type: 'send', action: 'forwarded', sender: target.id }, target.span, reply);
  const denied = passSecurityGroups(log, target, 'egress', reply) ?? crossSubnets(log, target.subnet, conn.node.subnet, reply);
  if (denied) return log.end(denied);
  return log.go({ kind: 'nlbReverse', conn, packet: reply, carry });
};
