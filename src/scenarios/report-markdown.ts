// The Markdown summary written to $GITHUB_STEP_SUMMARY: a headline with the counts, a table
// of every check, and the disproving trace of each failure in a code block, followed by
// the trace as a Mermaid sequence diagram (GitHub renders it in the summary).
import type { CheckRun, CheckResult } from './check-result.js';
import { checkPlace, summaryLine } from './describe-result.js';
import { checkLines } from './report-text.js';
import { renderMermaidSequence } from '../diagram/render-mermaid-sequence.js';

/** Escape a table cell: pipes, and line breaks as spaces. */
export function markdownCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function codeBlock(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}

const MARK: Record<CheckResult['status'], string> = { pass: '✅ pass', fail: '❌ FAIL', error: '⚠️ ERROR' };

/** The summary as Markdown. */
export function reportMarkdown(run: CheckRun): string {
  const head = `## vpcsim check: ${summaryLine(run.passed, run.failed, run.errored, run.invalidFiles)}`;
  const rows = ['| result | check | where |', '| --- | --- | --- |'];
  const details: string[] = [];
  for (const f of run.files) {
    if (f.diagnostics.length > 0) {
      rows.push(`| ${MARK.error} | ${markdownCell('(the file does not load)')} | \`${markdownCell(f.file)}\` |`);
      details.push(`### ${MARK.error}: ${markdownCell(f.file)} does not load`, '', codeBlock(f.diagnostics.map((d) => `${d.span.file}:${d.span.line}:${d.span.col}: ${d.severity} ${d.code}: ${d.message}`).join('\n')), '');
    }
    for (const r of f.checks) {
      rows.push(`| ${MARK[r.status]} | ${markdownCell(r.check.name)} | \`${markdownCell(checkPlace(r))}\` |`);
      if (r.status !== 'pass') {
        details.push(`### ${MARK[r.status]}: ${markdownCell(r.check.name)}`, '', codeBlock(checkLines(r).map((l) => l.trimEnd()).join('\n')), '');
        // Mermaid text never holds a backtick (names are entity-coded), so a plain fence holds it.
        for (const failure of r.failures) if (failure.trace) details.push('```mermaid', renderMermaidSequence([failure.trace]).trimEnd(), '```', '');
      }
    }
  }
  return [head, '', ...rows, '', ...details].join('\n').replace(/\n+$/, '') + '\n';
}
