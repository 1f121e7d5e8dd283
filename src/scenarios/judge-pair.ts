// Judge the engine's answer for one (from, to) pair against what a check expects: the
// verdict, the reason, and the path conditions. The first thing that disproves the check
// is the failure, with the trace that shows it.
import type { Check } from '../model/check.js';
import { allowanceText, type PortAllowance } from '../model/allowed-ports.js';
import type { ExplanationCode } from '../engine/explanation-codes.js';
import type { FlowQuery, TraceResult } from '../engine/query.js';
import type { Trace } from '../engine/trace.js';
import type { Blocker, FailureKind, PairFailure } from './check-result.js';
import { crossesAny, firstHopAt, pathIds, viaMissing } from './path-conditions.js';

/** What a check asks of every pair, with defaults applied. */
export interface Expectation {
  /** undefined: no verdict is asked (an `isolated` check, judged on its own). */
  readonly verdict: 'reachable' | 'unreachable' | undefined;
  readonly via: readonly string[];
  readonly because: ExplanationCode | undefined;
  readonly never: readonly string[];
  readonly only: readonly string[];
}

/**
 * The verdict a check asks for: as written; else unreachable when it names `because`;
 * else reachable. Path conditions (`via`, `never`, `only`) do not lift the verdict: a
 * `never: [natGateway]` check on a flow that is not reachable at all would hold about no
 * path, a silent pass. A check that means "unreachable, or never through X" says
 * `expect: unreachable`, or is two checks.
 */
export function expectedVerdict(check: Check): Expectation['verdict'] {
  if (check.expect !== undefined) return check.expect;
  if (check.because !== undefined) return 'unreachable';
  return 'reachable';
}

/** The explanation codes of a trace, in order, without repeats. */
export function codesOf(trace: Trace | undefined): ExplanationCode[] {
  return [...new Set((trace?.explanations ?? []).map((e) => e.code))];
}

/** The hop that stopped a trace (denied or dropped), else the first explanation that says where. */
export function blockerOf(trace: Trace): Blocker | undefined {
  const stop = trace.hops.find((h) => h.action === 'denied' || h.action === 'dropped') ??
    trace.returnHops.find((h) => h.action === 'denied' || h.action === 'dropped');
  if (stop) return { component: stop.component, detail: stop.detail, location: stop.location ?? explainedAt(trace) };
  const e = trace.explanations.find((x) => x.location !== undefined) ?? trace.explanations[0];
  return e ? { component: e.component, detail: e.message, location: e.location } : undefined;
}

function explainedAt(trace: Trace): Blocker['location'] {
  return trace.explanations.find((x) => x.location !== undefined)?.location;
}

