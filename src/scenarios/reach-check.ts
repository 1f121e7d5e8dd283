// Checks answered by the all-pairs engine (src/reach) instead of one trace per pair: an
// `isolated` check over every protocol and every port atom (exact, not a list of probes), and
// a verdict check whose selectors expand to more pairs than are traced one by one. The
// relations are computed once per protocol; legs-of cuts them into what fails the check.
import type { Check } from '../model/check.js';
import type { Topology } from '../model/topology.js';
import { DEFAULT_SOURCE_PORT, type FlowProtocol } from '../engine/query.js';
import { collectEnds, selfPair } from '../reach/reach-ends.js';
import { computeReach } from '../reach/compute-reach.js';
import { portAtoms, type PortSpan } from '../reach/port-atoms.js';
import { buildAtoms } from '../reach/address-atoms.js';
import { formClasses } from '../reach/form-classes.js';
import type { ReachRelation } from '../reach/reach-relation.js';
import type { Leg } from './failing-class-pairs.js';
import { subtractSpans } from './port-spans.js';

/** Ports (or ICMP types) a flow may be reachable on, by protocol; a protocol absent allows none. */
export type AllowedPorts = ReadonlyMap<FlowProtocol, readonly PortSpan[]>;

/** What a check answered by reach asks of every pair. */
export type ReachAsk =
  | { readonly kind: 'verdict'; readonly verdict: 'reachable' | 'unreachable' }
  /** Nothing reachable but on these ports (none: an `isolated` check). */
  | { readonly kind: 'nothingBut'; readonly allowed: AllowedPorts };

/**
 * The protocols an isolation question covers: every TCP and UDP port, every ICMP type, and a
 * flow of all protocols (which only rules of all protocols pass).
 */
export const ISOLATION_PROTOCOLS: readonly FlowProtocol[] = ['tcp', 'udp', 'icmp', 'all'];

/**
 * Whether the all-pairs engine answers this check over these ends exactly as the trace
 * engine would: every end is an end of the relation (an instance or network interface, an
 * interface endpoint's or NLB's interface, an internet host: not an IP or a DNS name), the
 * source port is the default, and no endpoint policy input is given.
 */
export function reachAnswers(topology: Topology, check: Check, from: readonly string[], to: readonly string[]): boolean {
  if (check.sourcePort !== undefined && check.sourcePort !== DEFAULT_SOURCE_PORT) return false;
  if (check.principal !== undefined || check.action !== undefined || check.resource !== undefined) return false;
  // The relation counts a flow to an unmodelled route target as unreachable; a check says its
  // verdict rests on it (RESTS_ON_UNMODELLED), which only the traces show.
  if (topology.unmodelledTargets.size > 0) return false;
  const ends = collectEnds(topology);
  const sources = new Map(ends.sources.map((e) => [e.id, e]));
  const destinations = new Map(ends.destinations.map((e) => [e.id, e]));
  if (!from.every((id) => sources.has(id)) || !to.every((id) => destinations.has(id))) return false;
  // The relation has no pair of an interface and its own secondary address; a check traces it.
  const chosen = from.map((id) => sources.get(id)!);
  return !to.some((id) => {
    const d = destinations.get(id)!;
    return d.kind === 'secondaryAddress' && chosen.some((s) => s.id !== d.id && selfPair(s, d));
  });
}

/**
 * Most work one check may ask of the class join: classes x words of a row x port atoms (the
 * join touches each word of each row once per port atom). 20 million is about ten seconds on
 * a busy two-core machine: a 100k-instance estate in tiers fits, one where every interface is
 * a class of its own does not, and its checks are traced pair by pair within their limits.
 */
export const MAX_JOIN_WORK = 20_000_000;

// Classes per topology, counted once for every check of a file.
const classCounts = new WeakMap<Topology, number>();

/** The class join's work for a check's question (see MAX_JOIN_WORK). */
export function joinWork(topology: Topology, ask: ReachAsk): number {
  let n = classCounts.get(topology);
  if (n === undefined) {
    n = formClasses(topology, buildAtoms(topology)).classes.length;
    classCounts.set(topology, n);
  }
  const atoms = ask.kind === 'verdict'
    ? 1
    : ISOLATION_PROTOCOLS.reduce((k, p) => k + (p === 'all' ? 1 : Math.max(1, portAtoms(topology, p).length)), 0);
  return n * Math.ceil(n / 32) * atoms;
}

/** The relations a question needs, one per protocol. */
export interface ReachAnswer {
  readonly relations: readonly ReachRelation[];
  /** Pairs traced one by one (translators, ends that are not instances), over every relation. */
  readonly traced: number;
  /** Pairs left unknown because the trace budget ran out. */
  readonly unknown: number;
}

/** Compute the relations for a check's question, tracing at most `maxTraces` pairs in all. */
export function answerWithReach(topology: Topology, check: Check, ask: ReachAsk, from: readonly string[], to: readonly string[], maxTraces: number): ReachAnswer {
  const sources = new Set(from);
  const destinations = new Set(to);
  const queries = ask.kind === 'verdict'
    ? [{ protocol: check.protocol, port: check.port }]
    : ISOLATION_PROTOCOLS.map((protocol) => ({ protocol, port: protocol === 'all' ? undefined : ('all' as const) }));
  const relations: ReachRelation[] = [];
  let budget = maxTraces;
  let traced = 0;
  let unknown = 0;
  for (const q of queries) {
    const rel = computeReach(topology, { ...q, sources, destinations, maxTraces: budget });
    for (const p of rel.ports) {
      traced += p.traceCount;
      unknown += p.unknownCount;
      budget = Math.max(0, budget - p.traceCount);
    }
    relations.push(rel);
  }
  return { relations, traced, unknown };
}

/** The legs of a question: each port atom of each relation that can fail it, with the ports it fails on. */
export function legsOf(answer: ReachAnswer, ask: ReachAsk): Leg[] {
  const legs: Leg[] = [];
  for (const rel of answer.relations) {
    for (const port of rel.ports) {
      if (ask.kind === 'verdict') {
        legs.push({ rel, port, failsOn: ask.verdict === 'reachable' ? 'unreachable' : 'reachable', extras: port.ports ? [port.ports] : undefined });
        continue;
      }
      // A flow of all protocols has no ports: it is never one of the allowed ones.
      const extras = port.ports === undefined ? undefined : subtractSpans(port.ports, ask.allowed.get(rel.query.protocol) ?? []);
      if (extras !== undefined && extras.length === 0) continue;
      legs.push({ rel, port, failsOn: 'reachable', extras });
    }
  }
  return legs;
}
