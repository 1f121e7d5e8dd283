// Two relations over the same ends compared piece by piece: for every block pair (ends
// alike in both versions) and every port piece, the verdict in OLD and in NEW. Block pairs
// both matrices answer cost two bit reads; pairs either version traced one by one are
// compared pair by pair (their number is bounded by --max-traces).
import { getBit } from '../reach/bitset.js';
import { pairVerdict } from '../reach/query-relation.js';
import type { PortSpan } from '../reach/port-atoms.js';
import { selfPair, type ReachEnd } from '../reach/reach-ends.js';
import { pairKey, type PairVerdict, type PortRelation, type ReachRelation } from '../reach/reach-relation.js';
import type { PortPiece } from './overlay-ports.js';
import type { Block } from './refine-groups.js';

/** Sources x destinations whose verdict differs on one port piece. */
export interface ChangedCell {
  readonly sourceKey: string;
  readonly destinationKey: string;
  readonly sources: readonly string[];
  readonly destinations: readonly string[];
  readonly ports: PortSpan | undefined;
  readonly before: PairVerdict;
  readonly after: PairVerdict;
}

/** The cells that changed, and how many pairs are unknown in both versions alike. */
export interface Comparison {
  readonly cells: ChangedCell[];
  readonly unknownPairs: number;
}

interface Side {
  readonly rel: ReachRelation;
  readonly ends: ReadonlyMap<string, ReachEnd>;
}

function side(rel: ReachRelation): Side {
  return { rel, ends: new Map([...rel.ends.sources, ...rel.ends.destinations].map((e) => [e.id, e])) };
}

/** Whether the class matrix answers a block pair on a port (no pair of it was traced). */
function fromMatrix(rel: ReachRelation, port: PortRelation, s: number | undefined, d: number | undefined): boolean {
  return s !== undefined && d !== undefined && !port.tracedClassPairs.has(s * rel.space.n + d);
}

function pairOf(s: Side, port: PortRelation, a: string, b: string): PairVerdict {
  return pairVerdict(s.rel, port, s.ends.get(a)!, s.ends.get(b)!);
}

/** Compare two relations computed over the same ends. */
export function compareRelations(oldRel: ReachRelation, newRel: ReachRelation, pieces: readonly PortPiece[], sources: readonly Block[], destinations: readonly Block[]): Comparison {
  const o = side(oldRel);
  const n = side(newRel);
  const cells: ChangedCell[] = [];
  const unknown = new Set<string>();
  const destinationOf = new Map<string, number>();
  destinations.forEach((b, i) => b.members.forEach((m) => destinationOf.set(m, i)));
  for (const a of sources) {
    // Ends on both sides: a pair of an end with itself is not a pair.
    const overlap = new Map<number, number>();
    for (const m of a.members) {
      const i = destinationOf.get(m);
      if (i !== undefined) overlap.set(i, (overlap.get(i) ?? 0) + 1);
    }
    for (const piece of pieces) {
      for (let i = 0; i < destinations.length; i++) {
        const b = destinations[i]!;
        if (a.members.length * b.members.length - (overlap.get(i) ?? 0) === 0) continue;
        const oldFast = fromMatrix(oldRel, piece.old, a.old.classIndex, b.old.classIndex);
        const newFast = fromMatrix(newRel, piece.new, a.new.classIndex, b.new.classIndex);
        if (oldFast && newFast) {
          const before = getBit(piece.old.matrix, b.old.classIndex!, a.old.classIndex! * oldRel.space.words);
          const after = getBit(piece.new.matrix, b.new.classIndex!, a.new.classIndex! * newRel.space.words);
          if (before !== after) cells.push(cell(a.key, b.key, a.members, b.members, piece.ports, before ? 'reachable' : 'unreachable', after ? 'reachable' : 'unreachable'));
          continue;
        }
        comparePairs(o, n, piece, a, b, cells, unknown);
      }
    }
  }
  return { cells, unknownPairs: unknown.size };
}

/** A block pair compared pair by pair: one cell when every pair changed alike, else a cell per pair. */
function comparePairs(o: Side, n: Side, piece: PortPiece, a: Block, b: Block, cells: ChangedCell[], unknown: Set<string>): void {
  const changed: { from: string; to: string; before: PairVerdict; after: PairVerdict }[] = [];
  let same = 0;
  for (const from of a.members) {
    for (const to of b.members) {
      if (selfPair(o.ends.get(from)!, o.ends.get(to)!)) continue;
      const before = pairOf(o, piece.old, from, to);
      const after = pairOf(n, piece.new, from, to);
      if (before === after) {
        same++;
        if (before === 'unknown') unknown.add(pairKey(from, to));
      } else changed.push({ from, to, before, after });
    }
  }
  if (changed.length === 0) return;
  const first = changed[0]!;
  if (same === 0 && changed.every((c) => c.before === first.before && c.after === first.after)) {
    cells.push(cell(a.key, b.key, a.members, b.members, piece.ports, first.before, first.after));
    return;
  }
  for (const c of changed) cells.push(cell(`=${c.from}`, `=${c.to}`, [c.from], [c.to], piece.ports, c.before, c.after));
}

function cell(sourceKey: string, destinationKey: string, sources: readonly string[], destinations: readonly string[], ports: PortSpan | undefined, before: PairVerdict, after: PairVerdict): ChangedCell {
  return { sourceKey, destinationKey, sources, destinations, ports, before, after };
}
