// The text report: one line per check, `PASS|FAIL  <file>:<line>  <name>`; under a failure
// the pairs that disprove it (expected vs got, the blocking rule with file:line:col, the
// explanation codes); a last line `N passed, M failed`.
import { formatSpan } from '../model/span.js';
import type { CheckRun, CheckResult, PairFailure } from './check-result.js';
import { blockerText, checkErrorLine, checkPlace, classPairText, flowText, summaryLine } from './describe-result.js';

const INDENT = '      ';

/** The whole text report. */
export function reportText(run: CheckRun): string {
  const lines: string[] = [];
  for (const f of run.files) {
    if (f.diagnostics.length > 0) {
      lines.push(`ERROR  ${f.file}  does not load (${f.diagnostics.length} error${f.diagnostics.length === 1 ? '' : 's'}); no check ran`);
      for (const d of f.diagnostics) lines.push(`${INDENT}${formatSpan(d.span)}: ${d.severity} ${d.code}: ${d.message}`);
    }
    for (const r of f.checks) lines.push(...checkLines(r));
  }
  lines.push(summaryLine(run.passed, run.failed, run.errored, run.invalidFiles));
  return lines.join('\n') + '\n';
}

/** The lines of one check. */
export function checkLines(r: CheckResult): string[] {
  const head = `${r.status === 'pass' ? 'PASS' : r.status === 'fail' ? 'FAIL' : 'ERROR'}  ${checkPlace(r)}  ${r.check.name}`;
  if (r.status === 'pass') return [head];
  if (r.status === 'error') return [head, ...r.errors.map((e) => `${INDENT}${checkErrorLine(e)}`)];
  const lines = [head];
  for (const f of r.failures) lines.push(...failureLines(f));
  const shown = r.failures.length < r.failedPairs ? ` (first ${r.failures.length} shown)` : '';
  lines.push(`${INDENT}${r.failedPairs} of ${r.pairs} pair${r.pairs === 1 ? '' : 's'} failed${shown}`);
  return lines;
}

function failureLines(f: PairFailure): string[] {
  const pad = `${INDENT}  `;
  const out = [`${INDENT}${flowText(f)}`];
  if (f.classes) out.push(`${pad}classes:  ${classPairText(f.classes)}`);
  out.push(`${pad}expected: ${f.expected}`, `${pad}got:      ${f.got}`);
  if (f.blocker) out.push(`${pad}${f.kind === 'NEVER_CROSSED' ? 'crossed:' : 'blocked:'}  ${blockerText(f.blocker)}`);
  for (const e of f.trace?.explanations ?? []) {
    // The blocker may be this very explanation; do not say it twice.
    if (f.blocker && e.message === f.blocker.detail && e.location === f.blocker.location) {
      out.push(`${pad}because:  ${e.code}`);
      continue;
    }
    out.push(`${pad}because:  ${e.code}: ${e.message}${e.location ? ` (${formatSpan(e.location)})` : ''}`);
  }
  if (f.path.length > 0) out.push(`${pad}path:     ${f.path.join(' > ')}`);
  return out;
}
