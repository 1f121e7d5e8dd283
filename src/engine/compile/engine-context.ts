// Everything the walker looks up, compiled once per topology (and cached): route indexes,
// ENIs by private and public address, security group membership, internet hosts, AWS
// service ranges, peerings by VPC. The walk itself never parses or scans text. The two
// lookups on the walk's hot path (route and address) are functions of the context, so the
// benchmark's naive baseline (bench/linear-baseline.ts) can pass a context of its own.
import { ruleTexts, type RuleTexts } from './rule-texts.js';
import type { Ip } from '../../net/ip.js';
import type { Prefix } from '../../net/prefix.js';
import type { AwsService } from '../../model/aws-services.js';
import type { Eni, InternetHost, PeeringConnection, RouteTable } from '../../model/resources.js';
import type { Topology } from '../../model/topology.js';
import { buildRouteIndex, lookupRoute, type IndexedRoute, type RouteIndex } from './route-index.js';
import { buildTgwIndex, type TgwIndex } from './tgw-routes.js';

/** Compiled lookups for one topology. */
export interface EngineContext {
  readonly topology: Topology;
  readonly routes: ReadonlyMap<string, RouteIndex>;
  /** The route a table sends `dst` by (longest prefix match), or undefined. */
  readonly routeFor: (table: string, dst: Ip) => IndexedRoute | undefined;
  /** The interface holding a private address in a VPC. */
  readonly eniAt: (vpc: string, ip: Ip) => Eni | undefined;
  /** vpc -> private address (v4 and v6 in separate maps) -> ENI. */
  readonly eniByVpcIp: ReadonlyMap<string, { readonly v4: Map<bigint, Eni>; readonly v6: Map<bigint, Eni> }>;
  readonly eniByPublicIp: ReadonlyMap<bigint, Eni>;
  /** IPv6 addresses are globally unique: the internet reaches them directly through the IGW. */
  readonly eniByIpv6: ReadonlyMap<bigint, Eni>;
  /** security group id -> ids of member ENIs. */
  readonly sgMembers: ReadonlyMap<string, ReadonlySet<string>>;
  readonly hostByIp: ReadonlyMap<string, InternetHost>;
  readonly hostByDns: ReadonlyMap<string, InternetHost>;
  readonly serviceRanges: readonly { readonly prefix: Prefix; readonly service: AwsService }[];
  /** vpc -> its peering connections. */
  readonly peerings: ReadonlyMap<string, readonly PeeringConnection[]>;
  /** Transit gateway associations, VPC attachments and route lookup. */
  readonly tgw: TgwIndex;
  /** Internet gateway id -> its edge route table (the table with its gateway association). */
  readonly edgeTables: ReadonlyMap<string, RouteTable>;
  /** Rules and routes in words, made once each. */
  readonly texts: RuleTexts;
}

const cache = new WeakMap<Topology, EngineContext>();

/** Key of an address for maps that hold both families. */
export function addrKey(ip: Ip): string {
  return `${ip.family}:${ip.value.toString(16)}`;
}

/** The compiled context of a topology (built on first use, then cached). */
export function engineContext(topology: Topology): EngineContext {
  const hit = cache.get(topology);
  if (hit) return hit;
  const routes = new Map<string, RouteIndex>();
  for (const [id, t] of topology.routeTables) {
    routes.set(id, buildRouteIndex(t, topology.prefixLists));
  }
  const eniByVpcIp = new Map<string, { v4: Map<bigint, Eni>; v6: Map<bigint, Eni> }>();
  const eniByPublicIp = new Map<bigint, Eni>();
  const eniByIpv6 = new Map<bigint, Eni>();
  const sgMembers = new Map<string, Set<string>>();
  for (const eni of topology.enis.values()) {
    let byVpc = eniByVpcIp.get(eni.vpc);
    if (!byVpc) {
      byVpc = { v4: new Map(), v6: new Map() };
      eniByVpcIp.set(eni.vpc, byVpc);
    }
    byVpc.v4.set(eni.privateIp.value, eni);
    // Secondary private addresses reach the interface as its primary one does ("Multiple IP
    // addresses", Amazon EC2 guide).
    for (const ip of eni.secondaryIps) byVpc.v4.set(ip.value, eni);
    if (eni.ipv6Ip) {
      byVpc.v6.set(eni.ipv6Ip.value, eni);
      eniByIpv6.set(eni.ipv6Ip.value, eni);
    }
    if (eni.publicIp) eniByPublicIp.set(eni.publicIp.value, eni);
    for (const sg of eni.securityGroups) {
      let set = sgMembers.get(sg);
      if (!set) sgMembers.set(sg, (set = new Set()));
      set.add(eni.id);
    }
  }
  const hostByIp = new Map<string, InternetHost>();
  const hostByDns = new Map<string, InternetHost>();
  for (const h of topology.internetHosts.values()) {
    hostByIp.set(addrKey(h.ip), h);
    if (h.dns) hostByDns.set(h.dns.toLowerCase(), h);
  }
  const serviceRanges = [...topology.awsServices.values()].flatMap((service) => service.publicRanges.map((prefix) => ({ prefix, service })));
  const peerings = new Map<string, PeeringConnection[]>();
  for (const p of topology.peeringConnections.values()) {
    for (const v of [p.requester, p.accepter]) peerings.set(v, [...(peerings.get(v) ?? []), p]);
  }
  const edgeTables = new Map<string, RouteTable>();
  for (const t of topology.routeTables.values()) {
    if (t.gatewayAssociation !== undefined && !edgeTables.has(t.gatewayAssociation)) edgeTables.set(t.gatewayAssociation, t);
  }
  const routeFor = (table: string, dst: Ip): IndexedRoute | undefined => lookupRoute(routes.get(table)!, dst);
  const eniAt = (vpc: string, ip: Ip): Eni | undefined => {
    const byVpc = eniByVpcIp.get(vpc);
    return ip.family === 4 ? byVpc?.v4.get(ip.value) : byVpc?.v6.get(ip.value);
  };
  const ctx: EngineContext = { topology, routes, routeFor, eniAt, eniByVpcIp, eniByPublicIp, eniByIpv6, sgMembers, hostByIp, hostByDns, serviceRanges, peerings, tgw: buildTgwIndex(topology), edgeTables, texts: ruleTexts(topology) };
  cache.set(topology, ctx);
  return ctx;
}

/** Whether an interface holds a private address (primary, secondary or its IPv6 one). */
export function holdsAddress(e: Eni, ip: Ip): boolean {
  if (ip.family === 6) return e.ipv6Ip?.value === ip.value;
  return e.privateIp.value === ip.value || e.secondaryIps.some((s) => s.value === ip.value);
}
