// A query's `from` and `to`, as written, resolved to where packets start and the
// addresses they go to. Anything that matches nothing is a QueryError with "did you mean".
import { formatIp, ipEquals, malformedAddress, parseIp, type Ip } from '../net/ip.js';
import { prefixContains } from '../net/prefix.js';
import { isPublicAddress } from '../net/special-ranges.js';
import type { Eni, InternetHost, OnPremisesHost, OnPremisesNetwork } from '../model/resources.js';
import { didYouMean } from '../model/suggest.js';
import { addrKey, holdsAddress, type EngineContext } from './compile/engine-context.js';
import { resolveName, type DnsResolution, type DnsVantage } from './dns/resolve-name.js';
import type { QueryError } from './query.js';
import { ambiguousAlias, labelWithAlias, lookupAlias } from './resolve-alias.js';

/** Where a flow starts: an interface, or a host on the internet. */
export type Source =
  /** `only`: an address given as the source, the one address it may send from. */
  | { readonly kind: 'eni'; readonly eni: Eni; readonly label: string; readonly only?: Ip }
  /** `ip6`: the IPv6 address of the representative internet host, for IPv6 destinations. */
  | { readonly kind: 'internet'; readonly ip: Ip; readonly host: InternetHost | undefined; readonly label: string; readonly ip6?: Ip }
  /** A host of an on-premises network, or an address of one the file declares no host at. */
  | { readonly kind: 'onPremises'; readonly ip: Ip; readonly network: OnPremisesNetwork; readonly host: OnPremisesHost | undefined; readonly label: string };

/** One address a flow goes to. */
export interface Destination {
  readonly ip: Ip;
  readonly label: string;
  /** The interface the query named (by id or by a name answering its private address). */
  readonly eni?: Eni;
}

/** The representative internet addresses used for `from: internet` (IPv4, IPv6 documentation ranges). */
export const REPRESENTATIVE_INTERNET_IP = '198.51.100.1';
export const REPRESENTATIVE_INTERNET_IPV6 = '2001:db8::1';

function queryError(message: string): QueryError {
  return { kind: 'queryError', message };
}

