// The graph of containment and attachment that diagrams and reports walk:
// vpc -> subnet -> eni; endpoint -> service -> load balancer -> target group -> targets.
import { Graph } from '@dagrejs/graphlib';
import type { Eni, Resource } from '../resources.js';

/** Edge labels of the topology graph. */
export type GraphEdgeKind = 'contains' | 'attaches' | 'routes' | 'forwards' | 'connects';

/** Build the graph from the indexed resources and ENIs. */
export function buildGraph(byId: ReadonlyMap<string, Resource>, enis: ReadonlyMap<string, Eni>): Graph {
  const g = new Graph({ directed: true, multigraph: false });
  for (const [id, r] of byId) g.setNode(id, { kind: r.kind });
  for (const id of enis.keys()) if (!g.hasNode(id)) g.setNode(id, { kind: 'eni' });
  const edge = (from: string, to: string, kind: GraphEdgeKind): void => {
    if (g.hasNode(from) && g.hasNode(to) && from !== to) g.setEdge(from, to, { kind });
  };
  for (const r of byId.values()) {
    switch (r.kind) {
      case 'vpc':
        r.subnets.forEach((s) => edge(r.id, s, 'contains'));
        if (r.internetGateway) edge(r.id, r.internetGateway, 'attaches');
        if (r.egressOnlyInternetGateway) edge(r.id, r.egressOnlyInternetGateway, 'attaches');
        break;
      case 'subnet':
        edge(r.id, r.routeTable, 'routes');
        break;
      case 'endpoint':
        if (r.service.kind === 'endpointService') edge(r.id, r.service.id, 'connects');
        r.enis.forEach((e) => edge(r.id, e, 'attaches'));
        r.routeTables.forEach((t) => edge(t, r.id, 'routes'));
        break;
      case 'endpointService':
        edge(r.id, r.loadBalancer, 'forwards');
        break;
      case 'loadBalancer':
        r.listeners.forEach((l) => edge(r.id, l.targetGroup, 'forwards'));
        if (r.targetGroup) edge(r.id, r.targetGroup, 'forwards');
        r.nodes.forEach((n) => edge(r.id, n, 'attaches'));
        break;
      case 'targetGroup':
        r.targets.forEach((t) => { if (t.kind === 'instance') edge(r.id, t.instance, 'forwards'); });
        break;
      case 'peeringConnection':
        edge(r.requester, r.id, 'connects');
        edge(r.id, r.accepter, 'connects');
        break;
      default:
        break;
    }
  }
  for (const e of enis.values()) {
    edge(e.subnet, e.id, 'contains');
  }
  return g;
}
