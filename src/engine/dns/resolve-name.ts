// The resolver a packet's source asks (docs/dns.md, "The resolver, in order"). Inside a VPC,
// the Amazon-provided DNS server (Route 53 Resolver) answers only when enableDnsSupport is on
// ("DNS attributes for your VPC", Amazon VPC guide). It matches the name against the VPC's
// domains (dns-domains.ts): Resolver rules and private hosted zones, the interface endpoints'
// private DNS zones among them, the most specific domain first; a forward rule sends the
// query to DNS servers on your network, a zone answers from its records and, lacking one,
// answers NXDOMAIN without asking public DNS ("Considerations when working with a private
// hosted zone": "If there's a matching private hosted zone but there's no record that
// matches ... Resolver doesn't forward the request to a public DNS resolver"). Names no
// domain matches go to public DNS ("the '.' rule"). A DNS server of your network answers
// from its records, forwards its domains to Resolver inbound endpoints (whose queries get
// that VPC's view: "Resolving DNS queries between VPCs and your network"), and else asks
// public DNS. On the internet, only public DNS answers. CNAMEs restart the query at the same
// resolver; every CNAME, alias and forward counts against one bound.
import { formatIp, type Ip } from '../../net/ip.js';
import type { DnsServer, DnsZoneRecord, HostedZone, Vpc } from '../../model/resources.js';
import type { Span } from '../../model/span.js';
import type { Topology } from '../../model/topology.js';
import { loadBalancerDnsName, normaliseName } from './dns-names.js';
import { renderDns } from '../render-step.js';
import type { DnsLink, DnsStep } from '../steps.js';
import { dnsRecords, type DnsAddress, type DnsRecord } from './dns-records.js';
import { domainsOf, MAX_DNS_CHAIN, vpcDomains, type DomainEntry } from './dns-domains.js';

export { MAX_DNS_CHAIN };

/**
 * Where the question is asked: a VPC's resolver (`inbound`: through that Resolver inbound
 * endpoint, from your network), a DNS server of your network, or public DNS (the internet).
 */
export type DnsVantage =
  | { readonly kind: 'vpc'; readonly vpc: Vpc; readonly inbound?: string }
  | { readonly kind: 'dnsServer'; readonly server: DnsServer }
  | { readonly kind: 'internet' };

/** What a name resolves to at a vantage point, and why: the typed answer, and its words (render-step.ts). */
export type DnsResolution =
  | { readonly kind: 'resolved'; readonly name: string; readonly record: DnsRecord; readonly step: DnsStep; readonly detail: string; readonly why: string }
  | { readonly kind: 'notResolved'; readonly name: string; readonly step: DnsStep; readonly detail: string; readonly why: string; readonly location: Span | undefined };


type Failure = Exclude<DnsStep['verdict'], 'answered'>;
type Outcome = { readonly kind: 'answer'; readonly record: DnsRecord } | { readonly kind: 'fail'; readonly verdict: Failure; readonly location: Span | undefined };

/** One query's walk: the links met so far and the chain budget. */
interface Walk {
  readonly t: Topology;
  readonly links: DnsLink[];
  hops: number;
}

function vantageName(v: DnsVantage): string {
  return v.kind === 'vpc' ? v.vpc.id : v.kind === 'dnsServer' ? v.server.id : 'internet';
}

/** Why private DNS did not answer a name that some endpoint's private DNS would answer. */
function privateHint(t: Topology, name: string, v: DnsVantage): DnsStep['privateDns'] {
  const owners = dnsRecords(t).privateNameOwners.get(name) ?? [];
  if (owners.length === 0) return undefined;
  const here = v.kind === 'vpc' ? owners.filter((e) => e.vpc === v.vpc.id) : [];
  const inboundOnly = here.find((e) => e.privateDns && e.privateDnsOnlyForInboundResolverEndpoint);
  if (inboundOnly && !(v.kind === 'vpc' && v.inbound !== undefined)) return { reason: 'inboundResolverOnly', endpoint: inboundOnly.id };
  const off = here.find((e) => !e.privateDns);
  if (off) {
    const vpc = v.kind === 'vpc' ? v.vpc : undefined;
    return { reason: 'privateDnsOff', endpoint: off.id, ...(vpc && !(vpc.enableDnsSupport && vpc.enableDnsHostnames) ? { vpcAttributesMissing: true } : {}) };
  }
  const elsewhere = owners.filter((e) => e.privateDns && (v.kind !== 'vpc' || e.vpc !== v.vpc.id));
  if (elsewhere.length === 0) return undefined;
  return { reason: 'otherVpcs', endpoints: elsewhere.map((e) => ({ endpoint: e.id, vpc: e.vpc })) };
}