/** Judge one pair; undefined when the pair satisfies the expectation. */
export function judgePair(exp: Expectation, query: FlowQuery, result: TraceResult): PairFailure | undefined {
  const traces = result.traces;
  const reachable = traces.filter((t) => t.reachable);
  const unreachable = traces.filter((t) => !t.reachable);
  const fail = (kind: FailureKind, expected: string, got: string, trace: Trace | undefined, blocker?: Blocker): PairFailure => ({
    kind,
    from: query.from,
    to: query.to,
    protocol: query.protocol,
    port: query.port,
    expected,
    got,
    trace,
    blocker: blocker ?? (trace && !trace.reachable ? blockerOf(trace) : undefined),
    codes: codesOf(trace),
    path: trace ? pathIds(trace) : [],
  });
  const of = (t: Trace): string => (traces.length > 1 ? ` at ${t.flow.dstIp} (${traces.indexOf(t) + 1} of ${traces.length} addresses)` : '');
  const because = (t: Trace | undefined): string => {
    const codes = codesOf(t);
    return codes.length > 0 ? ` because ${codes.join(', ')}` : '';
  };

  if (exp.verdict === 'reachable' && (!result.reachable || unreachable.length > 0)) {
    const t = unreachable[0];
    return fail('UNEXPECTED_UNREACHABLE', 'reachable', `unreachable${t ? of(t) : ''}${because(t)}`, t);
  }
  if (exp.verdict === 'unreachable') {
    const t = reachable[0];
    if (t) return fail('UNEXPECTED_REACHABLE', `unreachable${exp.because ? ` because ${exp.because}` : ''}`, `reachable${of(t)}`, t);
    const code = exp.because;
    const wrong = code === undefined ? undefined : unreachable.find((u) => !codesOf(u).includes(code));
    if (wrong) return fail('WRONG_REASON', `unreachable because ${code}`, `unreachable${of(wrong)}${because(wrong) || ' with no explanation'}`, wrong);
    // An unreachable verdict that rests on an unmodelled part proves nothing, unless asked for.
    const unknown = code === undefined ? unreachable.find((u) => codesOf(u).some(isUnmodelledCode)) : undefined;
    if (unknown) {
      const why = codesOf(unknown).includes('UNMODELLED_TARGET')
        ? 'the trace stops at a route target vpcsim does not model (UNMODELLED_TARGET)'
        : 'a Resolver rule forwards the name to DNS servers the file does not declare (DNS_ANSWER_UNMODELLED)';
      return fail('RESTS_ON_UNMODELLED', 'unreachable', `unknown${of(unknown)}: ${why}`, unknown);
    }
  }
  for (const t of reachable) {
    const missing = viaMissing(t, exp.via);
    if (missing.length > 0) return fail('VIA_NOT_CROSSED', `a path via ${exp.via.join(', ')}`, `a path${of(t)} that does not cross ${missing.join(', ')}`, t);
    const hop = exp.never.length > 0 ? firstHopAt(t, exp.never) : undefined;
    if (hop) {
      const blocker: Blocker = { component: hop.component, detail: hop.detail, location: hop.location };
      return fail('NEVER_CROSSED', `no path crossing ${exp.never.join(', ')}`, `a path${of(t)} crossing ${hop.component.id} (${hop.component.kind})`, t, blocker);
    }
    if (exp.only.length > 0 && !crossesAny(t, exp.only)) {
      return fail('ONLY_NOT_CROSSED', `every path crossing one of ${exp.only.join(', ')}`, `a path${of(t)} crossing none of them`, t);
    }
  }
  return undefined;
}

/** The codes by which a trace says its verdict rests on something vpcsim does not model. */
function isUnmodelledCode(c: string): boolean {
  return c === 'UNMODELLED_TARGET' || c === 'DNS_ANSWER_UNMODELLED';
}

/** An isolation probe that found a reachable flow. */
export function notIsolated(query: FlowQuery, result: TraceResult): PairFailure | undefined {
  return notAllowed(query, result, undefined);
}

/** What an `isolated` (no allowances) or `only: { ports }` check expects, in words. */
export function nothingButText(allowed: readonly PortAllowance[] | undefined): string {
  return allowed === undefined || allowed.length === 0 ? 'no flow on any protocol or port' : `nothing but ${allowed.map(allowanceText).join(', ')}`;
}

/**
 * A probe outside the allowed ports (none: an `isolated` check) that found a reachable flow.
 * The probe is known to be outside them.
 */
export function notAllowed(query: FlowQuery, result: TraceResult, allowed: readonly PortAllowance[] | undefined): PairFailure | undefined {
  // A probe that stops at a route target vpcsim does not model proves no isolation either.
  const t = result.traces.find((x) => x.reachable) ?? result.traces.find((x) => codesOf(x).includes('UNMODELLED_TARGET'));
  if (!t) return undefined;
  const port = query.port === undefined ? '' : `/${query.port}`;
  return {
    kind: t.reachable ? (allowed === undefined ? 'NOT_ISOLATED' : 'OUTSIDE_ONLY_PORTS') : 'RESTS_ON_UNMODELLED',
    from: query.from,
    to: query.to,
    protocol: query.protocol,
    port: query.port,
    expected: nothingButText(allowed),
    got: t.reachable ? `reachable on ${query.protocol}${port}` : `unknown on ${query.protocol}${port}: the trace stops at a route target vpcsim does not model (UNMODELLED_TARGET)`,
    trace: t,
    blocker: undefined,
    codes: codesOf(t),
    path: pathIds(t),
  };
}
