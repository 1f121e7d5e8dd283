// Run one check on a loaded topology: expand `from` and `to`, ask the engine about every
// pair (every probe, for `isolated`), and judge each answer. The tracer is a parameter so
// the runner can be tested on its own; by default it is the engine's traceFlow.
import type { Check } from '../model/check.js';
import { didYouMean } from '../model/suggest.js';
import type { Topology } from '../model/topology.js';
import { EXPLANATION_CODES, isExplanationCode } from '../engine/explanation-codes.js';
import { isQueryError, traceFlow } from '../engine/trace-flow.js';
import type { CheckError } from './check-errors.js';
import { MAX_REPORTED_FAILURES, type CheckResult, type PairFailure } from './check-result.js';
import { expectsNothingThere, unheldAddresses, unknownNames } from './check-destinations.js';
import { countPairs, fitsFlows, newFlowBudget, takeFlows, tracesLeft, type FlowBudget } from './check-limits.js';
import { expandSelector } from './expand-selector.js';
import { isolationProbes, type Probe } from './isolation-probes.js';
import { expectedVerdict, judgePair, notAllowed, nothingButText, type Expectation } from './judge-pair.js';
import { checkPathConditionIds } from './path-conditions.js';
import { joinWork, MAX_JOIN_WORK, reachAnswers, type AllowedPorts, type ReachAsk } from './reach-check.js';
import type { PortAllowance } from '../model/allowed-ports.js';
import type { FlowProtocol } from '../engine/query.js';
import type { PortSpan } from '../reach/port-atoms.js';
import { runReachCheck } from './run-reach-check.js';
import { queryOf, type TraceFn } from './check-query.js';

export { queryOf, type TraceFn } from './check-query.js';

/**
 * How a check is answered: `auto` hands every `isolated` check, and every check over more
 * flows than are traced one by one, to the all-pairs engine when it can answer it exactly
 * (reach-check.ts) and the tracer is the engine's own; `reach` hands it every check it can
 * answer; `pairs` traces pair by pair (the oracle the all-pairs answers are tested against).
 */
export type CheckEngine = 'auto' | 'reach' | 'pairs';

/**
 * Run one check. `budget` counts the flows traced for the checks of one file (check-limits.ts);
 * without one, the check has a budget of its own.
 */
export function runCheck(topology: Topology, check: Check, trace: TraceFn = traceFlow, budget: FlowBudget = newFlowBudget(), engine: CheckEngine = 'auto'): CheckResult {
  const base = { file: topology.file, check };
  const from = expandSelector(topology, check.from, 'from', check.fromSpan, check.itemSpans.from);
  const to = expandSelector(topology, check.to, 'to', check.toSpan, check.itemSpans.to);
  const exp: Expectation = {
    verdict: expectedVerdict(check),
    via: check.via,
    because: check.because !== undefined && isExplanationCode(check.because) ? check.because : undefined,
    never: check.never,
    only: check.only,
  };
  const errors: CheckError[] = [
    ...from.errors, ...to.errors, ...unknownNames(topology, check, to.endpoints, exp), ...checkPathConditionIds(topology, check), ...fieldErrors(check),
  ];
  if (errors.length > 0) return { ...base, status: 'error', pairs: 0, failedPairs: 0, failures: [], errors: errors.sort(byPosition) };

  // An endpoint to itself never leaves the interface; such pairs are not asked.
  const pairCount = countPairs(from.endpoints, to.endpoints);
  if (pairCount === 0) {
    const error: CheckError = { code: 'EMPTY_SELECTOR', message: 'from and to name only the same endpoint; there is no flow to check', span: check.span };
    return { ...base, status: 'error', pairs: 0, failedPairs: 0, failures: [], errors: [error] };
  }
  const context: PartContext = { topology, check, exp, from: from.endpoints, to: to.endpoints, pairCount, trace, budget, engine };
  if (check.onlyPorts !== undefined) {
    // The port's own verdict first (when the check names a port or an expectation), then the ports beyond.
    if (check.port !== undefined || check.expect !== undefined) {
      const r = runPart(context, { kind: 'verdict', verdict: exp.verdict ?? 'reachable' });
      if (r.status !== 'pass') return r;
    }
    return runPart(context, { kind: 'nothingBut', allowed: allowedPorts(check.onlyPorts) });
  }
  if (check.isolated) return runPart(context, { kind: 'nothingBut', allowed: new Map() });
  return runPart(context, { kind: 'verdict', verdict: exp.verdict ?? 'reachable' });
}

