// `reach --format json`: the groups (instance classes with their members, and every other
// end alone) and the group-to-group relation per port, so that large results stay small.
// Deterministic: no times.
import { countPairs, groupPairVerdict, relationGroups, type ReachGroup } from '../reach/query-relation.js';
import type { ReachRelation } from '../reach/reach-relation.js';
import { traceWitnesses } from '../reach/witness.js';
import { portLabel } from './render-reach-text.js';

function groupJson(g: ReachGroup): Record<string, unknown> {
  return { id: g.id, kind: g.kind, vpc: g.vpc ?? null, subnet: g.subnet ?? null, securityGroups: g.securityGroups, members: g.members };
}

/** The JSON document of a relation. */
export function renderReachJson(rel: ReachRelation, witness: boolean): string {
  const groups = relationGroups(rel);
  const relation = rel.ports.map((port) => {
    const reachable: Record<string, string[]> = {};
    const unknown: Record<string, string[]> = {};
    const mixed: Record<string, string[]> = {};
    for (const s of groups.sources) {
      for (const d of groups.destinations) {
        const v = groupPairVerdict(rel, port, s, d);
        if (v.pairs === 0) continue;
        const into = v.verdict === 'reachable' ? reachable : v.verdict === 'unknown' ? unknown : v.verdict === 'mixed' ? mixed : undefined;
        if (into) (into[s.id] ??= []).push(d.id);
      }
    }
    const counts = countPairs(rel, port, groups);
    return {
      port: portLabel(rel.query.protocol, port.ports),
      pairs: counts.total, reachablePairs: counts.reachable, unknownPairs: counts.unknown, tracedPairs: port.traceCount,
      reachable, ...(Object.keys(unknown).length > 0 ? { unknown } : {}), ...(Object.keys(mixed).length > 0 ? { mixed } : {}),
      ...(witness ? { witnesses: witnessesJson(rel, port, groups) } : {}),
    };
  });
  const seen = new Map<string, ReachGroup>();
  for (const g of [...groups.sources, ...groups.destinations]) if (!seen.has(g.id)) seen.set(g.id, g);
  const doc = {
    file: rel.topology.file,
    protocol: rel.query.protocol,
    atoms: rel.stats.atoms,
    classes: [...seen.values()].map(groupJson),
    sources: groups.sources.map((g) => g.id),
    destinations: groups.destinations.map((g) => g.id),
    relation,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function witnessesJson(rel: ReachRelation, port: ReachRelation['ports'][number], groups: ReturnType<typeof relationGroups>): unknown {
  const { witnesses, omitted } = traceWitnesses(rel, port, groups);
  return {
    omitted,
    pairs: witnesses.map((w) => ({
      source: w.source, destination: w.destination, verdict: w.verdict, from: w.from, to: w.to, agrees: w.agrees,
      traces: w.trace?.traces.map((t) => ({ reachable: t.reachable, codes: t.explanations.map((e) => e.code), hops: t.hops.map((h) => h.component.id), returnHops: t.returnHops.map((h) => h.component.id) })) ?? null,
    })),
  };
}
