// A subnet's route table picks the target by longest prefix match ("How route priority
// works", Amazon VPC guide); the next position is the target's. Loop detection and the hop
// limit are the walk loop's (walk-loop.ts), checked before this handler runs.
import { formatPrefix } from '../../net/prefix.js';
import { routeTargetResource } from '../../model/route-targets.js';
import type { RouteStep } from '../steps.js';
import { newHopLog } from './hop-log.js';
import { routeRecord } from './route-record.js';
import type { At, Handler } from './position.js';

/** Route a packet from a subnet, as sent by `origin` (an interface in that subnet). */
export const routeFromSubnet: Handler<'routeFromSubnet'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { subnet: subnetId, origin, packet, carry } = at;
  const topo = env.ctx.topology;
  const subnet = topo.subnets.get(subnetId)!;
  const table = topo.routeTables.get(subnet.routeTable)!;
  const component = { id: table.id, kind: 'routeTable' as const };
  const hit = env.ctx.routeFor(table.id, packet.dst);
  if (!hit) {
    return log.end(log.drop(component, 'dropped', 'NO_ROUTE_TO_DESTINATION',
      { type: 'route', action: 'dropped', table: table.id, subnet: subnetId, route: undefined, prefix: undefined, verdict: 'noRoute' }, table.span, packet));
  }
  const r0 = hit.route;
  const shadowed = hit.shadowed;
  const routeStep = (action: 'matched' | 'dropped', verdict: RouteStep['verdict']): RouteStep => ({
    type: 'route', action, table: table.id, subnet: subnetId, prefix: formatPrefix(hit.prefix),
    route: routeRecord(r0, env.ctx.texts),
    ...(shadowed?.destination.kind === 'prefixList' ? { over: shadowed.destination.prefixList } : {}),
    ...(shadowed ? { overText: env.ctx.texts.route(shadowed) } : {}),
    verdict,
  });
  const target = hit.route.target;
  if (target.kind === 'blackhole') {
    return log.end(log.drop(component, 'dropped', 'CANNOT_ROUTE', routeStep('dropped', 'blackhole'), hit.route.span, packet));
  }
  log.hop(component, 'forwarded', routeStep('matched', 'matched'), hit.route.span, packet);
  // The last sender travels to the delivery: security group references match its groups. A
  // packet a transit gateway sent in has no interface of the file as origin: the sender is the
  // one the gateway let through (security group referencing), or none.
  const sender = origin ?? carry.transit?.sender;
  if (target.kind === 'local') return log.go({ kind: 'deliverInVpc', vpc: table.vpc, fromSubnet: subnetId, packet, sender, carry });
  const r = routeTargetResource(topo.byId.get(target.id));
  if (!r) return log.end(log.drop(component, 'dropped', 'CANNOT_ROUTE', routeStep('dropped', 'cannotCarry'), hit.route.span, packet));
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
      next = { ...base, kind: 'peering', pcx: r, fromVpc: table.vpc, sender };
      break;
    case 'endpoint':
      next = r.type === 'gatewayLoadBalancer' ? { ...base, kind: 'gwlbEndpoint', endpoint: r } : { ...base, kind: 'gatewayEndpoint', endpoint: r, origin };
      break;
    case 'instance':
    case 'networkInterface':
      // An instance stands for its primary interface (which has its id); a network interface
      // is the interface itself (an instance's secondary one, or a standalone one).
      next = { ...base, kind: 'appliance', eni: topo.enis.get(r.id)!, sender };
      break;
    case 'egressOnlyInternetGateway':
      next = { ...base, kind: 'egressOnlyGateway', gateway: r };
      break;
    case 'transitGateway':
      next = { ...base, kind: 'transitGatewayIngress', tgw: r, sender };
      break;
    case 'virtualPrivateGateway':
      next = { ...base, kind: 'virtualPrivateGateway', vgw: r };
      break;
    case 'unmodelled': {
      // Not a blackhole: AWS sends the packet on, to something the file only names. The
      // trace stops here and says that its verdict rests on that part.
      return log.end(log.drop({ id: r.id, kind: 'unmodelled' }, 'dropped', 'UNMODELLED_TARGET',
        { type: 'unmodelled', action: 'dropped', target: r.id, kind: r.targetKind, ...(r.description !== undefined ? { description: r.description } : {}) }, r.span, packet));
    }
    default: {
      const never: never = r;
      return never;
    }
  }
  return log.go(next);
};
