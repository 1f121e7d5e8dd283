// The DNS records a topology implies, compiled once per topology: the private records each
// VPC's resolver holds (interface endpoints' private DNS, instances' public hostnames seen
// from inside) and the public records everyone sees (endpoint-specific names, load
// balancers and their zonal names, instances' public hostnames, internet hosts, AWS
// services' public names).
import { formatIp, type Ip } from '../../net/ip.js';
import type { Endpoint, Eni } from '../../model/resources.js';
import type { Span } from '../../model/span.js';
import type { Topology } from '../../model/topology.js';
import { endpointRegionalName, endpointZonalName, instancePublicHostname, loadBalancerDnsName, loadBalancerZonalName, normaliseName } from './dns-names.js';
import { healthyNodes } from './nlb-healthy-zones.js';

/** Which rule of the resolver a record belongs to. */
export type DnsRule =
  | 'privateDns' | 'endpointRegional' | 'endpointZonal' | 'loadBalancer' | 'loadBalancerZonal'
  | 'instanceHostname' | 'instanceHostnamePrivate' | 'internetHost' | 'awsService'
  /** A record of a Route 53 private hosted zone of the file (an alias answers its target's addresses). */
  | 'hostedZone'
  /** A record of a DNS server on your network (`dnsServers:`), reached by a Resolver forward rule. */
  | 'dnsServer';

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
  /** VPC id -> name -> private record of that VPC's resolver (interface endpoints' private DNS, instances' hostnames). */
  readonly privateByVpc: ReadonlyMap<string, ReadonlyMap<string, DnsRecord>>;
  readonly publicByName: ReadonlyMap<string, DnsRecord>;
  /** VPC id -> name -> the private DNS record of an endpoint that answers only queries through an inbound Resolver endpoint. */
  readonly inboundOnlyByVpc: ReadonlyMap<string, ReadonlyMap<string, DnsRecord>>;
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

function endpointRecords(
  t: Topology, pub: Map<string, DnsRecord>, priv: Map<string, Map<string, DnsRecord>>, owners: Map<string, Endpoint[]>, inboundOnly: Map<string, Map<string, DnsRecord>>,
): void {
  for (const ep of t.endpoints.values()) {
    if (ep.type !== 'interface') continue;
    const enis = enisOf(t, ep);
    // DnsRecordIpType (DnsOptionsSpecification, EC2 API reference): A records (ipv4), AAAA
    // records (ipv6), both (dualstack), or A for the private name and both for the regional
    // and zonal names (service-defined).
    const a = ep.dnsRecordIpType !== 'ipv6';
    const aaaa = (privateName: boolean): boolean => ep.dnsRecordIpType === 'ipv6' || ep.dnsRecordIpType === 'dualstack' || (ep.dnsRecordIpType === 'service-defined' && !privateName);
    const answer = (list: readonly Eni[], privateName: boolean): DnsAddress[] => [
      ...(a ? list.map((e) => ({ ip: e.privateIp, label: e.id, eni: e })) : []),
      ...(aaaa(privateName) ? list.filter((e) => e.ipv6Ip).map((e) => ({ ip: e.ipv6Ip!, label: `${e.id} (IPv6)`, eni: e })) : []),
    ];
    const addrs = answer(enis, false);
    const privateName = privateDnsNameOf(t, ep);
    if (privateName) owners.set(privateName, [...(owners.get(privateName) ?? []), ep]);
    // privateDnsOnlyForInboundResolverEndpoint (DnsOptionsSpecification, EC2 API reference):
    // the record answers only queries through an inbound Resolver endpoint, so the VPC's own
    // resolver keeps the public answer and its clients use the gateway endpoint.
    if (privateName && ep.privateDns) {
      const into = ep.privateDnsOnlyForInboundResolverEndpoint ? inboundOnly : priv;
      let byName = into.get(ep.vpc);
      if (!byName) into.set(ep.vpc, (byName = new Map()));
      if (!byName.has(privateName)) {
        byName.set(privateName, {
          name: privateName, rule: 'privateDns', addresses: answer(enis, true), owner: ep.id, location: ep.span,
          source: `the private DNS of interface endpoint ${ep.id} (its private hosted zone, associated with VPC ${ep.vpc} only)`,
        });
      }
    }
    if (enis.length === 0) continue;
    const regional = endpointRegionalName(t, ep);
    addPublic(pub, { name: regional, rule: 'endpointRegional', addresses: addrs, owner: ep.id, location: ep.span, source: `the regional endpoint-specific name of ${ep.id}` });
    for (const e of enis) {
      addPublic(pub, {
        name: endpointZonalName(t, ep, e.az), rule: 'endpointZonal', addresses: answer([e], false),
        owner: ep.id, location: ep.span, source: `the zonal endpoint-specific name of ${ep.id} in ${e.az}`,
      });
    }
  }
}