/** What one part of a check needs. */
interface PartContext {
  readonly topology: Topology;
  readonly check: Check;
  readonly exp: Expectation;
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly pairCount: number;
  readonly trace: TraceFn;
  readonly budget: FlowBudget;
  readonly engine: CheckEngine;
}

/** `only: { ports }` as spans by protocol. */
function allowedPorts(list: readonly PortAllowance[]): AllowedPorts {
  const out = new Map<FlowProtocol, PortSpan[]>();
  for (const a of list) out.set(a.protocol, [...(out.get(a.protocol) ?? []), { from: a.from, to: a.to }]);
  return out;
}

/** Answer one question of a check: by the all-pairs engine when it can and should, else pair by pair. */
function runPart(c: PartContext, ask: ReachAsk): CheckResult {
  const { topology, check, exp, pairCount, trace, budget } = c;
  const base = { file: topology.file, check };
  const probes: readonly Probe[] = ask.kind === 'nothingBut' ? isolationProbes(topology, check).filter((p) => !isAllowed(ask.allowed, p)) : [{ protocol: check.protocol, port: check.port }];
  const answerable = ask.kind === 'nothingBut' || (exp.because === undefined && exp.via.length + exp.never.length + exp.only.length === 0);
  const overLimits = !fitsFlows(pairCount * probes.length, budget);
  const wanted = c.engine === 'reach' || (c.engine === 'auto' && trace === traceFlow && (ask.kind === 'nothingBut' || overLimits));
  if (answerable && wanted && reachAnswers(topology, check, c.from, c.to) && joinWork(topology, ask) <= MAX_JOIN_WORK) {
    const { result, traced } = runReachCheck(topology, check, ask, c.from, c.to, pairCount, trace, tracesLeft(budget));
    budget.used += traced;
    return result;
  }
  const tooMany = takeFlows(check, c.from.length, new Set(c.to).size, pairCount, probes.length, budget);
  if (tooMany) return { ...base, status: 'error', pairs: pairCount, failedPairs: 0, failures: [], errors: [tooMany] };

  const unheld = unheldAddresses(topology, c.to);
  const failures: PairFailure[] = [];
  let failedPairs = 0;
  const fail = (failure: PairFailure): void => {
    failedPairs += 1;
    if (failures.length < MAX_REPORTED_FAILURES) failures.push(failure);
  };
  for (const [f, t] of pairsOf(c.from, c.to)) {
    if (unheld.has(t)) {
      // Nothing answers there: only a check that asks exactly that holds.
      if (!expectsNothingThere(exp)) fail(noSuchDestination(check, f, t, exp));
      continue;
    }
    for (const probe of probes) {
      const query = queryOf(check, f, t, probe.protocol, probe.port);
      const result = trace(topology, query);
      if (isQueryError(result)) {
        const error: CheckError = { code: 'QUERY_REJECTED', message: `${f} -> ${t}: ${result.message}`, span: check.span };
        return { ...base, status: 'error', pairs: pairCount, failedPairs: 0, failures: [], errors: [error] };
      }
      const failure = ask.kind === 'nothingBut' ? notAllowed(query, result, check.onlyPorts) : judgePair(exp, query, result);
      if (failure) {
        fail(failure);
        break; // one disproof per pair is enough
      }
    }
  }
  return { ...base, status: failedPairs > 0 ? 'fail' : 'pass', pairs: pairCount, failedPairs, failures, errors: [] };
}

