// Run a check through the all-pairs engine: compute the relations its question needs, count
// the failing pairs by class, and explain each of the first failing class pairs with one
// witness pair run through `trace` (the trace engine), so every failure shows its hops.
import type { Check } from '../model/check.js';
import type { Topology } from '../model/topology.js';
import type { FlowProtocol } from '../engine/query.js';
import { isQueryError } from '../engine/trace-flow.js';
import type { PortSpan } from '../reach/port-atoms.js';
import { relationGroups, type ReachGroup } from '../reach/query-relation.js';
import type { CheckError } from './check-errors.js';
import { MAX_NAMED_MEMBERS, MAX_REPORTED_FAILURES, type CheckResult, type EndClass, type PairFailure } from './check-result.js';
import { failingPairs, type FailingGroupPair } from './failing-class-pairs.js';
import { codesOf, judgePair, notAllowed, nothingButText, type Expectation } from './judge-pair.js';
import { pathIds } from './path-conditions.js';
import { mergeSpans, spanText } from './port-spans.js';
import { answerWithReach, legsOf, type ReachAsk } from './reach-check.js';
import { queryOf, type TraceFn } from './check-query.js';

/** Answer a check with the all-pairs engine; `maxTraces` bounds the pairs traced one by one. */
export function runReachCheck(topology: Topology, check: Check, ask: ReachAsk, from: readonly string[], to: readonly string[], pairs: number, trace: TraceFn, maxTraces: number): { result: CheckResult; traced: number } {
  const base = { file: topology.file, check, pairs };
  const answer = answerWithReach(topology, check, ask, from, to, maxTraces);
  if (answer.unknown > 0) {
    const error: CheckError = {
      code: 'TOO_MANY_PAIRS',
      message: `${answer.unknown.toLocaleString('en-US')} flows of this check go through a translator (a NAT or internet gateway, a load balancer, an endpoint) or have an end that is not an instance, so they are traced one by one: more than the ${maxTraces.toLocaleString('en-US')} left to trace; narrow from or to, or split the check`,
      span: check.span,
    };
    return { result: { ...base, status: 'error', failedPairs: 0, failures: [], errors: [error] }, traced: answer.traced };
  }
  const legs = legsOf(answer, ask);
  const found = failingPairs(legs, relationGroups(answer.relations[0]!), MAX_REPORTED_FAILURES);
  const failures = found.first.map((g) => explain(topology, check, ask, g, trace));
  const status = found.count > 0 ? 'fail' : 'pass';
  return { result: { ...base, status, failedPairs: found.count, failures, errors: [] }, traced: answer.traced + failures.length };
}

/** A class as a failure names it. */
function endClass(g: ReachGroup): EndClass {
  return { id: g.id, size: g.members.length, members: g.members.slice(0, MAX_NAMED_MEMBERS), subnet: g.subnet, securityGroups: g.securityGroups };
}

/** The protocols and ports a witness fails on, merged: `tcp/1-442`, `udp/1-65535`, `all`. */
function failingPorts(g: FailingGroupPair): string[] {
  const byProtocol = new Map<FlowProtocol, PortSpan[] | undefined>();
  for (const leg of g.legs) {
    const p = leg.rel.query.protocol;
    if (leg.extras === undefined) byProtocol.set(p, undefined);
    else if (!byProtocol.has(p) || byProtocol.get(p) !== undefined) byProtocol.set(p, [...(byProtocol.get(p) ?? []), ...leg.extras]);
  }
  const out: string[] = [];
  for (const [p, spans] of byProtocol) {
    if (spans === undefined) out.push(spanText(p, undefined));
    else for (const s of mergeSpans(spans)) out.push(spanText(p, s));
  }
  return out;
}

/** Trace the witness of a failing class pair and judge it as the check does. */
function explain(topology: Topology, check: Check, ask: ReachAsk, g: FailingGroupPair, trace: TraceFn): PairFailure {
  const leg = g.legs[0]!;
  const protocol = leg.rel.query.protocol;
  const port = leg.extras?.[0]?.from ?? leg.port.port;
  const query = queryOf(check, g.from, g.to, protocol, port);
  const result = trace(topology, query);
  const ports = failingPorts(g);
  const classes = { from: endClass(g.source), to: endClass(g.destination), pairs: g.pairs, ports };
  const traced = isQueryError(result) ? undefined : result;
  const exp: Expectation = { verdict: ask.kind === 'verdict' ? ask.verdict : undefined, via: [], because: undefined, never: [], only: [] };
  const judged = traced === undefined ? undefined : ask.kind === 'verdict' ? judgePair(exp, query, traced) : notAllowed(query, traced, check.onlyPorts);
  if (judged) {
    const got = ask.kind === 'verdict' ? judged.got : `reachable on ${ports.join(', ')}`;
    return { ...judged, got, classes };
  }
  // The witness's trace does not show what the relation says: a bug in one of the two engines.
  const t = traced?.traces[0];
  return {
    kind: ask.kind === 'verdict' ? (ask.verdict === 'reachable' ? 'UNEXPECTED_UNREACHABLE' : 'UNEXPECTED_REACHABLE') : check.onlyPorts ? 'OUTSIDE_ONLY_PORTS' : 'NOT_ISOLATED',
    from: g.from, to: g.to, protocol, port,
    expected: ask.kind === 'verdict' ? ask.verdict : nothingButText(check.onlyPorts),
    got: `${leg.failsOn} on ${ports.join(', ')} by the all-pairs engine, but its witness trace disagrees (a bug in vpcsim: please report it with the input)`,
    trace: t, blocker: undefined, codes: codesOf(t), path: t ? pathIds(t) : [], classes,
  };
}
