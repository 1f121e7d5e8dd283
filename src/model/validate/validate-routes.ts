// Routes AWS refuses to create, checked on the built route tables ("Configure route
// tables", Amazon VPC User Guide, and the CreateRoute API reference):
// - an endpoint is a route target only when it is a Gateway Load Balancer endpoint
//   (CreateRoute: VpcEndpointId is "supported for Gateway Load Balancer endpoints only");
//   a gateway endpoint adds its own prefix-list routes, an interface endpoint none;
// - 169.254.168.0/22 and fd00:ec2::/32 are reserved for AWS services;
// - a gateway (edge) route table routes only to local, a GWLB endpoint or a network
//   interface, to a whole VPC or subnet block, never to a prefix list ("Gateway route
//   tables", rules and considerations; "Reference prefix lists in your AWS resources").
import { formatPrefix, parsePrefix, isPrefix, prefixCovers, type Prefix } from '../../net/prefix.js';
import type { Diagnostic } from '../diagnostic.js';
import type { DiagnosticCode } from '../diagnostic-codes.js';
import type { Resource, RouteTable, Subnet, Vpc } from '../resources.js';
import type { Route } from '../rules.js';
import type { SourceMap } from '../source-map.js';
import type { Topology } from '../topology.js';

const RESERVED = ['169.254.168.0/22', 'fd00:ec2::/32'].map(parsePrefix).filter(isPrefix);

/** What a route target is, in the words the rules use. */
type TargetClass = 'local' | 'blackhole' | 'gwlbEndpoint' | 'otherEndpoint' | 'instance' | 'other';
// ('instance': a network interface, an instance standing for its primary one.)

function classify(route: Route, byId: ReadonlyMap<string, Resource>): { cls: TargetClass; resource: Resource | undefined } {
  if (route.target.kind !== 'resource') return { cls: route.target.kind, resource: undefined };
  const r = byId.get(route.target.id);
  if (r?.kind === 'endpoint') return { cls: r.type === 'gatewayLoadBalancer' ? 'gwlbEndpoint' : 'otherEndpoint', resource: r };
  // A network interface: an instance's primary one (by the instance's id) or any other.
  if (r?.kind === 'instance' || r?.kind === 'networkInterface') return { cls: 'instance', resource: r };
  return { cls: 'other', resource: r };
}

function sameBlock(a: Prefix, b: Prefix | undefined): boolean {
  return b !== undefined && a.family === b.family && a.length === b.length && a.network === b.network;
}

/** Check every route of every route table, and the tables' gateway associations. */
export function validateRoutes(t: Topology, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  const subnetsOf = new Map<string, Subnet[]>();
  for (const s of t.subnets.values()) {
    const list = subnetsOf.get(s.vpc);
    if (list) list.push(s);
    else subnetsOf.set(s.vpc, [s]);
  }
  for (const table of t.routeTables.values()) {
    const vpc = t.vpcs.get(table.vpc);
    if (!vpc) continue;
    const subnets = subnetsOf.get(vpc.id) ?? [];
    for (const route of table.routes) {
      if (route.origin === 'local') continue;
      checkRoute(out, map, t.byId, table, vpc, subnets, route);
    }
  }
  checkEdgeAssociations(out, map, t.routeTables);
  return out;
}

