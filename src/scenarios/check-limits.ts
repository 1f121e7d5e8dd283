// How much work `vpcsim check` does for one check, and for one file, before it refuses: a
// `{ vpc: big }` to `{ vpc: big }` check over 5,000 instances is 25 million traced flows
// (minutes, gigabytes), and a verdict over some of them would pass for one over all. The
// limits are counted before anything is traced, from the sizes of the expanded selectors.
//
// A check over more flows than these, whose question the all-pairs engine answers (a verdict
// with no reason or path condition, over ends of the relation), goes to that engine instead
// (run-reach-check.ts): it computes every pair at once, over classes of interfaces, and
// traces one by one only the pairs through translators, within what is left of the budget.
import type { Check } from '../model/check.js';
import type { CheckError } from './check-errors.js';

/** Most flows (pairs times probes) one check traces. */
export const MAX_CHECK_FLOWS = 10_000;

/** Most flows the checks of one file trace together. */
export const MAX_FILE_FLOWS = 20_000;

/** Flows the checks of one file have used so far (one budget per file). */
export interface FlowBudget {
  used: number;
}

/** A fresh budget for one file. */
export function newFlowBudget(): FlowBudget {
  return { used: 0 };
}

/** The number of (from, to) pairs, without the pairs whose two ends are the same endpoint. */
export function countPairs(from: readonly string[], to: readonly string[]): number {
  const targets = new Set(to);
  let same = 0;
  for (const f of from) if (targets.has(f)) same += 1;
  return from.length * targets.size - same;
}

/** Whether this many flows fit the limits of one check and what is left of the file's. */
export function fitsFlows(flows: number, budget: FlowBudget): boolean {
  return flows <= MAX_CHECK_FLOWS && flows <= MAX_FILE_FLOWS - budget.used;
}

/** Flows one check answered by the all-pairs engine may still trace one by one. */
export function tracesLeft(budget: FlowBudget): number {
  return Math.max(0, Math.min(MAX_CHECK_FLOWS, MAX_FILE_FLOWS - budget.used));
}

/**
 * TOO_MANY_PAIRS when a check would trace more flows than the limits allow, else undefined;
 * when it fits, its flows are taken from the budget.
 */
export function takeFlows(check: Check, sources: number, destinations: number, pairs: number, probes: number, budget: FlowBudget): CheckError | undefined {
  const flows = pairs * probes;
  const left = MAX_FILE_FLOWS - budget.used;
  if (flows <= MAX_CHECK_FLOWS && flows <= left) {
    budget.used += flows;
    return undefined;
  }
  const shape = `${sources} source${sources === 1 ? '' : 's'} × ${destinations} destination${destinations === 1 ? '' : 's'}${probes > 1 ? ` × ${probes} probes (isolated)` : ''}`;
  const limit = flows > MAX_CHECK_FLOWS
    ? `more than the ${MAX_CHECK_FLOWS.toLocaleString('en-US')} one check may trace`
    : `more than the ${left.toLocaleString('en-US')} left of the ${MAX_FILE_FLOWS.toLocaleString('en-US')} the checks of one file may trace together`;
  return {
    code: 'TOO_MANY_PAIRS',
    message: `this check asks ${flows.toLocaleString('en-US')} flows (${shape}), ${limit}; narrow from or to (a subnet or a security group instead of a VPC, or a list of ids), split the check or the file, or ask \`vpcsim reach FILE --from ... --to ...\`, which computes every pair at once`,
    span: check.span,
  };
}
