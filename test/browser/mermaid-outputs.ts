// Every Mermaid text vpcsim produces for the bundled scenarios (topology flowcharts with
// and without a path, sequence diagrams of every check's traces, the check Markdown
// summary's diagrams) and every Mermaid block of the README and docs/, for the browser
// test that renders them all with the mermaid library.
import { readdirSync, readFileSync } from 'node:fs';
import { buildDiagram } from '../../src/diagram/build-diagram.js';
import { overlayTrace } from '../../src/diagram/overlay-trace.js';
import { pathHighlight } from '../../src/diagram/path-highlight.js';
import { renderMermaidFlowchart } from '../../src/diagram/render-mermaid-flowchart.js';
import { renderMermaidSequence } from '../../src/diagram/render-mermaid-sequence.js';
import { traceFlow } from '../../src/engine/trace-flow.js';
import { reportMarkdown } from '../../src/scenarios/report-markdown.js';
import { runCheckFiles } from '../../src/scenarios/run-check-files.js';
import { scenario } from '../helpers/load.js';
import { checkTraces, SCENARIOS } from '../diagram/diagram-fixtures.js';

/** One Mermaid text and where it came from. */
export interface MermaidOutput {
  readonly name: string;
  readonly text: string;
}

/** The ```mermaid blocks of a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^(`{3,})mermaid\n([\s\S]*?)\n\1$/gm)].map((m) => m[2]!);
}

/** Every Mermaid output of the bundled scenarios and the documentation. */
export function mermaidOutputs(): MermaidOutput[] {
  const out: MermaidOutput[] = [];
  for (const name of SCENARIOS) {
    const t = scenario(name);
    const d = buildDiagram(t);
    out.push({ name: `${name} flowchart`, text: renderMermaidFlowchart(d) });
    const traces = checkTraces(name);
    const groups = new Map<string, typeof traces>();
    for (const x of traces) groups.set(x.group, [...(groups.get(x.group) ?? []), x]);
    const first = traces[0];
    if (first) out.push({ name: `${name} flowchart with the path of "${first.group}"`, text: renderMermaidFlowchart(d, pathHighlight(overlayTrace(d, first.trace))) });
    for (const [group, list] of groups) {
      out.push({ name: `${name} sequence of "${group}"`, text: renderMermaidSequence(list.map((x) => x.trace)) });
    }
    mermaidBlocks(reportMarkdown(runCheckFiles([`scenarios/${name}.yaml`], traceFlow))).forEach((text, i) => out.push({ name: `${name} check summary diagram ${i + 1}`, text }));
  }
  const docs = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  for (const file of docs) mermaidBlocks(readFileSync(file, 'utf8')).forEach((text, i) => out.push({ name: `${file} block ${i + 1}`, text }));
  return out;
}
