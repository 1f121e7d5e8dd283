// The DNS records a topology implies, compiled once per topology: the private records each
// VPC's resolver holds (interface endpoints' private DNS) and the public records everyone
// sees (endpoint-specific names, load balancers, internet hosts, AWS services' public names).
import type { Ip } from '../../net/ip.js';
import type { Endpoint, Eni } from '../../model/resources.js';
import type { Span } from '../../model/span.js';
import type { Topology } from '../../model/topology.js';
import { endpointRegionalName, endpointZonalName, loadBalancerDnsName, normaliseName } from './dns-names.js';

/** Which rule of the resolver a record belongs to. */
export type DnsRule = 'privateDns' | 'endpointRegional' | 'endpointZonal' | 'loadBalancer' | 'internetHost' | 'awsService';

/** One address of an answer, with the interface that holds it when there is one. */
export interface DnsAddress {
  readonly ip: Ip;
  /** "vpce-kms/private-a", "nlb-api/provider-a (public IP)", "www.example.com". */
  readonly label: string;
  readonly eni: Eni | undefined;
}

/** A record: a name, its addresses, and what put it there. */
export interface DnsRecord {
  readonly name: string;
  readonly rule: DnsRule;
  readonly addresses: readonly DnsAddress[];
  /** The resource whose record it is (an endpoint, a load balancer, a host, a service name). */
  readonly owner: string;
  /** Why the record exists, in words, for the trace's first hop. */
  readonly source: string;
  readonly location: Span | undefined;
}

/** Every record of a topology. */
export interface DnsRecords {
  /** VPC id -> name -> private DNS record of an interface endpoint in that VPC. */
  readonly privateByVpc: ReadonlyMap<string, ReadonlyMap<string, DnsRecord>>;
  readonly publicByName: ReadonlyMap<string, DnsRecord>;
  /** name -> endpoints (any VPC) that would answer it by private DNS, for "does not cross peering" hints. */
  readonly privateNameOwners: ReadonlyMap<string, readonly Endpoint[]>;
}

const cache = new WeakMap<Topology, DnsRecords>();

function enisOf(t: Topology, ep: Endpoint): Eni[] {
  return ep.enis.map((id) => t.enis.get(id)).filter((e): e is Eni => e !== undefined);
}

/** The name an endpoint's private DNS claims, if the service has one. */
export function privateDnsNameOf(t: Topology, ep: Endpoint): string | undefined {
  if (ep.type !== 'interface') return undefined;
  if (ep.service.kind === 'awsService') return normaliseName(ep.service.service.dnsName);
  const svc = t.endpointServices.get(ep.service.id);
  return svc?.privateDnsName !== undefined && svc.privateDnsVerified ? normaliseName(svc.privateDnsName) : undefined;
}

function addPublic(map: Map<string, DnsRecord>, r: DnsRecord): void {
  if (!map.has(r.name)) map.set(r.name, r);
}

function endpointRecords(t: Topology, pub: Map<string, DnsRecord>, priv: Map<string, Map<string, DnsRecord>>, owners: Map<string, Endpoint[]>): void {
  for (const ep of t.endpoints.values()) {
    if (ep.type !== 'interface') continue;
    const enis = enisOf(t, ep);
    const addrs = enis.map((e) => ({ ip: e.privateIp, label: e.id, eni: e }));
    const privateName = privateDnsNameOf(t, ep);
    if (privateName) owners.set(privateName, [...(owners.get(privateName) ?? []), ep]);
    if (privateName && ep.privateDns) {
      let byName = priv.get(ep.vpc);
      if (!byName) priv.set(ep.vpc, (byName = new Map()));
      if (!byName.has(privateName)) {
        byName.set(privateName, {
          name: privateName, rule: 'privateDns', addresses: addrs, owner: ep.id, location: ep.span,
          source: `the private DNS of interface endpoint ${ep.id} (its private hosted zone, associated with VPC ${ep.vpc} only)`,
        });
      }
    }
    if (enis.length === 0) continue;
    const regional = endpointRegionalName(t, ep);
    addPublic(pub, { name: regional, rule: 'endpointRegional', addresses: addrs, owner: ep.id, location: ep.span, source: `the regional endpoint-specific name of ${ep.id}` });
    for (const e of enis) {
      addPublic(pub, {
        name: endpointZonalName(t, ep, e.az), rule: 'endpointZonal', addresses: [{ ip: e.privateIp, label: e.id, eni: e }],
        owner: ep.id, location: ep.span, source: `the zonal endpoint-specific name of ${ep.id} in ${e.az}`,
      });
    }
  }
}

function loadBalancerRecords(t: Topology, pub: Map<string, DnsRecord>): void {
  for (const lb of t.loadBalancers.values()) {
    if (lb.type !== 'network') continue;
    const facing = lb.scheme === 'internet-facing';
    const addresses = lb.nodes.map((n) => t.enis.get(n)).filter((e): e is Eni => e !== undefined)
      .map((e) => (facing && e.publicIp ? { ip: e.publicIp, label: `${e.id} (public IP)`, eni: e } : { ip: e.privateIp, label: e.id, eni: e }));
    addPublic(pub, {
      name: loadBalancerDnsName(t, lb), rule: 'loadBalancer', addresses, owner: lb.id, location: lb.span,
      source: facing ? `the public DNS name of internet-facing load balancer ${lb.id} (its nodes' public IPs)`
        : `the DNS name of internal load balancer ${lb.id}, public but answering the nodes' private IPs`,
    });
  }
}

/** The records of a topology (compiled on first use, then cached). */
export function dnsRecords(t: Topology): DnsRecords {
  const hit = cache.get(t);
  if (hit) return hit;
  const pub = new Map<string, DnsRecord>();
  const priv = new Map<string, Map<string, DnsRecord>>();
  const owners = new Map<string, Endpoint[]>();
  endpointRecords(t, pub, priv, owners);
  loadBalancerRecords(t, pub);
  for (const h of t.internetHosts.values()) {
    if (!h.dns) continue;
    addPublic(pub, { name: normaliseName(h.dns), rule: 'internetHost', addresses: [{ ip: h.ip, label: h.id, eni: undefined }], owner: h.id, location: h.span, source: `internet host ${h.id}` });
  }
  // AWS services answer on their public ranges; one address, the first of the first range,
  // stands for them (docs/dns.md). The network address of a range is used as is: AWS's
  // public blocks are announced whole, so it is a host address like any other there.
  for (const s of t.awsServices.values()) {
    const range = s.publicRanges[0];
    if (!range) continue;
    const ip: Ip = { family: range.family, value: range.network };
    addPublic(pub, { name: normaliseName(s.dnsName), rule: 'awsService', addresses: [{ ip, label: s.name, eni: undefined }], owner: s.name, location: undefined, source: `public DNS of ${s.name}` });
  }
  const records: DnsRecords = { privateByVpc: priv, publicByName: pub, privateNameOwners: owners };
  cache.set(t, records);
  return records;
}