/** Resolve `from`. */
export function resolveSource(ctx: EngineContext, from: string): Source | QueryError {
  const t = ctx.topology;
  const eni = t.enis.get(from);
  // An endpoint's network interface only answers: PrivateLink carries connections from
  // consumer to provider, and the endpoint starts none ("What is AWS PrivateLink?",
  // "Interface VPC endpoints": traffic is initiated by the consumer). docs/check.md.
  if (eni?.owner.kind === 'endpoint') {
    return queryError(`${from} is a network interface of endpoint ${eni.owner.id}; an endpoint's interface starts no connection (PrivateLink carries consumer-to-provider traffic), so it cannot be a source`);
  }
  if (eni) return { kind: 'eni', eni, label: labelWithAlias(t, from) };
  const host = t.internetHosts.get(from);
  if (host) return { kind: 'internet', ip: host.ip, host, label: from };
  const onPrem = t.onPremisesHosts.get(from);
  if (onPrem) return { kind: 'onPremises', ip: onPrem.ip, network: t.onPremisesNetworks.get(onPrem.network)!, host: onPrem, label: from };
  if (from === 'internet') {
    return { kind: 'internet', ip: parseIp(REPRESENTATIVE_INTERNET_IP)!, ip6: parseIp(REPRESENTATIVE_INTERNET_IPV6)!, host: undefined, label: 'internet' };
  }
  const endpoint = t.endpoints.get(from);
  if (endpoint && endpoint.enis.length > 0) {
    return queryError(`endpoint "${from}" has an interface per subnet; name one as the source: ${endpoint.enis.join(', ')}`);
  }
  const malformed = malformedAddress(from);
  if (malformed) return queryError(malformed);
  const ip = parseIp(from);
  if (ip) {
    const owners = [...t.enis.values()].filter((e) => holdsAddress(e, ip));
    if (owners.length === 1) {
      const eni = owners[0]!;
      // Sent from a secondary address, the packet carries that address as its source.
      const secondary = ip.family === 4 && !ipEquals(eni.privateIp, ip);
      return { kind: 'eni', eni, label: from, ...(secondary ? { only: ip } : {}) };
    }
    if (owners.length > 1) return queryError(`${from} is held by ${owners.map((o) => o.id).join(' and ')} (overlapping VPCs); name the interface instead`);
    if (ip.family === 4) {
      const byPublic = ctx.eniByPublicIp.get(ip.value);
      if (byPublic) return { kind: 'eni', eni: byPublic, label: from };
    }
    const h = ctx.hostByIp.get(addrKey(ip));
    if (h) return { kind: 'internet', ip, host: h, label: from };
    const declared = [...t.onPremisesHosts.values()].find((o) => o.ip.family === ip.family && o.ip.value === ip.value);
    if (declared) return { kind: 'onPremises', ip, network: t.onPremisesNetworks.get(declared.network)!, host: declared, label: `${from} (${declared.id})` };
    const subnets = [...t.subnets.values()].filter((s) => prefixContains(s.cidr, ip) || (s.ipv6Cidr && prefixContains(s.ipv6Cidr, ip)));
    if (subnets.length === 1) {
      const s = subnets[0]!;
      const synthetic: Eni = {
        id: from, owner: { kind: 'instance', id: from }, vpc: s.vpc, subnet: s.id, az: s.az,
        privateIp: ip.family === 4 ? ip : { family: 4, value: s.cidr.network + 4n }, secondaryIps: [], publicIp: undefined,
        ipv6Ip: ip.family === 6 ? ip : undefined, securityGroups: [], interfaceType: 'interface', filtered: false,
        sourceDestCheck: true, deviceIndex: undefined, denyAllIgwTraffic: false, span: s.span,
      };
      return { kind: 'eni', eni: synthetic, only: ip, label: `${from} (an address in ${s.id} with no interface in the file: no security group applies)` };
    }
    if (subnets.length > 1) return queryError(`${from} is inside ${subnets.map((s) => s.id).join(' and ')} (overlapping VPCs); name an interface instead`);
    // An address of a declared on-premises network, with no host written at it.
    const networks = [...t.onPremisesNetworks.values()].filter((n) => n.cidrs.some((c) => prefixContains(c, ip)));
    if (networks.length === 1) return { kind: 'onPremises', ip, network: networks[0]!, host: undefined, label: `${from} (an address of on-premises network ${networks[0]!.id})` };
    if (networks.length > 1) return queryError(`${from} is inside on-premises networks ${networks.map((n) => n.id).join(' and ')}; name a host instead`);
    if (isPublicAddress(ip)) return { kind: 'internet', ip, host: undefined, label: from };
    return queryError(`${from} is not inside any subnet of the file, nor a public address`);
  }
  const alias = lookupAlias(t, from);
  if (alias.kind === 'ambiguous') return ambiguousAlias(from, alias.ids);
  if (alias.kind === 'id') return resolveSource(ctx, alias.id);
  const candidates = [...t.enis.keys(), ...t.internetHosts.keys(), ...t.onPremisesHosts.keys()];
  return queryError(`no instance, interface, internet host or on-premises host "${from}"${didYouMean(from, candidates)}`);
}

/** What `to` names: addresses (from an IP, an id, or a name that resolved), or a name that did not resolve. */
export type ResolvedDestinations =
  | { readonly kind: 'addresses'; readonly destinations: readonly Destination[]; readonly dns: Extract<DnsResolution, { kind: 'resolved' }> | undefined }
  | { readonly kind: 'unresolved'; readonly dns: Extract<DnsResolution, { kind: 'notResolved' }> };

function addresses(destinations: Destination[]): ResolvedDestinations {
  return { kind: 'addresses', destinations, dns: undefined };
}

/** The DNS vantage point of a source: its VPC's resolver, its on-premises DNS server, or public DNS. */
export function vantageOf(ctx: EngineContext, source: Source): DnsVantage {
  const vpc = source.kind === 'eni' ? ctx.topology.vpcs.get(source.eni.vpc) : undefined;
  if (vpc) return { kind: 'vpc', vpc };
  // An on-premises host asks the DNS server of the file that serves its network (the first
  // by id), else public DNS.
  if (source.kind === 'onPremises') {
    const server = [...ctx.topology.dnsServers.values()].find((s) => s.networks.includes(source.network.id));
    if (server) return { kind: 'dnsServer', server };
  }
  return { kind: 'internet' };
}

/**
 * Resolve `to`: an IP, a resource id (an interface, instance, internet host, load balancer or
 * endpoint), a resource's name (its AWS Name tag), or else a DNS name (anything with a dot),
 * asked of the source's resolver.
 */
