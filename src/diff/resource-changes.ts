// Ids present in one version only: reported as added or removed resources, never as flows
// that changed (a flow needs both its ends in both versions to have changed).
import type { Topology } from '../model/topology.js';
import type { ResourceChange } from './diff-result.js';

function only(a: Topology, b: Topology): ResourceChange[] {
  const out: ResourceChange[] = [];
  for (const [id, r] of a.byId) if (!b.byId.has(id)) out.push({ id, kind: r.kind, location: r.span });
  // Interfaces of a resource both versions hold (an endpoint in one more subnet, say).
  for (const [id, eni] of a.enis) {
    if (a.byId.has(id) || b.enis.has(id) || !b.byId.has(eni.owner.id)) continue;
    out.push({ id, kind: 'eni', location: eni.span });
  }
  return out.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** Resources of NEW that OLD lacks, and of OLD that NEW lacks. */
export function resourceChanges(oldTopology: Topology, newTopology: Topology): { added: ResourceChange[]; removed: ResourceChange[] } {
  return { added: only(newTopology, oldTopology), removed: only(oldTopology, newTopology) };
}
