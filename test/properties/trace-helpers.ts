// Tracing inside properties: every generated flow is a valid query, so a QueryError fails
// the property with its message.
import type { FlowQuery, TraceResult } from '../../src/engine/query.js';
import { isQueryError, traceFlow } from '../../src/engine/trace-flow.js';
import type { Hop, Trace } from '../../src/engine/trace.js';
import type { Topology } from '../../src/model/topology.js';

/** Trace a flow that must be a valid query. */
export function traceOk(topology: Topology, flow: FlowQuery): TraceResult {
  const r = traceFlow(topology, flow);
  if (isQueryError(r)) throw new Error(`query error for ${JSON.stringify(flow)}: ${r.message}`);
  return r;
}

/** The forward path ended with the packet delivered (whatever happened to the reply). */
export function forwardDelivered(t: Trace): boolean {
  return t.hops[t.hops.length - 1]?.action === 'delivered';
}

/** The hop that stopped a path, if one did. */
export function stoppingHop(hops: readonly Hop[]): Hop | undefined {
  const last = hops[hops.length - 1];
  return last && (last.action === 'denied' || last.action === 'dropped') ? last : undefined;
}

/** One line per trace: verdict, codes and hop ids, for assertion messages. */
export function summary(r: TraceResult): string {
  return r.traces
    .map((t) => `${t.reachable ? 'reachable' : 'unreachable'} [${t.explanations.map((e) => e.code).join(',')}] ${t.hops.map((h) => `${h.component.id}:${h.action}`).join(' > ')} || ${t.returnHops.map((h) => `${h.component.id}:${h.action}`).join(' > ')}`)
    .join('\n');
}