export function resolveDestinations(ctx: EngineContext, to: string, source: Source): ResolvedDestinations | QueryError {
  const t = ctx.topology;
  const malformed = malformedAddress(to);
  if (malformed) return queryError(malformed);
  const ip = parseIp(to);
  if (ip) return addresses([{ ip, label: to }]);
  const fromInternet = source.kind === 'internet';
  const eni = t.enis.get(to);
  if (eni) {
    const addr = fromInternet && eni.publicIp ? eni.publicIp : eni.privateIp;
    return addresses([{ ip: addr, label: labelWithAlias(t, to), eni }]);
  }
  const host = t.internetHosts.get(to);
  if (host) return addresses([{ ip: host.ip, label: to }]);
  const onPrem = t.onPremisesHosts.get(to) ?? (source.kind === 'onPremises' ? [...t.onPremisesHosts.values()].find((h) => h.dns !== undefined && h.dns.toLowerCase() === to.toLowerCase()) : undefined);
  // An on-premises host's DNS name is the corporate DNS's: it answers on-premises clients (a
  // VPC resolves it only through Resolver rules, which this file does not hold).
  if (onPrem) return addresses([{ ip: onPrem.ip, label: onPrem.id === to ? to : `${to} (${onPrem.id})` }]);
  const lb = t.loadBalancers.get(to);
  if (lb) return addresses(lb.nodes.map((n) => t.enis.get(n)!).map((e) => ({ ip: fromInternet && e.publicIp ? e.publicIp : e.privateIp, label: `${labelWithAlias(t, to)} (node ${e.id})`, eni: e })));
  const endpoint = t.endpoints.get(to);
  if (endpoint && endpoint.enis.length > 0) return addresses(endpoint.enis.map((n) => t.enis.get(n)!).map((e) => ({ ip: e.privateIp, label: `${labelWithAlias(t, to)} (${e.id})`, eni: e })));
  const alias = lookupAlias(t, to);
  if (alias.kind === 'ambiguous') return ambiguousAlias(to, alias.ids);
  if (alias.kind === 'id') return resolveDestinations(ctx, alias.id, source);
  if (to.includes('.')) {
    const dns = resolveName(t, to, vantageOf(ctx, source));
    if (dns.kind === 'notResolved') return { kind: 'unresolved', dns };
    // A name with A and AAAA records (a dual-stack endpoint): the client uses the addresses of
    // the families it can send from; one with both may use either, so every one is followed.
    const families = sourceFamilies(source);
    const usable = dns.record.addresses.filter((a) => families.has(a.ip.family));
    const destinations = (usable.length > 0 ? usable : dns.record.addresses).map((a) => ({
      ip: a.ip,
      label: `${dns.name} (${a.label})`,
      ...(a.eni && ipEquals(a.eni.privateIp, a.ip) ? { eni: a.eni } : {}),
    }));
    return { kind: 'addresses', destinations, dns };
  }
  const candidates = [...t.enis.keys(), ...t.internetHosts.keys(), ...t.onPremisesHosts.keys(), ...t.loadBalancers.keys(), ...t.endpoints.keys()];
  return queryError(`"${to}" is not an IP, a resource with an address, or a DNS name${didYouMean(to, candidates)}`);
}

/** The address families a source can send from. */
function sourceFamilies(source: Source): ReadonlySet<4 | 6> {
  switch (source.kind) {
    case 'eni': return new Set(source.only ? [source.only.family] : [4, ...(source.eni.ipv6Ip ? [6 as const] : [])]);
    case 'internet': return new Set([source.ip.family, ...(source.ip6 ? [source.ip6.family] : [])]);
    case 'onPremises': return new Set([source.ip.family]);
    default: {
      const never: never = source;
      return never;
    }
  }
}

/** Whether a resolved value is a query error. */
export function isError<T>(v: T | QueryError): v is QueryError {
  return (v as QueryError | undefined)?.kind === 'queryError';
}

/** The address the source sends from, in the destination's family. */
export function sourceAddress(source: Source, dst: Ip): Ip | QueryError {
  // A packet's addresses are of one family: IPv4 cannot reach an IPv6 address, nor back.
  const mismatch = (ip: Ip): QueryError =>
    queryError(`${source.label} sends from ${formatIp(ip)}, an IPv${ip.family} address; it cannot reach the IPv${dst.family} address ${formatIp(dst)}`);
  if (source.kind === 'onPremises') return source.ip.family === dst.family ? source.ip : mismatch(source.ip);
  if (source.kind === 'internet') {
    if (source.ip.family === dst.family) return source.ip;
    if (source.ip6 && dst.family === 6) return source.ip6;
    return mismatch(source.ip);
  }
  if (source.only) return source.only.family === dst.family ? source.only : mismatch(source.only);
  if (dst.family === 4) return source.eni.privateIp;
  return source.eni.ipv6Ip ?? queryError(`${source.eni.id} has no IPv6 address, so it cannot send to ${formatIp(dst)}`);
}
