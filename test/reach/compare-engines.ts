// The contract between the two engines: for every source and destination (and port) of a
// relation, `reach` gives the verdict `trace` gives. Also the class-soundness check: members
// of one class get the same trace verdict toward every destination, and from every source.
import { computeReach } from '../../src/reach/compute-reach.js';
import { pairVerdict } from '../../src/reach/query-relation.js';
import type { ReachQuery, ReachRelation } from '../../src/reach/reach-relation.js';
import { selfPair } from '../../src/reach/reach-ends.js';
import { tracePair } from '../../src/reach/trace-pairs.js';
import type { Topology } from '../../src/model/topology.js';

/** A pair where the engines disagree. */
export interface Disagreement {
  readonly from: string;
  readonly to: string;
  readonly port: number | undefined;
  readonly reach: string;
  readonly trace: string;
}

/** Compare every pair; return the disagreements (empty when the engines agree). */
export function disagreements(topology: Topology, query: ReachQuery): { rel: ReachRelation; diffs: Disagreement[]; pairs: number } {
  const rel = computeReach(topology, query);
  const diffs: Disagreement[] = [];
  let pairs = 0;
  for (const port of rel.ports) {
    for (const s of rel.ends.sources) {
      for (const d of rel.ends.destinations) {
        if (selfPair(s, d)) continue;
        pairs++;
        const r = pairVerdict(rel, port, s, d);
        const t = tracePair(topology, query, port.port, { from: s.id, to: d.id });
        if (r !== t) diffs.push({ from: s.id, to: d.id, port: port.port, reach: r, trace: t });
      }
    }
  }
  return { rel, diffs, pairs };
}

/** Members of a class whose trace verdicts differ toward some destination or from some source. */
export function unsoundClasses(topology: Topology, query: ReachQuery): string[] {
  const rel = computeReach(topology, query);
  const out: string[] = [];
  for (const port of rel.ports) {
    const sources = new Map(rel.ends.sources.map((e) => [e.id, e]));
    const destinations = new Map(rel.ends.destinations.map((e) => [e.id, e]));
    for (const c of rel.partition.classes) {
      if (c.members.length < 2) continue;
      const [first, ...rest] = c.members;
      for (const other of rest) {
        // Toward every destination: members that are sources (secondary addresses are destinations only).
        const fa = sources.get(first!);
        const fb = sources.get(other);
        for (const d of fa && fb ? rel.ends.destinations : []) {
          if (selfPair(fa!, d) || selfPair(fb!, d)) continue;
          const a = tracePair(topology, query, port.port, { from: first!, to: d.id });
          const b = tracePair(topology, query, port.port, { from: other, to: d.id });
          if (a !== b) out.push(`class c${c.index}: ${first} -> ${d.id} is ${a}, ${other} -> ${d.id} is ${b} (port ${port.port})`);
        }
        for (const s of rel.ends.sources) {
          if (selfPair(s, destinations.get(first!)!) || selfPair(s, destinations.get(other)!)) continue;
          const a = tracePair(topology, query, port.port, { from: s.id, to: first! });
          const b = tracePair(topology, query, port.port, { from: s.id, to: other });
          if (a !== b) out.push(`class c${c.index}: ${s.id} -> ${first} is ${a}, ${s.id} -> ${other} is ${b} (port ${port.port})`);
        }
      }
    }
  }
  return out;
}
