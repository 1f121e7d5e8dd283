// `--focus VPC`: draw one VPC in full and each neighbour (peered, or joined by
// PrivateLink either way) as a single box; everything else is left out. Edges into a
// neighbour land on its box; top-level nodes stay only when still connected.
import type { Topology } from '../model/topology.js';
import { neighbourVpcs } from '../model/vpc-graph.js';
import type { Diagram, DiagramCluster, DiagramEdge, DiagramNode } from './diagram.js';

function vpcOfCluster(clusters: ReadonlyMap<string, DiagramCluster>, id: string | undefined): string | undefined {
  for (let c = id === undefined ? undefined : clusters.get(id); c; c = c.parent === undefined ? undefined : clusters.get(c.parent)) {
    if (c.kind === 'vpc') return c.ref;
  }
  return undefined;
}

/** The diagram cut down to one VPC and its neighbours. */
export function focusDiagram(d: Diagram, t: Topology, vpc: string): Diagram {
  const neighbours = new Set(neighbourVpcs(t, vpc));
  const clusterById = new Map(d.clusters.map((c) => [c.id, c]));
  const vpcCluster = new Map(d.clusters.filter((c) => c.kind === 'vpc').map((c) => [c.ref, c]));
  const summaries: DiagramNode[] = [];
  const summaryOf = new Map<string, string>();
  let next = d.nodes.length;
  for (const n of [...neighbours]) {
    const c = vpcCluster.get(n);
    if (!c) continue;
    const id = `n${next++}`;
    summaries.push({ id, ref: n, kind: 'vpcSummary', lines: [...c.lines, 'neighbour (drawn in full without --focus)'], cluster: c.parent });
    summaryOf.set(n, id);
  }
  // Where each node goes: itself, its neighbour VPC's box, or nowhere.
  const target = new Map<string, string | undefined>();
  const topLevel: DiagramNode[] = [];
  for (const n of d.nodes) {
    const owner = vpcOfCluster(clusterById, n.cluster);
    if (owner === undefined) {
      topLevel.push(n);
      target.set(n.id, undefined);
    } else target.set(n.id, owner === vpc ? n.id : summaryOf.get(owner));
  }
  const remap = (e: DiagramEdge): DiagramEdge | undefined => {
    const from = target.get(e.from);
    const to = target.get(e.to);
    return from && to && from !== to ? { ...e, from, to } : undefined;
  };
  // Top-level nodes (peering, the internet, AWS services) stay when they touch the focus
  // VPC, or a top-level node that stays (an internet host, through the internet).
  const near = new Set(d.nodes.filter((n) => target.get(n.id) === n.id).map((n) => n.id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const n of topLevel) {
      if (near.has(n.id)) continue;
      if (d.edges.some((e) => (e.from === n.id && near.has(e.to)) || (e.to === n.id && near.has(e.from)))) {
        near.add(n.id);
        target.set(n.id, n.id);
        grew = true;
      }
    }
  }
  const seen = new Set<string>();
  const edges: DiagramEdge[] = [];
  for (const e of d.edges) {
    const r = remap(e);
    if (!r) continue;
    const key = `${r.from}|${r.to}|${r.kind}|${r.label ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push(r);
  }
  const keptNodes = [...d.nodes.filter((n) => target.get(n.id) === n.id), ...summaries];
  const keptClusters = new Set<string>();
  for (const n of keptNodes) for (let c = n.cluster; c !== undefined; c = clusterById.get(c)?.parent) keptClusters.add(c);
  const focusCluster = vpcCluster.get(vpc);
  if (focusCluster) for (let c: string | undefined = focusCluster.id; c !== undefined; c = clusterById.get(c)?.parent) keptClusters.add(c);
  const nodeOf = new Map<string, string>();
  for (const [ref, id] of d.nodeOf) {
    const to = target.get(id);
    if (to) nodeOf.set(ref, to);
  }
  for (const [ref, id] of summaryOf) nodeOf.set(ref, id);
  return {
    title: `${d.title} (focus: ${vpc})`,
    clusters: d.clusters.filter((c) => keptClusters.has(c.id) && !(c.kind !== 'account' && neighbours.has(vpcOfCluster(clusterById, c.id) ?? ''))),
    nodes: keptNodes,
    edges,
    nodeOf,
  };
}
