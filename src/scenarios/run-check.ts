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
import { expectedVerdict, judgePair, notIsolated, type Expectation } from './judge-pair.js';
import { checkPathConditionIds } from './path-conditions.js';
import { reachAnswers, type ReachAsk } from './reach-check.js';
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
  const probes: readonly Probe[] = check.isolated ? isolationProbes(topology, check) : [{ protocol: check.protocol, port: check.port }];
  const ask = reachAsk(check, exp);
  const overLimits = !fitsFlows(pairCount * probes.length, budget);
  const wanted = engine === 'reach' || (engine === 'auto' && trace === traceFlow && (check.isolated || overLimits));
  if (ask && wanted && reachAnswers(topology, check, from.endpoints, to.endpoints)) {
    const { result, traced } = runReachCheck(topology, check, ask, from.endpoints, to.endpoints, pairCount, trace, tracesLeft(budget));
    budget.used += traced;
    return result;
  }
  const tooMany = takeFlows(check, from.endpoints.length, new Set(to.endpoints).size, pairCount, probes.length, budget);
  if (tooMany) return { ...base, status: 'error', pairs: pairCount, failedPairs: 0, failures: [], errors: [tooMany] };

  const unheld = unheldAddresses(topology, to.endpoints);
  const failures: PairFailure[] = [];
  let failedPairs = 0;
  const fail = (failure: PairFailure): void => {
    failedPairs += 1;
    if (failures.length < MAX_REPORTED_FAILURES) failures.push(failure);
  };
  for (const [f, t] of pairsOf(from.endpoints, to.endpoints)) {
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
      const failure = check.isolated ? notIsolated(query, result) : judgePair(exp, query, result);
      if (failure) {
        fail(failure);
        break; // one disproof per pair is enough
      }
    }
  }
  return { ...base, status: failedPairs > 0 ? 'fail' : 'pass', pairs: pairCount, failedPairs, failures, errors: [] };
}

/** The question a check asks of the all-pairs engine, when it is one the engine answers (no reasons, no paths). */
function reachAsk(check: Check, exp: Expectation): ReachAsk | undefined {
  if (check.isolated) return { kind: 'nothingBut', allowed: new Map() };
  const paths = exp.via.length > 0 || exp.never.length > 0 || exp.only.length > 0;
  if (exp.because !== undefined || paths || exp.verdict === undefined) return undefined;
  return { kind: 'verdict', verdict: exp.verdict };
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
  const expected = check.isolated ? 'no flow on any protocol or port' : exp.verdict === 'unreachable' ? 'unreachable' : 'reachable';
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
    const clash = [check.expect === 'reachable' ? 'expect: reachable' : '', check.via.length > 0 ? 'via' : '', check.because !== undefined ? 'because' : '', check.never.length > 0 ? 'never' : '', check.only.length > 0 ? 'only' : ''].filter(Boolean);
    if (clash.length > 0) errors.push({ code: 'CONFLICTING_CHECK_FIELDS', message: `isolated asks that no flow is reachable; it cannot go with ${clash.join(', ')}`, span: at });
  } else if ((check.protocol === 'tcp' || check.protocol === 'udp') && check.port === undefined) {
    errors.push({ code: 'MISSING_PORT', message: `a ${check.protocol} check needs a destination port: add port: N or write to: <target>:<port>`, span: check.toSpan });
  }
  return errors;
}
