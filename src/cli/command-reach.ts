// `vpcsim reach FILE`: the reachability relation between every source and destination, by
// classes (docs/reach.md). Text (summary and matrix by group), CSV (a row per pair) or
// JSON (classes and the class relation); --witness traces one pair per class pair.
import type { FlowProtocol } from '../engine/query.js';
import { collectEnds } from '../reach/reach-ends.js';
import { computeReach, DEFAULT_MAX_TRACES } from '../reach/compute-reach.js';
import { GROUP_BYS, type GroupBy } from '../reach/group-matrix.js';
import type { PortSpan } from '../reach/port-atoms.js';
import type { ReachQuery } from '../reach/reach-relation.js';
import { selectEnds } from '../reach/select-ends.js';
import { clipLines, echo } from './echo-argument.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { loadForCommand } from './load-for-command.js';
import { writeReachCsv } from './render-reach-csv.js';
import { renderReachJson } from './render-reach-json.js';
import { renderReachText } from './render-reach-text.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

/** Help text of the command. */
export const REACH_HELP = `usage: vpcsim reach FILE [--from SEL] [--to SEL] [--protocol tcp|udp|icmp|icmpv6|all]
                    [--port N|A-B|all] [--group-by vpc|subnet|security-group]
                    [--format text|csv|json] [--witness] [--max-traces N]

The reachability relation between every source and every destination at once, computed
over equivalence classes of interfaces (docs/reach.md), with the same verdicts as trace.
Sources: instances and internet hosts; destinations: those plus interface endpoint
interfaces and Network Load Balancer nodes.
  --from, --to  comma-separated ids: instances, interfaces, internet hosts, subnets, VPCs,
                security groups, endpoints, load balancers, or internet (default: all)
  --port        one port, a range A-B or all (cut into port atoms); default 443 for tcp/udp
  --group-by    the text matrix's rows and columns (default vpc)
  --format      text (summary and matrix), csv (from,to,protocol,port,reachable: one row per
                pair) or json (classes with members, and the class-to-class relation)
  --witness     trace one representative pair per class pair and show its verdict and path
  --max-traces  most pairs traced one by one (through translators, or with an end that is
                not an instance; default ${DEFAULT_MAX_TRACES}); pairs beyond it are unknown
Exit 0 when every pair is known, 1 when some pairs are unknown, 2 bad input.`;

/** Protocols --protocol takes. */
export const PROTOCOLS: readonly FlowProtocol[] = ['tcp', 'udp', 'icmp', 'icmpv6', 'all'];
const FORMATS = ['text', 'csv', 'json'] as const;

/** Parse --port for a protocol: N, A-B or all; undefined text is the default (443 for tcp/udp). */
export function portOf(text: string | undefined, protocol: FlowProtocol): number | PortSpan | 'all' | undefined {
  if (protocol === 'all') {
    if (text !== undefined) throw new UsageError('--port does not apply to --protocol all');
    return undefined;
  }
  const max = protocol === 'tcp' || protocol === 'udp' ? 65535 : 255;
  const min = protocol === 'tcp' || protocol === 'udp' ? 1 : 0;
  if (text === undefined) return protocol === 'tcp' || protocol === 'udp' ? 443 : undefined;
  if (text === 'all') return 'all';
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  const a = m ? Number(m[1]) : NaN;
  const b = m?.[2] !== undefined ? Number(m[2]) : a;
  if (!m || a < min || b > max || a > b) throw new UsageError(`--port must be N, A-B (${min}-${max}) or all, not ${echo(text)}`);
  return m[2] === undefined ? a : { from: a, to: b };
}

/** Run the command. */
export function runReach(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    protocol: { type: 'string', default: 'tcp' },
    port: { type: 'string' },
    'group-by': { type: 'string', default: 'vpc' },
    format: { type: 'string', default: 'text' },
    witness: { type: 'boolean', default: false },
    'max-traces': { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('name exactly one topology file');
  const protocol = values.protocol as FlowProtocol;
  if (!PROTOCOLS.includes(protocol)) throw new UsageError(`--protocol must be one of ${PROTOCOLS.join(', ')}, not ${echo(values.protocol)}`);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be text, csv or json, not ${echo(values.format)}`);
  const groupBy = values['group-by'] as GroupBy;
  if (!GROUP_BYS.includes(groupBy)) throw new UsageError(`--group-by must be one of ${GROUP_BYS.join(', ')}, not ${echo(values['group-by'])}`);
  const maxText = values['max-traces'];
  if (maxText !== undefined && !/^\d{1,9}$/.test(maxText)) throw new UsageError(`--max-traces must be a number, not ${echo(maxText)}`);
  const port = portOf(values.port, protocol);
  const topology = loadForCommand(positionals[0]!, io);
  if (!topology) return EXIT.badInput;
  const ends = collectEnds(topology);
  const pick = (selector: string | undefined, side: 'from' | 'to'): ReadonlySet<string> | undefined => {
    if (selector === undefined) return undefined;
    const chosen = selectEnds(topology, side === 'from' ? ends.sources : ends.destinations, selector, side);
    if (!chosen.ok) throw new UsageError(clipLines(chosen.message));
    return chosen.ids;
  };
  const sources = pick(values.from, 'from');
  const destinations = pick(values.to, 'to');
  const query: ReachQuery = {
    protocol, port,
    ...(sources ? { sources } : {}),
    ...(destinations ? { destinations } : {}),
    ...(maxText !== undefined ? { maxTraces: Number(maxText) } : {}),
  };
  const rel = computeReach(topology, query);
  let unknown = 0;
  for (const p of rel.ports) unknown += p.unknownCount;
  switch (format) {
    case 'csv':
      writeReachCsv(rel, (chunk) => io.stdout.write(chunk));
      break;
    case 'json':
      io.stdout.write(renderReachJson(rel, values.witness));
      break;
    case 'text': {
      const { text, timing } = renderReachText(rel, groupBy, values.witness);
      io.stdout.write(text);
      // Times vary run to run; stdout stays byte-identical.
      io.stderr.write(timing);
      break;
    }
    default: {
      const never: never = format;
      return never;
    }
  }
  return unknown > 0 ? EXIT.failed : EXIT.ok;
}
