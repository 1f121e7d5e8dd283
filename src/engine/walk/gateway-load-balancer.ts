// Gateway Load Balancer endpoints as route targets ("Access an inspection system using a
// Gateway Load Balancer endpoint", AWS PrivateLink guide; "Gateway Load Balancers", Elastic
// Load Balancing guide). A route (or an internet gateway's edge route table) sends the packet
// to the endpoint; PrivateLink carries it to the GWLB node in the endpoint's zone, which
// wraps it in GENEVE (UDP 6081) to a healthy appliance; the appliance returns it, the
// endpoint releases it unchanged, and the endpoint subnet's route table takes it on. Both
// directions of a flow cross the same appliance (flow stickiness).
import { formatIp } from '../../net/ip.js';
import type { Endpoint, Eni } from '../../model/resources.js';
import { describePacket, replyOf, type Packet } from '../packet.js';
import { eniComponent } from './components.js';
import { crossSubnets, passSecurityGroups } from './filters.js';
import { enterPrivateLink } from './privatelink.js';
import { routeFromSubnet } from './route-step.js';
import { resolveTargets, selectTarget, type ResolvedTarget } from './select-target.js';
import { drop, hop, type Outcome, type Walk } from './walk-state.js';

/** GENEVE's UDP port between a Gateway Load Balancer and its appliances. */
export const GENEVE_PORT = 6081;

/** A packet routed to a GWLB endpoint, from a subnet (or from the internet gateway: undefined). */
export function toGwlbEndpoint(w: Walk, ep: Endpoint, fromSubnet: string | undefined, packet: Packet): Outcome {
  const topo = w.ctx.topology;
  const eni = ep.enis.map((id) => topo.enis.get(id)).find((e): e is Eni => e !== undefined);
  if (!eni) return drop(w, { id: ep.id, kind: 'endpoint' }, 'dropped', 'CANNOT_ROUTE', `${ep.id} has no network interface`, ep.span, packet);
  if (!crossSubnets(w, fromSubnet, eni.subnet, packet)) return { kind: 'dropped' };
  const pl = enterPrivateLink(w, ep, eni, packet);
  if (!pl) return { kind: 'dropped' };
  const { service, lb, node } = pl;
  hop(w, eniComponent(eni), 'forwarded', `${eni.id} (Gateway Load Balancer endpoint ${ep.id}) takes ${describePacket(packet)} as a route target and sends it, unchanged, over PrivateLink to ${service.id}`, ep.span, packet,
    'A Gateway Load Balancer endpoint is a route target, not a destination: it carries the packet as it is to the inspection service and brings it back.');
  hop(w, { id: service.id, kind: 'endpointService' }, 'forwarded', `${service.id} hands it to ${lb.id}'s node ${node.id} in ${node.az}`, service.span, packet,
    'PrivateLink joins the Gateway Load Balancer endpoint to the GWLB node in the same Availability Zone.');
  const tg = lb.targetGroup ? topo.targetGroups.get(lb.targetGroup) : undefined;
  if (!tg) return drop(w, eniComponent(node), 'dropped', 'ELBV2_NO_TARGETS_IN_AZ', `${lb.id} has no target group`, lb.span, packet);
  let appliance: ResolvedTarget | undefined;
  if (w.reply) {
    const sticky = w.run.flows.get(lb.id);
    appliance = resolveTargets(w, tg).find((t) => t.eni !== undefined && t.eni.id === sticky);
    if (appliance) hop(w, { id: tg.id, kind: 'targetGroup' }, 'forwarded', `${lb.id} sends the return traffic of this flow to the same appliance, ${appliance.name} (flow stickiness)`, appliance.target.span, packet);
  }
  appliance ??= selectTarget(w, lb, tg, node, packet);
  if (!appliance) return { kind: 'dropped' };
  if (appliance.eni) w.run.flows.set(lb.id, appliance.eni.id);
  const outer: Packet = { src: node.privateIp, dst: appliance.ip, protocol: 17, srcPort: GENEVE_PORT, dstPort: GENEVE_PORT };
  hop(w, eniComponent(node), 'translated',
    `${node.id} wraps ${describePacket(packet)} in GENEVE: ${formatIp(node.privateIp)} -> ${formatIp(appliance.ip)} udp ${GENEVE_PORT} to appliance ${appliance.name}; the inner packet keeps its addresses`, lb.span, outer,
    'A Gateway Load Balancer does not rewrite the packet: it encapsulates it in GENEVE (UDP 6081) so the appliance sees the original addresses and ports.');
  const target = appliance.eni;
  if (!target) return drop(w, { id: tg.id, kind: 'targetGroup' }, 'dropped', 'UNKNOWN_DESTINATION', `no interface holds appliance address ${formatIp(appliance.ip)}`, appliance.target.span, outer);
  if (!crossSubnets(w, node.subnet, target.subnet, outer)) return { kind: 'dropped' };
  if (!passSecurityGroups(w, target, 'ingress', outer, { fresh: true, sender: node, why: 'The appliance\'s security group must allow GENEVE (UDP 6081) from the Gateway Load Balancer\'s address; it sees only the GWLB as the source.' })) return { kind: 'dropped' };
  hop(w, eniComponent(target), 'forwarded', `${appliance.name} inspects the inner packet and returns it to ${lb.id} in GENEVE (vpcsim assumes the appliance lets the flow pass)`, target.span, outer,
    'The appliance sees the original packet inside GENEVE and sends it back to the GWLB to continue; what it allows is its own configuration, outside the file.');
  if (!crossSubnets(w, target.subnet, node.subnet, replyOf(outer))) return { kind: 'dropped' };
  hop(w, { id: service.id, kind: 'endpointService' }, 'forwarded', `${node.id} returns the packet over PrivateLink to ${eni.id}`, service.span, packet);
  hop(w, eniComponent(eni), 'forwarded', `${eni.id} releases ${describePacket(packet)} into ${eni.subnet}, whose route table takes it on`, ep.span, packet,
    'After inspection the packet continues by the route table of the endpoint\'s subnet: that table, not the original one, decides where it goes next.');
  return routeFromSubnet(w, eni.subnet, eni, packet);
}
