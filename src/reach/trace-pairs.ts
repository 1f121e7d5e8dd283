// Pairs the class join does not answer, answered exactly by the trace engine one pair at a
// time: routes through a translator (NAT gateway toward a routable address, internet
// gateway toward a public one, Gateway Load Balancer endpoints), and pairs with an end that
// is not an instance (internet hosts, interface endpoints and their PrivateLink services,
// Network Load Balancer nodes and their targets). Bounded: past the budget a pair is
// `unknown`, and every output says how many.
import { isQueryError, traceFlow } from '../engine/trace-flow.js';
import type { FlowQuery } from '../engine/query.js';
import type { Topology } from '../model/topology.js';
import { pairKey, type PairVerdict, type ReachQuery } from './reach-relation.js';

/** A pair to trace. */
export interface PairToTrace {
  readonly from: string;
  readonly to: string;
}

/** The trace engine's verdict for one pair. */
export function tracePair(topology: Topology, query: ReachQuery, port: number | undefined, pair: PairToTrace): PairVerdict {
  const flow: FlowQuery = { from: pair.from, to: pair.to, protocol: query.protocol, port, ...query.request };
  const r = traceFlow(topology, flow);
  if (isQueryError(r)) return 'unknown';
  return r.reachable ? 'reachable' : 'unreachable';
}

/** Trace pairs up to `budget`; the rest are unknown. */
export function tracePairs(topology: Topology, query: ReachQuery, port: number | undefined, pairs: readonly PairToTrace[], budget: number): { traced: Map<string, PairVerdict>; count: number; unknown: number } {
  const traced = new Map<string, PairVerdict>();
  let count = 0;
  let unknown = 0;
  for (const p of pairs) {
    let v: PairVerdict = 'unknown';
    if (count < budget) {
      v = tracePair(topology, query, port, p);
      count++;
    }
    if (v === 'unknown') unknown++;
    traced.set(pairKey(p.from, p.to), v);
  }
  return { traced, count, unknown };
}
