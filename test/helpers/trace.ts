// Trace matchers for engine tests: run a flow, check the trace contract, and assert
// verdicts, hop ids and explanation codes (never message text).
import { expect } from 'vitest';
import { traceProblems } from '../../src/engine/check-trace.js';
import type { FlowProtocol, TraceResult } from '../../src/engine/query.js';
import type { Trace } from '../../src/engine/trace.js';
import { isQueryError, traceFlow } from '../../src/engine/trace-flow.js';
import type { Topology } from '../../src/model/topology.js';

/** Trace a flow with a single destination address; every trace must be well-formed. */
export function trace(t: Topology, from: string, to: string, port?: number, protocol: FlowProtocol = 'tcp'): Trace {
  const r = traceAll(t, from, to, port, protocol);
  expect(r.traces).toHaveLength(1);
  return r.traces[0]!;
}

/** Trace a flow that may resolve to several addresses. */
export function traceAll(t: Topology, from: string, to: string, port?: number, protocol: FlowProtocol = 'tcp'): TraceResult {
  const r = traceFlow(t, { from, to, protocol, port });
  if (isQueryError(r)) throw new Error(`query error: ${r.message}`);
  for (const tr of r.traces) expect(traceProblems(tr)).toEqual([]);
  return r;
}

/** Component ids of the forward path, in order. */
export function hopIds(t: Trace): string[] {
  return t.hops.map((h) => h.component.id);
}

/** Component ids of the return path, in order. */
export function returnHopIds(t: Trace): string[] {
  return t.returnHops.map((h) => h.component.id);
}

/** Explanation codes, in order. */
export function codes(t: Trace): string[] {
  return t.explanations.map((e) => e.code);
}

/** The hop that stopped the packet (forward or back). */
export function stoppingHop(t: Trace): Trace['hops'][number] | undefined {
  const all = [...t.hops, ...t.returnHops];
  return all.find((h) => h.action === 'denied' || h.action === 'dropped');
}

/** Assert a reachable trace whose forward path crosses the given ids in order. */
export function expectReachableVia(t: Trace, ids: readonly string[]): void {
  expect(t.reachable, JSON.stringify(t.explanations)).toBe(true);
  const path = hopIds(t);
  let i = 0;
  for (const id of path) if (id === ids[i]) i++;
  expect(i, `path ${path.join(' > ')} should cross ${ids.join(' > ')}`).toBe(ids.length);
}

/** Assert an unreachable trace carrying `code`, stopped at component `at`. */
export function expectBlocked(t: Trace, code: string, at: string): void {
  expect(t.reachable).toBe(false);
  expect(codes(t)).toContain(code);
  expect(stoppingHop(t)?.component.id).toBe(at);
}