function checkRoute(
  out: Diagnostic[], map: SourceMap, byId: ReadonlyMap<string, Resource>, table: RouteTable, vpc: Vpc,
  subnets: readonly Subnet[], route: Route,
): void {
  const written = route.origin === 'written' ? `${table.pointer}/routes/${route.index - 1}` : undefined;
  const at = (code: DiagnosticCode, message: string, field: 'destination' | 'target'): void => {
    out.push({ code, severity: 'error', message, span: written ? map.valueAt(`${written}/${field}`) : route.span });
  };
  if (route.origin === 'gatewayEndpoint') {
    // Added by a gateway endpoint listing this table: its destination is a prefix list.
    if (table.gatewayAssociation !== undefined) {
      at('ROUTE_DESTINATION', `route table "${table.id}" is a gateway route table, which cannot hold the prefix-list route of a gateway endpoint`, 'destination');
    }
    return;
  }
  const { cls, resource } = classify(route, byId);
  const name = resource ? `"${resource.id}"` : '';
  if (cls === 'otherEndpoint' && resource?.kind === 'endpoint') {
    at('ROUTE_TARGET_TYPE', resource.type === 'gateway'
      ? `gateway endpoint ${name} adds its own prefix-list route to the tables in its routeTables; a route cannot target it`
      : `interface endpoint ${name} is reached through its DNS names and addresses; AWS routes only to Gateway Load Balancer endpoints`, 'target');
    return;
  }
  const dest = route.destination;
  if (table.gatewayAssociation !== undefined) {
    // Gateway (edge) route table.
    if (!['local', 'blackhole', 'gwlbEndpoint', 'instance'].includes(cls)) {
      at('ROUTE_TARGET_TYPE', `route table "${table.id}" is associated with gateway "${table.gatewayAssociation}"; its routes may target only local, a Gateway Load Balancer endpoint or a network interface (an instance), not ${name || 'this target'}`, 'target');
      return;
    }
    if (dest.kind === 'prefixList') {
      // A prefix list routed to a GWLB endpoint is GWLB_ENDPOINT_ROUTE_PREFIX_LIST already.
      if (cls !== 'gwlbEndpoint') {
        at('ROUTE_DESTINATION', `gateway route table "${table.id}" cannot use a prefix list (${dest.prefixList}) as a destination`, 'destination');
      }
      return;
    }
    const whole = [...vpc.cidrs, ...vpc.ipv6Cidrs].some((c) => sameBlock(dest.prefix, c)) ||
      subnets.some((s) => sameBlock(dest.prefix, s.cidr) || sameBlock(dest.prefix, s.ipv6Cidr));
    if (!whole) {
      at('ROUTE_DESTINATION', `${formatPrefix(dest.prefix)}: a gateway route table routes only to the whole block of VPC "${vpc.id}" or of one of its subnets`, 'destination');
    }
    return;
  }
  if (dest.kind === 'prefixList') return;
  const reserved = RESERVED.find((r) => prefixCovers(r, dest.prefix));
  if (reserved) {
    at('ROUTE_DESTINATION', `${formatPrefix(dest.prefix)} is inside ${formatPrefix(reserved)}, which AWS reserves for its own services; no route may point there`, 'destination');
    return;
  }
  checkMoreSpecificThanLocal(at, vpc, subnets, dest.prefix, cls, resource);
}

// "Subnet route tables", rules and considerations: a route more specific than the local
// route must have the whole IPv4 or IPv6 block of a subnet of the VPC as its destination, and
// a NAT gateway, a network interface (an instance here) or a GWLB endpoint as its target.
function checkMoreSpecificThanLocal(
  at: (code: DiagnosticCode, message: string, field: 'destination' | 'target') => void,
  vpc: Vpc, subnets: readonly Subnet[], dest: Prefix, cls: TargetClass, resource: Resource | undefined,
): void {
  const local = [...vpc.cidrs, ...vpc.ipv6Cidrs].find((c) => c.family === dest.family && dest.length > c.length && prefixCovers(c, dest));
  if (!local) return;
  const subnet = subnets.find((s) => sameBlock(dest, s.cidr) || sameBlock(dest, s.ipv6Cidr));
  if (!subnet) {
    at('ROUTE_DESTINATION', `${formatPrefix(dest)} is more specific than the local route ${formatPrefix(local)} but is not the whole block of a subnet of VPC "${vpc.id}"; AWS accepts such a route only to a whole subnet`, 'destination');
    return;
  }
  const fits = cls === 'gwlbEndpoint' || cls === 'instance' || cls === 'blackhole' || resource?.kind === 'natGateway';
  if (!fits) {
    at('ROUTE_TARGET_TYPE', `a route more specific than the local route (to subnet "${subnet.id}") may target only a NAT gateway, a network interface or a Gateway Load Balancer endpoint, not ${resource ? `"${resource.id}"` : cls}`, 'target');
  }
}

// "Gateway route tables": a gateway is associated with one route table, and a gateway route
// table cannot be the main route table ("Main route table" rules).
function checkEdgeAssociations(out: Diagnostic[], map: SourceMap, tables: ReadonlyMap<string, RouteTable>): void {
  const byGateway = new Map<string, string>();
  const ordered = [...tables.values()].filter((t) => t.gatewayAssociation !== undefined && t.written);
  ordered.sort((a, b) => a.span.line - b.span.line || a.span.col - b.span.col);
  for (const table of ordered) {
    const gw = table.gatewayAssociation!;
    const at = map.valueAt(`${table.pointer}/gatewayAssociation`);
    if (table.main) {
      out.push({ code: 'EDGE_ASSOCIATION', severity: 'error', message: `route table "${table.id}" is the main route table; a gateway route table cannot be the main one`, span: at });
    }
    const first = byGateway.get(gw);
    if (first !== undefined) {
      out.push({ code: 'EDGE_ASSOCIATION', severity: 'error', message: `gateway "${gw}" is already associated with route table "${first}"; a gateway has one route table`, span: at });
    } else {
      byGateway.set(gw, table.id);
    }
  }
}
