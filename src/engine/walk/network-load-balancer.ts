// A Network Load Balancer node ("Network Load Balancers" and "Target groups for your Network
// Load Balancers", Elastic Load Balancing guide): a listener takes the flow by protocol and
// port, the target group picks a target (select-target.ts), and the node forwards to the
// target port. The source the target sees is the client's address when client IP
// preservation is on (default for instance targets) and the node's own private address
// otherwise; for PrivateLink traffic it is always the node's address. The node tracks the
// connection, so the reply returns through it.
import { formatIp, ipEquals } from '../../net/ip.js';
import type { Endpoint, Eni, Listener } from '../../model/resources.js';
import { describeSgRule } from '../describe-rule.js';
import { evaluateSecurityGroups } from '../evaluate-sg.js';
import { describePacket, protocolName, type Packet } from '../packet.js';
import type { EngineContext } from '../compile/engine-context.js';
import { eniComponent } from './components.js';
import { crossSubnets, passSecurityGroups } from './filters.js';
import { newHopLog } from './hop-log.js';
import type { ClientHint, Handler, LbConnection } from './position.js';
import { selectTarget } from './select-target.js';

function listenerTakes(l: Listener, protocol: number): boolean {
  if (protocol === 6) return l.protocol === 'tcp' || l.protocol === 'tls' || l.protocol === 'tcp_udp';
  if (protocol === 17) return l.protocol === 'udp' || l.protocol === 'tcp_udp';
  return false;
}

/** A packet addressed to a load balancer node: a new flow for its listeners, or a reply it tracks. */
export const loadBalancerNode: Handler<'loadBalancerNode'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { node, packet, sender, carry } = at;
  const lb = env.ctx.topology.loadBalancers.get(node.owner.id)!;
  const component = eniComponent(node);
  if (env.reply) {
    const conn = env.memory.conns.get(node.id);
    if (!conn) return log.end(log.drop(component, 'dropped', 'NO_PATH', `${node.id} has no tracked connection for ${describePacket(packet)}`, lb.span, packet));
    const denied = passSecurityGroups(log, node, 'ingress', packet, { sender });
    if (denied) return log.end(denied);
    return log.go({ kind: 'nlbReverse', conn, packet, carry });
  }
  if (lb.type === 'gateway') {
    return log.end(log.drop(component, 'dropped', 'CANNOT_ROUTE', `${node.id} belongs to Gateway Load Balancer ${lb.id}, which takes traffic only from its endpoints, not addressed to itself`, lb.span, packet,
      'A Gateway Load Balancer sits in the path through GWLB endpoints that routes point at; it has no listeners of its own.'));
  }
  const denied = passSecurityGroups(log, node, 'ingress', packet, { sender });
  if (denied) return log.end(denied);
  return log.go({ kind: 'nlbListener', lb, node, packet, entry: { original: packet, endpointEni: undefined }, carry });
};

/** A flow that reached an NLB node (its security groups passed): the listener, then a fork over the targets. */
export const nlbListener: Handler<'nlbListener'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { lb, node, packet: seen, entry, carry } = at;
  const nodeComponent = eniComponent(node);
  const listener = lb.listeners.find((l) => l.port === seen.dstPort && listenerTakes(l, seen.protocol));
  if (!listener) {
    const have = lb.listeners.map((l) => `${l.protocol} ${l.port}`).join(', ') || 'none';
    return log.end(log.drop(nodeComponent, 'dropped', 'ELBV2_LISTENER_PORT_RESTRICTION',
      `${lb.id} has no listener for ${protocolName(seen.protocol)} port ${seen.dstPort ?? '(none)'} (listeners: ${have})`, lb.span, seen,
      'A Network Load Balancer accepts only what a listener takes, by protocol and port; anything else goes nowhere.'));
  }
  log.hop(nodeComponent, 'forwarded', `${node.id}: listener ${listener.protocol} ${listener.port} forwards to target group ${listener.targetGroup}`, listener.span, seen,
    'A listener is the only way into a Network Load Balancer: it matches the protocol and port and hands the flow to its target group.');
  const tg = env.ctx.topology.targetGroups.get(listener.targetGroup);
  if (!tg) return log.end(log.drop(nodeComponent, 'dropped', 'ELBV2_NO_TARGETS_IN_AZ', `target group ${listener.targetGroup} does not exist`, listener.span, seen));
  return log.end(selectTarget(log, lb, tg, node, seen, (target) => ({ kind: 'nlbTarget', lb, node, tg, target, packet: seen, entry, carry })));
};

/**
 * The classic mistake: the target's security group allows the clients' addresses, but the
 * target sees the node's. When that is why the target refuses, the refusal says so.
 */
