// The flow a check asks for one pair, and the engine entry point checks are run with.
import type { Check } from '../model/check.js';
import type { Topology } from '../model/topology.js';
import type { FlowProtocol, FlowQuery, QueryError, TraceResult } from '../engine/query.js';

/** The engine entry point, or a stand-in with the same contract. */
export type TraceFn = (topology: Topology, query: FlowQuery) => TraceResult | QueryError;

/** The flow asked for one pair; principal, action and resource pass through for endpoint policies. */
export function queryOf(check: Check, from: string, to: string, protocol: FlowProtocol, port: number | undefined): FlowQuery {
  return {
    from,
    to,
    protocol,
    port,
    ...(check.sourcePort !== undefined ? { sourcePort: check.sourcePort } : {}),
    ...(check.principal !== undefined ? { principal: check.principal } : {}),
    ...(check.action !== undefined ? { action: check.action } : {}),
    ...(check.resource !== undefined ? { resource: check.resource } : {}),
  };
}
