// The why of a change: trace one pair of it in both versions and find where the two paths
// part. Hops are compared by component id, action and what decided (the detail with the
// pair's own addresses left out, so an address that moved does not count as a change);
// the hop where they first differ names the cause. Its location is NEW's rule when NEW has
// one there (a rule that now allows, a deny rule or blackhole route added, a state changed,
// a route sending elsewhere), and OLD's rule when NEW only falls through to the component's
// default (a rule or route removed).
// With the step machine's typed steps, hops are compared by their steps (the rule, route,
// state or policy decision as records), addresses left out; without them, by detail.
import { isQueryError, traceFlow } from '../engine/trace-flow.js';
import type { FlowProtocol } from '../engine/query.js';
import type { Hop, Trace } from '../engine/trace.js';
import type { Span } from '../model/span.js';
import type { Topology } from '../model/topology.js';
import type { PairVerdict } from '../reach/reach-relation.js';
import type { ChangeWhy, WhyHop } from './diff-result.js';

/** The API request a flow carries, for endpoint policies. */
export interface DiffRequest {
  readonly principal?: string;
  readonly action?: string;
  readonly resource?: string;
}

/** One pair of a change to explain. */
export interface WitnessQuery {
  readonly from: string;
  readonly to: string;
  readonly protocol: FlowProtocol;
  readonly port: number | undefined;
  readonly before: PairVerdict;
  readonly after: PairVerdict;
}

interface Traced {
  readonly verdict: PairVerdict;
  readonly trace: Trace | undefined;
}

/** Trace the pair; in a fan-out (load balancer targets) take the branch `like` took, else a failing one. */
function traceIn(topology: Topology, q: WitnessQuery, request: DiffRequest, like?: Trace): Traced {
  const r = traceFlow(topology, { from: q.from, to: q.to, protocol: q.protocol, port: q.port, ...request });
  if (isQueryError(r)) return { verdict: 'unknown', trace: undefined };
  const key = like?.flow.branch?.join('\u0000');
  const same = key === undefined ? undefined : r.traces.find((t) => t.flow.branch?.join('\u0000') === key);
  // Reachable only when every branch is: show a failing one.
  const trace = same ?? r.traces.find((t) => !t.reachable) ?? r.traces[0];
  return { verdict: r.reachable ? 'reachable' : 'unreachable', trace };
}

// Fields of typed steps that hold the pair's own addresses (the packet before and after,
// the destination looked up): left out, so an address that moved is not a change.
const ADDRESS_FIELDS = new Set(['packet', 'before', 'after', 'inner', 'outer', 'dst', 'clientSrc', 'seenSrc', 'address']);

/** A hop's typed steps, when the engine gives them (the step machine's walk). */
export function stepsOf(h: Hop): readonly unknown[] {
  return (h as { readonly steps?: readonly unknown[] }).steps ?? [];
}

/** What decided at a hop: its typed steps without addresses, or its detail without the pair's addresses. */
function hopKey(h: Hop, trace: Trace): string {
  const steps = stepsOf(h);
  if (steps.length > 0) return `${h.component.id}\u0000${h.action}\u0000${JSON.stringify(steps, (k, v: unknown) => (ADDRESS_FIELDS.has(k) ? undefined : v))}`;
  const detail = h.detail.split(trace.flow.srcIp).join('<src>').split(trace.flow.dstIp).join('<dst>');
  return `${h.component.id}\u0000${h.action}\u0000${detail}`;
}

function whyHop(h: Hop | undefined): WhyHop | undefined {
  return h && { component: h.component, action: h.action, detail: h.detail, location: h.location, steps: stepsOf(h) };
}

function resourceSpan(topology: Topology, id: string): Span | undefined {
  return topology.byId.get(id)?.span ?? topology.enis.get(id)?.span;
}

function sameSpan(a: Span | undefined, b: Span | undefined): boolean {
  return a !== undefined && b !== undefined && a.file === b.file && a.line === b.line && a.col === b.col;
}

/** Whether a hop's location is a rule of its own, not just the component (an implicit default). */
function namesRule(topology: Topology, h: Hop): boolean {
  return h.location !== undefined && !sameSpan(h.location, resourceSpan(topology, h.component.id));
}

