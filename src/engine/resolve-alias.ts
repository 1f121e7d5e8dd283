// Names people use: the AWS Name tags a file writes as `name` on instances, network
// interfaces, NAT gateways, load balancers and endpoints are aliases for their ids in flows
// and checks. Ids come first (they are unique); a name two resources share is refused,
// naming both, so a flow never silently picks one of them.
import type { Topology } from '../model/topology.js';
import type { QueryError } from './query.js';

/** What a name stands for: one id, several (ambiguous), or none. */
export type AliasLookup =
  | { readonly kind: 'id'; readonly id: string }
  | { readonly kind: 'ambiguous'; readonly ids: readonly string[] }
  | { readonly kind: 'none' };

const cache = new WeakMap<Topology, ReadonlyMap<string, readonly string[]>>();

function aliases(t: Topology): ReadonlyMap<string, readonly string[]> {
  const hit = cache.get(t);
  if (hit) return hit;
  const out = new Map<string, string[]>();
  const maps = [t.instances, t.networkInterfaces, t.natGateways, t.loadBalancers, t.endpoints] as const;
  for (const m of maps) {
    for (const r of m.values()) if (r.name !== undefined) out.set(r.name, [...(out.get(r.name) ?? []), r.id]);
  }
  cache.set(t, out);
  return out;
}

/** The id a name stands for. */
export function lookupAlias(t: Topology, name: string): AliasLookup {
  const ids = aliases(t).get(name);
  if (!ids) return { kind: 'none' };
  return ids.length === 1 ? { kind: 'id', id: ids[0]! } : { kind: 'ambiguous', ids };
}

/** The alias of an id, when it has one. */
export function aliasOf(t: Topology, id: string): string | undefined {
  const r = t.byId.get(id);
  return r && 'name' in r && r.kind !== 'prefixList' && typeof r.name === 'string' ? r.name : undefined;
}

/** The query error for an ambiguous name. */
export function ambiguousAlias(name: string, ids: readonly string[]): QueryError {
  return { kind: 'queryError', message: `"${name}" is the name of ${ids.length} resources: ${ids.join(', ')}; name one by id` };
}

/** "id (alias)" when the resource has a name. */
export function labelWithAlias(t: Topology, id: string): string {
  const alias = aliasOf(t, id);
  return alias !== undefined && alias !== id ? `${id} (${alias})` : id;
}
