// Written routes: a CIDR or prefix-list destination, and a target in the same VPC (or a
// peering connection of that VPC). AWS refuses two routes to one destination. A route to a
// whole VPC CIDR block replaces the target of that block's local route.
import { formatPrefix } from '../../net/prefix.js';
import type { RawTopology } from '../format.js';
import { ROUTE_TARGET_KINDS } from '../route-targets.js';
import type { Route } from '../rules.js';
import { pointer } from '../source-map.js';
import { cidrAt, refAt, report, type BuildContext } from './context.js';
import { looksLikePrefixList, resolvePrefixListRef, type PrefixListLookup } from './prefix-list-ref.js';
import type { VpcFabric } from './build-vpcs.js';

/** Add the written routes of every route table. */
export function buildRoutes(ctx: BuildContext, raw: RawTopology, fabric: VpcFabric, prefixLists: PrefixListLookup): void {
  for (const [vpcId, rv] of Object.entries(raw.vpcs ?? {})) {
    for (const [rtbId, rt] of Object.entries(rv.routeTables ?? {})) {
      const table = fabric.routeTables.get(rtbId);
      if (!table || table.vpc !== vpcId) continue;
      const seen = new Map<string, number>();
      (rt.routes ?? []).forEach((r, i) => {
        const ptr = pointer('vpcs', vpcId, 'routeTables', rtbId, 'routes', i);
        let destination: Route['destination'] | undefined;
        let key: string | undefined;
        if (looksLikePrefixList(r.destination, prefixLists)) {
          const id = resolvePrefixListRef(ctx, r.destination, `${ptr}/destination`, prefixLists);
          if (id) {
            destination = { kind: 'prefixList', prefixList: id };
            key = id;
          }
        } else {
          const p = cidrAt(ctx, r.destination, `${ptr}/destination`);
          if (p) {
            destination = { kind: 'cidr', prefix: p };
            key = formatPrefix(p);
          }
        }
        if (key !== undefined) {
          const first = seen.get(key);
          if (first !== undefined) {
            report(ctx, 'DUPLICATE_ROUTE', `route ${i + 1} has the same destination ${key} as route ${first + 1}; AWS keeps one route per destination`, `${ptr}/destination`);
            return;
          }
          seen.set(key, i);
        }
        let target: Route['target'] | undefined;
        if (r.target === 'blackhole') {
          target = { kind: 'blackhole' };
        } else if (r.target === 'local') {
          target = { kind: 'local' };
        } else {
          const entry = ctx.ids.get(r.target);
          const ok =
            entry?.kind === 'peeringConnection'
              ? peeringTouches(raw, r.target, vpcId, ctx, `${ptr}/target`)
              : refAt(ctx, r.target, `${ptr}/target`, ROUTE_TARGET_KINDS, vpcId);
          if (ok && entry?.kind === 'virtualPrivateGateway' && !vgwRouteOk(ctx, r.target, entry.vpc, vpcId, destination, `${ptr}/target`)) return;
          if (ok) target = { kind: 'resource', id: r.target };
        }
        if (!destination || !target) return;
        const route: Route = { index: i + 1, destination, target, origin: 'written', span: ctx.map.valueAt(ptr) };
        table.routes.push(replaceLocal(ctx, table.routes, route, `${ptr}/target`) ?? route);
      });
    }
  }
}

/** Route targets that may replace a local route (an instance stands for its primary network interface). */
const LOCAL_REPLACEMENT_KINDS: ReadonlySet<string> = new Set(['natGateway', 'instance', 'networkInterface', 'endpoint']);

/**
 * A written route to exactly a VPC CIDR block, the destination of a local route ("Subnet
 * route tables", rules and considerations; "Replace or restore the target for a local
 * route"; "Gateway route tables", Amazon VPC guide): with a NAT gateway, network interface or
 * Gateway Load Balancer endpoint target it replaces the local route's target, so the local
 * route leaves the table and the written one is marked; `target: local` is the local route
 * itself, written out. Any other target AWS refuses (the destination already has a route).
 */
function replaceLocal(ctx: BuildContext, routes: Route[], route: Route, targetPtr: string): Route | undefined {
  const dest = route.destination;
  if (dest.kind !== 'cidr' || route.target.kind === 'local') return undefined;
  const at = routes.findIndex((r) => r.origin === 'local' && r.destination.kind === 'cidr' &&
    r.destination.prefix.family === dest.prefix.family && r.destination.prefix.length === dest.prefix.length && r.destination.prefix.network === dest.prefix.network);
  if (at < 0) return undefined;
  const kind = route.target.kind === 'resource' ? ctx.ids.get(route.target.id)?.kind : undefined;
  if (kind === undefined || !LOCAL_REPLACEMENT_KINDS.has(kind)) {
    report(ctx, 'ROUTE_TARGET_TYPE',
      `${formatPrefix(dest.prefix)} is a CIDR block of the VPC: its local route may be replaced only by a NAT gateway, a network interface (an instance) or a Gateway Load Balancer endpoint, not ${route.target.kind === 'resource' ? `"${route.target.id}"` : route.target.kind}`,
      targetPtr);
    return undefined;
  }
  routes.splice(at, 1);
  return { ...route, replacesLocal: true };
}

/**
 * A route to a virtual private gateway: the gateway must be attached to the table's VPC
 * (CreateRoute: Gateway.NotAttached), and it carries IPv4 only ("Route tables and AWS
 * Site-to-Site VPN route priority": virtual private gateways do not support IPv6 traffic).
 */
function vgwRouteOk(ctx: BuildContext, vgw: string, attached: string | undefined, vpcId: string, destination: Route['destination'] | undefined, ptr: string): boolean {
  if (attached !== vpcId) {
    report(ctx, 'GATEWAY_ATTACHMENT', `virtual private gateway "${vgw}" is not attached to VPC "${vpcId}"${attached === undefined ? ' (it is attached to no VPC)' : ''}; AWS routes only to an attached gateway`, ptr);
    return false;
  }
  if (destination?.kind === 'cidr' && destination.prefix.family === 6) {
    report(ctx, 'ROUTE_FAMILY_MISMATCH', `a virtual private gateway carries IPv4 only; "${formatPrefix(destination.prefix)}" is IPv6`, ptr);
    return false;
  }
  return true;
}

function peeringTouches(raw: RawTopology, pcx: string, vpcId: string, ctx: BuildContext, ptr: string): boolean {
  const p = raw.peeringConnections?.[pcx];
  if (p && p.requester !== vpcId && p.accepter !== vpcId) {
    report(ctx, 'CROSS_VPC_REFERENCE', `peering connection "${pcx}" joins "${p.requester}" and "${p.accepter}", not "${vpcId}"`, ptr);
    return false;
  }
  return true;
}
