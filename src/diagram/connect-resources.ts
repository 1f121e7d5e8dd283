// The edges of a topology diagram: what attaches to what (an endpoint to its interfaces,
// a load balancer to its nodes), where traffic is handed on (endpoint -> endpoint service
// -> load balancer -> target group -> targets), and where route tables send it
// (non-local routes, labelled with their destinations).
import { formatIp, ipKey } from '../net/ip.js';
import { formatPrefix } from '../net/prefix.js';
import type { RouteTable } from '../model/resources.js';
import type { Topology } from '../model/topology.js';
import type { DiagramBuilder } from './diagram-builder.js';

function routeEdges(b: DiagramBuilder, t: Topology, r: RouteTable): void {
  const byTarget = new Map<string, string[]>();
  for (const route of r.routes) {
    if (route.target.kind !== 'resource') continue;
    const dest = route.destination.kind === 'cidr' ? formatPrefix(route.destination.prefix) : route.destination.prefixList;
    const list = byTarget.get(route.target.id) ?? [];
    list.push(dest);
    byTarget.set(route.target.id, list);
  }
  for (const [target, dests] of byTarget) {
    // A route to an interface (an endpoint ENI, an instance) draws to its box.
    const eni = t.enis.get(target);
    b.edge(r.id, eni ? eni.id : target, 'routes', dests.join(', '));
  }
}

/** Add every structural edge. */
export function connectResources(b: DiagramBuilder, t: Topology): void {
  for (const r of t.routeTables.values()) if (b.has(r.id)) routeEdges(b, t, r);
  for (const r of t.routeTables.values()) if (r.gatewayAssociation !== undefined) b.edge(r.gatewayAssociation, r.id, 'routes', 'edge association');
  for (const ep of t.endpoints.values()) {
    for (const eni of ep.enis) b.edge(ep.id, eni, 'attaches');
    if (ep.service.kind === 'endpointService') b.edge(ep.id, ep.service.id, 'connects', 'PrivateLink');
    else b.edge(ep.id, ep.service.service.name, 'connects', ep.type === 'gateway' ? 'gateway endpoint' : 'PrivateLink');
  }
  for (const es of t.endpointServices.values()) b.edge(es.id, es.loadBalancer, 'forwards');
  const enisByIp = new Map<string, string>();
  for (const e of t.enis.values()) enisByIp.set(`${e.vpc}|${ipKey(e.privateIp)}`, e.id);
  for (const lb of t.loadBalancers.values()) {
    for (const n of lb.nodes) b.edge(lb.id, n, 'attaches');
    for (const l of lb.listeners) b.edge(lb.id, l.targetGroup, 'forwards', `listener ${l.protocol} ${l.port}`);
    if (lb.targetGroup) b.edge(lb.id, lb.targetGroup, 'forwards');
  }
  for (const tg of t.targetGroups.values()) {
    for (const target of tg.targets) {
      const port = `${target.kind === 'lambda' ? 'Lambda' : `port ${target.port}`}${target.healthy ? '' : ', unhealthy'}`;
      if (target.kind === 'instance') {
        b.edge(tg.id, target.instance, 'forwards', port);
        continue;
      }
      if (target.kind === 'alb') {
        b.edge(tg.id, target.loadBalancer, 'forwards', port);
        continue;
      }
      if (target.kind === 'lambda') {
        // A Lambda function, which the load balancer invokes outside the VPC's network.
        const ref = `${tg.id}/lambda`;
        b.node(ref, 'ipTarget', [`Lambda ${target.function.split(':').pop() ?? target.function}`], b.clusterOf(tg.vpc));
        b.edge(tg.id, ref, 'forwards', port);
        continue;
      }
      const eni = enisByIp.get(`${tg.vpc}|${ipKey(target.ip)}`);
      if (eni) {
        b.edge(tg.id, eni, 'forwards', port);
        continue;
      }
      // An IP target no interface of the file holds (on premises, another VPC).
      const ref = `${tg.id}/${formatIp(target.ip)}`;
      b.node(ref, 'ipTarget', [`IP target ${formatIp(target.ip)}`], b.clusterOf(tg.vpc));
      b.edge(tg.id, ref, 'forwards', port);
    }
  }
  for (const p of t.peeringConnections.values()) {
    // Both VPCs' route tables that send to the peering already draw to it; the peering's
    // own two sides are drawn to the VPCs' main route tables only when no route uses it.
    const routed = [...t.routeTables.values()].some((r) => r.routes.some((x) => x.target.kind === 'resource' && x.target.id === p.id));
    if (routed) continue;
    for (const vpcId of [p.requester, p.accepter]) {
      const vpc = t.vpcs.get(vpcId);
      if (vpc) b.edge(p.id, vpc.mainRouteTable, 'connects', 'no route uses it');
    }
  }
  for (const a of t.transitGatewayAttachments.values()) {
    b.edge(a.id, a.transitGateway, 'attaches');
    if (a.type === 'peering') b.edge(a.id, a.peer, 'attaches', 'peering');
  }
  for (const igw of t.internetGateways.values()) b.edge(igw.id, 'internet', 'connects');
  for (const h of t.internetHosts.values()) b.edge('internet', h.id, 'connects');
  // Route tables draw their routes to a virtual private gateway (written and propagated).
  for (const v of t.vpnConnections.values()) if (v.virtualPrivateGateway !== undefined) b.edge(v.id, v.virtualPrivateGateway, 'connects');
  for (const d of t.directConnectGateways.values()) for (const a of d.associations) b.edge(d.id, a.gateway, 'connects', 'associated');
  for (const n of t.onPremisesNetworks.values()) {
    for (const c of n.connections) b.edge(n.id, c, 'connects');
    for (const h of n.hosts) b.edge(n.id, h, 'connects');
  }
}
