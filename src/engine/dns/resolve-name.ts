// The resolver a packet's source asks ("DNS attributes for your VPC", Amazon VPC guide):
// inside a VPC, the Amazon-provided DNS server answers only when enableDnsSupport is on; it
// answers first from the private hosted zones associated with the VPC (here: interface
// endpoints' private DNS, which never crosses peering), then from public DNS. On the
// internet, only public DNS answers.
import { formatIp } from '../../net/ip.js';
import type { Vpc } from '../../model/resources.js';
import type { Span } from '../../model/span.js';
import type { Topology } from '../../model/topology.js';
import { normaliseName } from './dns-names.js';
import { dnsRecords, type DnsRecord } from './dns-records.js';

/** Where the question is asked: a VPC's resolver, or public DNS (from the internet). */
export type DnsVantage = { readonly kind: 'vpc'; readonly vpc: Vpc } | { readonly kind: 'internet' };

/** What a name resolves to at a vantage point, and why. */
export type DnsResolution =
  | { readonly kind: 'resolved'; readonly name: string; readonly record: DnsRecord; readonly detail: string; readonly why: string }
  | { readonly kind: 'notResolved'; readonly name: string; readonly detail: string; readonly why: string; readonly location: Span | undefined };

function where(v: DnsVantage): string {
  return v.kind === 'vpc' ? `in VPC ${v.vpc.id}` : 'on the internet';
}

/** Why private DNS did not answer a name that some endpoint's private DNS would answer. */
function privateHint(t: Topology, name: string, v: DnsVantage): string {
  const owners = dnsRecords(t).privateNameOwners.get(name) ?? [];
  if (owners.length === 0) return '';
  const here = v.kind === 'vpc' ? owners.filter((e) => e.vpc === v.vpc.id) : [];
  const inboundOnly = here.find((e) => e.privateDns && e.privateDnsOnlyForInboundResolverEndpoint);
  if (inboundOnly) {
    return `; interface endpoint ${inboundOnly.id} here answers this name only for queries through an inbound Resolver endpoint (privateDnsOnlyForInboundResolverEndpoint), so clients in the VPC get the public answer and use the gateway endpoint`;
  }
  const off = here.find((e) => !e.privateDns);
  if (off) {
    const vpc = v.kind === 'vpc' ? v.vpc : undefined;
    const attrs = vpc && !(vpc.enableDnsSupport && vpc.enableDnsHostnames) ? ' (the VPC lacks enableDnsSupport or enableDnsHostnames, which private DNS needs)' : '';
    return `; interface endpoint ${off.id} here has private DNS off${attrs}, so its ENIs do not answer this name`;
  }
  const elsewhere = owners.filter((e) => e.privateDns && (v.kind === 'internet' || e.vpc !== v.vpc.id));
  if (elsewhere.length === 0) return '';
  return `; the private DNS of ${elsewhere.map((e) => `${e.id} (VPC ${e.vpc})`).join(', ')} answers only inside its own VPC and does not cross peering`;
}

function answer(r: DnsRecord): string {
  return r.addresses.map((a) => formatIp(a.ip)).join(', ');
}

const WHY = {
  privateDns: 'Private DNS puts the service\'s own name in a private hosted zone of this VPC, so unchanged clients reach the endpoint\'s ENIs; other VPCs, even peered ones, still get the public answer.',
  endpointRegional: 'Endpoint-specific names are public DNS records: they answer the endpoint\'s private ENI addresses from anywhere, whatever private DNS says.',
  endpointZonal: 'A zonal endpoint-specific name answers only the endpoint\'s ENI in that Availability Zone.',
  loadBalancer: 'A load balancer\'s DNS name is public; an internal one answers its nodes\' private addresses, usable only by clients with a path into its VPC. With cross-zone load balancing off, a zone whose node has no healthy target is left out.',
  loadBalancerZonal: 'A load balancer\'s zonal name answers the node in that zone only, whatever the health of its targets.',
  instanceHostname: 'An instance\'s public DNS hostname answers its public IP outside its VPC (and outside peered VPCs that do not allow DNS resolution from the remote VPC).',
  instanceHostnamePrivate: 'Inside its own VPC, and from a peered VPC allowed to resolve it, an instance\'s public DNS hostname answers its private IP, so traffic stays off the internet.',
  internetHost: 'Public DNS answers the same everywhere.',
  awsService: 'Without an interface endpoint with private DNS in this VPC, an AWS service\'s name resolves to its public addresses, reachable only through an internet gateway, a NAT gateway or a gateway endpoint.',
} as const;

/** Resolve a name at a vantage point. */
export function resolveName(t: Topology, rawName: string, v: DnsVantage): DnsResolution {
  const name = normaliseName(rawName);
  if (v.kind === 'vpc' && !v.vpc.enableDnsSupport) {
    return {
      kind: 'notResolved', name, location: v.vpc.span,
      detail: `VPC ${v.vpc.id} has enableDnsSupport false, so the Amazon-provided DNS server does not answer ${name} (vpcsim models no other resolver)`,
      why: 'With enableDnsSupport off, the Amazon DNS server at the VPC base address plus two is disabled: nothing resolves, not even public names.',
    };
  }
  const records = dnsRecords(t);
  if (v.kind === 'vpc') {
    const own = records.privateByVpc.get(v.vpc.id)?.get(name);
    if (own) {
      return { kind: 'resolved', name, record: own, why: WHY[own.rule], detail: `${name} resolves ${where(v)} to ${answer(own)} by ${own.source}` };
    }
  }
  const pub = records.publicByName.get(name);
  if (pub) {
    return { kind: 'resolved', name, record: pub, why: WHY[pub.rule], detail: `${name} resolves ${where(v)} to ${answer(pub)} by ${pub.source}${privateHint(t, name, v)}` };
  }
  return {
    kind: 'notResolved', name, location: undefined,
    detail: `${name} does not resolve ${where(v)}: no interface endpoint's private DNS, endpoint-specific name, load balancer, internet host or AWS service name matches${privateHint(t, name, v)}`,
    why: 'A name resolves only where a record for it exists; vpcsim knows the records the file implies and nothing else.',
  };
}
