// The pairs of ends that fail a check answered by the all-pairs engine, counted from the class
// matrices (class sizes, never pair by pair) and listed by group pair: an instance class, or an
// end of another kind on its own. Pairs a relation traced one by one (through translators, or
// with an end that is not an instance) are read pair by pair from its traced verdicts.
import { getBit } from '../reach/bitset.js';
import type { PortSpan } from '../reach/port-atoms.js';
import { groupPairVerdict, pairVerdict, witnessPair, type ReachGroup, type RelationGroups } from '../reach/query-relation.js';
import { selfPair, type ReachEnd } from '../reach/reach-ends.js';
import type { PairVerdict, PortRelation, ReachRelation } from '../reach/reach-relation.js';

/** One port atom (or the one port) of one relation, and the verdict that fails the check on it. */
export interface Leg {
  readonly rel: ReachRelation;
  readonly port: PortRelation;
  readonly failsOn: 'reachable' | 'unreachable';
  /** The ports of this leg a failure is on (an atom minus the allowed ports); undefined: no ports (protocol all, ICMP echo). */
  readonly extras: readonly PortSpan[] | undefined;
}

/** A group pair whose pairs fail, with one failing pair and the legs it fails on. */
export interface FailingGroupPair {
  readonly source: ReachGroup;
  readonly destination: ReachGroup;
  /** Failing pairs of ends in the group pair. */
  readonly pairs: number;
  readonly from: string;
  readonly to: string;
  /** The legs the pair `from -> to` fails on, in order (at least one). */
  readonly legs: readonly Leg[];
}

/** Every failing pair counted, the first `limit` failing group pairs listed. */
export interface FailingPairs {
  readonly count: number;
  readonly unknown: number;
  readonly first: readonly FailingGroupPair[];
}

/** Failing pairs over the legs of a question (every leg computed over one class partition). */
export function failingPairs(legs: readonly Leg[], groups: RelationGroups, limit: number): FailingPairs {
  const first: FailingGroupPair[] = [];
  let count = 0;
  let unknown = 0;
  if (legs.length === 0) return { count, unknown, first };
  const rel0 = legs[0]!.rel;
  const { n, words } = rel0.space;
  const ends = new Map<string, ReachEnd>([...rel0.ends.sources, ...rel0.ends.destinations].map((e) => [e.id, e]));

  // Class pairs traced one by one on some leg are read pair by pair on every leg.
  const tracedBySource = new Map<number, number[]>();
  for (const leg of legs) {
    for (const x of leg.port.tracedClassPairs) {
      const s = Math.floor(x / n);
      const list = tracedBySource.get(s) ?? [];
      if (!list.includes(x % n)) list.push(x % n);
      tracedBySource.set(s, list);
    }
  }
  for (const list of tracedBySource.values()) list.sort((a, b) => a - b);

  // F: class s fails toward class d on some leg.
  const fails = new Uint32Array(n * words);
  for (const leg of legs) {
    const m = leg.port.matrix;
    if (leg.failsOn === 'reachable') for (let i = 0; i < fails.length; i++) fails[i]! |= m[i]!;
    else for (let i = 0; i < fails.length; i++) fails[i]! |= ~m[i]!;
  }
  for (const [s, ds] of tracedBySource) for (const d of ds) fails[s * words + (d >>> 5)]! &= ~(1 << (d & 31));

  const dstByClass = new Map<number, ReachGroup>();
  const others: ReachGroup[] = [];
  for (const g of groups.destinations) {
    if (g.classIndex === undefined) others.push(g);
    else dstByClass.set(g.classIndex, g);
  }
  const failingLegs = (from: string, to: string): { legs: Leg[]; unknown: boolean } => {
    const a = ends.get(from)!;
    const b = ends.get(to)!;
    const out: Leg[] = [];
    let unsure = false;
    for (const leg of legs) {
      const v: PairVerdict = pairVerdict(leg.rel, leg.port, a, b);
      if (v === leg.failsOn) out.push(leg);
      else if (v === 'unknown') unsure = true;
    }
    return { legs: out, unknown: unsure && out.length === 0 };
  };
  // A group pair read pair by pair.
  const byPairs = (source: ReachGroup, destination: ReachGroup): void => {
    let pairs = 0;
    let witness: { from: string; to: string; legs: Leg[] } | undefined;
    for (const from of source.members) {
      for (const to of destination.members) {
        // An end and itself, or an interface and its own secondary address, are no pair.
        if (selfPair(ends.get(from)!, ends.get(to)!)) continue;
        const r = failingLegs(from, to);
        if (r.unknown) unknown++;
        if (r.legs.length === 0) continue;
        pairs++;
        witness ??= { from, to, legs: r.legs };
      }
    }
    if (!witness) return;
    count += pairs;
    if (first.length < limit) first.push({ source, destination, pairs, ...witness });
  };

  for (const source of groups.sources) {
    const s = source.classIndex;
    if (s === undefined) {
      for (const destination of groups.destinations) byPairs(source, destination);
      continue;
    }
    const o = s * words;
    for (let w = 0; w < words; w++) {
      const x = fails[o + w]!;
      if (x === 0) continue;
      for (let b = 0; b < 32; b++) {
        if (((x >>> b) & 1) === 0) continue;
        const d = w * 32 + b;
        const destination = dstByClass.get(d);
        if (!destination) continue;
        const { pairs } = groupPairVerdict(rel0, legs[0]!.port, source, destination);
        if (pairs === 0) continue;
        count += pairs;
        if (first.length >= limit) continue;
        const pair = witnessPair(rel0, source, destination)!;
        const legsHere = legs.filter((leg) => getBit(leg.port.matrix, d, o) === (leg.failsOn === 'reachable'));
        first.push({ source, destination, pairs, ...pair, legs: legsHere });
      }
    }
    for (const d of tracedBySource.get(s) ?? []) {
      const destination = dstByClass.get(d);
      if (destination) byPairs(source, destination);
    }
    for (const destination of others) byPairs(source, destination);
  }
  return { count, unknown, first };
}
