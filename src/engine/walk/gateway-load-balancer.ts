// Gateway Load Balancer endpoints as route targets ("Access an inspection system using a
// Gateway Load Balancer endpoint", AWS PrivateLink guide; "Gateway Load Balancers", Elastic
// Load Balancing guide). A route (or an internet gateway's edge route table) sends the packet
// to the endpoint; PrivateLink carries it to the GWLB node in the endpoint's zone, which
// wraps it in GENEVE (UDP 6081) to a healthy appliance; the appliance returns it, the
// endpoint releases it unchanged, and the endpoint subnet's route table takes it on. Both
// directions of a flow cross the same appliance (flow stickiness).
import type { Eni } from '../../model/resources.js';
import { replyOf, viewPacket, type Packet } from '../packet.js';
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
  if (!eni) return log.end(log.drop({ id: ep.id, kind: 'endpoint' }, 'dropped', 'CANNOT_ROUTE', { type: 'gwlbEndpoint', action: 'dropped', endpoint: ep.id, verdict: 'noInterface' }, ep.span, packet));
  const denied = crossSubnets(log, fromSubnet, eni.subnet, packet);
  if (denied) return log.end(denied);
  const pl = enterPrivateLink(log, ep, eni, packet);
  if (isPrivateLinkStop(pl)) return log.end(pl);
  const { service, lb, node } = pl;
  log.hop(eniComponent(eni), 'forwarded', { type: 'gwlbEndpoint', action: 'forwarded', endpoint: ep.id, interface: eni.id, service: service.id, verdict: 'toService' }, ep.span, packet);
  log.hop({ id: service.id, kind: 'endpointService' }, 'forwarded',
    { type: 'privateLink', action: 'forwarded', service: service.id, verdict: 'gwlbToNode', endpoint: ep.id, interface: eni.id, loadBalancer: lb.id, node: node.id, az: node.az }, service.span, packet);
  const tg = lb.targetGroup ? topo.targetGroups.get(lb.targetGroup) : undefined;
  if (!tg) {
    return log.end(log.drop(eniComponent(node), 'dropped', 'ELBV2_NO_TARGETS_IN_AZ',
      { type: 'loadBalancerNode', action: 'dropped', node: node.id, loadBalancer: lb.id, verdict: 'noTargetGroup', before: viewPacket(packet), after: viewPacket(packet) }, lb.span, packet));
  }
  const position = (appliance: ResolvedTarget): At => ({ kind: 'gwlbAppliance', endpoint: ep, eni, service, lb, node, tg, appliance, packet, carry });
  if (env.reply) {
    const sticky = env.memory.flows.get(lb.id);
    const appliance = resolveTargets(env.ctx, tg).find((t) => t.eni !== undefined && t.eni.id === sticky);
    if (appliance) {
      log.hop({ id: tg.id, kind: 'targetGroup' }, 'forwarded', {
        type: 'targetChoice', action: 'chosen', targetGroup: tg.id, loadBalancer: lb.id, node: node.id, nodeAz: node.az, crossZone: lb.crossZone,
        verdict: 'sticky', chosen: { name: appliance.name, port: appliance.port, az: appliance.az }, candidates: [appliance.name], skipped: [],
      }, appliance.target.span, packet);
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
  const geneve = { type: 'geneve', loadBalancer: lb.id, node: node.id, appliance: appliance.name, inner: viewPacket(packet), outer: viewPacket(outer) } as const;
  log.hop(eniComponent(node), 'translated', { ...geneve, action: 'translated', verdict: 'encapsulate' }, lb.span, outer);
  const target = appliance.eni;
  if (!target) return log.end(log.drop({ id: tg.id, kind: 'targetGroup' }, 'dropped', 'UNKNOWN_DESTINATION', { ...geneve, action: 'dropped', verdict: 'noAppliance' }, appliance.target.span, outer));
  const denied = crossSubnets(log, node.subnet, target.subnet, outer)
    ?? passSecurityGroups(log, target, 'ingress', outer, { fresh: true, sender: node, context: { kind: 'geneve' } });
  if (denied) return log.end(denied);
  log.hop(eniComponent(target), 'forwarded', { ...geneve, action: 'forwarded', verdict: 'inspect' }, target.span, outer);
  const back = crossSubnets(log, target.subnet, node.subnet, replyOf(outer));
  if (back) return log.end(back);
  log.hop({ id: service.id, kind: 'endpointService' }, 'forwarded',
    { type: 'privateLink', action: 'forwarded', service: service.id, verdict: 'gwlbBack', endpoint: ep.id, interface: eni.id, loadBalancer: lb.id, node: node.id, az: node.az }, service.span, packet);
  log.hop(eniComponent(eni), 'forwarded', { type: 'gwlbEndpoint', action: 'forwarded', endpoint: ep.id, interface: eni.id, service: service.id, subnet: eni.subnet, verdict: 'release' }, ep.span, packet);
  return log.go({ kind: 'routeFromSubnet', subnet: eni.subnet, origin: eni, packet, carry });
};
