// `vpcsim check --baseline OLD [--fail-on opened]`: beside the file's checks, the flows the
// change from OLD opens toward the destinations under `protect:` (or every opened flow with
// --fail-on opened) fail the run. OLD is a file, folder or plan (with one topology file), a
// REF:PATH, or a bare git revision (main, origin/main): then each file is compared with
// REF:./FILE, its own version at that revision.
import { existsSync } from 'node:fs';
import { computeDiff } from '../diff/compute-diff.js';
import { listIds, portLabel, whyLine } from '../diff/describe-change.js';
import { baselineDestinations, baselineProtocols, judgeProtect, type ProtectViolation } from '../diff/judge-protect.js';
import type { ChecksFile } from '../model/checks-file.js';
import { loadInput } from '../import/load-input.js';
import { formatSpan } from '../model/span.js';
import type { Topology } from '../model/topology.js';
import { escapeData, escapeProperty } from '../scenarios/report-github.js';
import type { CliIo } from './io.js';
import { loadInputOrRevision, parseRevisionPath } from './load-revision.js';
import { formatDiagnostic } from './print-diagnostics.js';
import { UsageError } from './usage-error.js';

/** What --fail-on takes. */
export const FAIL_ON = ['protected', 'opened'] as const;

/** The baseline of one file: OLD as given, or REF:./FILE for a bare revision. */
export function baselineFor(baseline: string, file: string, files: number): string {
  if (existsSync(baseline) || parseRevisionPath(baseline)) {
    if (files !== 1) throw new UsageError('--baseline with a file names one topology file to check; with several, give a git revision (--baseline main)');
    return baseline;
  }
  if (baseline.startsWith('-') || baseline.length === 0) throw new UsageError(`--baseline "${baseline}" is not a file or a git revision`);
  const relative = file.replace(/\\/g, '/');
  return `${baseline}:${relative.startsWith('/') || relative.startsWith('./') ? relative : `./${relative}`}`;
}

function loadQuiet(arg: string, io: CliIo): Topology | undefined {
  const r = loadInputOrRevision(arg);
  if ('gitError' in r) {
    io.stderr.write(`vpcsim check: --baseline: ${r.gitError}\n`);
    return undefined;
  }
  for (const d of r.diagnostics) if (d.severity === 'error') io.stderr.write(`${formatDiagnostic(d, false)} (the baseline)\n`);
  return r.topology;
}

/** The violations of every file, or undefined on bad input (a baseline that does not load). */
export function runBaseline(files: readonly string[], baseline: string, failOnOpened: boolean, io: CliIo, checks?: ChecksFile): { file: string; violations: ProtectViolation[] }[] | undefined {
  const out: { file: string; violations: ProtectViolation[] }[] = [];
  for (const file of files) {
    // A checks file's protect: entries count as the file's own (check --checks).
    const newT = loadInput(file, checks ? { checks } : {}).topology;
    // A file that does not load is reported by the checks already.
    if (!newT) continue;
    const oldT = loadQuiet(baselineFor(baseline, file, files.length), io);
    if (!oldT) return undefined;
    const destinations = baselineDestinations(newT, failOnOpened);
    if (destinations && destinations.size === 0) {
      out.push({ file, violations: [] });
      continue;
    }
    const diff = computeDiff(oldT, newT, { protocols: baselineProtocols(newT, failOnOpened), port: 'all', ...(destinations ? { destinations } : {}) });
    out.push({ file, violations: judgeProtect(diff, newT, failOnOpened) });
  }
  return out;
}

function violationLine(v: ProtectViolation): string {
  const ports = portLabel({ protocol: v.change.protocol, portFrom: v.portFrom, portTo: v.portTo });
  const what = v.rule ? v.rule.name : 'an opened flow (--fail-on opened)';
  return `${what}: this change opens ${listIds(v.sources)} -> ${listIds(v.destinations)} ${ports}; why: ${whyLine(v.change)}`;
}

/** The baseline report as text: one FAIL line per violation, then the count. */
export function baselineText(results: readonly { file: string; violations: readonly ProtectViolation[] }[], baseline: string): string {
  const lines: string[] = [];
  let n = 0;
  for (const r of results) {
    for (const v of r.violations) {
      n++;
      const at = v.rule ? `${v.rule.span.file}:${v.rule.span.line}` : r.file;
      lines.push(`FAIL  ${at}  ${violationLine(v)}`);
    }
  }
  lines.push(`baseline ${baseline}: ${n === 0 ? 'no protected flow opened' : `${n} opened flow${n === 1 ? '' : 's'} fail${n === 1 ? 's' : ''} the baseline`}`);
  return lines.join('\n') + '\n';
}

/** GitHub annotations: at the protect entry, and at NEW's line that opened the flow. */
export function baselineAnnotations(results: readonly { file: string; violations: readonly ProtectViolation[] }[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    for (const v of r.violations) {
      const cause = v.change.why?.side === 'new' ? v.change.why.location : v.change.why?.new?.location;
      const span = cause ?? v.rule?.span;
      const props = span ? [['file', span.file], ['line', String(span.line)], ['col', String(span.col)]] : [['file', r.file]];
      props.push(['title', `vpcsim check --baseline: ${v.rule ? v.rule.name : 'opened flow'}`]);
      const where = v.rule ? ` (protected at ${formatSpan(v.rule.span)})` : '';
      out.push(`::error ${props.map(([k, val]) => `${k}=${escapeProperty(val!)}`).join(',')}::${escapeData(violationLine(v) + where)}`);
    }
  }
  return out;
}