function loadBalancerRecords(t: Topology, pub: Map<string, DnsRecord>): void {
  for (const lb of t.loadBalancers.values()) {
    if (lb.type !== 'network') continue;
    const facing = lb.scheme === 'internet-facing';
    const address = (e: Eni): DnsAddress => (facing && e.publicIp ? { ip: e.publicIp, label: `${e.id} (public IP)`, eni: e } : { ip: e.privateIp, label: e.id, eni: e });
    const health = healthyNodes(t, lb);
    const removed = health.removed.length > 0
      ? `; ${health.removed.map((n) => `${n.id} (${n.az})`).join(', ')} left out: a target group has no healthy target in that zone`
      : health.failOpen ? '; no zone has a healthy target in every target group, so every node is answered (AWS fails open)' : '';
    addPublic(pub, {
      name: loadBalancerDnsName(t, lb), rule: 'loadBalancer', addresses: health.nodes.map(address), owner: lb.id, location: lb.span,
      source: `${facing ? `the public DNS name of internet-facing load balancer ${lb.id} (its nodes' public IPs)`
        : `the DNS name of internal load balancer ${lb.id}, public but answering the nodes' private IPs`}${removed}`,
    });
    for (const n of lb.nodes.map((id) => t.enis.get(id)).filter((e): e is Eni => e !== undefined)) {
      addPublic(pub, {
        name: loadBalancerZonalName(t, lb, n.az), rule: 'loadBalancerZonal', addresses: [address(n)], owner: lb.id, location: lb.span,
        source: `the zonal DNS name of load balancer ${lb.id} in ${n.az} (its node ${n.id})`,
      });
    }
  }
}

/**
 * Instances' public IPv4 DNS hostnames ("DNS attributes for your VPC", Amazon VPC guide): an
 * instance with a public IP in a VPC with DNS hostnames on has one. Public DNS answers its
 * public IP; the instance's own VPC answers its private IP; so does a peered VPC when the
 * instance's side of the peering allows DNS resolution from the remote VPC ("Enable DNS
 * resolution for a VPC peering connection", VPC Peering guide).
 */
function instanceRecords(t: Topology, pub: Map<string, DnsRecord>, priv: Map<string, Map<string, DnsRecord>>): void {
  const addPrivate = (vpc: string, r: DnsRecord): void => {
    let byName = priv.get(vpc);
    if (!byName) priv.set(vpc, (byName = new Map()));
    if (!byName.has(r.name)) byName.set(r.name, r);
  };
  for (const inst of t.instances.values()) {
    const vpc = t.vpcs.get(inst.vpc);
    const eni = t.enis.get(inst.id);
    if (!vpc || !eni || !inst.publicIp || !vpc.enableDnsHostnames) continue;
    const name = instancePublicHostname(vpc.region, formatIp(inst.publicIp));
    addPublic(pub, { name, rule: 'instanceHostname', addresses: [{ ip: inst.publicIp, label: `${inst.id} (public IP)`, eni }], owner: inst.id, location: inst.span, source: `the public DNS hostname of instance ${inst.id}` });
    const inside = [{ ip: inst.privateIp, label: inst.id, eni }];
    addPrivate(vpc.id, { name, rule: 'instanceHostnamePrivate', addresses: inside, owner: inst.id, location: inst.span, source: `the public DNS hostname of instance ${inst.id}, which answers its private IP inside its own VPC` });
    for (const pcx of t.peeringConnections.values()) {
      if (pcx.status !== 'active') continue;
      const side = pcx.requester === vpc.id ? 'requester' : pcx.accepter === vpc.id ? 'accepter' : undefined;
      if (side === undefined || !pcx.allowRemoteVpcDnsResolution[side]) continue;
      const peer = side === 'requester' ? pcx.accepter : pcx.requester;
      addPrivate(peer, { name, rule: 'instanceHostnamePrivate', addresses: inside, owner: inst.id, location: pcx.span, source: `the public DNS hostname of instance ${inst.id}, which answers its private IP in VPC ${peer}: ${pcx.id} allows DNS resolution from the remote VPC on ${vpc.id}'s side` });
    }
  }
}

/** The records of a topology (compiled on first use, then cached). */
export function dnsRecords(t: Topology): DnsRecords {
  const hit = cache.get(t);
  if (hit) return hit;
  const pub = new Map<string, DnsRecord>();
  const priv = new Map<string, Map<string, DnsRecord>>();
  const owners = new Map<string, Endpoint[]>();
  const inboundOnly = new Map<string, Map<string, DnsRecord>>();
  endpointRecords(t, pub, priv, owners, inboundOnly);
  loadBalancerRecords(t, pub);
  instanceRecords(t, pub, priv);
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
  const records: DnsRecords = { privateByVpc: priv, publicByName: pub, privateNameOwners: owners, inboundOnlyByVpc: inboundOnly };
  cache.set(t, records);
  return records;
}
