// `vpcsim diff OLD NEW`: the flows a change opens and closes (docs/diff.md). OLD and NEW are
// anything other commands read, or REF:PATH from git. Exit 0 when no flow changed, 1 when
// some did (or some pairs are unknown), 2 on bad input.
import { appendFileSync } from 'node:fs';
import { computeDiff, type DiffQuery } from '../diff/compute-diff.js';
import type { DiffResult } from '../diff/diff-result.js';
import type { FlowProtocol } from '../engine/query.js';
import type { Topology } from '../model/topology.js';
import { DEFAULT_MAX_TRACES } from '../reach/compute-reach.js';
import type { PortSpan } from '../reach/port-atoms.js';
import { collectEnds } from '../reach/reach-ends.js';
import { selectEnds } from '../reach/select-ends.js';
import { portOf, PROTOCOLS } from './command-reach.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { loadInputOrRevision } from './load-revision.js';
import { parseCommandArgs } from './parse-command-args.js';
import { formatDiagnostic } from './print-diagnostics.js';
import { renderDiffGithub } from './render-diff-github.js';
import { renderDiffJson } from './render-diff-json.js';
import { renderDiffMarkdown } from './render-diff-markdown.js';
import { renderDiffSarif } from './render-diff-sarif.js';
import { renderDiffText } from './render-diff-text.js';
import { UsageError } from './usage-error.js';
import { VERSION } from './version.js';

/** Report formats of `vpcsim diff`. */
export const DIFF_FORMATS = ['text', 'json', 'markdown', 'github', 'sarif'] as const;
type DiffFormat = (typeof DIFF_FORMATS)[number];

/** Help text of the command. */
export const DIFF_HELP = `usage: vpcsim diff OLD NEW [--from SEL] [--to SEL] [--protocol P[,P...]] [--port N|A-B|all]
                   [--format text|json|markdown|github|sarif] [--max-traces N]
                   [--principal ARN] [--action ACTION] [--resource ARN]

The flows a change opens and closes: the reachability relation (as reach computes it) of OLD
and of NEW, compared over the sources and destinations both hold, on every port. Each change
is a group (sources, destinations, protocol, port range, before, after) with its why: the
rule or resource in NEW (or removed from OLD) that made the difference, found by tracing one
pair of the group in both versions (docs/diff.md).
  OLD, NEW      a topology file, an AWS snapshot folder, a Terraform plan, or REF:PATH for a
                file at a git revision (main:net/estate.yaml, read with git show)
  --from, --to  as for reach: ids of ends, subnets, VPCs, security groups, endpoints, load
                balancers, or internet (default: every end in both versions)
  --protocol    tcp (default), udp, icmp, icmpv6, all, or a comma-separated list
  --port        one port, a range A-B, or all (default: all ports, every ICMP type)
  --format      text (opened, then closed, each with its why), json, markdown (a table for a
                pull-request comment), github (annotations on NEW's lines; with
                GITHUB_STEP_SUMMARY set, the markdown is appended there) or sarif (2.1.0)
  --max-traces  reach's budget of pairs traced one by one, per version and protocol
                (default ${DEFAULT_MAX_TRACES}); pairs past it are unknown, never guessed
  --principal, --action, --resource  the request flows carry, for endpoint policies
Exit 0 when no flow changed, 1 when some did (or pairs are unknown), 2 bad input.`;

function protocolsOf(text: string): FlowProtocol[] {
  const out: FlowProtocol[] = [];
  for (const p of text.split(',').map((s) => s.trim())) {
    if (!PROTOCOLS.includes(p as FlowProtocol)) throw new UsageError(`--protocol must be one of ${PROTOCOLS.join(', ')} (or a comma-separated list), not "${p}"`);
    if (!out.includes(p as FlowProtocol)) out.push(p as FlowProtocol);
  }
  return out;
}

function portsOf(text: string | undefined, protocols: readonly FlowProtocol[]): number | PortSpan | 'all' {
  if (text === undefined || text === 'all') return 'all';
  const ported = protocols.filter((p) => p !== 'all');
  if (ported.length === 0) throw new UsageError('--port does not apply to --protocol all');
  // Parsed against the narrowest protocol named (ICMP types stop at 255).
  const narrow = ported.find((p) => p === 'icmp' || p === 'icmpv6') ?? ported[0]!;
  const port = portOf(text, narrow);
  return port ?? 'all';
}

