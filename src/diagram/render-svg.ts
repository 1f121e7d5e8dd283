// DOT -> SVG in-process, with Graphviz compiled to WebAssembly (@viz-js/viz): no system
// binary, the same layout as `dot -Tsvg`. Loading the WebAssembly takes about 0.1 s, so a
// caller that renders many diagrams loads one renderer and reuses it.
import { instance } from '@viz-js/viz';

/** Renders DOT to an SVG document; throws on DOT Graphviz cannot read (a bug in our DOT). */
export type SvgRenderer = (dot: string) => string;

/** Load Graphviz and return a renderer. */
export async function loadSvgRenderer(): Promise<SvgRenderer> {
  const viz = await instance();
  return (dot) => {
    const result = viz.render(dot, { format: 'svg' });
    if (result.status !== 'success') throw new Error(`Graphviz could not read the DOT: ${result.errors.map((e) => e.message).join('; ')}`);
    return result.output;
  };
}

/** The `<svg>` element of an SVG document, without the XML declaration and doctype. */
export function svgElement(svg: string): string {
  const start = svg.indexOf('<svg');
  return start < 0 ? svg : svg.slice(start);
}
