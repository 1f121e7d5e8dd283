// `vpcsim trace FILE --from X --to Y[:PORT]`: one flow, explained hop by hop.
import { parseArgs } from 'node:util';
import { traceProblems } from '../engine/check-trace.js';
import { isQueryError, traceFlow } from '../engine/trace-flow.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { flowQueryOf } from './parse-flow-args.js';
import { renderTraceResult } from './render-trace.js';
import { loadForCommand } from './load-for-command.js';
import { UsageError } from './usage-error.js';

/** Help text of the command. */
export const TRACE_HELP = `usage: vpcsim trace FILE --from X --to Y[:PORT] [--protocol tcp|udp|icmp|icmpv6|all]
                    [--port N] [--source-port N] [--pin IP] [--format text|json] [--explain]
                    [--principal ARN] [--action ACTION] [--resource ARN]

Walks one flow through the topology the way AWS would and prints the verdict, each hop
with the rule or route that decided it and its file:line:col, the return path, and the
explanation codes (docs/explanation-codes.md).
  --from    an instance, interface (<endpoint>/<subnet>, <lb>/<subnet>), internet host, or IP
  --to      an IP, a resource id, or a DNS name; :PORT or --port for tcp and udp
  --pin     when the name resolves to several addresses, trace only this one
  --explain add a sentence per hop on why AWS behaves so
  --principal, --action, --resource
            the request the flow carries (s3:GetObject on arn:aws:s3:::bucket/key by a role
            ARN), evaluated against endpoint policies on the path
A name resolving to several addresses, and a load balancer with several healthy targets,
give one trace each; the flow is reachable only when every one is.
Default source port: 49152. Exit 0 reachable, 1 unreachable, 2 bad input. JSON: docs/trace.md.`;

/** Run the command. */
export function runTrace(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      protocol: { type: 'string' },
      port: { type: 'string' },
      'source-port': { type: 'string' },
      pin: { type: 'string' },
      principal: { type: 'string' },
      action: { type: 'string' },
      resource: { type: 'string' },
      format: { type: 'string', default: 'text' },
      explain: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError('name exactly one topology file');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}"`);
  const query = {
    ...flowQueryOf(values),
    ...(values.principal !== undefined ? { principal: values.principal } : {}),
    ...(values.action !== undefined ? { action: values.action } : {}),
    ...(values.resource !== undefined ? { resource: values.resource } : {}),
  };
  const topology = loadForCommand(positionals[0]!, io);
  if (!topology) return EXIT.badInput;
  const result = traceFlow(topology, query);
  if (isQueryError(result)) {
    io.stderr.write(`vpcsim trace: ${result.message}\n`);
    return EXIT.badInput;
  }
  for (const t of result.traces) {
    const problems = traceProblems(t);
    if (problems.length > 0) throw new Error(`malformed trace: ${problems.join('; ')}`);
  }
  if (values.format === 'json') io.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else io.stdout.write(renderTraceResult(result, values.explain, topology.description));
  return result.reachable ? EXIT.ok : EXIT.failed;
}
