// `vpcsim diff --format markdown`: a one-line summary and a table fit for a pull-request
// comment or a step summary, opened flows first, each with its why and where.
import { formatSpan } from '../model/span.js';
import type { DiffResult, FlowChange } from '../diff/diff-result.js';
import { listIds, portLabel, whyLine } from '../diff/describe-change.js';
import { markdownCell } from '../scenarios/report-markdown.js';
import { diffSummary } from './render-diff-text.js';

const MARK: Record<FlowChange['kind'], string> = { opened: '🔓 opened', closed: '🔒 closed', unknown: '❔ unknown' };

function ids(list: readonly string[]): string {
  return listIds(list.map((i) => `\`${i}\``), 8);
}

/** The markdown report. */
export function renderDiffMarkdown(d: DiffResult): string {
  const out = [`## vpcsim diff: ${diffSummary(d)}`, ''];
  out.push(`\`${markdownCell(d.oldFile)}\` → \`${markdownCell(d.newFile)}\`, ${d.protocols.join(', ')}, ${d.sources} sources and ${d.destinations} destinations present in both versions.`);
  if (d.unknownPairs > 0) out.push('', `⚠️ ${d.unknownPairs} pairs are unknown in both versions (past --max-traces) and were not compared.`);
  if (d.changes.length > 0) {
    out.push('', '| change | from | to | ports | before → after | why |', '| --- | --- | --- | --- | --- | --- |');
    for (const c of d.changes) {
      out.push(`| ${MARK[c.kind]} | ${markdownCell(ids(c.sources))} | ${markdownCell(ids(c.destinations))} | ${markdownCell(portLabel(c))} | ${c.before} → ${c.after} | ${markdownCell(whyLine(c))} |`);
    }
  }
  const resources = (title: string, list: DiffResult['added']): void => {
    if (list.length === 0) return;
    out.push('', `**${title}:** ${list.map((r) => `\`${markdownCell(r.id)}\` (${r.kind}, \`${markdownCell(formatSpan(r.location))}\`)`).join(', ')}`);
  };
  resources('Resources only in NEW (added)', d.added);
  resources('Resources only in OLD (removed)', d.removed);
  return out.join('\n') + '\n';
}
