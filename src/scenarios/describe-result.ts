// Words shared by every reporter: a flow, a blocking rule with its file:line:col, a
// one-line failure message. Reporters differ in layout, not in what they say.
import { formatSpan } from '../model/span.js';
import type { CheckError } from './check-errors.js';
import type { Blocker, CheckResult, EndClass, FailureClasses, PairFailure } from './check-result.js';

/** `app -> 52.216.237.77 tcp/443`. */
export function flowText(f: Pick<PairFailure, 'from' | 'to' | 'protocol' | 'port'>): string {
  return `${f.from} -> ${f.to} ${f.protocol}${f.port === undefined ? '' : `/${f.port}`}`;
}

/** `c3 (12 in web-a: web-1, web-2, web-3, ...)`, or an end of its own kind by its id. */
export function endClassText(c: EndClass): string {
  if (c.size === 1 && c.members[0] === c.id) return c.id;
  const more = c.size > c.members.length ? ', ...' : '';
  return `${c.id} (${c.size}${c.subnet ? ` in ${c.subnet}` : ''}: ${c.members.join(', ')}${more})`;
}

/** `c3 (12 in web-a: ...) -> c7 (40 in db-a: ...), 480 pairs`: the class pair a witness stands for. */
export function classPairText(c: FailureClasses): string {
  return `${endClassText(c.from)} -> ${endClassText(c.to)}, ${c.pairs} pair${c.pairs === 1 ? '' : 's'} alike`;
}

/** `securityGroup sg-app: no egress rule allows tcp/443 (topology.yaml:31:13)`. */
export function blockerText(b: Blocker): string {
  const where = b.component ? `${b.component.kind} ${b.component.id}: ` : '';
  return `${where}${b.detail}${b.location ? ` (${formatSpan(b.location)})` : ''}`;
}

/** `file:line` of a check, as the text report prints it: the file it is written in (a checks file's, with --checks). */
export function checkPlace(r: CheckResult): string {
  const at = `${r.check.span.file}:${r.check.span.line}`;
  return r.check.span.file === r.file ? at : `${at} (on ${r.file})`;
}

/** One pair's failure in a sentence. */
export function failureSentence(f: PairFailure): string {
  const blocked = f.blocker ? `; ${f.kind === 'NEVER_CROSSED' ? 'crossed at' : 'blocked at'} ${blockerText(f.blocker)}` : '';
  return `${flowText(f)}: expected ${f.expected}, got ${f.got}${blocked}`;
}

/** Why a check did not pass, in one line (the first failure, and how many pairs failed). */
export function resultSentence(r: CheckResult): string {
  if (r.status === 'error') return r.errors.map((e) => `${e.code}: ${e.message}`).join('; ');
  const first = r.failures[0];
  if (!first) return 'passed';
  const more = r.failedPairs > 1 ? ` (${r.failedPairs} of ${r.pairs} pairs failed)` : '';
  return `${failureSentence(first)}${more}`;
}

/**
 * `N passed, M failed`: the last line of the text report, which CI reads. Checks that could
 * not run and files that did not load are named after it, so a run that checked less than
 * it was given never reads like a clean one: `5 passed, 1 failed, 1 file not loaded`.
 */
export function summaryLine(passed: number, failed: number, errored = 0, invalidFiles = 0): string {
  const notRun = errored > 0 ? `, ${errored} check${errored === 1 ? '' : 's'} not run` : '';
  const notLoaded = invalidFiles > 0 ? `, ${invalidFiles} file${invalidFiles === 1 ? '' : 's'} not loaded` : '';
  return `${passed} passed, ${failed} failed${notRun}${notLoaded}`;
}

/** A check error as `file:line:col: error CODE: message`, like a load diagnostic. */
export function checkErrorLine(e: CheckError): string {
  return `${formatSpan(e.span)}: error ${e.code}: ${e.message}`;
}
