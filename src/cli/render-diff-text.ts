// `vpcsim diff` as text: a headline, the opened flows, then the closed ones (each with its
// why), then unknown ones, then the resources present in one version only.
import { formatSpan } from '../model/span.js';
import type { DiffResult, FlowChange } from '../diff/diff-result.js';
import { listIds, portLabel, whyLine } from '../diff/describe-change.js';

function changeLine(c: FlowChange, mark: string): string[] {
  const pairs = c.pairs === 1 ? '' : `  (${c.pairs} pairs)`;
  const verdicts = c.kind === 'unknown' ? `  ${c.before} -> ${c.after}` : '';
  return [`  ${mark} ${listIds(c.sources)} -> ${listIds(c.destinations)}  ${portLabel(c)}${verdicts}${pairs}`, `      why: ${whyLine(c)}`];
}

/** The summary line: "2 changes (1 opened, 1 closed)" or "no flow changed". */
export function diffSummary(d: DiffResult): string {
  const n = (k: FlowChange['kind']) => d.changes.filter((c) => c.kind === k).length;
  if (d.changes.length === 0) return 'no flow changed';
  const parts = [`${n('opened')} opened`, `${n('closed')} closed`];
  if (n('unknown') > 0) parts.push(`${n('unknown')} unknown`);
  return `${d.changes.length} change${d.changes.length === 1 ? '' : 's'} (${parts.join(', ')})`;
}

/** The text report. */
export function renderDiffText(d: DiffResult): string {
  const out: string[] = [`diff ${d.oldFile} -> ${d.newFile}: ${d.protocols.join(', ')}`];
  out.push(`  compared ${d.sources} source${d.sources === 1 ? '' : 's'} and ${d.destinations} destination${d.destinations === 1 ? '' : 's'} present in both versions`);
  out.push(`  ${diffSummary(d)}`);
  if (d.unknownPairs > 0) out.push(`  ${d.unknownPairs} pair${d.unknownPairs === 1 ? ' is' : 's are'} unknown in both versions (past --max-traces): not compared`);
  if (d.whyOmitted > 0) out.push(`  ${d.whyOmitted} change${d.whyOmitted === 1 ? '' : 's'} not explained (past the witness limit)`);
  const section = (title: string, kind: FlowChange['kind'], mark: string): void => {
    const list = d.changes.filter((c) => c.kind === kind);
    if (list.length === 0) return;
    out.push('', `${title}:`);
    for (const c of list) out.push(...changeLine(c, mark));
  };
  section('opened', 'opened', '+');
  section('closed', 'closed', '-');
  section('unknown in one version', 'unknown', '?');
  const resources = (title: string, list: DiffResult['added']): void => {
    if (list.length === 0) return;
    out.push('', `${title}:`);
    for (const r of list) out.push(`  ${r.id} (${r.kind})  ${formatSpan(r.location)}`);
  };
  resources('resources only in NEW (added)', d.added);
  resources('resources only in OLD (removed)', d.removed);
  return out.join('\n') + '\n';
}
