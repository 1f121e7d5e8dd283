// An instance used as a route target: an appliance ("Routing for a middlebox appliance",
// Amazon VPC guide). EC2's source/destination check (ModifyInstanceAttribute: it ensures "the
// instance is either the source or the destination of any traffic that it receives"; on by
// default) drops a packet not addressed to it. With the check off ("NAT instances": it must be
// off on an instance that routes, translates or filters) vpcsim assumes the common case: the
// appliance's software forwards the packet out of its interface by the route table of that
// interface's subnet, its security groups judging it in and out (statefully, as on any
// interface); when that table sends the packet to an internet gateway and the source is not
// its own, the appliance is read as a NAT instance and rewrites the source to its own private
// address (the gateway maps it to the public IP), remembering the connection for the reply.
// The hop says which assumption it made.
import { ipEquals } from '../../net/ip.js';
import { viewPacket, type Packet } from '../packet.js';
import type { StepOf } from '../steps.js';
import { crossSubnets, passSecurityGroups } from './filters.js';
import { newHopLog } from './hop-log.js';
import type { Handler } from './position.js';

function applianceStep(instance: string, subnet: string, action: StepOf<'appliance'>['action'], verdict: StepOf<'appliance'>['verdict'], before: Packet, after: Packet): StepOf<'appliance'> {
  return { type: 'appliance', action, instance, subnet, verdict, before: viewPacket(before), after: viewPacket(after) };
}

/** A packet routed to an instance. */
export const appliance: Handler<'appliance'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { instance, fromSubnet, packet, sender, carry } = at;
  const topo = env.ctx.topology;
  const eni = topo.enis.get(instance.id)!;
  const crossed = crossSubnets(log, fromSubnet, eni.subnet, packet);
  if (crossed) return log.end(crossed);
  const component = { id: instance.id, kind: 'instance' as const };
  if (instance.sourceDestCheck) {
    return log.end(log.drop(component, 'dropped', 'CANNOT_ROUTE', applianceStep(instance.id, eni.subnet, 'dropped', 'sourceDestCheck', packet, packet), instance.span, packet));
  }
  const refused = passSecurityGroups(log, eni, 'ingress', packet, { sender });
  if (refused) return log.end(refused);
  const table = topo.subnets.get(eni.subnet)!.routeTable;
  const hit = env.ctx.routeFor(table, packet.dst);
  const next = hit?.route.target.kind === 'resource' ? topo.byId.get(hit.route.target.id) : undefined;
  const nat = !env.reply && next?.kind === 'internetGateway' && packet.src.family === 4 && !ipEquals(packet.src, eni.privateIp);
  const out: Packet = nat ? { ...packet, src: eni.privateIp } : packet;
  if (nat) {
    log.remember.push({ table: 'nat', key: instance.id, entry: { originalSrc: packet.src, originalSrcPort: packet.srcPort } });
    log.hop(component, 'translated', applianceStep(instance.id, eni.subnet, 'translated', 'natInstance', packet, out), instance.span, out);
  } else {
    log.hop(component, 'forwarded', applianceStep(instance.id, eni.subnet, 'forwarded', 'forward', packet, out), instance.span, out);
  }
  const denied = passSecurityGroups(log, eni, 'egress', out);
  if (denied) return log.end(denied);
  return log.go({ kind: 'routeFromSubnet', subnet: eni.subnet, origin: eni, packet: out, carry });
};

/** A reply reaches the NAT instance that translated its connection: the destination goes back to the original source. */
export const natInstanceReply: Handler<'natInstanceReply'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { eni, packet, entry, carry } = at;
  const ported = packet.protocol === 6 || packet.protocol === 17;
  const back: Packet = { ...packet, dst: entry.originalSrc, dstPort: ported ? entry.originalSrcPort : packet.dstPort };
  log.hop({ id: eni.owner.id, kind: 'instance' }, 'translated', applianceStep(eni.owner.id, eni.subnet, 'translated', 'natInstanceReply', packet, back), eni.span, back);
  const denied = passSecurityGroups(log, eni, 'egress', back);
  if (denied) return log.end(denied);
  return log.go({ kind: 'routeFromSubnet', subnet: eni.subnet, origin: eni, packet: back, carry });
};
