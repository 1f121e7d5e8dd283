// A Network Load Balancer node ("Network Load Balancers" and "Target groups for your Network
// Load Balancers", Elastic Load Balancing guide): a listener takes the flow by protocol and
// port, the target group picks a target (select-target.ts), and the node forwards to the
// target port. The source the target sees is the client's address when client IP
// preservation is on (default for instance targets) and the node's own private address
// otherwise; for PrivateLink traffic it is always the node's address. The node tracks the
// connection, so the reply returns through it.
import { formatIp, ipEquals } from '../../net/ip.js';
import type { Endpoint, Eni, Listener, LoadBalancer } from '../../model/resources.js';
import { describeSgRule } from '../describe-rule.js';
import { evaluateSecurityGroups } from '../evaluate-sg.js';
import { describePacket, protocolName, type Packet } from '../packet.js';
import { eniComponent } from './components.js';
import { crossSubnets, passSecurityGroups } from './filters.js';
import { leaveEni, routeFromSubnet } from './route-step.js';
import { selectTarget } from './select-target.js';
import { drop, hop, type LbConnection, type Outcome, type Walk } from './walk-state.js';

/** Where a flow came to the node from: directly, or through a consumer's interface endpoint. */
export interface NlbEntry {
  /** The packet as the client sent it (reversed for the reply). */
  readonly original: Packet;
  readonly endpointEni: Eni | undefined;
}

function listenerTakes(l: Listener, protocol: number): boolean {
  if (protocol === 6) return l.protocol === 'tcp' || l.protocol === 'tls' || l.protocol === 'tcp_udp';
  if (protocol === 17) return l.protocol === 'udp' || l.protocol === 'tcp_udp';
  return false;
}

/** Forward a flow that reached NLB node `node` (its security groups already passed). */
export function throughNlb(w: Walk, lb: LoadBalancer, node: Eni, seen: Packet, entry: NlbEntry): Outcome {
  const nodeComponent = eniComponent(node);
  const listener = lb.listeners.find((l) => l.port === seen.dstPort && listenerTakes(l, seen.protocol));
  if (!listener) {
    const have = lb.listeners.map((l) => `${l.protocol} ${l.port}`).join(', ') || 'none';
    return drop(w, nodeComponent, 'dropped', 'ELBV2_LISTENER_PORT_RESTRICTION',
      `${lb.id} has no listener for ${protocolName(seen.protocol)} port ${seen.dstPort ?? '(none)'} (listeners: ${have})`, lb.span, seen,
      'A Network Load Balancer accepts only what a listener takes, by protocol and port; anything else goes nowhere.');
  }
  hop(w, nodeComponent, 'forwarded', `${node.id}: listener ${listener.protocol} ${listener.port} forwards to target group ${listener.targetGroup}`, listener.span, seen,
    'A listener is the only way into a Network Load Balancer: it matches the protocol and port and hands the flow to its target group.');
  const tg = w.ctx.topology.targetGroups.get(listener.targetGroup);
  if (!tg) return drop(w, nodeComponent, 'dropped', 'ELBV2_NO_TARGETS_IN_AZ', `target group ${listener.targetGroup} does not exist`, listener.span, seen);
  const target = selectTarget(w, lb, tg, node, seen);
  if (!target) return { kind: 'dropped' };
  const privateLink = entry.endpointEni !== undefined;
  const preserve = !privateLink && tg.preserveClientIp;
  const forwarded: Packet = { ...seen, src: preserve ? seen.src : node.privateIp, dst: target.ip, dstPort: target.port };
  // "Client IP preservation" (NLB target groups): NAT loopback (hairpinning) is not supported
  // when the client is itself the target the node picks.
  if (preserve && target.eni && ipEquals(target.ip, seen.src)) {
    return drop(w, nodeComponent, 'dropped', 'NO_PATH',
      `${target.name} is both the client and the target ${lb.id} picks; with client IP preservation the packet comes back to its own sender, which drops it (no hairpinning)`, tg.span, seen);
  }
  const conn: LbConnection = { lb: lb.id, node, original: entry.original, forwarded, endpointEni: entry.endpointEni };
  w.run.conns.set(node.id, conn);
  // From here the flow is addressed to the target, in the load balancer's VPC.
  w.run.intended = undefined;
  const to = `${target.name} at ${formatIp(target.ip)}:${target.port}`;
  if (privateLink) {
    hop(w, nodeComponent, 'translated', `${node.id} forwards to ${to} from its own address ${formatIp(node.privateIp)}: PrivateLink always translates the source, whatever client IP preservation says`, tg.span, forwarded,
      `The provider's target sees ${formatIp(node.privateIp)}, the NLB's address, not your instance's: PrivateLink always translates the source, so the target's security group must allow the NLB's address (its subnets or VPC CIDR), never the consumer's CIDR.`);
  } else if (preserve) {
    hop(w, nodeComponent, 'translated', `${node.id} forwards to ${to} keeping the client's address ${formatIp(seen.src)} (client IP preservation on for ${tg.id})`, tg.span, forwarded,
      'With client IP preservation (the default for instance targets) the target sees the real client address, so its security group must allow the clients, not only the load balancer.');
  } else {
    hop(w, nodeComponent, 'translated', `${node.id} forwards to ${to} from its own address ${formatIp(node.privateIp)} (client IP preservation off for ${tg.id})`, tg.span, forwarded,
      'Without client IP preservation (the default for IP targets over TCP) the target sees the node\'s private address as the source.');
  }
  if (!passSecurityGroups(w, node, 'egress', forwarded)) return { kind: 'dropped' };
  const out = routeFromSubnet(w, node.subnet, node, forwarded);
  if (out.kind === 'delivered' && out.at.kind === 'eni') return { kind: 'delivered', at: { ...out.at, lb: conn } };
  if (!preserve && target.eni) hintClientAddress(w, target.eni, forwarded, seen.src);
  return out;
}