const fail = (verdict: Failure, location: Span | undefined): Outcome => ({ kind: 'fail', verdict, location });

/** The record of a zone (or DNS server) for a name: exact, else the nearest wildcard `*.<parent>` inside `apex`. */
function recordsFor(records: readonly DnsZoneRecord[], name: string, apex: string | undefined): DnsZoneRecord[] {
  const exact = records.filter((r) => r.name === name);
  if (exact.length > 0 || apex === undefined) return exact;
  for (const d of domainsOf(name).slice(1)) {
    if (d.length < apex.length) break;
    const wild = records.filter((r) => r.name === `*.${d}`);
    if (wild.length > 0) return wild;
  }
  return [];
}

function addressesOf(ips: readonly Ip[], label: string): DnsAddress[] {
  return ips.map((ip) => ({ ip, label, eni: undefined }));
}

/** The answer of an alias record: its target's addresses of the record's family. */
function aliasAnswer(w: Walk, zone: HostedZone, r: DnsZoneRecord, v: DnsVantage): Outcome {
  const t = w.t;
  const a = r.alias!;
  const family = r.type === 'AAAA' ? 6 : 4;
  const pick = (e: { privateIp: Ip; ipv6Ip: Ip | undefined }): Ip | undefined => (family === 4 ? e.privateIp : e.ipv6Ip);
  const owned = (addrs: DnsAddress[], target: string): Outcome => {
    w.links.push({ kind: 'alias', name: r.name, target });
    return {
      kind: 'answer',
      record: { name: r.name, rule: 'hostedZone', addresses: addrs, owner: zone.id, location: r.span, source: `alias record ${r.name} ${r.type} of private hosted zone ${zone.id} (${zone.name}) to ${target}` },
    };
  };
  if (a.kind === 'endpoint') {
    const ep = t.endpoints.get(a.endpoint);
    const enis = (ep?.enis ?? []).map((id) => t.enis.get(id)).filter((e) => e !== undefined).filter((e) => a.az === undefined || e.az === a.az);
    const addrs = enis.flatMap((e) => { const ip = pick(e); return ip ? [{ ip, label: e.id, eni: e }] : []; });
    return owned(addrs, `interface endpoint ${a.endpoint}${a.az !== undefined ? ` (its zonal name in ${a.az})` : ' (its regional name)'}`);
  }
  if (a.kind === 'loadBalancer') {
    const lb = t.loadBalancers.get(a.loadBalancer);
    if (!lb) return fail('noRecord', r.span);
    // An NLB's name answers its healthy zones' nodes (dns-records.ts); an ALB's every node.
    const named = lb.type === 'network' ? dnsRecords(t).publicByName.get(loadBalancerDnsName(t, lb)) : undefined;
    const facing = lb.scheme === 'internet-facing';
    const addrs = named
      ? named.addresses.filter((x) => x.ip.family === family)
      : lb.nodes.map((id) => t.enis.get(id)).filter((e) => e !== undefined).flatMap((e) => {
        const ip = family === 4 ? (facing && e.publicIp ? e.publicIp : e.privateIp) : e.ipv6Ip;
        return ip ? [{ ip, label: e.id, eni: e }] : [];
      });
    return owned(addrs, `load balancer ${lb.id}`);
  }
  w.links.push({ kind: 'alias', name: r.name, target: a.name });
  if (++w.hops > MAX_DNS_CHAIN) return fail('chainLimit', r.span);
  const next = zone.records.filter((x) => x.name === a.name && x.type === r.type);
  if (next.length === 0) return fail('nxdomain', r.span);
  return answerRecords(w, zone, a.name, next, v);
}

/** Answer from the records a zone or server holds for a name (A first, then AAAA, or a CNAME). */
function answerRecords(w: Walk, zone: HostedZone | DnsServer, name: string, recs: readonly DnsZoneRecord[], v: DnsVantage): Outcome {
  const cname = recs.find((r) => r.type === 'CNAME');
  const owner = zone.kind === 'hostedZone' ? `private hosted zone ${zone.id} (${zone.name})` : `DNS server ${zone.id} of your network`;
  if (cname) {
    w.links.push({ kind: 'cname', name, target: cname.cname! });
    if (++w.hops > MAX_DNS_CHAIN) return fail('chainLimit', cname.span);
    return lookup(w, cname.cname!, v);
  }
  const r = recs.find((x) => x.type === 'A') ?? recs.find((x) => x.type === 'AAAA')!;
  if (r.alias && zone.kind === 'hostedZone') return aliasAnswer(w, zone, r, v);
  return {
    kind: 'answer',
    record: {
      name, rule: zone.kind === 'hostedZone' ? 'hostedZone' : 'dnsServer', addresses: addressesOf(r.values, `${r.name} ${r.type}`), owner: zone.id, location: r.span,
      source: `record ${r.name} ${r.type} of ${owner}`,
    },
  };
}

