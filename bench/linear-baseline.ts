// The naive baseline `npm run bench` measures the engine against, in the same run: the
// engine's own compiled context, except that a route lookup scans every route of the table
// (longest prefix, then the static-over-prefix-list priority) and an address lookup scans
// every interface. It lives with the benchmark: the engine never answers this way.
import type { Ip } from '../src/net/ip.js';
import { engineContext, holdsAddress, type EngineContext } from '../src/engine/compile/engine-context.js';
import type { IndexedRoute } from '../src/engine/compile/route-index.js';
import type { Topology } from '../src/model/topology.js';

function scan(entries: readonly IndexedRoute[], dst: Ip): IndexedRoute | undefined {
  let best: IndexedRoute | undefined;
  for (const e of entries) {
    if (e.prefix.family !== dst.family || (dst.value & e.prefix.mask) !== e.prefix.network) continue;
    if (!best || e.prefix.length > best.prefix.length || (e.prefix.length === best.prefix.length && e.priority < best.priority)) best = e;
  }
  return best;
}

/** The engine's context of a topology with linear-scan lookups. */
export function linearContext(topology: Topology): EngineContext {
  const ctx = engineContext(topology);
  const entries = new Map<string, IndexedRoute[]>();
  for (const [id, index] of ctx.routes) {
    const all: IndexedRoute[] = [];
    for (const fam of [index.v4, index.v6]) for (const level of fam.byLength.values()) all.push(...level.values());
    entries.set(id, all);
  }
  return {
    ...ctx,
    routeFor: (table, dst) => scan(entries.get(table)!, dst),
    eniAt: (vpc, ip) => {
      for (const e of topology.enis.values()) if (e.vpc === vpc && holdsAddress(e, ip)) return e;
      return undefined;
    },
  };
}
