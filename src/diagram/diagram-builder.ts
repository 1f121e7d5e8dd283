// Collects the clusters, nodes and edges of a diagram as resources are placed, hands out
// the generated ids (c0.., n0..) in insertion order, and resolves edges given by model id.
import type { Diagram, DiagramCluster, DiagramClusterKind, DiagramEdgeKind, DiagramNode, DiagramNodeKind } from './diagram.js';

/** The mutable side of building a diagram; `finish` freezes it. */
export interface DiagramBuilder {
  /** Add a cluster for a model id; returns its generated id. */
  cluster(ref: string, kind: DiagramClusterKind, lines: readonly string[], parent: string | undefined): string;
  /** The generated id of the cluster drawn for a model id, if any. */
  clusterOf(ref: string): string | undefined;
  /** Add a node for a model id (once: a second call returns the first node's id). */
  node(ref: string, kind: DiagramNodeKind, lines: readonly string[], cluster: string | undefined): string;
  /** Let another model id (an ENI that is an instance's, an alias) be drawn by a node. */
  alias(ref: string, nodeRef: string): void;
  /** Add an edge between the nodes of two model ids; ignored when either is not drawn. */
  edge(fromRef: string, toRef: string, kind: DiagramEdgeKind, label?: string): void;
  has(ref: string): boolean;
  finish(title: string): Diagram;
}

interface PendingEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: DiagramEdgeKind;
  readonly label: string | undefined;
}

/** A fresh builder. */
export function diagramBuilder(): DiagramBuilder {
  const clusters: DiagramCluster[] = [];
  const clusterIds = new Map<string, string>();
  const nodes: DiagramNode[] = [];
  const nodeOf = new Map<string, string>();
  const pending: PendingEdge[] = [];
  return {
    cluster(ref, kind, lines, parent) {
      const existing = clusterIds.get(`${kind}:${ref}`);
      if (existing) return existing;
      const id = `c${clusters.length}`;
      clusters.push({ id, ref, kind, lines, parent });
      clusterIds.set(`${kind}:${ref}`, id);
      return id;
    },
    clusterOf(ref) {
      for (const c of clusters) if (c.ref === ref) return c.id;
      return undefined;
    },
    node(ref, kind, lines, cluster) {
      const existing = nodeOf.get(ref);
      if (existing) return existing;
      const id = `n${nodes.length}`;
      nodes.push({ id, ref, kind, lines, cluster });
      nodeOf.set(ref, id);
      return id;
    },
    alias(ref, nodeRef) {
      const id = nodeOf.get(nodeRef);
      if (id && !nodeOf.has(ref)) nodeOf.set(ref, id);
    },
    edge(from, to, kind, label) {
      pending.push({ from, to, kind, label });
    },
    has(ref) {
      return nodeOf.has(ref);
    },
    finish(title) {
      const seen = new Set<string>();
      const edges = [];
      for (const e of pending) {
        const from = nodeOf.get(e.from);
        const to = nodeOf.get(e.to);
        if (!from || !to || from === to) continue;
        const key = `${from}\u0000${to}\u0000${e.kind}\u0000${e.label ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        edges.push({ from, to, kind: e.kind, label: e.label });
      }
      return { title, clusters, nodes, edges, nodeOf };
    },
  };
}
