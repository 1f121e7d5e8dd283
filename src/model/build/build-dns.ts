// Shared private DNS (docs/dns.md): Route 53 private hosted zones with their records and VPC
// associations, Route 53 Resolver endpoints and rules, and the DNS servers on your network
// that rules forward to. Shape problems of a record or rule are reported here, positioned;
// what needs the whole model (zone conflicts in a VPC, alias targets' zones) is checked in
// validate/validate-dns.ts.
import type { RawDnsRecord, RawTopology } from '../format.js';
import type { DnsAliasTarget, DnsServer, DnsZoneRecord, HostedZone, ResolverEndpoint, ResolverRule } from '../resources.js';
import { pointer } from '../source-map.js';
import type { Ip } from '../../net/ip.js';
import { parseIp } from '../../net/ip.js';
import { isPrefix, parsePrefix, prefixContains } from '../../net/prefix.js';
import { ipAt, refAt, report, type BuildContext } from './context.js';

/** Normalise a DNS name as Route 53 compares it: lower case, no trailing dot ("." is the root, ''). */
export function normaliseDnsName(name: string): string {
  const n = name.trim().toLowerCase();
  return n === '.' ? '' : n.replace(/\.$/, '');
}

/** Whether `name` is `zone` or a name under it ('' is the root, above every name). */
export function isInDomain(name: string, zone: string): boolean {
  return zone === '' || name === zone || name.endsWith(`.${zone}`);
}

/** The DNS parts of a topology. */
export interface DnsParts {
  readonly hostedZones: Map<string, HostedZone>;
  readonly resolverEndpoints: Map<string, ResolverEndpoint>;
  readonly resolverRules: Map<string, ResolverRule>;
  readonly dnsServers: Map<string, DnsServer>;
}

function aliasOf(ctx: BuildContext, raw: NonNullable<RawDnsRecord['alias']>, ptr: string): DnsAliasTarget | undefined {
  const set = [raw.endpoint, raw.loadBalancer, raw.record].filter((x) => x !== undefined).length;
  if (set !== 1) {
    report(ctx, 'DNS_RECORD_SHAPE', 'an alias names exactly one target: endpoint (with an optional az), loadBalancer, or record', ptr);
    return undefined;
  }
  if (raw.az !== undefined && raw.endpoint === undefined) {
    report(ctx, 'DNS_RECORD_SHAPE', 'az belongs to an alias to an interface endpoint (its zonal DNS name)', `${ptr}/az`);
    return undefined;
  }
  if (raw.endpoint !== undefined) return refAt(ctx, raw.endpoint, `${ptr}/endpoint`, ['endpoint']) ? { kind: 'endpoint', endpoint: raw.endpoint, az: raw.az } : undefined;
  if (raw.loadBalancer !== undefined) return refAt(ctx, raw.loadBalancer, `${ptr}/loadBalancer`, ['loadBalancer']) ? { kind: 'loadBalancer', loadBalancer: raw.loadBalancer } : undefined;
  return { kind: 'record', name: normaliseDnsName(raw.record!) };
}

/**
 * Records of a zone (or of a DNS server, `zone` undefined), one-to-one with the written
 * ones. Route 53 ("Values that you specify when you create or edit records"): a record's
 * name is in its zone; A and AAAA take addresses or an alias, CNAME one name and never at
 * the zone apex; one record set per name and type, and a CNAME stands alone at its name.
 */
