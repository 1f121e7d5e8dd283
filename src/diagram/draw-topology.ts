// The one entry point of diagrams: a topology, the traces to draw on it, and a format ->
// the text of the drawing. Mermaid, DOT and SVG draw the first trace's forward path; the
// HTML page carries every trace and steps through each.
import type { Topology } from '../model/topology.js';
import { buildDiagram, type DiagramOptions } from './build-diagram.js';
import { overlayTrace } from './overlay-trace.js';
import { pathHighlight } from './path-highlight.js';
import { renderDot } from './render-dot.js';
import { renderHtml } from './render-html.js';
import { renderMermaidFlowchart } from './render-mermaid-flowchart.js';
import { loadSvgRenderer, type SvgRenderer } from './render-svg.js';
import { tracePageData, type LabelledTrace } from './trace-page-data.js';

/** Output formats of `vpcsim graph`. */
export const GRAPH_FORMATS = ['mermaid', 'dot', 'svg', 'html'] as const;

/** An output format of `vpcsim graph`. */
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** Draw a topology in a format; `svg` renders with the given renderer or loads one. */
export async function drawTopology(
  topology: Topology,
  format: GraphFormat,
  traces: readonly LabelledTrace[],
  options: DiagramOptions = {},
  svgRenderer?: SvgRenderer,
): Promise<string> {
  const diagram = buildDiagram(topology, options);
  const first = traces[0] ? pathHighlight(overlayTrace(diagram, traces[0].trace)) : undefined;
  const paths = first ? [{ prefix: 't0', highlight: first }] : [];
  switch (format) {
    case 'mermaid':
      return renderMermaidFlowchart(diagram, first);
    case 'dot':
      return renderDot(diagram, { paths });
    case 'svg':
      return (svgRenderer ?? (await loadSvgRenderer()))(renderDot(diagram, { paths }));
    case 'html': {
      const all = traces.map((t, i) => ({ prefix: `t${i}`, highlight: pathHighlight(overlayTrace(diagram, t.trace)) }));
      const svg = (svgRenderer ?? (await loadSvgRenderer()))(renderDot(diagram, { paths: all, hiddenPaths: true }));
      return renderHtml({ title: topology.name, description: topology.description, svg, traces: tracePageData(diagram, traces) });
    }
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}
