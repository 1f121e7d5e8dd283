// Reading a relation: one pair's verdict, the groups (instance classes, and every other end
// on its own), the group-to-group relation, pair counts, and a witness pair per group pair
// to run through `trace`. Self pairs (an end to itself) are not part of the relation.
import { getBit, popcount } from './bitset.js';
import { inMatrix, pairKey, type PairVerdict, type PortRelation, type ReachRelation } from './reach-relation.js';
import { selfPair, type ReachEnd, type ReachEndKind } from './reach-ends.js';

/** A set of ends that share one fate: an instance class, or an end of another kind alone. */
export interface ReachGroup {
  /** `c<N>` for instance class N; the end's own id for an end of another kind. */
  readonly id: string;
  readonly kind: ReachEndKind;
  /** Members on this side (the query's --from or --to may leave some out). */
  readonly members: readonly string[];
  /** The class index for instance classes. */
  readonly classIndex: number | undefined;
  readonly vpc: string | undefined;
  readonly subnet: string | undefined;
  readonly securityGroups: readonly string[];
  /** An on-premises host's network. */
  readonly network?: string;
}

/** A group pair's verdict: all pairs alike, or (only if a class were unsound) mixed. */
export type GroupVerdict = PairVerdict | 'mixed';

/** The groups of a relation, for sources and for destinations. */
export interface RelationGroups {
  readonly sources: readonly ReachGroup[];
  readonly destinations: readonly ReachGroup[];
}

function sideGroups(rel: ReachRelation, ends: readonly ReachEnd[]): ReachGroup[] {
  const chosen = new Set(ends.map((e) => e.id));
  const out: ReachGroup[] = [];
  for (const c of rel.partition.classes) {
    const members = c.members.filter((m) => chosen.has(m));
    if (members.length > 0) out.push({ id: `c${c.index}`, kind: 'instance', members, classIndex: c.index, vpc: c.vpc, subnet: c.subnet, securityGroups: c.securityGroups });
  }
  for (const e of ends) {
    if (inMatrix(e)) continue;
    out.push({ id: e.id, kind: e.kind, members: [e.id], classIndex: undefined, vpc: e.eni?.vpc, subnet: e.eni?.subnet, securityGroups: e.eni?.securityGroups ?? [], ...(e.network !== undefined ? { network: e.network } : {}) });
  }
  return out;
}

/** Group the ends of a relation. */
export function relationGroups(rel: ReachRelation): RelationGroups {
  return { sources: sideGroups(rel, rel.ends.sources), destinations: sideGroups(rel, rel.ends.destinations) };
}

/** The verdict for one pair of ends (ids as trace takes them). */
export function pairVerdict(rel: ReachRelation, port: PortRelation, source: ReachEnd, destination: ReachEnd): PairVerdict {
  if (inMatrix(source) && inMatrix(destination)) {
    const s = rel.partition.classOf.get(source.id)!;
    const d = rel.partition.classOf.get(destination.id)!;
    if (!port.tracedClassPairs.has(s * rel.space.n + d)) return getBit(port.matrix, d, s * rel.space.words) ? 'reachable' : 'unreachable';
  }
  return port.traced.get(pairKey(source.id, destination.id)) ?? 'unknown';
}

const endMaps = new WeakMap<ReachRelation, { sources: Map<string, ReachEnd>; destinations: Map<string, ReachEnd> }>();

/** The ends of a relation by id, per side. */
function endsById(rel: ReachRelation): { sources: Map<string, ReachEnd>; destinations: Map<string, ReachEnd> } {
  let m = endMaps.get(rel);
  if (!m) {
    m = { sources: new Map(rel.ends.sources.map((e) => [e.id, e])), destinations: new Map(rel.ends.destinations.map((e) => [e.id, e])) };
    endMaps.set(rel, m);
  }
  return m;
}

/** Whether two member ids are a self pair (see selfPair). */
function selfMembers(rel: ReachRelation, a: string, b: string): boolean {
  if (a === b) return true;
  const m = endsById(rel);
  const from = m.sources.get(a);
  const to = m.destinations.get(b);
  return from !== undefined && to !== undefined && selfPair(from, to);
}

/** Self pairs between two groups: an end and itself, an interface and its own secondary addresses. */
function selfPairCount(rel: ReachRelation, source: ReachGroup, destination: ReachGroup): number {
  let self = 0;
  if (source.id === destination.id) {
    const mine = new Set(source.members);
    self = destination.members.filter((m) => mine.has(m)).length;
  }
  const m = endsById(rel);
  for (const b of destination.members) {
    const to = m.destinations.get(b);
    if (to?.kind !== 'secondaryAddress') continue;
    for (const a of source.members) {
      const from = m.sources.get(a);
      if (from && from.id !== to.id && selfPair(from, to)) self++;
    }
  }
  return self;
}