function buildRecords(ctx: BuildContext, raws: readonly RawDnsRecord[], ptr: string, zone: string | undefined): DnsZoneRecord[] {
  const out: DnsZoneRecord[] = [];
  const seen = new Map<string, number>();
  raws.forEach((r, i) => {
    const rp = `${ptr}/records/${i}`;
    const name = normaliseDnsName(r.name);
    const owner = name.startsWith('*.') ? name.slice(2) : name;
    if (zone !== undefined && !isInDomain(owner, zone)) {
      report(ctx, 'DNS_RECORD_SHAPE', `${name} is not in zone ${zone}; a record's name is the zone's name or a name under it`, `${rp}/name`);
      return;
    }
    if (r.type === 'CNAME') {
      if (r.value === undefined || r.values !== undefined || r.alias !== undefined) {
        report(ctx, 'DNS_RECORD_SHAPE', 'a CNAME record takes one name in value (no values, no alias)', rp, 'key');
        return;
      }
      if (zone !== undefined && name === zone) {
        report(ctx, 'DNS_RECORD_SHAPE', `a CNAME record cannot be at the zone apex (${zone}); use an alias record`, `${rp}/type`);
        return;
      }
    } else if ((r.values === undefined) === (r.alias === undefined) || r.value !== undefined) {
      report(ctx, 'DNS_RECORD_SHAPE', `an ${r.type} record takes either values (addresses) or an alias, and no value`, rp, 'key');
      return;
    }
    if (r.alias !== undefined && zone === undefined) {
      report(ctx, 'DNS_RECORD_SHAPE', 'alias records are a Route 53 feature; a DNS server of your network holds addresses or CNAMEs', `${rp}/alias`);
      return;
    }
    const family = r.type === 'AAAA' ? 6 : 4;
    const values: Ip[] = [];
    let ok = true;
    (r.values ?? []).forEach((v, j) => {
      const ip = ipAt(ctx, v, `${rp}/values/${j}`, family);
      if (ip) values.push(ip);
      else ok = false;
    });
    const alias = r.alias !== undefined ? aliasOf(ctx, r.alias, `${rp}/alias`) : undefined;
    if (!ok || (r.alias !== undefined && alias === undefined)) return;
    const clash = [`${name} ${r.type}`, ...(r.type === 'CNAME' ? ['A', 'AAAA'].map((t) => `${name} ${t}`) : [`${name} CNAME`])].map((k) => seen.get(k)).find((x) => x !== undefined);
    if (clash !== undefined) {
      const other = raws[clash]!;
      report(ctx, 'DNS_RECORD_CONFLICT', `record ${clash + 1} is already ${other.type} ${name}; ${other.type === r.type ? 'one record set holds every value of a name and type' : 'a CNAME record cannot share its name with another record'}`, rp, 'key');
      return;
    }
    seen.set(`${name} ${r.type}`, i);
    out.push({ name, type: r.type, values, cname: r.value !== undefined ? normaliseDnsName(r.value) : undefined, alias, span: ctx.map.keyAt(rp) });
  });
  return out;
}

function refList(ctx: BuildContext, ids: readonly string[] | undefined, ptr: string, kind: 'vpc' | 'securityGroup', vpc?: string): string[] {
  const out: string[] = [];
  (ids ?? []).forEach((id, i) => {
    if (refAt(ctx, id, `${ptr}/${i}`, [kind], vpc) && !out.includes(id)) out.push(id);
  });
  return out;
}

function buildZones(ctx: BuildContext, raw: RawTopology): Map<string, HostedZone> {
  const out = new Map<string, HostedZone>();
  for (const [id, z] of Object.entries(raw.hostedZones ?? {})) {
    const ptr = pointer('hostedZones', id);
    const name = normaliseDnsName(z.name);
    if (z.account !== undefined) refAt(ctx, z.account, `${ptr}/account`, ['account']);
    const vpcs = refList(ctx, z.vpcs, `${ptr}/vpcs`, 'vpc');
    const vpcSpans = new Map<string, ReturnType<BuildContext['map']['valueAt']>>();
    z.vpcs.forEach((v, i) => { if (!vpcSpans.has(v)) vpcSpans.set(v, ctx.map.valueAt(`${ptr}/vpcs/${i}`)); });
    const records = buildRecords(ctx, z.records ?? [], ptr, name);
    out.set(id, { kind: 'hostedZone', id, span: ctx.map.keyAt(ptr), pointer: ptr, written: true, name, account: z.account, vpcs, vpcSpans, records });
  }
  return out;
}

