// Diagram (and optionally one trace's path) -> a Mermaid `flowchart`, which GitHub and
// GitLab render in Markdown: nested subgraphs for account and region, VPC and subnet;
// boxes shaped by kind; the path drawn as thick numbered edges.
import type { Diagram, DiagramEdgeKind, DiagramNode } from './diagram.js';
import { mermaidLines, mermaidText } from './escape-mermaid.js';
import { edgesBesidePath, type PathHighlight } from './path-highlight.js';

const PATH_STYLE = 'stroke:#e8590c,stroke-width:3px';

function shape(n: DiagramNode): string {
  const label = `"${mermaidLines(n.lines)}"`;
  switch (n.kind) {
    case 'instance':
    case 'networkInterface':
    case 'natGateway':
    case 'endpointEni':
    case 'loadBalancerNode':
    case 'ipTarget':
    case 'internetHost':
    case 'onPremisesHost':
    case 'vpcSummary':
    case 'emptySubnets':
      return `[${label}]`;
    case 'routeTable':
      return `[[${label}]]`;
    case 'endpoint':
    case 'endpointService':
      return `([${label}])`;
    case 'loadBalancer':
    case 'targetGroup':
    case 'peeringConnection':
    case 'transitGateway':
    case 'transitGatewayAttachment':
    case 'internetGateway':
    case 'virtualPrivateGateway':
    case 'vpnConnection':
    case 'directConnectGateway':
      return `{{${label}}}`;
    case 'internet':
    case 'onPremisesNetwork':
      return `((${label}))`;
    case 'awsService':
      return `[(${label})]`;
    default: {
      const never: never = n.kind;
      throw new Error(`unknown node kind ${String(never)}`);
    }
  }
}

function arrow(kind: DiagramEdgeKind): string {
  switch (kind) {
    case 'attaches':
      return '-.-';
    case 'routes':
    case 'forwards':
      return '-->';
    case 'connects':
      return '-.->';
    default: {
      const never: never = kind;
      throw new Error(`unknown edge kind ${String(never)}`);
    }
  }
}

/** The Mermaid flowchart of a diagram, with a trace's path when one is given. */
export function renderMermaidFlowchart(d: Diagram, path?: PathHighlight): string {
  const out = ['flowchart LR', `  %% ${mermaidText(d.title)}`];
  const children = new Map<string | undefined, string[]>();
  for (const c of d.clusters) children.set(c.parent, [...(children.get(c.parent) ?? []), c.id]);
  const clusterById = new Map(d.clusters.map((c) => [c.id, c]));
  const nodesIn = new Map<string | undefined, DiagramNode[]>();
  for (const n of d.nodes) nodesIn.set(n.cluster, [...(nodesIn.get(n.cluster) ?? []), n]);
  const emit = (cluster: string | undefined, depth: number): void => {
    const pad = '  '.repeat(depth);
    for (const n of nodesIn.get(cluster) ?? []) out.push(`${pad}${n.id}${shape(n)}`);
    for (const id of children.get(cluster) ?? []) {
      const c = clusterById.get(id)!;
      // One line: Mermaid draws a subgraph's second title line over its first box.
      out.push(`${pad}subgraph ${c.id}["${mermaidText(c.lines.join(', '))}"]`);
      emit(c.id, depth + 1);
      out.push(`${pad}end`);
    }
  };
  emit(undefined, 1);
  const edges = edgesBesidePath(d, path);
  for (const e of edges) out.push(`  ${e.from} ${arrow(e.kind)}${e.label ? `|"${mermaidText(e.label)}"|` : ''} ${e.to}`);
  if (path) {
    for (const e of path.edges) out.push(`  ${e.from} ==>|"${e.number}"| ${e.to}`);
    if (path.edges.length > 0) {
      out.push(`  linkStyle ${path.edges.map((_, i) => edges.length + i).join(',')} ${PATH_STYLE}`);
    }
    out.push(`  classDef onPath ${PATH_STYLE}`, '  classDef blocked stroke:#c92a2a,stroke-width:4px,stroke-dasharray:6 3');
    if (path.nodes.length > 0) out.push(`  class ${path.nodes.join(',')} onPath`);
    if (path.blockedAt) out.push(`  class ${path.blockedAt} blocked`);
  }
  const dim = d.nodes.filter((n) => n.kind === 'emptySubnets' || n.kind === 'vpcSummary').map((n) => n.id);
  if (dim.length > 0) out.push('  classDef dim stroke-dasharray:3 3', `  class ${dim.join(',')} dim`);
  return out.join('\n') + '\n';
}
