// The picture of a topology, before any output format: nested clusters (account and
// region, VPC, subnet), nodes for the things traffic crosses, and the edges that attach
// them. Renderers (Mermaid, DOT, SVG, HTML) read this; none of them reads the model.

/** Kinds of box a diagram draws (a closed list: every renderer switches over it). */
export const DIAGRAM_NODE_KINDS = [
  'instance',
  'networkInterface',
  'natGateway',
  'internetGateway',
  'routeTable',
  'endpoint',
  'endpointEni',
  'endpointService',
  'loadBalancer',
  'loadBalancerNode',
  'targetGroup',
  'ipTarget',
  'peeringConnection',
  'transitGateway',
  'transitGatewayAttachment',
  'internet',
  'internetHost',
  'virtualPrivateGateway',
  'vpnConnection',
  'directConnectGateway',
  'onPremisesNetwork',
  'onPremisesHost',
  'awsService',
  'vpcSummary',
  'emptySubnets',
] as const;

/** A kind of diagram node. */
export type DiagramNodeKind = (typeof DIAGRAM_NODE_KINDS)[number];

/** Kinds of cluster, outermost first. */
export const DIAGRAM_CLUSTER_KINDS = ['account', 'vpc', 'subnet'] as const;

/** A kind of cluster. */
export type DiagramClusterKind = (typeof DIAGRAM_CLUSTER_KINDS)[number];

/** Kinds of structural edge. */
export const DIAGRAM_EDGE_KINDS = ['attaches', 'routes', 'forwards', 'connects'] as const;

/** A kind of structural edge. */
export type DiagramEdgeKind = (typeof DIAGRAM_EDGE_KINDS)[number];

/** One box. `id` is generated (n0, n1, ...), safe in every format; `ref` is the model id. */
export interface DiagramNode {
  readonly id: string;
  readonly ref: string;
  readonly kind: DiagramNodeKind;
  /** Lines of text, user data, unescaped: the renderer escapes. */
  readonly lines: readonly string[];
  /** The cluster the node sits in, or undefined at the top level. */
  readonly cluster: string | undefined;
}

/** A nested group of nodes: an account and region, a VPC, a subnet. */
export interface DiagramCluster {
  readonly id: string;
  readonly ref: string;
  readonly kind: DiagramClusterKind;
  readonly lines: readonly string[];
  readonly parent: string | undefined;
}

/** A structural edge between two nodes. */
export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: DiagramEdgeKind;
  readonly label: string | undefined;
}

/** A whole diagram, in a deterministic order. */
export interface Diagram {
  readonly title: string;
  readonly clusters: readonly DiagramCluster[];
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  /** Model ids (resources, ENIs, AWS service names, 'internet') to the node that draws them. */
  readonly nodeOf: ReadonlyMap<string, string>;
}
