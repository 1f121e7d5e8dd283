// The GitHub Actions report: a workflow command `::error file=…,line=…,col=…::…` for each
// failed check (at the check), each check that could not run (at the bad value) and each
// load error, then the text report so the log reads as it does locally.
import type { CheckRun } from './check-result.js';
import { checkErrorLine } from './describe-result.js';
import { checkLines, reportText } from './report-text.js';
import type { Span } from '../model/span.js';

/** Escape the message of a workflow command (as @actions/core does). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a property value of a workflow command. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(span: Span, title: string, message: string): string {
  const props = [
    ['file', span.file],
    ['line', String(span.line)],
    ['col', String(span.col)],
    ['title', title],
  ].map(([k, v]) => `${k}=${escapeProperty(v!)}`);
  return `::error ${props.join(',')}::${escapeData(message)}`;
}

/** The annotations alone, one per line. */
export function githubAnnotations(run: CheckRun): string[] {
  const out: string[] = [];
  for (const f of run.files) {
    for (const d of f.diagnostics) out.push(annotation(d.span, `vpcsim: ${d.code}`, `${d.message} (no check in ${f.file} ran)`));
    for (const r of f.checks) {
      if (r.status === 'fail') {
        const body = checkLines(r).slice(1).map((l) => l.trim());
        out.push(annotation(r.check.span, `vpcsim check failed: ${r.check.name}`, body.join('\n')));
      } else if (r.status === 'error') {
        for (const e of r.errors) out.push(annotation(e.span, `vpcsim check: ${e.code}`, `${r.check.name}: ${checkErrorLine(e)}`));
      }
    }
  }
  return out;
}

/** The whole GitHub report: annotations, then the text report. */
export function reportGithub(run: CheckRun): string {
  const annotations = githubAnnotations(run);
  return (annotations.length > 0 ? annotations.join('\n') + '\n' : '') + reportText(run);
}
