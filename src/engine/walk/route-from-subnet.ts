// A subnet's route table picks the target by longest prefix match ("How route priority
// works", Amazon VPC guide); the next position is the target's. Loop detection and the hop
// limit are the walk loop's (walk-loop.ts), checked before this handler runs.
import { formatIp } from '../../net/ip.js';
import { formatPrefix } from '../../net/prefix.js';
import { routeTargetResource } from '../../model/route-targets.js';
import { lookupRoute } from '../compile/route-index.js';
import { describeRoute } from '../describe-rule.js';
import type { RouteStep } from '../steps.js';
import { newHopLog } from './hop-log.js';
import type { At, Handler } from './position.js';

/** Route a packet from a subnet, as sent by `origin` (an interface in that subnet). */
export const routeFromSubnet: Handler<'routeFromSubnet'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { subnet: subnetId, origin, packet, carry } = at;
  const topo = env.ctx.topology;
  const subnet = topo.subnets.get(subnetId)!;
  const table = topo.routeTables.get(subnet.routeTable)!;
  const component = { id: table.id, kind: 'routeTable' as const };
  const hit = lookupRoute(env.ctx.routes.get(table.id)!, packet.dst);
  if (!hit) {
    return log.end(log.drop(component, 'dropped', 'NO_ROUTE_TO_DESTINATION',
      `${table.id} (route table of ${subnetId}) has no route that matches ${formatIp(packet.dst)}`, table.span, packet,
      'A subnet sends traffic only where its route table says; with no matching route the packet is dropped.', [],
      [{ type: 'route', action: 'dropped', table: table.id, route: undefined, prefix: undefined }]));
  }
  const r0 = hit.route;
  const routeStep = (action: 'matched' | 'dropped'): RouteStep[] => [{
    type: 'route', action, table: table.id, prefix: formatPrefix(hit.prefix),
    route: {
      index: r0.index,
      destination: r0.destination.kind === 'cidr' ? formatPrefix(r0.destination.prefix) : r0.destination.prefixList,
      target: r0.target.kind === 'resource' ? r0.target.id : r0.target.kind,
      origin: r0.origin,
    },
    ...(hit.shadowed?.destination.kind === 'prefixList' ? { over: hit.shadowed.destination.prefixList } : {}),
  }];
  const matched = hit.route.destination.kind === 'prefixList' ? `, matched entry ${formatPrefix(hit.prefix)}` : '';
  const shadow = hit.shadowed ? `; it wins over ${describeRoute(hit.shadowed, topo)} for the same prefix (a static route beats a prefix-list route)` : '';
  const detail = `${describeRoute(hit.route, topo)}: longest match /${hit.prefix.length}${matched}${shadow}`;
  const target = hit.route.target;
  if (target.kind === 'blackhole') {
    return log.end(log.drop(component, 'dropped', 'CANNOT_ROUTE', `${detail}: a blackhole route drops the packet`, hit.route.span, packet, undefined, [], routeStep('dropped')));
  }
  log.hop(component, 'forwarded', detail, hit.route.span, packet, undefined, routeStep('matched'));
  // The last sender travels to the delivery: security group references match its groups.
  if (target.kind === 'local') return log.go({ kind: 'deliverInVpc', vpc: table.vpc, fromSubnet: subnetId, packet, sender: origin, carry });
  const r = routeTargetResource(topo.byId.get(target.id));
  if (!r) return log.end(log.drop(component, 'dropped', 'CANNOT_ROUTE', `${detail}: the target cannot carry traffic`, hit.route.span, packet));
  const base = { packet, carry, fromSubnet: subnetId };
  // One case per kind of ROUTE_TARGET_KINDS: a new kind there fails to compile here.
  let next: At;
  switch (r.kind) {
    case 'internetGateway':
      next = { ...base, kind: 'internetGateway', igw: r };
      break;
    case 'natGateway':
      next = { ...base, kind: 'natGateway', nat: r };
      break;
    case 'peeringConnection':
      next = { ...base, kind: 'peering', pcx: r, fromVpc: table.vpc, sender: origin };
      break;
    case 'endpoint':
      next = r.type === 'gatewayLoadBalancer' ? { ...base, kind: 'gwlbEndpoint', endpoint: r } : { ...base, kind: 'gatewayEndpoint', endpoint: r, origin };
      break;
    case 'instance':
      next = { ...base, kind: 'appliance', instance: r, sender: origin };
      break;
    case 'egressOnlyInternetGateway':
      next = { ...base, kind: 'egressOnlyGateway', gateway: r };
      break;
    default: {
      const never: never = r;
      return never;
    }
  }
  return log.go(next);
};