/** Ends a selector names in either version (an id may exist in one only). */
function selectBoth(oldT: Topology, newT: Topology, selector: string | undefined, side: 'from' | 'to'): ReadonlySet<string> | undefined {
  if (selector === undefined) return undefined;
  const pick = (t: Topology) => {
    const ends = collectEnds(t);
    return selectEnds(t, side === 'from' ? ends.sources : ends.destinations, selector, side);
  };
  const a = pick(newT);
  const b = pick(oldT);
  if (!a.ok && !b.ok) throw new UsageError(a.message);
  return new Set([...(a.ok ? a.ids : []), ...(b.ok ? b.ids : [])]);
}

function load(arg: string, io: CliIo): Topology | undefined {
  const r = loadInputOrRevision(arg);
  if ('gitError' in r) {
    io.stderr.write(`vpcsim diff: ${r.gitError}\n`);
    return undefined;
  }
  for (const d of r.diagnostics) io.stderr.write(formatDiagnostic(d, io.stderr.isTTY === true) + '\n');
  return r.topology;
}

/** Run the command. */
export function runDiff(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    protocol: { type: 'string', default: 'tcp' },
    port: { type: 'string' },
    format: { type: 'string', default: 'text' },
    'max-traces': { type: 'string' },
    principal: { type: 'string' },
    action: { type: 'string' },
    resource: { type: 'string' },
  });
  if (positionals.length !== 2) throw new UsageError('name two topologies: OLD and NEW');
  const format = values.format as DiffFormat;
  if (!DIFF_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${DIFF_FORMATS.join(', ')}, not "${values.format}"`);
  const protocols = protocolsOf(values.protocol);
  const port = portsOf(values.port, protocols);
  const maxText = values['max-traces'];
  if (maxText !== undefined && !/^\d{1,9}$/.test(maxText)) throw new UsageError(`--max-traces must be a number, not "${maxText}"`);
  const oldT = load(positionals[0]!, io);
  const newT = load(positionals[1]!, io);
  if (!oldT || !newT) return EXIT.badInput;
  const sources = selectBoth(oldT, newT, values.from, 'from');
  const destinations = selectBoth(oldT, newT, values.to, 'to');
  const request = {
    ...(values.principal !== undefined ? { principal: values.principal } : {}),
    ...(values.action !== undefined ? { action: values.action } : {}),
    ...(values.resource !== undefined ? { resource: values.resource } : {}),
  };
  const query: DiffQuery = {
    protocols, port,
    ...(sources ? { sources } : {}),
    ...(destinations ? { destinations } : {}),
    ...(maxText !== undefined ? { maxTraces: Number(maxText) } : {}),
    ...(Object.keys(request).length > 0 ? { request } : {}),
  };
  const d = computeDiff(oldT, newT, query);
  io.stdout.write(render(format, d));
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (format === 'github' && summaryFile) {
    try {
      appendFileSync(summaryFile, renderDiffMarkdown(d));
    } catch (e) {
      io.stderr.write(`vpcsim diff: warning: cannot append to GITHUB_STEP_SUMMARY (${summaryFile}): ${(e as Error).message}\n`);
    }
  }
  for (const c of d.changes) {
    if (c.why && !c.why.agrees) io.stderr.write(`vpcsim diff: warning: the trace of ${c.why.witness.from} -> ${c.why.witness.to} disagrees with the relation (a bug; please report it)\n`);
  }
  return d.changes.length > 0 || d.unknownPairs > 0 ? EXIT.failed : EXIT.ok;
}

function render(format: DiffFormat, d: DiffResult): string {
  switch (format) {
    case 'text':
      return renderDiffText(d);
    case 'json':
      return renderDiffJson(d);
    case 'markdown':
      return renderDiffMarkdown(d);
    case 'github':
      return renderDiffGithub(d);
    case 'sarif':
      return renderDiffSarif(d, VERSION);
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}
