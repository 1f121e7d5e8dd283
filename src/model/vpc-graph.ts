// The VPCs of a topology and what joins them, as a graph (@dagrejs/graphlib): a node per VPC,
// an edge per VPC peering connection (requester -> accepter; either side may start a
// connection) and per PrivateLink endpoint (the endpoint's VPC -> its endpoint service's VPC;
// traffic flows one way, "Share your services through AWS PrivateLink"). Built on first use
// and kept per topology (topologies are immutable); loading never builds it. Diagrams'
// `--focus` draws a VPC with its neighbours from it; a component that joins VPCs (a transit
// gateway attachment) adds its edges here.
import { Graph } from '@dagrejs/graphlib';
import type { Topology } from './topology.js';

/** What an edge of the VPC graph stands for. */
export type VpcLink =
  | { readonly kind: 'peering'; readonly connection: string }
  | { readonly kind: 'privateLink'; readonly endpoint: string; readonly service: string };

const built = new WeakMap<Topology, Graph>();

/** The VPC graph of a topology; edge labels are VpcLink, edge names the joining resource's id. */
export function vpcGraph(t: Topology): Graph {
  const known = built.get(t);
  if (known) return known;
  const g = new Graph({ directed: true, multigraph: true });
  for (const id of t.vpcs.keys()) g.setNode(id);
  for (const p of t.peeringConnections.values()) {
    if (p.requester !== p.accepter) g.setEdge(p.requester, p.accepter, { kind: 'peering', connection: p.id } satisfies VpcLink, p.id);
  }
  for (const ep of t.endpoints.values()) {
    if (ep.service.kind !== 'endpointService') continue;
    const provider = t.endpointServices.get(ep.service.id)?.vpc;
    if (provider !== undefined && provider !== ep.vpc) g.setEdge(ep.vpc, provider, { kind: 'privateLink', endpoint: ep.id, service: ep.service.id } satisfies VpcLink, ep.id);
  }
  built.set(t, g);
  return g;
}

/** The VPCs joined to `vpc` by a peering connection or PrivateLink, either way, sorted. */
export function neighbourVpcs(t: Topology, vpc: string): string[] {
  const g = vpcGraph(t);
  return g.hasNode(vpc) ? [...(g.neighbors(vpc) ?? [])].sort() : [];
}
