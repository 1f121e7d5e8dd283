// Written routes: a CIDR or prefix-list destination, and a target in the same VPC (or a
// peering connection of that VPC). AWS refuses two routes to one destination.
import { formatPrefix } from '../../net/prefix.js';
import type { RawTopology } from '../format.js';
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
              : refAt(ctx, r.target, `${ptr}/target`, ['internetGateway', 'natGateway', 'endpoint', 'peeringConnection', 'instance'], vpcId);
          if (ok) target = { kind: 'resource', id: r.target };
        }
        if (!destination || !target) return;
        table.routes.push({ index: i + 1, destination, target, origin: 'written', span: ctx.map.valueAt(ptr) });
      });
    }
  }
}

function peeringTouches(raw: RawTopology, pcx: string, vpcId: string, ctx: BuildContext, ptr: string): boolean {
  const p = raw.peeringConnections?.[pcx];
  if (p && p.requester !== vpcId && p.accepter !== vpcId) {
    report(ctx, 'CROSS_VPC_REFERENCE', `peering connection "${pcx}" joins "${p.requester}" and "${p.accepter}", not "${vpcId}"`, ptr);
    return false;
  }
  return true;
}