/**
 * The classic mistake: the target's security group allows the clients' addresses, but the
 * target sees the node's. When that is why the target refused, the hop says so.
 */
function hintClientAddress(w: Walk, target: Eni, forwarded: Packet, clientSrc: Packet['src']): void {
  const i = w.hops.length - 1;
  const last = w.hops[i];
  const e = w.explanations.length - 1;
  const explanation = w.explanations[e];
  if (!last || !explanation || last.action !== 'denied' || explanation.code !== 'ENI_SG_RULES_MISMATCH') return;
  const d = evaluateSecurityGroups(w.ctx, target, 'ingress', { ...forwarded, src: clientSrc }, true);
  if (!d.allowed || !d.group || !d.rule) return;
  const note = `; ${d.group.id} ${describeSgRule(d.rule, w.ctx.topology)} would allow the client's own address ${formatIp(clientSrc)}, but the target sees ${formatIp(forwarded.src)}, the load balancer node's address: allow the node's subnets or VPC CIDR instead`;
  w.hops[i] = { ...last, detail: `${last.detail}${note}`, why: `The target never sees the client's address here: the load balancer translated the source to its own ${formatIp(forwarded.src)}. A rule for the consumer's CIDR matches nothing; a rule for the load balancer's subnets (or its security group) does.` };
  w.explanations[e] = { ...explanation, message: `${explanation.message}${note}` };
}

/** A reply reaches a node: it matches the tracked connection and goes back the way it came. */
export function reverseAtNode(w: Walk, conn: LbConnection, reply: Packet): Outcome {
  const node = conn.node;
  const back: Packet = {
    src: conn.original.dst, dst: conn.original.src, protocol: conn.original.protocol,
    srcPort: conn.original.dstPort, dstPort: conn.original.srcPort,
  };
  hop(w, eniComponent(node), 'translated', `${node.id} matches ${describePacket(reply)} to its tracked connection and sends it back as ${describePacket(back)}`, undefined, back,
    'A load balancer tracks every flow it forwards; the reply goes back through the same node, which restores the addresses the client used.');
  const epEni = conn.endpointEni;
  if (!epEni) return leaveEni(w, node, back);
  const ep: Endpoint | undefined = w.ctx.topology.endpoints.get(epEni.owner.id);
  const serviceId = ep?.service.kind === 'endpointService' ? ep.service.id : conn.lb;
  const service = w.ctx.topology.endpointServices.get(serviceId);
  hop(w, { id: serviceId, kind: 'endpointService' }, 'forwarded', `${serviceId} carries the reply back over PrivateLink to ${epEni.id}`, service?.span, back,
    'PrivateLink returns the reply the way the connection came: the consumer only ever talks to its own endpoint\'s address.');
  hop(w, eniComponent(epEni), 'forwarded', `${epEni.id} returns the reply into VPC ${epEni.vpc} from its own address ${formatIp(epEni.privateIp)}`, ep?.span, back);
  return leaveEni(w, epEni, back);
}

/**
 * The reply of a target that saw the client's own address (client IP preservation): it is
 * addressed to the client, yet the load balancer sits in the flow and takes it back.
 */
export function replyThroughNlb(w: Walk, target: Eni, conn: LbConnection, reply: Packet): Outcome {
  if (w.hops.length === 0) hop(w, eniComponent(target), 'forwarded', `${target.id} sends ${describePacket(reply)}`, target.span, reply);
  if (!passSecurityGroups(w, target, 'egress', reply)) return { kind: 'dropped' };
  if (!crossSubnets(w, target.subnet, conn.node.subnet, reply)) return { kind: 'dropped' };
  return reverseAtNode(w, conn, reply);
}

/** Whether a target's reply goes to the node by address (source translated) rather than to the client. */
export function replyAddressedToNode(conn: LbConnection): boolean {
  return ipEquals(conn.forwarded.src, conn.node.privateIp);
}

/** A packet addressed to a load balancer node: a new flow for its listeners, or a reply it tracks. */
export function arriveAtLoadBalancer(w: Walk, node: Eni, packet: Packet, sender: Eni | undefined): Outcome {
  const lb = w.ctx.topology.loadBalancers.get(node.owner.id)!;
  const component = eniComponent(node);
  if (w.reply) {
    const conn = w.run.conns.get(node.id);
    if (!conn) return drop(w, component, 'dropped', 'NO_PATH', `${node.id} has no tracked connection for ${describePacket(packet)}`, lb.span, packet);
    if (!passSecurityGroups(w, node, 'ingress', packet, { sender })) return { kind: 'dropped' };
    return reverseAtNode(w, conn, packet);
  }
  if (lb.type === 'gateway') {
    return drop(w, component, 'dropped', 'CANNOT_ROUTE', `${node.id} belongs to Gateway Load Balancer ${lb.id}, which takes traffic only from its endpoints, not addressed to itself`, lb.span, packet,
      'A Gateway Load Balancer sits in the path through GWLB endpoints that routes point at; it has no listeners of its own.');
  }
  if (!passSecurityGroups(w, node, 'ingress', packet, { sender })) return { kind: 'dropped' };
  return throughNlb(w, lb, node, packet, { original: packet, endpointEni: undefined });
}