/** Whether a probe is on an allowed port. */
function isAllowed(allowed: AllowedPorts, p: Probe): boolean {
  return p.port !== undefined && (allowed.get(p.protocol) ?? []).some((s) => p.port! >= s.from && p.port! <= s.to);
}

/** Errors in the order they are written. */
function byPosition(a: CheckError, b: CheckError): number {
  return a.span.line - b.span.line || a.span.col - b.span.col;
}

/** Every (from, to) pair of distinct endpoints, in order, without building the list. */
function* pairsOf(from: readonly string[], to: readonly string[]): Generator<readonly [string, string]> {
  for (const f of from) for (const t of to) if (t !== f) yield [f, t];
}

/** A pair whose destination address nothing in the file holds. */
function noSuchDestination(check: Check, from: string, to: string, exp: Expectation): PairFailure {
  const expected = check.isolated || check.onlyPorts !== undefined ? nothingButText(check.onlyPorts) : exp.verdict === 'unreachable' ? 'unreachable' : 'reachable';
  return {
    kind: 'NO_SUCH_DESTINATION', from, to, protocol: check.protocol, port: check.port, expected,
    got: `no interface, internet host, VPC or AWS service of the file holds ${to}, so no verdict about it means anything (to assert that, write expect: unreachable with because: UNKNOWN_DESTINATION)`,
    trace: undefined, blocker: undefined, codes: [], path: [],
  };
}

/** Fields that are wrong on their own or contradict each other. */
function fieldErrors(check: Check): CheckError[] {
  const errors: CheckError[] = [];
  const at = check.span;
  if (check.because !== undefined && !isExplanationCode(check.because)) {
    errors.push({ code: 'UNKNOWN_EXPLANATION_CODE', message: `because: "${check.because}" is not an explanation code${didYouMean(check.because, Object.keys(EXPLANATION_CODES))}`, span: at });
  }
  if (check.because !== undefined && check.expect === 'reachable') {
    errors.push({ code: 'CONFLICTING_CHECK_FIELDS', message: 'because names why a flow is unreachable; it cannot go with expect: reachable', span: at });
  }
  if (check.isolated) {
    const clash = [check.expect === 'reachable' ? 'expect: reachable' : '', check.via.length > 0 ? 'via' : '', check.because !== undefined ? 'because' : '', check.never.length > 0 ? 'never' : '', check.only.length > 0 || check.onlyPorts !== undefined ? 'only' : ''].filter(Boolean);
    if (clash.length > 0) errors.push({ code: 'CONFLICTING_CHECK_FIELDS', message: `isolated asks that no flow is reachable; it cannot go with ${clash.join(', ')}`, span: at });
  } else if (check.onlyPorts !== undefined && check.port === undefined && check.expect === undefined) {
    // Only the ports beyond the list are asked: no port of its own is needed.
  } else if ((check.protocol === 'tcp' || check.protocol === 'udp') && check.port === undefined) {
    errors.push({ code: 'MISSING_PORT', message: `a ${check.protocol} check needs a destination port: add port: N or write to: <target>:<port>`, span: check.toSpan });
  }
  const allowed = check.onlyPorts;
  if (allowed !== undefined && (check.port !== undefined || check.expect !== undefined) && (check.expect ?? 'reachable') === 'reachable') {
    const inList = check.port !== undefined && allowed.some((a) => a.protocol === check.protocol && check.port! >= a.from && check.port! <= a.to);
    if (!inList) {
      const flow = check.port === undefined ? 'a flow of all protocols' : `${check.protocol}/${check.port}`;
      errors.push({ code: 'CONFLICTING_CHECK_FIELDS', message: `${flow} is expected reachable, but it is not among only: { ports }, where nothing may be reachable`, span: at });
    }
  }
  return errors;
}