/** The best entry of a VPC's domains for a name, and whether a system rule passed over rules below it. */
function bestEntry(domains: ReadonlyMap<string, readonly DomainEntry[]> | undefined, name: string, inbound: boolean, w: Walk, vpc: string): DomainEntry | undefined {
  if (!domains) return undefined;
  let rulesOff = false;
  for (const d of domainsOf(name)) {
    for (const e of domains.get(d) ?? []) {
      if (e.kind === 'rule') {
        if (rulesOff) continue;
        if (e.rule.ruleType === 'system') {
          // "System rules cause Resolver to selectively override the behavior that is
          // defined in a forwarding rule": Resolver answers the subdomain itself.
          w.links.push({ kind: 'resolverRule', rule: e.rule.id, domain: e.rule.domain, ruleType: 'system', vpc, targets: [] });
          rulesOff = true;
          continue;
        }
        return e;
      }
      if (e.kind === 'endpointZone' && e.inboundOnly && !inbound) continue;
      return e;
    }
  }
  return undefined;
}

function lookupInVpc(w: Walk, name: string, v: Extract<DnsVantage, { kind: 'vpc' }>): Outcome {
  const t = w.t;
  if (!v.vpc.enableDnsSupport) return fail('dnsSupportOff', v.vpc.span);
  const entry = bestEntry(vpcDomains(t).get(v.vpc.id), name, v.inbound !== undefined, w, v.vpc.id);
  const records = dnsRecords(t);
  if (entry?.kind === 'rule') {
    const rule = entry.rule;
    w.links.push({ kind: 'resolverRule', rule: rule.id, domain: rule.domain, ruleType: 'forward', vpc: v.vpc.id, targets: rule.targets.map((x) => x.text) });
    // The outbound endpoint forwards to the rule's target IPs; the first one the file
    // declares as a DNS server answers (vpcsim does not trace the query's own packets).
    const server = rule.targets.map((x) => [...t.dnsServers.values()].find((s) => s.ip.value === x.ip.value)).find((s) => s !== undefined);
    if (!server) return fail('forwardedUnmodelled', rule.span);
    if (++w.hops > MAX_DNS_CHAIN) return fail('chainLimit', rule.span);
    return lookup(w, name, { kind: 'dnsServer', server });
  }
  // "To use private hosted zones, you must set enableDnsHostnames and enableDnsSupport to true":
  // without hostnames, no private hosted zone of the VPC answers (the stricter reading).
  if (entry?.kind === 'zone' && v.vpc.enableDnsHostnames) {
    const zone = entry.zone;
    const recs = recordsFor(zone.records, name, zone.name);
    w.links.push({ kind: 'hostedZone', zone: zone.id, zoneName: zone.name, vpc: v.vpc.id, ...(recs[0] ? { record: `${recs[0].name} ${recs[0].type}` } : {}) });
    if (recs.length === 0) return fail('nxdomain', zone.span);
    return answerRecords(w, zone, name, recs, v);
  }
  if (entry?.kind === 'endpointZone') {
    const own = (entry.inboundOnly ? records.inboundOnlyByVpc : records.privateByVpc).get(v.vpc.id)?.get(name);
    w.links.push({ kind: 'endpointZone', endpoint: entry.endpoint.id, zoneName: entry.name, vpc: v.vpc.id });
    if (!own) return fail('nxdomain', entry.endpoint.span);
    return { kind: 'answer', record: own };
  }
  // Instances' hostnames seen from inside (autodefined rules for the compute domains).
  const own = records.privateByVpc.get(v.vpc.id)?.get(name);
  if (own && own.rule !== 'privateDns') return { kind: 'answer', record: own };
  return publicAnswer(t, name);
}

