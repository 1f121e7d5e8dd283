// Trace well-formedness: the contract every trace the engine returns must keep. Every engine
// test runs it; a violation is an engine bug, never a user error.
import { EXPLANATION_CODES } from './explanation-codes.js';
import { STEP_ACTIONS, STEP_TYPES } from './steps.js';
import { HOP_ACTIONS, type Hop, type Trace } from './trace.js';

const ACTIONS: ReadonlySet<string> = new Set(HOP_ACTIONS);
const STEP_TYPE_SET: ReadonlySet<string> = new Set(STEP_TYPES);
const STEP_ACTION_SET: ReadonlySet<string> = new Set(STEP_ACTIONS);

const STOPS = new Set(['denied', 'dropped']);

function checkHops(hops: readonly Hop[], where: string, problems: string[]): void {
  hops.forEach((h, i) => {
    if (!h.component.id || !h.component.kind) problems.push(`${where}[${i}] has no component id or kind`);
    if (!h.detail) problems.push(`${where}[${i}] has no detail`);
    if (!ACTIONS.has(h.action)) problems.push(`${where}[${i}] has an unknown action ${h.action}`);
    if ((h.steps ?? []).length === 0) problems.push(`${where}[${i}] has no step (its detail is rendered from one)`);
    for (const s of h.steps ?? []) {
      if (!STEP_TYPE_SET.has(s.type) || !STEP_ACTION_SET.has(s.action)) problems.push(`${where}[${i}] has a step of unknown type or action ${s.type}/${s.action}`);
    }
    if (h.location && (h.location.line < 1 || h.location.col < 1 || !h.location.file)) problems.push(`${where}[${i}] has a bad location`);
    if (STOPS.has(h.action) && i !== hops.length - 1) problems.push(`${where}[${i}] stops the packet but is not the last hop`);
  });
}

/** Every way a trace breaks the contract; empty when it is well-formed. */
export function traceProblems(t: Trace): string[] {
  const problems: string[] = [];
  checkHops(t.hops, 'hops', problems);
  checkHops(t.returnHops, 'returnHops', problems);
  for (const e of t.explanations) if (!(e.code in EXPLANATION_CODES)) problems.push(`unknown explanation code ${e.code}`);
  const lastForward = t.hops[t.hops.length - 1];
  const lastReturn = t.returnHops[t.returnHops.length - 1];
  if (t.hops.length === 0) problems.push('a trace has at least one forward hop');
  if (t.reachable) {
    if (lastForward?.action !== 'delivered') problems.push('a reachable trace ends its forward path with a delivered hop');
    if (lastReturn?.action !== 'delivered') problems.push('a reachable trace ends its return path with a delivered hop');
    if (t.explanations.length > 0) problems.push('a reachable trace carries no explanation');
  } else {
    if (t.explanations.length === 0) problems.push('an unreachable trace carries at least one explanation code');
    const forwardStopped = lastForward !== undefined && STOPS.has(lastForward.action);
    if (forwardStopped && t.returnHops.length > 0) problems.push('a flow stopped on the way out has no return path');
  }
  return problems;
}
