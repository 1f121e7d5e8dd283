// `vpcsim resolve FILE --from X NAME`: what a DNS name resolves to where X asks, and which
// rule of the resolver answered (docs/dns.md).
import { engineContext } from '../engine/compile/engine-context.js';
import { resolveName, type DnsVantage } from '../engine/dns/resolve-name.js';
import type { QueryError } from '../engine/query.js';
import type { Topology } from '../model/topology.js';
import { didYouMean } from '../model/suggest.js';
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
export const RESOLVE_HELP = `usage: vpcsim resolve FILE (--from X | --in VPC|DNS-SERVER) NAME [--format text|json]

Resolves NAME the way the resolver X uses would. Inside a VPC (enableDnsSupport on), the
most specific of the VPC's domains answers: Resolver rules associated with it (a forward
rule sends the name to a DNS server of your network), private hosted zones associated with
it, and its interface endpoints' private DNS (a matching zone without the record is
NXDOMAIN); names no domain matches go to public DNS (endpoint-specific names, load
balancers, internet hosts, AWS services' public names). A DNS server of your network
answers from its records, forwards its domains to Resolver inbound endpoints, else public
DNS. From an internet host, public DNS only. docs/dns.md has the rules.
  --from    an instance, interface, internet host, IP, or "internet"
  --in      a VPC (its resolver) or a DNS server of dnsServers:
Exit 0 resolved, 1 not resolved, 2 bad input.`;

/** `--in X`: a VPC's resolver, or a DNS server of your network. */
function vantageIn(t: Topology, id: string): { readonly vantage: DnsVantage; readonly label: string } | QueryError {
  const vpc = t.vpcs.get(id);
  if (vpc) return { vantage: { kind: 'vpc', vpc }, label: id };
  const server = t.dnsServers.get(id);
  if (server) return { vantage: { kind: 'dnsServer', server }, label: id };
  return { kind: 'queryError', message: `--in: no VPC or DNS server "${id}"${didYouMean(id, [...t.vpcs.keys(), ...t.dnsServers.keys()])}` };
}

/** Run the command. */
export function runResolve(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, { from: { type: 'string' }, in: { type: 'string' }, format: { type: 'string', default: 'text' } });
  if (positionals.length !== 2) throw new UsageError('name one topology file and one DNS name');
  if (values.from !== undefined && values.in !== undefined) throw new UsageError('name either --from or --in, not both');
  if (!values.from && !values.in) throw new UsageError('--from (an instance, interface, internet host, IP or "internet") or --in (a VPC or DNS server) is required');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not ${echo(values.format)}`);
  const name = positionals[1]!;
  if (!/^[A-Za-z0-9*_-]+(\.[A-Za-z0-9*_-]+)*\.?$/.test(name)) throw new UsageError(`${echo(name)} is not a DNS name`);
  const topology = loadForCommand(positionals[0]!, io);
  if (!topology) return EXIT.badInput;
  const ctx = engineContext(topology);
  const asked = values.in !== undefined ? vantageIn(topology, values.in) : resolveSource(ctx, values.from!);
  if (isError(asked)) {
    io.stderr.write(`vpcsim resolve: ${clipLines(asked.message)}\n`);
    return EXIT.badInput;
  }
  const vantage = 'vantage' in asked ? asked.vantage : vantageOf(ctx, asked);
  const source = { label: asked.label };
  const where = vantage.kind === 'vpc' ? `VPC ${vantage.vpc.id}` : vantage.kind === 'dnsServer' ? `DNS server ${vantage.server.id}` : 'the internet';
  const r = resolveName(topology, name, vantage);
  if (values.format === 'json') {
    const body = r.kind === 'resolved'
      ? { resolved: true, rule: r.record.rule, owner: r.record.owner, addresses: r.record.addresses.map((a) => ({ ip: formatIp(a.ip), label: a.label })), location: r.record.location }
      : { resolved: false, verdict: r.step.verdict, addresses: [], location: r.location };
    const where = vantage.kind === 'vpc' ? { vpc: vantage.vpc.id } : vantage.kind === 'dnsServer' ? { dnsServer: vantage.server.id } : 'internet';
    const { zone, record, resolverRule, dnsServer, chain } = r.step;
    const links = { ...(zone !== undefined ? { zone } : {}), ...(record !== undefined ? { record } : {}), ...(resolverRule !== undefined ? { resolverRule } : {}), ...(dnsServer !== undefined ? { dnsServer } : {}), ...(chain ? { chain } : {}) };
    io.stdout.write(JSON.stringify({ name: r.name, from: source.label, vantage: where, ...body, ...links, ...(r.step.privateDns ? { privateDns: r.step.privateDns } : {}), detail: r.detail, why: r.why }, null, 2) + '\n');
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
