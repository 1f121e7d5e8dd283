// Gateway Load Balancer endpoints as route targets ("Access an inspection system using a
// Gateway Load Balancer endpoint", AWS PrivateLink guide; "Gateway Load Balancers", Elastic
// Load Balancing guide). A route (or an internet gateway's edge route table) sends the packet
// to the endpoint; PrivateLink carries it to the GWLB node in the endpoint's zone, which
// wraps it in GENEVE (UDP 6081) to a healthy appliance; the appliance returns it, the
// endpoint releases it unchanged, and the endpoint subnet's route table takes it on. Both
// directions of a flow cross the same appliance (flow stickiness).
import { formatIp } from '../../net/ip.js';
import type { Eni } from '../../model/resources.js';
import { describePacket, replyOf, type Packet } from '../packet.js';
import { eniComponent } from './components.js';
import { crossSubnets, passSecurityGroups } from './filters.js';
import { newHopLog } from './hop-log.js';
import type { At, Handler } from './position.js';
import { enterPrivateLink, isPrivateLinkStop } from './privatelink.js';
import { resolveTargets, selectTarget, type ResolvedTarget } from './select-target.js';

/** GENEVE's UDP port between a Gateway Load Balancer and its appliances. */
export const GENEVE_PORT = 6081;

/** A packet routed to a GWLB endpoint, from a subnet (or from the internet gateway). */
export const gwlbEndpoint: Handler<'gwlbEndpoint'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { endpoint: ep, fromSubnet, packet, carry } = at;
  const topo = env.ctx.topology;
  const eni = ep.enis.map((id) => topo.enis.get(id)).find((e): e is Eni => e !== undefined);
  if (!eni) return log.end(log.drop({ id: ep.id, kind: 'endpoint' }, 'dropped', 'CANNOT_ROUTE', `${ep.id} has no network interface`, ep.span, packet));
  const denied = crossSubnets(log, fromSubnet, eni.subnet, packet);
  if (denied) return log.end(denied);
  const pl = enterPrivateLink(log, ep, eni, packet);
  if (isPrivateLinkStop(pl)) return log.end(pl);
  const { service, lb, node } = pl;
  log.hop(eniComponent(eni), 'forwarded', `${eni.id} (Gateway Load Balancer endpoint ${ep.id}) takes ${describePacket(packet)} as a route target and sends it, unchanged, over PrivateLink to ${service.id}`, ep.span, packet,
    'A Gateway Load Balancer endpoint is a route target, not a destination: it carries the packet as it is to the inspection service and brings it back.');
  log.hop({ id: service.id, kind: 'endpointService' }, 'forwarded', `${service.id} hands it to ${lb.id}'s node ${node.id} in ${node.az}`, service.span, packet,
    'PrivateLink joins the Gateway Load Balancer endpoint to the GWLB node in the same Availability Zone.');
  const tg = lb.targetGroup ? topo.targetGroups.get(lb.targetGroup) : undefined;
  if (!tg) return log.end(log.drop(eniComponent(node), 'dropped', 'ELBV2_NO_TARGETS_IN_AZ', `${lb.id} has no target group`, lb.span, packet));
  const position = (appliance: ResolvedTarget): At => ({ kind: 'gwlbAppliance', endpoint: ep, eni, service, lb, node, tg, appliance, packet, carry });
  if (env.reply) {
    const sticky = env.memory.flows.get(lb.id);
    const appliance = resolveTargets(env.ctx, tg).find((t) => t.eni !== undefined && t.eni.id === sticky);
    if (appliance) {
      log.hop({ id: tg.id, kind: 'targetGroup' }, 'forwarded', `${lb.id} sends the return traffic of this flow to the same appliance, ${appliance.name} (flow stickiness)`, appliance.target.span, packet);
      return log.go(position(appliance));
    }
  }
  return log.end(selectTarget(log, lb, tg, node, packet, position));
};

/** The GWLB node wraps the packet in GENEVE to the appliance, which returns it; the endpoint releases it. */
export const gwlbAppliance: Handler<'gwlbAppliance'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { endpoint: ep, eni, service, lb, node, tg, appliance, packet, carry } = at;
  if (appliance.eni) log.remember.push({ table: 'flows', key: lb.id, eni: appliance.eni.id });
  const outer: Packet = { src: node.privateIp, dst: appliance.ip, protocol: 17, srcPort: GENEVE_PORT, dstPort: GENEVE_PORT };
  log.hop(eniComponent(node), 'translated',
    `${node.id} wraps ${describePacket(packet)} in GENEVE: ${formatIp(node.privateIp)} -> ${formatIp(appliance.ip)} udp ${GENEVE_PORT} to appliance ${appliance.name}; the inner packet keeps its addresses`, lb.span, outer,
    'A Gateway Load Balancer does not rewrite the packet: it encapsulates it in GENEVE (UDP 6081) so the appliance sees the original addresses and ports.');
  const target = appliance.eni;
  if (!target) return log.end(log.drop({ id: tg.id, kind: 'targetGroup' }, 'dropped', 'UNKNOWN_DESTINATION', `no interface holds appliance address ${formatIp(appliance.ip)}`, appliance.target.span, outer));
  const denied = crossSubnets(log, node.subnet, target.subnet, outer)
    ?? passSecurityGroups(log, target, 'ingress', outer, { fresh: true, sender: node, why: 'The appliance\'s security group must allow GENEVE (UDP 6081) from the Gateway Load Balancer\'s address; it sees only the GWLB as the source.' });
  if (denied) return log.end(denied);
  log.hop(eniComponent(target), 'forwarded', `${appliance.name} inspects the inner packet and returns it to ${lb.id} in GENEVE (vpcsim assumes the appliance lets the flow pass)`, target.span, outer,
    'The appliance sees the original packet inside GENEVE and sends it back to the GWLB to continue; what it allows is its own configuration, outside the file.');
  const back = crossSubnets(log, target.subnet, node.subnet, replyOf(outer));
  if (back) return log.end(back);
  log.hop({ id: service.id, kind: 'endpointService' }, 'forwarded', `${node.id} returns the packet over PrivateLink to ${eni.id}`, service.span, packet);
  log.hop(eniComponent(eni), 'forwarded', `${eni.id} releases ${describePacket(packet)} into ${eni.subnet}, whose route table takes it on`, ep.span, packet,
    'After inspection the packet continues by the route table of the endpoint\'s subnet: that table, not the original one, decides where it goes next.');
  return log.go({ kind: 'routeFromSubnet', subnet: eni.subnet, origin: eni, packet, carry });
};
