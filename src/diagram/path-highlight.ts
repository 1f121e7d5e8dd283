// What the static formats (Mermaid, DOT, SVG) draw of a trace: the numbered path edges,
// the boxes on the path, the box where the flow stopped, and which structural edges the
// path replaces (a path edge along an existing edge is drawn once, as the path).
import type { Diagram, DiagramEdge } from './diagram.js';
import type { PathEdge, TracePath } from './overlay-trace.js';

/** A trace's path ready to draw over a diagram. */
export interface PathHighlight {
  readonly edges: readonly PathEdge[];
  readonly nodes: readonly string[];
  readonly blockedAt: string | undefined;
}

/** The forward path of a placed trace (the return path is in the HTML step-through). */
export function pathHighlight(path: TracePath): PathHighlight {
  const edges = path.edges.filter((e) => e.direction === 'forward');
  const nodes = new Set<string>();
  for (const s of path.steps) {
    if (s.direction !== 'forward') continue;
    if (s.node !== undefined) nodes.add(s.node);
    if (s.also !== undefined) nodes.add(s.also);
  }
  return { edges, nodes: [...nodes], blockedAt: path.blockedAt };
}

/** The diagram's edges that a path edge does not already draw (in either direction). */
export function edgesBesidePath(d: Diagram, h: PathHighlight | undefined): DiagramEdge[] {
  if (!h) return [...d.edges];
  const onPath = new Set(h.edges.flatMap((e) => [`${e.from}|${e.to}`, `${e.to}|${e.from}`]));
  return d.edges.filter((e) => !onPath.has(`${e.from}|${e.to}`));
}
