// `vpcsim trace FILE --from X --to Y[:PORT]`: one flow, explained hop by hop.
import { traceProblems } from '../engine/check-trace.js';
import { isQueryError, traceFlow } from '../engine/trace-flow.js';
import { renderMermaidSequence } from '../diagram/render-mermaid-sequence.js';
import { unknownNameHint } from './dns-name-hint.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { FLOW_OPTIONS, requestQueryOf } from './parse-flow-args.js';
import { renderTraceResult, renderTraceShort } from './render-trace.js';
import { echo, clipLines } from './echo-argument.js';
import { loadForCommand } from './load-for-command.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

/** Help text of the command. */
export const TRACE_HELP = `usage: vpcsim trace FILE --from X --to Y[:PORT] [--protocol tcp|udp|icmp|icmpv6|all]
                    [--port N] [--source-port N] [--pin IP] [--format text|json|mermaid] [--explain]
                    [--principal ARN] [--action ACTION] [--resource ARN] [--short] [--verbose]

Walks one flow through the topology the way AWS would and prints the verdict, each hop
with the rule or route that decided it and its file:line:col, the return path, and the
explanation codes (docs/explanation-codes.md).
  --from    an instance, interface (<lb>/<subnet>), internet host, or IP; not an endpoint's interface
  --to      an IP, a resource id, or a DNS name; :PORT or --port for tcp and udp
  --pin     when the name resolves to several addresses, trace only this one
  --explain add a sentence per hop on why AWS behaves so
  --short   one line per hop: id, action, file:line:col (return hops numbered r1, r2, ...)
  --verbose for an AWS snapshot folder, print every import warning (default: a summary line)
  --principal, --action, --resource
            the request the flow carries (s3:GetObject on arn:aws:s3:::bucket/key by a role
            ARN), evaluated against endpoint policies on the path
A name resolving to several addresses, and a load balancer with several healthy targets,
give one trace each; the flow is reachable only when every one is.
--format mermaid prints a Mermaid sequenceDiagram of the hops (docs/diagrams.md).
Default source port: 49152. Exit 0 reachable, 1 unreachable, 2 bad input. JSON: docs/trace.md.`;

/** Run the command. */
export function runTrace(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, {
    ...FLOW_OPTIONS,
    format: { type: 'string', default: 'text' },
    explain: { type: 'boolean', default: false },
    short: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  });
  if (positionals.length !== 1) throw new UsageError('name exactly one topology file');
  if (values.format !== 'text' && values.format !== 'json' && values.format !== 'mermaid') throw new UsageError(`--format must be text, json or mermaid, not ${echo(values.format)}`);
  if (values.short && values.format !== 'text') throw new UsageError(`--short is a form of the text output; it does not go with --format ${echo(values.format)}`);
  if (values.short && values.explain) throw new UsageError('give --short or --explain, not both');
  const query = requestQueryOf(values);
  const topology = loadForCommand(positionals[0]!, io, values.verbose);
  if (!topology) return EXIT.badInput;
  const result = traceFlow(topology, query);
  if (isQueryError(result)) {
    io.stderr.write(`vpcsim trace: ${clipLines(result.message)}\n`);
    return EXIT.badInput;
  }
  for (const t of result.traces) {
    const problems = traceProblems(t);
    if (problems.length > 0) throw new Error(`malformed trace: ${problems.join('; ')}`);
  }
  if (values.format === 'json') io.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else if (values.format === 'mermaid') io.stdout.write(renderMermaidSequence(result.traces));
  else if (values.short) io.stdout.write(renderTraceShort(result));
  else io.stdout.write(renderTraceResult(result, values.explain, topology.description));
  const hint = result.reachable ? undefined : unknownNameHint(topology, query.to);
  if (hint !== undefined) io.stderr.write(`vpcsim trace: ${clipLines(hint)}\n`);
  return result.reachable ? EXIT.ok : EXIT.failed;
}
