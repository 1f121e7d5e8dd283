// Run one check on a loaded topology: expand `from` and `to`, ask the engine about every
// pair (every probe, for `isolated`), and judge each answer. The tracer is a parameter so
// the runner can be tested on its own; by default it is the engine's traceFlow.
import type { Check } from '../model/check.js';
import { didYouMean } from '../model/suggest.js';
import type { Topology } from '../model/topology.js';
import { EXPLANATION_CODES, isExplanationCode } from '../engine/explanation-codes.js';
import type { FlowProtocol, FlowQuery, QueryError, TraceResult } from '../engine/query.js';
import { isQueryError, traceFlow } from '../engine/trace-flow.js';
import type { CheckError } from './check-errors.js';
import { MAX_REPORTED_FAILURES, type CheckResult, type PairFailure } from './check-result.js';
import { expandSelector } from './expand-selector.js';
import { isolationProbes, type Probe } from './isolation-probes.js';
import { expectedVerdict, judgePair, notIsolated, type Expectation } from './judge-pair.js';
import { checkPathConditionIds } from './path-conditions.js';

/** The engine entry point, or a stand-in with the same contract. */
export type TraceFn = (topology: Topology, query: FlowQuery) => TraceResult | QueryError;

/** Run one check. */
export function runCheck(topology: Topology, check: Check, trace: TraceFn = traceFlow): CheckResult {
  const base = { file: topology.file, check };
  const from = expandSelector(topology, check.from, 'from', check.fromSpan);
  const to = expandSelector(topology, check.to, 'to', check.toSpan);
  const errors: CheckError[] = [...from.errors, ...to.errors, ...checkPathConditionIds(topology, check), ...fieldErrors(check)];
  if (errors.length > 0) return { ...base, status: 'error', pairs: 0, failedPairs: 0, failures: [], errors };

  // An endpoint to itself never leaves the interface; such pairs are not asked.
  const pairs = from.endpoints.flatMap((f) => to.endpoints.filter((t) => t !== f).map((t) => [f, t] as const));
  if (pairs.length === 0) {
    const error: CheckError = { code: 'EMPTY_SELECTOR', message: 'from and to name only the same endpoint; there is no flow to check', span: check.span };
    return { ...base, status: 'error', pairs: 0, failedPairs: 0, failures: [], errors: [error] };
  }

  const exp: Expectation = {
    verdict: expectedVerdict(check),
    via: check.via,
    because: check.because !== undefined && isExplanationCode(check.because) ? check.because : undefined,
    never: check.never,
    only: check.only,
  };
  const probes: readonly Probe[] = check.isolated ? isolationProbes(topology, check) : [{ protocol: check.protocol, port: check.port }];
  const failures: PairFailure[] = [];
  let failedPairs = 0;
  for (const [f, t] of pairs) {
    for (const probe of probes) {
      const query = queryOf(check, f, t, probe.protocol, probe.port);
      const result = trace(topology, query);
      if (isQueryError(result)) {
        const error: CheckError = { code: 'QUERY_REJECTED', message: `${f} -> ${t}: ${result.message}`, span: check.span };
        return { ...base, status: 'error', pairs: pairs.length, failedPairs: 0, failures: [], errors: [error] };
      }
      const failure = check.isolated ? notIsolated(query, result) : judgePair(exp, query, result);
      if (failure) {
        failedPairs += 1;
        if (failures.length < MAX_REPORTED_FAILURES) failures.push(failure);
        break; // one disproof per pair is enough
      }
    }
  }
  return { ...base, status: failedPairs > 0 ? 'fail' : 'pass', pairs: pairs.length, failedPairs, failures, errors: [] };
}

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