function firstDifference(a: readonly Hop[], b: readonly Hop[], key: (h: Hop, i: number) => string): number | undefined {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || key(x, 0) !== key(y, 1)) return i;
  }
  return undefined;
}

/**
 * Where two hop lists part: the first hop whose component or action differs (a filter that
 * now allows by another rule is not a difference), or the forwarding hop just before it
 * when that hop decided differently (a route now pointing elsewhere); with the same
 * components and actions throughout, the first hop that decided differently.
 */
function divergence(a: readonly Hop[], at: Trace, b: readonly Hop[], bt: Trace): number | undefined {
  const fine = (h: Hop, side: number): string => hopKey(h, side === 0 ? at : bt);
  const i = firstDifference(a, b, (h) => `${h.component.id}\u0000${h.action}`);
  if (i === undefined) return firstDifference(a, b, fine);
  const before = i - 1;
  if (before >= 0 && a[before]!.action === 'forwarded' && fine(a[before]!, 0) !== fine(b[before]!, 1)) return before;
  return i;
}

/** Trace a pair in both versions and say what made the difference. */
export function explainChange(oldTopology: Topology, newTopology: Topology, q: WitnessQuery, request: DiffRequest): ChangeWhy {
  // Pick the failing branch in the version where the pair is unreachable, and its like in the other.
  const oldFirst = q.before !== 'reachable';
  const first = traceIn(oldFirst ? oldTopology : newTopology, q, request);
  const second = traceIn(oldFirst ? newTopology : oldTopology, q, request, first.trace);
  const o = oldFirst ? first : second;
  const n = oldFirst ? second : first;
  const agrees = o.verdict === q.before && n.verdict === q.after;
  const witness = { from: q.from, to: q.to, port: q.port };
  const blocked = q.after === 'reachable' ? o.trace : n.trace;
  const codeAt = (id: string): string | undefined => blocked?.explanations.find((e) => e.component?.id === id)?.code ?? blocked?.explanations[0]?.code;
  if (!o.trace || !n.trace) {
    const t = n.trace ?? o.trace;
    const last = t?.hops[t.hops.length - 1];
    const component = last?.component ?? { id: q.to, kind: 'instance' as const };
    return { side: 'new', component, detail: last?.detail ?? 'the trace engine refused the flow in one version', location: last?.location, code: codeAt(component.id), direction: 'forward', witness, old: undefined, new: undefined, agrees };
  }
  let direction: 'forward' | 'return' = 'forward';
  let i = divergence(o.trace.hops, o.trace, n.trace.hops, n.trace);
  let oldHops = o.trace.hops;
  let newHops = n.trace.hops;
  if (i === undefined) {
    direction = 'return';
    oldHops = o.trace.returnHops;
    newHops = n.trace.returnHops;
    i = divergence(oldHops, o.trace, newHops, n.trace);
  }
  const oh = i === undefined ? undefined : oldHops[i];
  const nh = i === undefined ? undefined : newHops[i];
  if (!oh && !nh) {
    // Same hops, different verdicts: the explanation of the unreachable version is all there is.
    const e = blocked?.explanations[0];
    const component = e?.component ?? { id: q.to, kind: 'instance' as const };
    return { side: q.after === 'reachable' ? 'old' : 'new', component, detail: e?.message ?? '', location: e?.location, code: e?.code, direction, witness, old: undefined, new: undefined, agrees };
  }
  // Closed, and NEW only falls through to the component's default there: the cause is the
  // rule of OLD that let the flow through (removed, or no longer matching).
  const removed = q.before === 'reachable' && oh !== undefined && namesRule(oldTopology, oh) && (nh === undefined || !namesRule(newTopology, nh));
  const cause = removed ? oh : (nh ?? oh)!;
  return {
    side: removed || !nh ? 'old' : 'new',
    component: cause.component,
    detail: cause.detail,
    location: cause.location,
    code: codeAt(cause.component.id),
    direction,
    witness,
    old: whyHop(oh),
    new: whyHop(nh),
    agrees,
  };
}
