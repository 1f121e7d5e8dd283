// The domains a VPC's resolver matches a query against, compiled once per topology: the
// Resolver rules associated with the VPC, the private hosted zones associated with it, and
// the private hosted zones interface endpoints' private DNS makes in it. Route 53 Resolver
// treats each private hosted zone as an autodefined rule of the VPC ("Domain names that
// Resolver creates autodefined rules for: Rules for private hosted zones") and picks the
// rule with the most specific domain ("How Resolver determines whether the domain name in a
// query matches any rules"); for one domain, a forwarding rule beats the zone ("Private
// hosted zones and Route 53 Resolver rules": "the Resolver rule takes precedence").
import type { Endpoint, HostedZone, ResolverRule } from '../../model/resources.js';
import type { Topology } from '../../model/topology.js';
import { privateDnsNameOf } from './dns-records.js';

/** What a domain of a VPC's resolver is. */
export type DomainEntry =
  | { readonly kind: 'rule'; readonly rule: ResolverRule }
  | { readonly kind: 'zone'; readonly zone: HostedZone }
  /** An interface endpoint's private DNS; `inboundOnly`: it answers only through an inbound Resolver endpoint. */
  | { readonly kind: 'endpointZone'; readonly endpoint: Endpoint; readonly name: string; readonly inboundOnly: boolean };

/** VPC id -> domain -> its entries, in precedence order (forward rule, system rule, zone, endpoint zone). */
export type VpcDomains = ReadonlyMap<string, ReadonlyMap<string, readonly DomainEntry[]>>;

/**
 * Most CNAMEs, aliases and forwards one query follows. Resolvers bound CNAME chains (a loop
 * never ends otherwise); AWS does not publish Resolver's bound, so vpcsim takes 8, more than
 * any chain a design needs, and says so in the step (docs/dns.md).
 */
export const MAX_DNS_CHAIN = 8;

const cache = new WeakMap<Topology, VpcDomains>();

const RANK = { rule: 0, zone: 2, endpointZone: 3 } as const;
function rank(e: DomainEntry): number {
  return e.kind === 'rule' ? (e.rule.ruleType === 'forward' ? 0 : 1) : RANK[e.kind];
}

/** The domains of every VPC's resolver. */
export function vpcDomains(t: Topology): VpcDomains {
  const hit = cache.get(t);
  if (hit) return hit;
  const out = new Map<string, Map<string, DomainEntry[]>>();
  const add = (vpc: string, domain: string, e: DomainEntry): void => {
    let m = out.get(vpc);
    if (!m) out.set(vpc, (m = new Map()));
    m.set(domain, [...(m.get(domain) ?? []), e]);
  };
  for (const rule of t.resolverRules.values()) for (const v of rule.vpcs) add(v, rule.domain, { kind: 'rule', rule });
  for (const zone of t.hostedZones.values()) for (const v of zone.vpcs) add(v, zone.name, { kind: 'zone', zone });
  for (const ep of t.endpoints.values()) {
    const name = ep.privateDns ? privateDnsNameOf(t, ep) : undefined;
    if (name !== undefined) add(ep.vpc, name, { kind: 'endpointZone', endpoint: ep, name, inboundOnly: ep.privateDnsOnlyForInboundResolverEndpoint });
  }
  for (const m of out.values()) for (const list of m.values()) list.sort((a, b) => rank(a) - rank(b));
  cache.set(t, out);
  return out;
}

/** A name and each of its parent domains, most specific first, ending with the root (''). */
export function domainsOf(name: string): string[] {
  const out: string[] = [];
  let n = name;
  while (n !== '') {
    out.push(n);
    const dot = n.indexOf('.');
    n = dot < 0 ? '' : n.slice(dot + 1);
  }
  out.push('');
  return out;
}
