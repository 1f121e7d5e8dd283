// `reach` as text: a summary (sources, destinations, classes, reachable pairs per port),
// the matrix by group for the relation over all its ports, and with --witness one traced
// pair per class pair. The time goes to a separate string (stderr), so stdout is stable.
import type { FlowProtocol } from '../engine/query.js';
import { groupMatrix, type GroupBy } from '../reach/group-matrix.js';
import { mergePorts } from '../reach/merge-ports.js';
import type { PortSpan } from '../reach/port-atoms.js';
import { countPairs, relationGroups } from '../reach/query-relation.js';
import type { ReachRelation } from '../reach/reach-relation.js';
import { traceWitnesses } from '../reach/witness.js';

/** A port span as text: "443", "1024-65535"; "all" for protocol all; "echo" for ICMP echo. */
export function portLabel(protocol: FlowProtocol, span: PortSpan | undefined): string {
  if (span) return span.from === span.to ? String(span.from) : `${span.from}-${span.to}`;
  return protocol === 'all' ? 'all' : 'echo';
}

function n(x: number): string {
  return x.toLocaleString('en-US');
}

/** The text output and the timing line. */
export function renderReachText(rel: ReachRelation, by: GroupBy, witness: boolean): { text: string; timing: string } {
  const groups = relationGroups(rel);
  const lines: string[] = [];
  const instances = rel.ends.sources.filter((e) => e.kind === 'instance').length;
  const onPremises = rel.ends.sources.filter((e) => e.kind === 'onPremisesHost').length;
  const portsText = rel.ports.length === 1 ? `port ${portLabel(rel.query.protocol, rel.ports[0]!.ports)}` : `${rel.ports.length} port atoms`;
  lines.push(`reach ${rel.topology.file}: ${rel.query.protocol} ${portsText}`);
  lines.push(`  sources: ${n(rel.ends.sources.length)} (${n(instances)} instances, ${n(rel.ends.sources.length - instances - onPremises)} internet hosts${onPremises > 0 ? `, ${n(onPremises)} on-premises hosts` : ''}); destinations: ${n(rel.ends.destinations.length)}`);
  lines.push(`  classes: ${n(rel.stats.classes)} instance classes over ${n(rel.stats.atoms)} address atoms`);
  let unknownTotal = 0;
  for (const port of rel.ports) {
    const c = countPairs(rel, port, groups);
    unknownTotal += c.unknown;
    const unknown = c.unknown > 0 ? `, ${n(c.unknown)} UNKNOWN (over --max-traces: not computed)` : '';
    lines.push(`  port ${portLabel(rel.query.protocol, port.ports)}: ${n(c.reachable)} of ${n(c.total)} pairs reachable (${n(port.traceCount)} traced one by one${unknown})`);
  }
  const all = mergePorts(rel);
  const m = groupMatrix(rel, all, groups, by);
  lines.push('');
  lines.push(`reachable pairs by ${by}${rel.ports.length > 1 ? ', on any port' : ''} (reachable/pairs${unknownTotal > 0 ? ', +N unknown' : ''}):`);
  const head = ['from \\ to', ...m.columns];
  const table = m.rows.map((r) => [r, ...m.columns.map((c) => {
    const cell = m.cells.get(`${r}\u0000${c}`);
    if (!cell) return '-';
    return `${n(cell.reachable)}/${n(cell.pairs)}${cell.unknown > 0 ? ` +${n(cell.unknown)}?` : ''}`;
  })]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  lines.push(head.map((h, i) => h.padEnd(widths[i]!)).join('  ').trimEnd());
  for (const row of table) lines.push(row.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ').trimEnd());
  if (witness) {
    for (const port of rel.ports) {
      const { witnesses, omitted } = traceWitnesses(rel, port, groups);
      lines.push('');
      lines.push(`witnesses, port ${portLabel(rel.query.protocol, port.ports)} (one traced pair per class pair):`);
      for (const w of witnesses) {
        const path = w.trace?.traces[0];
        const codes = path && path.explanations.length > 0 ? ` [${[...new Set(path.explanations.map((e) => e.code))].join(', ')}]` : '';
        const hops = path ? `: ${path.hops.map((h) => h.component.id).join(' > ')}` : ': the trace engine refused the query';
        lines.push(`  ${w.source} -> ${w.destination} ${w.verdict}${w.agrees ? '' : ' (THE TRACE DISAGREES: a bug, please report it)'}; ${w.from} -> ${w.to}${codes}${hops}`);
      }
      if (omitted > 0) lines.push(`  ... ${n(omitted)} more class pairs (narrow with --from and --to)`);
    }
  }
  const s = rel.stats;
  const timing = `reach: computed in ${(s.classMs + s.joinMs + s.traceMs).toFixed(1)} ms (classes ${s.classMs.toFixed(1)} ms, join ${s.joinMs.toFixed(1)} ms, traces ${s.traceMs.toFixed(1)} ms)\n`;
  return { text: `${lines.join('\n')}\n`, timing };
}