function lookup(w: Walk, name: string, v: DnsVantage): Outcome {
  const t = w.t;
  if (v.kind === 'vpc') return lookupInVpc(w, name, v);
  if (v.kind === 'dnsServer') {
    const s = v.server;
    const recs = recordsFor(s.records, name, undefined);
    if (recs.length > 0) {
      w.links.push({ kind: 'dnsServer', server: s.id, record: `${recs[0]!.name} ${recs[0]!.type}` });
      return answerRecords(w, s, name, recs, v);
    }
    // The corporate DNS answers the names of the hosts of the networks it serves.
    const host = [...t.onPremisesHosts.values()].find((h) => s.networks.includes(h.network) && h.dns !== undefined && normaliseName(h.dns) === name);
    if (host) {
      w.links.push({ kind: 'dnsServer', server: s.id, record: `${name} A` });
      return { kind: 'answer', record: { name, rule: 'dnsServer', addresses: [{ ip: host.ip, label: host.id, eni: undefined }], owner: s.id, location: host.span, source: `DNS server ${s.id}, which answers the name of on-premises host ${host.id}` } };
    }
    // Conditional forwarders: the most specific domain of the server's list.
    const fwd = [...s.forward].filter((f) => domainsOf(name).includes(f.domain)).sort((a, b) => b.domain.length - a.domain.length)[0];
    const ep = fwd ? t.resolverEndpoints.get(fwd.endpoint) : undefined;
    const vpc = ep ? t.vpcs.get(ep.vpc) : undefined;
    if (fwd && ep && vpc) {
      w.links.push({ kind: 'dnsServer', server: s.id }, { kind: 'inboundEndpoint', endpoint: ep.id, vpc: vpc.id, domain: fwd.domain });
      if (++w.hops > MAX_DNS_CHAIN) return fail('chainLimit', fwd.span);
      return lookup(w, name, { kind: 'vpc', vpc, inbound: ep.id });
    }
  }
  return publicAnswer(t, name);
}

function publicAnswer(t: Topology, name: string): Outcome {
  const pub = dnsRecords(t).publicByName.get(name);
  return pub ? { kind: 'answer', record: pub } : fail('noRecord', undefined);
}

/** The step's summary fields: the last zone, record, rule and server of the chain. */
function summary(links: readonly DnsLink[]): Pick<DnsStep, 'zone' | 'record' | 'resolverRule' | 'dnsServer' | 'chain'> {
  if (links.length === 0) return {};
  const out: { zone?: string; record?: string; resolverRule?: string; dnsServer?: string } = {};
  for (const l of links) {
    if (l.kind === 'hostedZone') {
      out.zone = l.zone;
      if (l.record !== undefined) out.record = l.record;
    } else if (l.kind === 'resolverRule' && l.ruleType === 'forward') out.resolverRule = l.rule;
    else if (l.kind === 'dnsServer') {
      out.dnsServer = l.server;
      if (l.record !== undefined) out.record = l.record;
    }
  }
  return { ...out, chain: [...links] };
}

/** Resolve a name at a vantage point. */
export function resolveName(t: Topology, rawName: string, v: DnsVantage): DnsResolution {
  const name = normaliseName(rawName);
  const w: Walk = { t, links: [], hops: 0 };
  const o = lookup(w, name, v);
  const base = { type: 'dns' as const, name, vantage: vantageName(v), ...(v.kind === 'dnsServer' ? { at: 'dnsServer' as const } : {}) };
  if (o.kind === 'answer' && o.record.addresses.length > 0) {
    const record = w.links.length > 0 && o.record.name !== name ? { ...o.record, name } : o.record;
    const hint = record.rule === 'privateDns' || record.rule === 'instanceHostnamePrivate' ? undefined : privateHint(t, name, v);
    const step: DnsStep = {
      ...base, action: 'resolved', verdict: 'answered', rule: record.rule, source: record.source,
      addresses: record.addresses.map((a) => formatIp(a.ip)), ...summary(w.links), ...(hint ? { privateDns: hint } : {}),
    };
    const { detail, why } = renderDns(step);
    return { kind: 'resolved', name, record, step, detail, why };
  }
  // An answer with no address of the asked family (an AAAA alias to IPv4-only interfaces) is no answer.
  const verdict: Failure = o.kind === 'fail' ? o.verdict : 'noRecord';
  const location = o.kind === 'fail' ? o.location : o.record.location;
  const hint = verdict === 'noRecord' || verdict === 'nxdomain' ? privateHint(t, name, v) : undefined;
  const step: DnsStep = { ...base, action: 'dropped', verdict, addresses: [], ...summary(w.links), ...(hint ? { privateDns: hint } : {}) };
  const { detail, why } = renderDns(step);
  return { kind: 'notResolved', name, step, detail, why, location };
}
