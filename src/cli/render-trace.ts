// A trace result as text: the verdict line first, then numbered hops with the deciding
// rule and its file:line, then the return path, then the explanations.
import type { TraceResult } from '../engine/query.js';
import type { Hop, Trace } from '../engine/trace.js';
import { formatSpan } from '../model/span.js';

function hopLines(hops: readonly Hop[], explain: boolean): string[] {
  const width = String(hops.length).length;
  return hops.flatMap((h, i) => {
    const at = h.location ? `  [${formatSpan(h.location)}]` : '';
    const lines = [`  ${String(i + 1).padStart(width)}. ${h.action.padEnd(10)} ${h.component.kind} ${h.component.id}: ${h.detail}${at}`];
    if (explain && h.why) lines.push(`  ${' '.repeat(width)}  ${' '.repeat(10)} why: ${h.why}`);
    return lines;
  });
}

/** One trace as text. */
export function renderTrace(t: Trace, explain: boolean): string {
  const f = t.flow;
  const icmp = f.protocol === 'icmp' || f.protocol === 'icmpv6';
  const what = icmp ? `${f.protocol}${f.dstPort === undefined ? '' : ` type ${f.dstPort}`}` : `${f.protocol}${f.dstPort === undefined ? '' : `:${f.dstPort}`}`;
  const end = (ip: string, p: number | undefined): string => (p === undefined || icmp ? ip : ip.includes(':') ? `[${ip}]:${p}` : `${ip}:${p}`);
  const lines = [
    `${t.reachable ? 'REACHABLE' : 'UNREACHABLE'}: ${f.from} -> ${f.to} ${what}  (${end(f.srcIp, f.srcPort)} -> ${f.dstIp ? end(f.dstIp, f.dstPort) : 'unresolved'})${f.branch ? `  via ${f.branch.join(', ')}` : ''}`,
    'forward path:',
    ...hopLines(t.hops, explain),
  ];
  if (t.returnHops.length > 0) lines.push('return path:', ...hopLines(t.returnHops, explain));
  if (t.explanations.length > 0) {
    lines.push('explanations:');
    for (const e of t.explanations) lines.push(`  ${e.code}: ${e.message}${e.location ? `  [${formatSpan(e.location)}]` : ''}`);
  }
  return lines.join('\n');
}

/** A whole result: each trace, separated by a blank line, and a summary when there are several. */
export function renderTraceResult(r: TraceResult, explain: boolean, description?: string): string {
  const parts: string[] = [];
  if (explain && description) parts.push(description.trim());
  if (r.traces.length > 1) {
    const label = (t: Trace): string => (t.flow.branch ? `${t.flow.dstIp} via ${t.flow.branch.join(', ')}` : t.flow.dstIp);
    const bad = r.traces.filter((t) => !t.reachable).map(label);
    const addresses = new Set(r.traces.map((t) => t.flow.dstIp)).size;
    const what = addresses === r.traces.length
      ? `${r.query.to} resolves to ${addresses} addresses`
      : `${r.query.to} gives ${r.traces.length} paths (${addresses} address${addresses === 1 ? '' : 'es'}, each load balancer target a path of its own)`;
    parts.push(`${r.reachable ? 'REACHABLE' : 'UNREACHABLE'}: ${what}${bad.length > 0 ? `; unreachable: ${bad.join('; ')}` : '; every one is reachable'}`);
  }
  parts.push(...r.traces.map((t) => renderTrace(t, explain)));
  return parts.join('\n\n') + '\n';
}

function shortLines(hops: readonly Hop[], mark: string): string[] {
  const width = String(hops.length).length;
  return hops.map((h, i) => `  ${mark}${String(i + 1).padStart(width)}. ${h.component.id}  ${h.action}  ${h.location ? formatSpan(h.location) : '-'}`);
}

/**
 * A whole result in short form (`trace --short`): per trace the verdict line with its
 * explanation codes, then one line per hop (id, action, location), return hops marked "r".
 */
export function renderTraceShort(r: TraceResult): string {
  const parts = r.traces.map((t) => {
    const f = t.flow;
    const codes = t.explanations.length > 0 ? ` (${[...new Set(t.explanations.map((e) => e.code))].join(', ')})` : '';
    const port = f.dstPort === undefined ? '' : `:${f.dstPort}`;
    return [
      `${t.reachable ? 'REACHABLE' : 'UNREACHABLE'}${codes}: ${f.from} -> ${f.to} ${f.protocol}${port}${f.dstIp ? ` (${f.dstIp})` : ''}${f.branch ? `  via ${f.branch.join(', ')}` : ''}`,
      ...shortLines(t.hops, ''),
      ...shortLines(t.returnHops, 'r'),
    ].join('\n');
  });
  return parts.join('\n') + '\n';
}