function buildEndpoints(ctx: BuildContext, raw: RawTopology): Map<string, ResolverEndpoint> {
  const out = new Map<string, ResolverEndpoint>();
  for (const [id, e] of Object.entries(raw.resolverEndpoints ?? {})) {
    const ptr = pointer('resolverEndpoints', id);
    if (!refAt(ctx, e.vpc, `${ptr}/vpc`, ['vpc'])) continue;
    const subnets: string[] = [];
    const ips: (Ip | undefined)[] = [];
    e.ipAddresses.forEach((a, i) => {
      const ap = `${ptr}/ipAddresses/${i}`;
      if (!refAt(ctx, a.subnet, `${ap}/subnet`, ['subnet'], e.vpc)) return;
      const ip = a.ip !== undefined ? ipAt(ctx, a.ip, `${ap}/ip`, 4) : undefined;
      const cidr = raw.vpcs?.[e.vpc]?.subnets?.[a.subnet]?.cidr;
      const prefix = cidr !== undefined ? parsePrefix(cidr) : undefined;
      if (ip && prefix && isPrefix(prefix) && !prefixContains(prefix, ip)) {
        report(ctx, 'IP_OUTSIDE_SUBNET', `${a.ip} is not inside subnet ${a.subnet} (${cidr})`, `${ap}/ip`);
      }
      subnets.push(a.subnet);
      ips.push(ip);
    });
    const securityGroups = refList(ctx, e.securityGroups, `${ptr}/securityGroups`, 'securityGroup', e.vpc);
    out.set(id, { kind: 'resolverEndpoint', id, span: ctx.map.keyAt(ptr), pointer: ptr, written: true, direction: e.direction, vpc: e.vpc, subnets, ips, securityGroups });
  }
  return out;
}

function target(ctx: BuildContext, text: string, ptr: string): ResolverRule['targets'][number] | undefined {
  const m = /^(.*?)(?::(\d{1,5}))?$/.exec(text.trim());
  const ip = parseIp(m?.[1] ?? '');
  const port = m?.[2] !== undefined ? Number(m[2]) : 53;
  if (!ip || ip.family !== 4 || port < 1 || port > 65535) {
    report(ctx, 'INVALID_IP', `"${text}" is not a DNS server address: an IPv4 address, optionally with ":port" (default 53)`, ptr);
    return undefined;
  }
  return { ip, port, text: text.trim() };
}

/**
 * Resolver rules ("Forwarding outbound DNS queries to your network", Route 53 guide): a
 * forward rule names the outbound endpoint its queries leave through and the target IPs; a
 * system rule only makes Resolver answer a subdomain itself. A rule, its endpoint and the
 * VPCs it is associated with are in one Region (Resolver is regional).
 */