function clientHint(ctx: EngineContext, target: Eni, forwarded: Packet, clientSrc: Packet['src']): ClientHint | undefined {
  const d = evaluateSecurityGroups(ctx, target, 'ingress', { ...forwarded, src: clientSrc }, true);
  if (!d.allowed || !d.group || !d.rule) return undefined;
  return {
    note: `; ${d.group.id} ${describeSgRule(d.rule, ctx.topology)} would allow the client's own address ${formatIp(clientSrc)}, but the target sees ${formatIp(forwarded.src)}, the load balancer node's address: allow the node's subnets or VPC CIDR instead`,
    why: `The target never sees the client's address here: the load balancer translated the source to its own ${formatIp(forwarded.src)}. A rule for the consumer's CIDR matches nothing; a rule for the load balancer's subnets (or its security group) does.`,
  };
}

/** The node forwards the flow to the target it picked, translating as client IP preservation says. */
export const nlbTarget: Handler<'nlbTarget'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { lb, node, tg, target, packet: seen, entry, carry } = at;
  const nodeComponent = eniComponent(node);
  const privateLink = entry.endpointEni !== undefined;
  const preserve = !privateLink && tg.preserveClientIp;
  const forwarded: Packet = { ...seen, src: preserve ? seen.src : node.privateIp, dst: target.ip, dstPort: target.port };
  // "Client IP preservation" (NLB target groups): NAT loopback (hairpinning) is not supported
  // when the client is itself the target the node picks.
  if (preserve && target.eni && ipEquals(target.ip, seen.src)) {
    return log.end(log.drop(nodeComponent, 'dropped', 'NO_PATH',
      `${target.name} is both the client and the target ${lb.id} picks; with client IP preservation the packet comes back to its own sender, which drops it (no hairpinning)`, tg.span, seen));
  }
  const conn: LbConnection = { lb: lb.id, node, original: entry.original, forwarded, endpointEni: entry.endpointEni };
  log.remember.push({ table: 'conns', key: node.id, conn });
  const to = `${target.name} at ${formatIp(target.ip)}:${target.port}`;
  if (privateLink) {
    log.hop(nodeComponent, 'translated', `${node.id} forwards to ${to} from its own address ${formatIp(node.privateIp)}: PrivateLink always translates the source, whatever client IP preservation says`, tg.span, forwarded,
      `The provider's target sees ${formatIp(node.privateIp)}, the NLB's address, not your instance's: PrivateLink always translates the source, so the target's security group must allow the NLB's address (its subnets or VPC CIDR), never the consumer's CIDR.`);
  } else if (preserve) {
    log.hop(nodeComponent, 'translated', `${node.id} forwards to ${to} keeping the client's address ${formatIp(seen.src)} (client IP preservation on for ${tg.id})`, tg.span, forwarded,
      'With client IP preservation (the default for instance targets) the target sees the real client address, so its security group must allow the clients, not only the load balancer.');
  } else {
    log.hop(nodeComponent, 'translated', `${node.id} forwards to ${to} from its own address ${formatIp(node.privateIp)} (client IP preservation off for ${tg.id})`, tg.span, forwarded,
      'Without client IP preservation (the default for IP targets over TCP) the target sees the node\'s private address as the source.');
  }
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
  log.hop(eniComponent(node), 'translated', `${node.id} matches ${describePacket(reply)} to its tracked connection and sends it back as ${describePacket(back)}`, undefined, back,
    'A load balancer tracks every flow it forwards; the reply goes back through the same node, which restores the addresses the client used.');
  const epEni = conn.endpointEni;
  if (!epEni) return log.go({ kind: 'leaveEni', eni: node, packet: back, announce: false, carry });
  const ep: Endpoint | undefined = env.ctx.topology.endpoints.get(epEni.owner.id);
  const serviceId = ep?.service.kind === 'endpointService' ? ep.service.id : conn.lb;
  const service = env.ctx.topology.endpointServices.get(serviceId);
  log.hop({ id: serviceId, kind: 'endpointService' }, 'forwarded', `${serviceId} carries the reply back over PrivateLink to ${epEni.id}`, service?.span, back,
    'PrivateLink returns the reply the way the connection came: the consumer only ever talks to its own endpoint\'s address.');
  log.hop(eniComponent(epEni), 'forwarded', `${epEni.id} returns the reply into VPC ${epEni.vpc} from its own address ${formatIp(epEni.privateIp)}`, ep?.span, back);
  return log.go({ kind: 'leaveEni', eni: epEni, packet: back, announce: false, carry });
};

/**
 * The reply of a target that saw the client's own address (client IP preservation): it is
 * addressed to the client, yet the load balancer sits in the flow and takes it back.
 */
export const nlbTargetReply: Handler<'nlbTargetReply'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { target, conn, packet: reply, carry } = at;
  log.hop(eniComponent(target), 'forwarded', `${target.id} sends ${describePacket(reply)}`, target.span, reply);
  const denied = passSecurityGroups(log, target, 'egress', reply) ?? crossSubnets(log, target.subnet, conn.node.subnet, reply);
  if (denied) return log.end(denied);
  return log.go({ kind: 'nlbReverse', conn, packet: reply, carry });
};
