// Longest-prefix match over a route table, CIDR and prefix-list routes alike, in
// O(distinct prefix lengths): one hash map per length, keyed by the masked address.
// Priority at equal length follows "How route priority works" (Amazon VPC guide): a static
// CIDR route beats a prefix-list route for the same prefix, and both beat a propagated route
// (a virtual private gateway's, "Route priority": static, prefix list, propagated).
import type { Ip } from '../../net/ip.js';
import { maskOf, type Prefix } from '../../net/prefix.js';
import type { PrefixList, Route, RouteTable } from '../../model/resources.js';

/** A route as the index holds it: the route, and the prefix it matched through. */
export interface IndexedRoute {
  readonly route: Route;
  /** The matching prefix: the route's CIDR, or the prefix-list entry. */
  readonly prefix: Prefix;
  /** 0 for a static CIDR route, 1 for a prefix-list route, 2 for a propagated route. */
  readonly priority: number;
  /** A same-prefix route this one won against, for the trace's detail. */
  readonly shadowed: Route | undefined;
}

interface FamilyIndex {
  /** Prefix lengths present, longest first. */
  readonly lengths: number[];
  readonly masks: bigint[];
  readonly byLength: Map<number, Map<bigint, IndexedRoute>>;
}

/** A compiled route table. */
export interface RouteIndex {
  readonly table: RouteTable;
  readonly v4: FamilyIndex;
  readonly v6: FamilyIndex;
}

function emptyFamily(): FamilyIndex {
  return { lengths: [], masks: [], byLength: new Map() };
}

/** Compile a route table; prefix lists are expanded entry by entry. */
export function buildRouteIndex(table: RouteTable, prefixLists: ReadonlyMap<string, PrefixList>): RouteIndex {
  const index: RouteIndex = { table, v4: emptyFamily(), v6: emptyFamily() };
  const add = (route: Route, prefix: Prefix, priority: number): void => {
    const fam = prefix.family === 4 ? index.v4 : index.v6;
    let level = fam.byLength.get(prefix.length);
    if (!level) {
      level = new Map();
      fam.byLength.set(prefix.length, level);
    }
    const existing = level.get(prefix.network);
    if (!existing || priority < existing.priority) {
      level.set(prefix.network, { route, prefix, priority, shadowed: existing?.route });
    } else if (existing.shadowed === undefined && existing.route !== route) {
      level.set(prefix.network, { ...existing, shadowed: route });
    }
  };
  for (const route of table.routes) {
    if (route.destination.kind === 'cidr') add(route, route.destination.prefix, route.origin === 'propagated' ? 2 : 0);
    else for (const entry of prefixLists.get(route.destination.prefixList)?.entries ?? []) add(route, entry, 1);
  }
  for (const fam of [index.v4, index.v6]) {
    fam.lengths.push(...[...fam.byLength.keys()].sort((a, b) => b - a));
    fam.masks.push(...fam.lengths.map((l) => maskOf(fam === index.v4 ? 4 : 6, l)));
  }
  return index;
}

/** The route that carries a packet to `dst`, or undefined when none matches. */
export function lookupRoute(index: RouteIndex, dst: Ip): IndexedRoute | undefined {
  const fam = dst.family === 4 ? index.v4 : index.v6;
  for (let i = 0; i < fam.lengths.length; i++) {
    const hit = fam.byLength.get(fam.lengths[i]!)!.get(dst.value & fam.masks[i]!);
    if (hit) return hit;
  }
  return undefined;
}
