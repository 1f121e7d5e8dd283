// `vpcsim diff --format github`: a workflow annotation `::warning file=…,line=…,col=…::…` on
// each line of NEW that opened or closed something (changes with one cause share one
// annotation), a file-less warning for a cause that is only in OLD, then the text report.
import type { Span } from '../model/span.js';
import type { DiffResult } from '../diff/diff-result.js';
import { changeVerb, listIds, portLabel, whyLine } from '../diff/describe-change.js';
import { escapeData, escapeProperty } from '../scenarios/report-github.js';
import { renderDiffText } from './render-diff-text.js';

function annotation(span: Span | undefined, title: string, lines: readonly string[]): string {
  const props: [string, string][] = span ? [['file', span.file], ['line', String(span.line)], ['col', String(span.col)]] : [];
  props.push(['title', title]);
  return `::warning ${props.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',')}::${escapeData(lines.join('\n'))}`;
}

/** The annotations alone, one per line, in the order of their first change. */
export function diffAnnotations(d: DiffResult): string[] {
  const byPlace = new Map<string, { span: Span | undefined; lines: string[] }>();
  for (const c of d.changes) {
    // NEW's line: the cause when it is in NEW, else the hop of NEW where the paths part.
    const span = c.why?.side === 'new' ? c.why.location : c.why?.new?.location;
    const key = span ? `${span.file}:${span.line}:${span.col}` : '';
    const line = `${c.kind}: ${listIds(c.sources)} -> ${listIds(c.destinations)} ${portLabel(c)} (${c.before} -> ${c.after}); why: ${whyLine(c)}`;
    const had = byPlace.get(key);
    if (had) had.lines.push(line);
    else byPlace.set(key, { span, lines: [line] });
  }
  return [...byPlace.values()].map((p) => {
    const first = d.changes.find((c) => p.lines[0]!.startsWith(`${c.kind}:`));
    const title = `vpcsim diff: this change ${first ? changeVerb(first) : 'changes'} ${p.lines.length === 1 ? 'a flow' : `${p.lines.length} flows`}`;
    return annotation(p.span, title, p.lines);
  });
}

/** Annotations, then the text report. */
export function renderDiffGithub(d: DiffResult): string {
  const a = diffAnnotations(d);
  return (a.length > 0 ? a.join('\n') + '\n' : '') + renderDiffText(d);
}
