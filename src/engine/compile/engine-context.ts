// Everything the walker looks up, compiled once per topology (and cached): route indexes,
// ENIs by private and public address, security group membership, internet hosts, AWS
// service ranges, peerings by VPC. The walk itself never parses or scans text.
import type { Ip } from '../../net/ip.js';
import type { Prefix } from '../../net/prefix.js';
import type { AwsService } from '../../model/aws-services.js';
import type { Eni, InternetHost, PeeringConnection } from '../../model/resources.js';
import type { Topology } from '../../model/topology.js';
import { buildRouteIndex, linearRouteIndex, type RouteIndex } from './route-index.js';

/** How lookups are answered: by the indexes (always), or by linear scans (the benchmark's baseline). */
export type LookupMode = 'indexed' | 'linear';

/** Compiled lookups for one topology. */
export interface EngineContext {
  readonly topology: Topology;
  readonly mode: LookupMode;
  readonly routes: ReadonlyMap<string, RouteIndex>;
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
}

const caches: Record<LookupMode, WeakMap<Topology, EngineContext>> = { indexed: new WeakMap(), linear: new WeakMap() };

/** Key of an address for maps that hold both families. */
export function addrKey(ip: Ip): string {
  return `${ip.family}:${ip.value.toString(16)}`;
}

/** The compiled context of a topology (built on first use, then cached). */
export function engineContext(topology: Topology, mode: LookupMode = 'indexed'): EngineContext {
  const cache = caches[mode];
  const hit = cache.get(topology);
  if (hit) return hit;
  const routes = new Map<string, RouteIndex>();
  for (const [id, t] of topology.routeTables) {
    const index = buildRouteIndex(t, topology.prefixLists);
    routes.set(id, mode === 'linear' ? linearRouteIndex(index) : index);
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
  const ctx: EngineContext = { topology, mode, routes, eniByVpcIp, eniByPublicIp, eniByIpv6, sgMembers, hostByIp, hostByDns, serviceRanges, peerings };
  cache.set(topology, ctx);
  return ctx;
}

/** The ENI holding a private address in a VPC. */
export function eniAt(ctx: EngineContext, vpc: string, ip: Ip): Eni | undefined {
  if (ctx.mode === 'linear') {
    for (const e of ctx.topology.enis.values()) {
      if (e.vpc === vpc && holdsAddress(e, ip)) return e;
    }
    return undefined;
  }
  const byVpc = ctx.eniByVpcIp.get(vpc);
  return ip.family === 4 ? byVpc?.v4.get(ip.value) : byVpc?.v6.get(ip.value);
}

/** Whether an interface holds a private address (primary, secondary or its IPv6 one). */
export function holdsAddress(e: Eni, ip: Ip): boolean {
  if (ip.family === 6) return e.ipv6Ip?.value === ip.value;
  return e.privateIp.value === ip.value || e.secondaryIps.some((s) => s.value === ip.value);
}
