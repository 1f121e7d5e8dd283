// A packet leaving an interface: its subnet's route table picks the target by longest
// prefix match ("How route priority works", Amazon VPC guide), and the walk follows it.
import { formatIp } from '../../net/ip.js';
import { formatPrefix } from '../../net/prefix.js';
import type { Eni } from '../../model/resources.js';
import { lookupRoute } from '../compile/route-index.js';
import { describeRoute } from '../describe-rule.js';
import { describePacket, type Packet } from '../packet.js';
import { eniComponent } from './components.js';
import { deliverInVpc } from './deliver.js';
import { passSecurityGroups } from './filters.js';
import { toEgressOnlyGateway } from './egress-only-gateway.js';
import { toGwlbEndpoint } from './gateway-load-balancer.js';
import { toAppliance, toGatewayEndpoint, toInternetGateway, toNatGateway, toPeering } from './gateways.js';
import { drop, hop, HOP_LIMIT, seenBefore, type Outcome, type Walk } from './walk-state.js';

/** A packet leaves an interface: security groups (egress), then the subnet's route table. */
export function leaveEni(w: Walk, eni: Eni, packet: Packet): Outcome {
  if (w.hops.length === 0) {
    hop(w, eniComponent(eni), 'forwarded', `${eni.id} sends ${describePacket(packet)}`, eni.span, packet);
  }
  if (!passSecurityGroups(w, eni, 'egress', packet)) return { kind: 'dropped' };
  return routeFromSubnet(w, eni.subnet, eni, packet);
}

/** Route a packet from a subnet, as sent by `origin` (an interface in that subnet). */
export function routeFromSubnet(w: Walk, subnetId: string, origin: Eni, packet: Packet): Outcome {
  const topo = w.ctx.topology;
  const subnet = topo.subnets.get(subnetId)!;
  const table = topo.routeTables.get(subnet.routeTable)!;
  const component = { id: table.id, kind: 'routeTable' as const };
  if (seenBefore(w, table.id, packet)) {
    return drop(w, component, 'dropped', 'ROUTING_LOOP', `the packet reaches ${table.id} a second time for ${formatIp(packet.dst)}: a routing loop`, table.span, packet);
  }
  if (w.hops.length > HOP_LIMIT) {
    return drop(w, component, 'dropped', 'HOP_LIMIT', `more than ${HOP_LIMIT} hops without arriving`, table.span, packet);
  }
  const hit = lookupRoute(w.ctx.routes.get(table.id)!, packet.dst);
  if (!hit) {
    return drop(w, component, 'dropped', 'NO_ROUTE_TO_DESTINATION',
      `${table.id} (route table of ${subnetId}) has no route that matches ${formatIp(packet.dst)}`, table.span, packet,
      'A subnet sends traffic only where its route table says; with no matching route the packet is dropped.');
  }
  const matched = hit.route.destination.kind === 'prefixList' ? `, matched entry ${formatPrefix(hit.prefix)}` : '';
  const shadow = hit.shadowed ? `; it wins over ${describeRoute(hit.shadowed, topo)} for the same prefix (a static route beats a prefix-list route)` : '';
  const detail = `${describeRoute(hit.route, topo)}: longest match /${hit.prefix.length}${matched}${shadow}`;
  const target = hit.route.target;
  if (target.kind === 'blackhole') {
    return drop(w, component, 'dropped', 'CANNOT_ROUTE', `${detail}: a blackhole route drops the packet`, hit.route.span, packet);
  }
  hop(w, component, 'forwarded', detail, hit.route.span, packet);
  // The last sender travels to the delivery: security group references match its groups.
  if (target.kind === 'local') return deliverInVpc(w, table.vpc, subnetId, packet, origin);
  const r = topo.byId.get(target.id);
  switch (r?.kind) {
    case 'internetGateway':
      return toInternetGateway(w, r, subnetId, packet);
    case 'natGateway':
      return toNatGateway(w, r, subnetId, packet);
    case 'peeringConnection':
      return toPeering(w, r, table.vpc, subnetId, packet, origin);
    case 'endpoint':
      return r.type === 'gatewayLoadBalancer' ? toGwlbEndpoint(w, r, subnetId, packet) : toGatewayEndpoint(w, r, origin, subnetId, packet);
    case 'instance':
      return toAppliance(w, r, subnetId, packet, origin);
    case 'egressOnlyInternetGateway':
      return toEgressOnlyGateway(w, r, subnetId, packet);
    default:
      return drop(w, component, 'dropped', 'CANNOT_ROUTE', `${detail}: the target cannot carry traffic`, hit.route.span, packet);
  }
}