function buildRules(ctx: BuildContext, raw: RawTopology, endpoints: ReadonlyMap<string, ResolverEndpoint>): Map<string, ResolverRule> {
  const out = new Map<string, ResolverRule>();
  const regionOf = (vpc: string): string => raw.vpcs?.[vpc]?.region ?? ctx.region;
  for (const [id, r] of Object.entries(raw.resolverRules ?? {})) {
    const ptr = pointer('resolverRules', id);
    const ruleType = r.type ?? 'forward';
    let endpoint: string | undefined;
    const targets: ResolverRule['targets'][number][] = [];
    if (ruleType === 'system') {
      if (r.endpoint !== undefined || r.targets !== undefined) {
        report(ctx, 'RESOLVER_SHAPE', 'a system rule has no endpoint and no targets: Resolver answers its domain itself', ptr, 'key');
        continue;
      }
    } else {
      if (r.endpoint === undefined || r.targets === undefined || r.targets.length === 0) {
        report(ctx, 'RESOLVER_SHAPE', 'a forward rule names its outbound endpoint and at least one target IP', ptr, 'key');
        continue;
      }
      if (!refAt(ctx, r.endpoint, `${ptr}/endpoint`, ['resolverEndpoint'])) continue;
      const ep = endpoints.get(r.endpoint);
      if (ep && ep.direction !== 'outbound') {
        report(ctx, 'RESOLVER_SHAPE', `Resolver endpoint "${r.endpoint}" is inbound; a forward rule sends its queries out through an outbound endpoint`, `${ptr}/endpoint`);
        continue;
      }
      endpoint = r.endpoint;
      r.targets.forEach((t, i) => {
        const x = target(ctx, t, `${ptr}/targets/${i}`);
        if (x) targets.push(x);
      });
    }
    const vpcs = refList(ctx, r.vpcs, `${ptr}/vpcs`, 'vpc');
    const home = endpoint !== undefined ? endpoints.get(endpoint) : undefined;
    if (home) {
      const i = vpcs.findIndex((v) => regionOf(v) !== regionOf(home.vpc));
      if (i >= 0) {
        report(ctx, 'RESOLVER_SHAPE', `VPC "${vpcs[i]}" is in ${regionOf(vpcs[i]!)}, the rule's endpoint in ${regionOf(home.vpc)}; Resolver rules are regional`, `${ptr}/vpcs/${(r.vpcs ?? []).indexOf(vpcs[i]!)}`);
        continue;
      }
    }
    out.set(id, { kind: 'resolverRule', id, span: ctx.map.keyAt(ptr), pointer: ptr, written: true, domain: normaliseDnsName(r.domain), ruleType, endpoint, targets, vpcs });
  }
  return out;
}

function buildServers(ctx: BuildContext, raw: RawTopology, endpoints: ReadonlyMap<string, ResolverEndpoint>): Map<string, DnsServer> {
  const out = new Map<string, DnsServer>();
  for (const [id, s] of Object.entries(raw.dnsServers ?? {})) {
    const ptr = pointer('dnsServers', id);
    const ip = ipAt(ctx, s.ip, `${ptr}/ip`, 4);
    if (!ip) continue;
    const records = buildRecords(ctx, s.records ?? [], ptr, undefined);
    const forward: DnsServer['forward'][number][] = [];
    (s.forward ?? []).forEach((f, i) => {
      const fp = `${ptr}/forward/${i}`;
      if (!refAt(ctx, f.endpoint, `${fp}/endpoint`, ['resolverEndpoint'])) return;
      if (endpoints.get(f.endpoint)?.direction !== 'inbound') {
        report(ctx, 'RESOLVER_SHAPE', `Resolver endpoint "${f.endpoint}" is outbound; your network forwards queries to an inbound endpoint`, `${fp}/endpoint`);
        return;
      }
      forward.push({ domain: normaliseDnsName(f.domain), endpoint: f.endpoint, span: ctx.map.keyAt(fp) });
    });
    const networks: string[] = [];
    (s.networks ?? []).forEach((n, i) => { if (refAt(ctx, n, `${ptr}/networks/${i}`, ['onPremisesNetwork']) && !networks.includes(n)) networks.push(n); });
    out.set(id, { kind: 'dnsServer', id, span: ctx.map.keyAt(ptr), pointer: ptr, written: true, ip, records, forward, networks });
  }
  return out;
}

/** Hosted zones, Resolver endpoints and rules, and DNS servers of your network. */
export function buildDns(ctx: BuildContext, raw: RawTopology): DnsParts {
  const hostedZones = buildZones(ctx, raw);
  const resolverEndpoints = buildEndpoints(ctx, raw);
  const resolverRules = buildRules(ctx, raw, resolverEndpoints);
  const dnsServers = buildServers(ctx, raw, resolverEndpoints);
  return { hostedZones, resolverEndpoints, resolverRules, dnsServers };
}
