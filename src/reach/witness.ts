// Witnesses: one representative pair per group pair, run through the trace engine, so that
// every answer of the relation can be explained hop by hop. A witness whose trace verdict
// differs from the relation's is a bug in one engine, and is reported as such.
import { isQueryError, traceFlow } from '../engine/trace-flow.js';
import type { TraceResult } from '../engine/query.js';
import { groupPairVerdict, witnessPair, type GroupVerdict, type ReachGroup, type RelationGroups } from './query-relation.js';
import type { PortRelation, ReachRelation } from './reach-relation.js';

/** Most witnesses one call traces. */
export const WITNESS_LIMIT = 500;

/** A traced representative of a group pair. */
export interface Witness {
  readonly source: string;
  readonly destination: string;
  readonly verdict: GroupVerdict;
  readonly from: string;
  readonly to: string;
  /** The trace of the representative pair; undefined when the trace engine refused the query. */
  readonly trace: TraceResult | undefined;
  /** Whether the trace's verdict is the relation's. */
  readonly agrees: boolean;
}

/** Trace one pair of a group pair. */
export function traceWitness(rel: ReachRelation, port: PortRelation, source: ReachGroup, destination: ReachGroup): Witness | undefined {
  const pair = witnessPair(rel, source, destination);
  if (!pair) return undefined;
  const { verdict } = groupPairVerdict(rel, port, source, destination);
  const r = traceFlow(rel.topology, { from: pair.from, to: pair.to, protocol: rel.query.protocol, port: port.port });
  const trace = isQueryError(r) ? undefined : r;
  const agrees = trace === undefined ? verdict === 'unknown' : verdict === (trace.reachable ? 'reachable' : 'unreachable') || verdict === 'mixed';
  return { source: source.id, destination: destination.id, verdict, ...pair, trace, agrees };
}

/** Witnesses for the group pairs of a relation, in order, at most WITNESS_LIMIT; and how many were left out. */
export function traceWitnesses(rel: ReachRelation, port: PortRelation, groups: RelationGroups): { witnesses: Witness[]; omitted: number } {
  const witnesses: Witness[] = [];
  let omitted = 0;
  for (const s of groups.sources) {
    for (const d of groups.destinations) {
      if (witnessPair(rel, s, d) === undefined) continue;
      if (witnesses.length >= WITNESS_LIMIT) {
        omitted++;
        continue;
      }
      const w = traceWitness(rel, port, s, d);
      if (w) witnesses.push(w);
    }
  }
  return { witnesses, omitted };
}
