// `vpcsim graph FILE [--from X --to Y[:PORT]] [--checks] [--focus VPC] --format F [-o FILE]`:
// draw the topology (Mermaid, DOT, SVG, or the self-contained HTML trace page), with a
// flow's path on it.
import { writeFileSync } from 'node:fs';
import { traceProblems } from '../engine/check-trace.js';
import { isQueryError, traceFlow } from '../engine/trace-flow.js';
import { didYouMean } from '../model/suggest.js';
import { collectCheckTraces } from '../scenarios/collect-check-traces.js';
import { drawTopology, GRAPH_FORMATS, type GraphFormat } from '../diagram/draw-topology.js';
import type { LabelledTrace } from '../diagram/trace-page-data.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { clipLines, echo } from './echo-argument.js';
import { loadForCommand } from './load-for-command.js';
import { parseCommandArgs } from './parse-command-args.js';
import { refuseOverwrite } from './refuse-overwrite.js';
import { FLOW_OPTIONS, requestQueryOf } from './parse-flow-args.js';
import { UsageError } from './usage-error.js';

/** Help text of the command. */
export const GRAPH_HELP = `usage: vpcsim graph FILE [--format mermaid|dot|svg|html] [-o FILE] [--focus VPC]
                    [--from X --to Y[:PORT] [--protocol P] [--port N] [--source-port N] [--pin IP]
                     [--principal ARN] [--action ACTION] [--resource ARN]]
                    [--checks]

Draws the topology: accounts and regions, VPCs and subnets as nested boxes; instances,
gateways, route tables, endpoints and their interfaces, endpoint services, load balancers
and their nodes, target groups and peering connections inside them. Subnets with nothing
to draw collapse into one line per VPC.
  --format   mermaid (default; a flowchart GitHub and GitLab render), dot (Graphviz),
             svg (rendered in-process, no Graphviz install needed), html (one
             self-contained page with a step-through of each trace)
  -o, --output FILE  write there instead of standard output
  --focus    draw this VPC in full and each neighbour (peered, or joined by PrivateLink)
             as one box
  --from/--to ...    trace this flow (the options of \`vpcsim trace\`) and draw its path,
             numbered; mermaid, dot and svg draw the first path when a flow has several
  --checks   the traces of the file's checks (failing pairs, and the first pair of each
             passing check), selectable on the html page
Exit 0 when drawn (whatever the verdict), 2 on bad input. docs/diagrams.md.`;

/** Run the command. */
export async function runGraph(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string', default: 'mermaid' },
    output: { type: 'string', short: 'o' },
    focus: { type: 'string' },
    checks: { type: 'boolean', default: false },
    ...FLOW_OPTIONS,
  });
  if (positionals.length !== 1) throw new UsageError('name exactly one topology file');
  const format = values.format as GraphFormat;
  if (!GRAPH_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${GRAPH_FORMATS.join(', ')}, not ${echo(values.format)}`);
  const flowAsked = values.from !== undefined || values.to !== undefined;
  if (flowAsked && values.checks) throw new UsageError('--checks and --from/--to each choose the traces to draw; give one of them');
  const file = positionals[0]!;
  if (values.output !== undefined) refuseOverwrite('--output', values.output, [file]);
  const query = flowAsked ? requestQueryOf(values) : undefined;
  const topology = loadForCommand(file, io);
  if (!topology) return EXIT.badInput;
  if (values.focus !== undefined && !topology.vpcs.has(values.focus)) {
    io.stderr.write(`vpcsim graph: --focus ${echo(values.focus)} is not a VPC of ${file}${didYouMean(values.focus, topology.vpcs.keys())}\n`);
    return EXIT.badInput;
  }
  let traces: LabelledTrace[] = [];
  if (query) {
    const result = traceFlow(topology, query);
    if (isQueryError(result)) {
      io.stderr.write(`vpcsim graph: ${clipLines(result.message)}\n`);
      return EXIT.badInput;
    }
    traces = result.traces.map((trace) => ({ group: '', trace }));
  } else if (values.checks) {
    traces = collectCheckTraces(topology, traceFlow);
  }
  for (const t of traces) {
    const problems = traceProblems(t.trace);
    if (problems.length > 0) throw new Error(`malformed trace: ${problems.join('; ')}`);
  }
  if (traces.length > 1 && format !== 'html') {
    io.stderr.write(`vpcsim graph: drew the path of the first of ${traces.length} traces; --format html lets you step through each\n`);
  }
  const text = await drawTopology(topology, format, traces, { focus: values.focus });
  if (values.output === undefined) io.stdout.write(text);
  else {
    try {
      writeFileSync(values.output, text);
    } catch (e) {
      throw new UsageError(`cannot write --output ${values.output}: ${(e as Error).message}`);
    }
  }
  return EXIT.ok;
}
