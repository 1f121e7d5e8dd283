// `vpcsim resolve FILE --from X NAME`: what a DNS name resolves to where X asks, and which
// rule of the resolver answered (docs/dns.md).
import { engineContext } from '../engine/compile/engine-context.js';
import { resolveName } from '../engine/dns/resolve-name.js';
import { isError, resolveSource, vantageOf } from '../engine/resolve-query.js';
import { formatIp } from '../net/ip.js';
import { formatSpan } from '../model/span.js';
import { clipLines, echo } from './echo-argument.js';
import { unknownNameHint } from './dns-name-hint.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { loadForCommand } from './load-for-command.js';
import { parseCommandArgs } from './parse-command-args.js';
import { UsageError } from './usage-error.js';

/** Help text of the command. */
export const RESOLVE_HELP = `usage: vpcsim resolve FILE --from X NAME [--format text|json]

Resolves NAME the way the resolver X uses would: inside a VPC, the private DNS of interface
endpoints in that VPC first (only with enableDnsSupport and enableDnsHostnames; it never
crosses peering), then public DNS (endpoint-specific names, load balancers, internet hosts,
AWS services' public names). From an internet host, public DNS only. docs/dns.md has the rules.
  --from    an instance, interface, internet host, IP, or "internet"
Exit 0 resolved, 1 not resolved, 2 bad input.`;

/** Run the command. */
export function runResolve(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, { from: { type: 'string' }, format: { type: 'string', default: 'text' } });
  if (positionals.length !== 2) throw new UsageError('name one topology file and one DNS name');
  if (!values.from) throw new UsageError('--from is required (an instance, interface, internet host, IP or "internet")');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not ${echo(values.format)}`);
  const name = positionals[1]!;
  if (!/^[A-Za-z0-9*_-]+(\.[A-Za-z0-9*_-]+)*\.?$/.test(name)) throw new UsageError(`${echo(name)} is not a DNS name`);
  const topology = loadForCommand(positionals[0]!, io);
  if (!topology) return EXIT.badInput;
  const ctx = engineContext(topology);
  const source = resolveSource(ctx, values.from);
  if (isError(source)) {
    io.stderr.write(`vpcsim resolve: ${clipLines(source.message)}\n`);
    return EXIT.badInput;
  }
  const vantage = vantageOf(ctx, source);
  const where = vantage.kind === 'vpc' ? `VPC ${vantage.vpc.id}` : 'the internet';
  const r = resolveName(topology, name, vantage);
  if (values.format === 'json') {
    const body = r.kind === 'resolved'
      ? { resolved: true, rule: r.record.rule, owner: r.record.owner, addresses: r.record.addresses.map((a) => ({ ip: formatIp(a.ip), label: a.label })), location: r.record.location }
      : { resolved: false, addresses: [], location: r.location };
    io.stdout.write(JSON.stringify({ name: r.name, from: source.label, vantage: vantage.kind === 'vpc' ? { vpc: vantage.vpc.id } : 'internet', ...body, ...(r.step.privateDns ? { privateDns: r.step.privateDns } : {}), detail: r.detail, why: r.why }, null, 2) + '\n');
  } else if (r.kind === 'resolved') {
    const at = r.record.location ? `  [${formatSpan(r.record.location)}]` : '';
    const lines = [
      `${r.name} from ${source.label} (${where}): ${r.record.addresses.map((a) => formatIp(a.ip)).join(', ')}`,
      ...r.record.addresses.map((a) => `  ${formatIp(a.ip).padEnd(16)} ${a.label}`),
      `answered by ${r.record.source}${at}`,
      `why: ${r.why}`,
      `detail: ${r.detail}`,
    ];
    io.stdout.write(lines.join('\n') + '\n');
  } else {
    io.stdout.write(`${r.name} does not resolve from ${source.label} (${where})\ndetail: ${r.detail}\nwhy: ${r.why}\n`);
  }
  const hint = r.kind === 'resolved' ? undefined : unknownNameHint(topology, name);
  if (hint !== undefined) io.stderr.write(`vpcsim resolve: ${clipLines(hint)}\n`);
  return r.kind === 'resolved' ? EXIT.ok : EXIT.failed;
}
