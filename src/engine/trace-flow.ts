// The engine's entry point: answer a flow query on a topology with one trace per concrete
// path. (Provisional: the packet walker lands in the next commits.)
import type { Topology } from '../model/topology.js';
import type { FlowQuery, QueryError, TraceResult } from './query.js';

/** Trace a flow. A query that names nothing known is a QueryError (exit 2 at the CLI). */
export function traceFlow(topology: Topology, query: FlowQuery): TraceResult | QueryError {
  void topology;
  void query;
  throw new Error('traceFlow: the packet walker is not built yet');
}

/** Whether an answer is a query error. */
export function isQueryError(r: TraceResult | QueryError): r is QueryError {
  return (r as QueryError).kind === 'queryError';
}
