// The all-pairs engine's entry: atoms, classes and route fates once, then for each port (or
// port atom) the class join, and the pairs it leaves to the trace engine traced one by one.
import type { Topology } from '../model/topology.js';
import { buildAtoms } from './address-atoms.js';
import { classSpace } from './class-rows.js';
import { formClasses } from './form-classes.js';
import { joinClasses } from './join-classes.js';
import { portAtoms, type PortSpan } from './port-atoms.js';
import { collectEnds, selfPair, type ReachEnd } from './reach-ends.js';
import { forwardPacket } from './reach-packet.js';
import type { PortRelation, ReachQuery, ReachRelation } from './reach-relation.js';
import { routeFates } from './route-fates.js';
import { tracePairs, type PairToTrace } from './trace-pairs.js';

/** Default of ReachQuery.maxTraces. */
export const DEFAULT_MAX_TRACES = 50_000;

/** Compute the reachability relation of a topology for a protocol and port (or every port). */
export function computeReach(topology: Topology, query: ReachQuery): ReachRelation {
  const t0 = performance.now();
  const atoms = buildAtoms(topology);
  const partition = formClasses(topology, atoms);
  const { classes } = partition;
  const classAtoms = [...new Set(classes.map((c) => c.atom))];
  const atomSlot = new Map(classAtoms.map((a, i) => [a, i]));
  const atomIndex = Int32Array.from(classes.map((c) => atomSlot.get(c.atom)!));
  const fates = routeFates(topology, atoms, classAtoms);
  const space = classSpace(topology, classes);
  const all = collectEnds(topology);
  const sourceEnd = new Map(all.sources.map((e) => [e.id, e]));
  const destinationEnd = new Map(all.destinations.map((e) => [e.id, e]));
  const ends = {
    sources: query.sources ? all.sources.filter((e) => query.sources!.has(e.id)) : all.sources,
    destinations: query.destinations ? all.destinations.filter((e) => query.destinations!.has(e.id)) : all.destinations,
  };
  const t1 = performance.now();
  const spans = portSpans(topology, query);
  let budget = query.maxTraces ?? DEFAULT_MAX_TRACES;
  let joinMs = 0;
  let traceMs = 0;
  const ports: PortRelation[] = [];
  for (const span of spans) {
    const port = span?.from;
    const j0 = performance.now();
    const join = joinClasses(space, fates, atomIndex, forwardPacket(query.protocol, port));
    const j1 = performance.now();
    const tracedClassPairs = new Set<number>();
    const pairs: PairToTrace[] = [];
    const wantSource = (id: string): boolean => query.sources === undefined || query.sources.has(id);
    const wantDestination = (id: string): boolean => query.destinations === undefined || query.destinations.has(id);
    for (const [s, d] of join.complex) {
      tracedClassPairs.add(s * space.n + d);
      for (const from of classes[s]!.members) {
        const a = sourceEnd.get(from);
        if (!a || !wantSource(from)) continue;
        for (const to of classes[d]!.members) if (!selfPair(a, destinationEnd.get(to)!) && wantDestination(to)) pairs.push({ from, to });
      }
    }
    pairs.push(...outsideMatrix(ends.sources, ends.destinations));
    const done = tracePairs(topology, query, port, pairs, budget);
    budget = Math.max(0, budget - done.count);
    traceMs += performance.now() - j1;
    joinMs += j1 - j0;
    ports.push({ ports: span, port, matrix: join.matrix, tracedClassPairs, traced: done.traced, traceCount: done.count, unknownCount: done.unknown });
  }
  return {
    topology, query, ends, partition, space, ports,
    stats: { atoms: atoms.starts.length, classes: classes.length, classMs: t1 - t0, joinMs, traceMs },
  };
}

/** The port spans a query asks for: one port, or the port atoms of a range or of every port. */
function portSpans(topology: Topology, query: ReachQuery): (PortSpan | undefined)[] {
  const p = query.port;
  if (p === undefined) return [undefined];
  if (typeof p === 'number') return [{ from: p, to: p }];
  const atoms = portAtoms(topology, query.protocol);
  if (atoms.length === 0) return [undefined];
  if (p === 'all') return atoms;
  return atoms.filter((a) => a.to >= p.from && a.from <= p.to).map((a) => ({ from: Math.max(a.from, p.from), to: Math.min(a.to, p.to) }));
}

/** Pairs with an end outside the class matrix, self pairs left out. */
function outsideMatrix(sources: readonly ReachEnd[], destinations: readonly ReachEnd[]): PairToTrace[] {
  const out: PairToTrace[] = [];
  const otherDestinations = destinations.filter((d) => !d.inMatrix);
  for (const s of sources) {
    for (const d of s.inMatrix ? otherDestinations : destinations) if (!selfPair(s, d)) out.push({ from: s.id, to: d.id });
  }
  return out;
}
