// A stand-in for the engine in runner tests: answers come from a table keyed by
// "from -> to" (or "from -> to proto/port" for one probe), so a test states the paths it
// needs and nothing else. Unknown flows are unreachable with NO_PATH.
import type { ExplanationCode } from '../../src/engine/explanation-codes.js';
import type { FlowQuery, QueryError, TraceResult } from '../../src/engine/query.js';
import type { ComponentKind, Hop, Trace } from '../../src/engine/trace.js';
import type { Span } from '../../src/model/span.js';
import type { TraceFn } from '../../src/scenarios/run-check.js';

/** One path of a fake answer. */
export interface FakePath {
  readonly reachable: boolean;
  /** Forward hops as [id, kind]; the last one is denied when the path is unreachable. */
  readonly hops: readonly (readonly [string, ComponentKind])[];
  readonly codes?: readonly ExplanationCode[];
  readonly at?: Span;
}

/** A span in the fake file. */
export function span(line: number, col = 7, file = 'test.yaml'): Span {
  return { file, line, col, endLine: line, endCol: col + 10 };
}

function traceOf(q: FlowQuery, p: FakePath): Trace {
  const hops: Hop[] = p.hops.map(([id, kind], i) => ({
    component: { id, kind },
    action: !p.reachable && i === p.hops.length - 1 ? 'denied' : 'forwarded',
    detail: !p.reachable && i === p.hops.length - 1 ? `${id} denies it` : `${id} forwards it`,
    location: !p.reachable && i === p.hops.length - 1 ? p.at : undefined,
    packet: { src: q.from, dst: q.to, protocol: q.protocol, srcPort: 49152, dstPort: q.port },
  }));
  const codes = p.codes ?? (p.reachable ? [] : ['NO_PATH' as const]);
  return {
    flow: { from: q.from, to: q.to, protocol: q.protocol, srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort: 49152, dstPort: q.port },
    reachable: p.reachable,
    hops,
    returnHops: [],
    explanations: codes.map((code) => ({ code, message: `${code} at ${p.hops[p.hops.length - 1]?.[0] ?? '?'}`, component: undefined, location: p.at })),
  };
}

/** A tracer answering from a table; every query it receives is pushed onto `calls`. */
export function fakeTracer(table: Record<string, FakePath | readonly FakePath[] | QueryError>, calls: FlowQuery[] = []): TraceFn {
  return (_topology, q) => {
    calls.push(q);
    const port = q.port === undefined ? '' : `/${q.port}`;
    const entry = table[`${q.from} -> ${q.to} ${q.protocol}${port}`] ?? table[`${q.from} -> ${q.to}`];
    if (entry && 'kind' in entry) return entry;
    const paths: readonly FakePath[] = entry === undefined ? [{ reachable: false, hops: [[q.from, 'instance']] }] : Array.isArray(entry) ? entry : [entry as FakePath];
    const traces = paths.map((p) => traceOf(q, p));
    const result: TraceResult = { query: q, reachable: traces.every((t) => t.reachable), traces };
    return result;
  };
}
