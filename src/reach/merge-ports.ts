// The relation over every port at once: a pair is reachable when it is on some port (the
// segmentation question "can anything in dev reach prod on any port"), unknown when it is
// not known to be and some port's verdict is unknown.
import { getBit } from './bitset.js';
import { pairVerdict } from './query-relation.js';
import { selfPair } from './reach-ends.js';
import { pairKey, type PairVerdict, type PortRelation, type ReachRelation } from './reach-relation.js';

/** One PortRelation answering "on any of the relation's ports". */
export function mergePorts(rel: ReachRelation): PortRelation {
  const [first, ...rest] = rel.ports;
  if (!first) throw new Error('a relation has at least one port');
  if (rest.length === 0) return first;
  const { n, words } = rel.space;
  const matrix = first.matrix.slice();
  for (const p of rest) for (let i = 0; i < matrix.length; i++) matrix[i]! |= p.matrix[i]!;
  const tracedClassPairs = new Set<number>();
  for (const p of rel.ports) for (const x of p.tracedClassPairs) tracedClassPairs.add(x);
  const traced = new Map<string, PairVerdict>();
  const merge = (key: string, v: PairVerdict): void => {
    const had = traced.get(key);
    traced.set(key, had === 'reachable' || v === 'reachable' ? 'reachable' : had === 'unknown' || v === 'unknown' ? 'unknown' : 'unreachable');
  };
  for (const p of rel.ports) for (const [k, v] of p.traced) merge(k, v);
  // Class pairs traced on some port and joined on others: every member pair gets a verdict of its own.
  const sourceById = new Map(rel.ends.sources.map((e) => [e.id, e]));
  const destinationById = new Map(rel.ends.destinations.map((e) => [e.id, e]));
  const chosenSource = new Set(rel.ends.sources.map((e) => e.id));
  const chosenDestination = new Set(rel.ends.destinations.map((e) => e.id));
  for (const x of tracedClassPairs) {
    const s = rel.partition.classes[Math.floor(x / n)]!;
    const d = rel.partition.classes[x % n]!;
    for (const a of s.members) {
      if (!chosenSource.has(a)) continue;
      const from = sourceById.get(a)!;
      for (const b of d.members) {
        if (!chosenDestination.has(b)) continue;
        const to = destinationById.get(b)!;
        if (selfPair(from, to)) continue;
        for (const p of rel.ports) merge(pairKey(a, b), pairVerdict(rel, p, from, to));
      }
    }
    // The bit is meaningless for a traced class pair; keep it clear.
    if (getBit(matrix, d.index, s.index * words)) matrix[s.index * words + (d.index >>> 5)]! ^= 1 << (d.index & 31);
  }
  const last = rel.ports[rel.ports.length - 1]!;
  const span = first.ports && last.ports ? { from: first.ports.from, to: last.ports.to } : undefined;
  let traceCount = 0;
  let unknownCount = 0;
  for (const p of rel.ports) traceCount += p.traceCount;
  for (const v of traced.values()) if (v === 'unknown') unknownCount++;
  return { ports: span, port: first.port, matrix, tracedClassPairs, traced, traceCount, unknownCount };
}