/** The verdict of a group pair, how many pairs it holds, and how many are reachable or unknown. */
export function groupPairVerdict(rel: ReachRelation, port: PortRelation, source: ReachGroup, destination: ReachGroup): { verdict: GroupVerdict; pairs: number; reachable: number; unknown: number } {
  const pairs = source.members.length * destination.members.length - selfPairCount(rel, source, destination);
  if (source.classIndex !== undefined && destination.classIndex !== undefined && !port.tracedClassPairs.has(source.classIndex * rel.space.n + destination.classIndex)) {
    const yes = getBit(port.matrix, destination.classIndex, source.classIndex * rel.space.words);
    return { verdict: yes ? 'reachable' : 'unreachable', pairs, reachable: yes ? pairs : 0, unknown: 0 };
  }
  let reachable = 0;
  let unknown = 0;
  for (const a of source.members) {
    for (const b of destination.members) {
      if (selfMembers(rel, a, b)) continue;
      const v = port.traced.get(pairKey(a, b)) ?? 'unknown';
      if (v === 'reachable') reachable++;
      else if (v === 'unknown') unknown++;
    }
  }
  const verdict: GroupVerdict = unknown > 0 ? 'unknown' : reachable === pairs ? 'reachable' : reachable === 0 ? 'unreachable' : 'mixed';
  return { verdict, pairs, reachable, unknown };
}

/** Reachable, unknown and all pairs of the relation for one port. */
export function countPairs(rel: ReachRelation, port: PortRelation, groups: RelationGroups): { reachable: number; unknown: number; total: number } {
  const { n, words } = rel.space;
  const srcSize = new Float64Array(n);
  const dstSize = new Float64Array(words * 32);
  const both = new Float64Array(n);
  for (const g of groups.sources) if (g.classIndex !== undefined) srcSize[g.classIndex] = g.members.length;
  const dstMembers = new Map<number, ReadonlySet<string>>();
  for (const g of groups.destinations) {
    if (g.classIndex === undefined) continue;
    dstSize[g.classIndex] = g.members.length;
    dstMembers.set(g.classIndex, new Set(g.members));
  }
  for (const g of groups.sources) {
    const d = g.classIndex === undefined ? undefined : dstMembers.get(g.classIndex);
    if (d) both[g.classIndex!] = g.members.filter((m) => d.has(m)).length;
  }
  // Words whose 32 destination classes hold one member each: their pairs are a popcount.
  const singles = new Uint8Array(words);
  for (let w = 0; w < words; w++) singles[w] = dstSize.subarray(w * 32, w * 32 + 32).every((x, i) => x === 1 || w * 32 + i >= n) ? 1 : 0;
  let reachable = 0;
  for (let s = 0; s < n; s++) {
    const size = srcSize[s]!;
    if (size === 0) continue;
    const o = s * words;
    for (let w = 0; w < words; w++) {
      const x = port.matrix[o + w]!;
      if (x === 0) continue;
      if (singles[w] === 1) {
        reachable += popcount(x) * size;
        continue;
      }
      for (let b = 0; b < 32; b++) if ((x >>> b) & 1) reachable += size * dstSize[w * 32 + b]!;
    }
    // A class reaching itself: its members' pairs with each other, not with themselves.
    if (getBit(port.matrix, s, o)) reachable -= both[s]!;
  }
  let unknown = 0;
  for (const v of port.traced.values()) {
    if (v === 'reachable') reachable++;
    else if (v === 'unknown') unknown++;
  }
  const destinationIds = new Set(rel.ends.destinations.map((d) => d.id));
  let overlap = rel.ends.sources.filter((e) => destinationIds.has(e.id)).length;
  // An interface and its own secondary addresses are no pair: out of the total, and out of
  // the matrix count where the class bit counted them.
  const { classOf } = rel.partition;
  for (const d of rel.ends.destinations) {
    if (d.kind !== 'secondaryAddress') continue;
    for (const s of rel.ends.sources) {
      if (s.id === d.id || !selfPair(s, d)) continue;
      overlap++;
      const sc = classOf.get(s.id);
      const dc = classOf.get(d.id);
      if (sc !== undefined && dc !== undefined && !port.tracedClassPairs.has(sc * n + dc) && getBit(port.matrix, dc, sc * words)) reachable--;
    }
  }
  return { reachable, unknown, total: rel.ends.sources.length * rel.ends.destinations.length - overlap };
}

/** One pair of a group pair to explain with `trace`: the first members that are no self pair. */
export function witnessPair(rel: ReachRelation, source: ReachGroup, destination: ReachGroup): { from: string; to: string } | undefined {
  for (const from of source.members) for (const to of destination.members) if (!selfMembers(rel, from, to)) return { from, to };
  return undefined;
}
