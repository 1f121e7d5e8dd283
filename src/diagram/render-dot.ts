// Diagram (and trace paths) -> Graphviz DOT. Clusters nest as `subgraph cluster_*`; every
// node, cluster and edge carries an `id` and a `class`, which Graphviz copies into its SVG
// so the HTML page can find and highlight them. Paths are thick numbered edges that do not
// move the layout (constraint=false); the HTML page draws every trace's path hidden and
// shows the chosen one.
import type { Diagram, DiagramClusterKind, DiagramEdgeKind, DiagramNode } from './diagram.js';
import { dotLines, dotText } from './escape-dot.js';
import { edgesBesidePath, type PathHighlight } from './path-highlight.js';

const FONT = 'Helvetica';

/** A path to draw, with the prefix of its edge ids (`t0` gives t0-e1, t0-e2, ...). */
export interface DotPath {
  readonly prefix: string;
  readonly highlight: PathHighlight;
}

/** How the DOT is drawn. */
export interface DotOptions {
  /** Paths drawn as extra edges; the first is styled as the path unless `hiddenPaths`. */
  readonly paths?: readonly DotPath[];
  /** Give path edges the class `path hidden` (the HTML page shows one at a time). */
  readonly hiddenPaths?: boolean;
}

function nodeAttributes(n: DiagramNode): string {
  switch (n.kind) {
    case 'instance':
    case 'networkInterface':
    case 'natGateway':
    case 'ipTarget':
    case 'internetHost':
    case 'onPremisesHost':
      return 'shape=box, style="rounded"';
    case 'endpointEni':
    case 'loadBalancerNode':
      return 'shape=box, style="rounded,bold"';
    case 'routeTable':
      return 'shape=component';
    case 'endpoint':
    case 'endpointService':
      return 'shape=box, style="rounded,bold", peripheries=2';
    case 'loadBalancer':
    case 'targetGroup':
    case 'peeringConnection':
    case 'transitGateway':
    case 'transitGatewayAttachment':
    case 'internetGateway':
    case 'virtualPrivateGateway':
    case 'vpnConnection':
    case 'directConnectGateway':
      return 'shape=hexagon';
    case 'internet':
    case 'onPremisesNetwork':
      return 'shape=ellipse';
    case 'awsService':
      return 'shape=cylinder';
    case 'vpcSummary':
    case 'emptySubnets':
      return 'shape=note, style="dashed"';
    default: {
      const never: never = n.kind;
      throw new Error(`unknown node kind ${String(never)}`);
    }
  }
}

function clusterAttributes(kind: DiagramClusterKind): string {
  switch (kind) {
    case 'account':
      return 'style="dashed,rounded"; color="#868e96"';
    case 'vpc':
      return 'style="rounded"; color="#1c7ed6"; penwidth=1.6';
    case 'subnet':
      return 'style="rounded,filled"; color="#adb5bd"; fillcolor="#f8f9fa"';
    default: {
      const never: never = kind;
      throw new Error(`unknown cluster kind ${String(never)}`);
    }
  }
}

function edgeAttributes(kind: DiagramEdgeKind): string {
  switch (kind) {
    case 'attaches':
      return 'style=dashed, arrowhead=none';
    case 'routes':
      return 'color="#495057"';
    case 'forwards':
      return 'color="#343a40"';
    case 'connects':
      return 'style=bold, color="#5f3dc4"';
    default: {
      const never: never = kind;
      throw new Error(`unknown edge kind ${String(never)}`);
    }
  }
}

/** The DOT source of a diagram. */
export function renderDot(d: Diagram, options: DotOptions = {}): string {
  const paths = options.paths ?? [];
  const out = [
    'digraph vpcsim {',
    `  graph [rankdir=LR, fontname="${FONT}", fontsize=12, nodesep=0.3, ranksep=0.6, labelloc=t, label=${dotLines([d.title])}];`,
    `  node [fontname="${FONT}", fontsize=11, margin="0.14,0.06"];`,
    `  edge [fontname="${FONT}", fontsize=9];`,
  ];
  const children = new Map<string | undefined, string[]>();
  for (const c of d.clusters) children.set(c.parent, [...(children.get(c.parent) ?? []), c.id]);
  const clusterById = new Map(d.clusters.map((c) => [c.id, c]));
  const nodesIn = new Map<string | undefined, DiagramNode[]>();
  for (const n of d.nodes) nodesIn.set(n.cluster, [...(nodesIn.get(n.cluster) ?? []), n]);
  const highlighted = !options.hiddenPaths && paths[0] ? paths[0].highlight : undefined;
  const onPath = new Set(highlighted?.nodes ?? []);
  const emit = (cluster: string | undefined, depth: number): void => {
    const pad = '  '.repeat(depth);
    for (const n of nodesIn.get(cluster) ?? []) {
      const extra = n.id === highlighted?.blockedAt ? ', color="#c92a2a", penwidth=3' : onPath.has(n.id) ? ', color="#e8590c", penwidth=2.5' : '';
      out.push(`${pad}${n.id} [id="${n.id}", class="node-${n.kind}", ${nodeAttributes(n)}, label=${dotLines(n.lines)}${extra}];`);
    }
    for (const id of children.get(cluster) ?? []) {
      const c = clusterById.get(id)!;
      out.push(`${pad}subgraph cluster_${c.id} {`, `${pad}  id="${c.id}"; class="cluster-${c.kind}"; ${clusterAttributes(c.kind)}; label=${dotLines(c.lines)};`);
      emit(c.id, depth + 1);
      out.push(`${pad}}`);
    }
  };
  emit(undefined, 1);
  const edges = edgesBesidePath(d, highlighted);
  edges.forEach((e, i) => {
    const label = e.label ? `, label="${dotText(e.label)}"` : '';
    out.push(`  ${e.from} -> ${e.to} [id="e${i}", class="edge-${e.kind}", ${edgeAttributes(e.kind)}${label}];`);
  });
  for (const p of paths) {
    const cls = options.hiddenPaths ? 'path hidden' : 'path';
    for (const e of p.highlight.edges) {
      out.push(`  ${e.from} -> ${e.to} [id="${p.prefix}-e${e.number}", class="${cls}", color="#e8590c", fontcolor="#e8590c", penwidth=2.5, constraint=false, label="${e.number}"];`);
    }
  }
  out.push('}');
  return out.join('\n') + '\n';
}
