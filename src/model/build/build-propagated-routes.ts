// Route propagation ("Route propagation", Amazon VPC guide; "Route tables and AWS
// Site-to-Site VPN route priority", Site-to-Site VPN guide): a route table with propagation
// on for its VPC's virtual private gateway holds a route to the gateway for every on-premises
// prefix the gateway learned from a VPN connection that is up (static routes or BGP) or from a
// Direct Connect gateway, marked propagated. The walk's route lookup ranks them after static
// and prefix-list routes of the same prefix (route-index.ts). A propagated prefix inside one of
// the VPC's own blocks is not installed: "the local route is most preferred even if the
// propagated routes are more specific".
import { formatPrefix, prefixCovers, type Prefix } from '../../net/prefix.js';
import type { RawTopology } from '../format.js';
import type { Route } from '../rules.js';
import { pointer } from '../source-map.js';
import { LEARNED_FROM, learnedByGateway, type VpnWorld } from '../vpn-routes.js';
import { refAt, report, type BuildContext } from './context.js';
import type { VpcFabric } from './build-vpcs.js';

/** Add the propagated routes of every route table that names a virtual private gateway. */
export function buildPropagatedRoutes(ctx: BuildContext, raw: RawTopology, fabric: VpcFabric, world: VpnWorld): void {
  // One gateway's propagated routes are the same for every table of its VPC: computed once.
  const perGateway = new Map<string, readonly PropagatedPrefix[]>();
  for (const [vpcId, rv] of Object.entries(raw.vpcs ?? {})) {
    for (const [rtbId, rt] of Object.entries(rv.routeTables ?? {})) {
      const table = fabric.routeTables.get(rtbId);
      if (!table || table.vpc !== vpcId) continue;
      (rt.propagatingVgws ?? []).forEach((vgwId, i) => {
        const ptr = pointer('vpcs', vpcId, 'routeTables', rtbId, 'propagatingVgws', i);
        if (!refAt(ctx, vgwId, ptr, ['virtualPrivateGateway'])) return;
        const vgw = world.virtualPrivateGateways.get(vgwId);
        if (!vgw || vgw.vpc !== vpcId) {
          report(ctx, 'GATEWAY_ATTACHMENT', `virtual private gateway "${vgwId}" is not attached to VPC "${vpcId}"; only the VPC's own gateway propagates into its route tables`, ptr);
          return;
        }
        let learned = perGateway.get(vgwId);
        if (!learned) perGateway.set(vgwId, (learned = propagatedPrefixes(world, vgwId, fabric.vpcs.get(vpcId)?.cidrs ?? [])));
        const span = ctx.map.valueAt(ptr);
        let index = table.routes.filter((r) => r.origin !== 'local').length;
        for (const p of learned) {
          table.routes.push({ index: ++index, destination: p.destination, target: { kind: 'resource', id: vgwId }, origin: 'propagated', propagation: p.propagation, span });
        }
      });
    }
  }
}

/** A route a gateway propagates, before it is placed in a table. */
interface PropagatedPrefix {
  readonly destination: Route['destination'];
  readonly propagation: NonNullable<Route['propagation']>;
}

/** The routes a gateway propagates, one per prefix (the best origin), sorted by prefix text. */
function propagatedPrefixes(world: VpnWorld, vgwId: string, vpcBlocks: readonly Prefix[]): PropagatedPrefix[] {
  const byPrefix = new Map<string, { prefix: Prefix; rank: number; connections: string[] }>();
  for (const l of learnedByGateway(world, vgwId)) {
    if (!l.up) continue;
    if (vpcBlocks.some((c) => prefixCovers(c, l.prefix))) continue;
    const key = formatPrefix(l.prefix);
    const rank = LEARNED_FROM.indexOf(l.from);
    const have = byPrefix.get(key);
    if (!have || rank < have.rank) byPrefix.set(key, { prefix: l.prefix, rank, connections: [l.connection] });
    else if (rank === have.rank && !have.connections.includes(l.connection)) have.connections.push(l.connection);
  }
  return [...byPrefix.keys()].sort().map((key) => {
    const p = byPrefix.get(key)!;
    return { destination: { kind: 'cidr', prefix: p.prefix }, propagation: { from: LEARNED_FROM[p.rank]!, connections: [...p.connections].sort() } };
  });
}
