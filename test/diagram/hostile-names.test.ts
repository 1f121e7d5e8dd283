// Every name is user data. With hostile text in every free-text field of a topology, and
// in every id, label and sentence of a diagram and a trace, each format keeps it as text:
// Mermaid labels hold only safe characters and entity codes, Graphviz reads the DOT back
// to exactly the original labels, the SVG and HTML have no element or attribute made of
// it, and the page's JSON has no `<`. (The browser test proves the page runs no script.)
import { describe, expect, it } from 'vitest';
import { instance } from '@viz-js/viz';
import fc from 'fast-check';
import { buildDiagram } from '../../src/diagram/build-diagram.js';
import { dotText } from '../../src/diagram/escape-dot.js';
import { htmlText, jsonForScript } from '../../src/diagram/escape-html.js';
import { mermaidText } from '../../src/diagram/escape-mermaid.js';
import { overlayTrace } from '../../src/diagram/overlay-trace.js';
import { pathHighlight } from '../../src/diagram/path-highlight.js';
import { renderDot } from '../../src/diagram/render-dot.js';
import { renderMermaidFlowchart } from '../../src/diagram/render-mermaid-flowchart.js';
import { renderMermaidSequence } from '../../src/diagram/render-mermaid-sequence.js';
import { reportMarkdown } from '../../src/scenarios/report-markdown.js';
import { runCheckFiles } from '../../src/scenarios/run-check-files.js';
import { scenario } from '../helpers/load.js';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkTraces, cli, HOSTILE, hostileDiagram, hostileTopologyText, hostileTrace } from './diagram-fixtures.js';

const MERMAID_SAFE = /^[A-Za-z0-9 .,:/_()=+@'?!\[\]>#;-]*$/;

/** Text of a Mermaid line after its keyword and ids: the user text it carries. */
function mermaidTexts(source: string): string[] {
  const out: string[] = [];
  for (const line of source.split('\n')) {
    for (const m of line.matchAll(/"([^"]*)"/g)) out.push(...m[1]!.split('<br/>'));
    const message = /^\s*(?:p\d+-?-?>>p\d+|Note over [p\d,]+|participant p\d+ as|alt|else|%%)\s*:?\s(.*)$/.exec(line);
    if (message) out.push(...message[1]!.split('<br/>'));
  }
  return out;
}

function hostileInputs() {
  const d = buildDiagram(scenario('privatelink-endpoint-service'));
  const evil = hostileDiagram(d);
  const traces = checkTraces('privatelink-endpoint-service').slice(0, 2).map((x) => hostileTrace(x.trace));
  return { evil, traces, path: pathHighlight(overlayTrace(evil, traces[0]!)) };
}

describe('hostile names in every format', () => {
  it('escapers: only safe characters come out, and nothing is lost (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const m = mermaidText(s);
        expect(m).toMatch(MERMAID_SAFE);
        // Entity codes decode back to the text (line breaks were made spaces).
        expect(m.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))).toBe(s.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
        const d = dotText(s);
        expect(d).not.toMatch(/(^|[^\\])(\\\\)*"/);
        expect(d).not.toMatch(/[<>\n\r]/);
        expect(htmlText(s)).not.toMatch(/[<>"']/);
        const j = jsonForScript({ s });
        expect(j).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(j)).toEqual({ s });
      }),
    );
  });

  it('Mermaid flowchart and sequence diagram: every label is escaped, every line a statement', () => {
    const { evil, traces, path } = hostileInputs();
    for (const source of [renderMermaidFlowchart(evil, path), renderMermaidSequence(traces)]) {
      expect(source).not.toContain('<img');
      expect(source).not.toContain('\u0060');
      const texts = mermaidTexts(source);
      expect(texts.length).toBeGreaterThan(10);
      for (const t of texts) expect(t).toMatch(MERMAID_SAFE);
      // The hostile line break never splits a statement: each line starts as a statement does.
      for (const line of source.split('\n').filter(Boolean)) {
        expect(line).toMatch(/^(flowchart|sequenceDiagram|\s+(subgraph|end|n\d|c\d|p\d|linkStyle|classDef|class|autonumber|participant|Note|alt|else|%%))/);
      }
    }
  });

  it('DOT: Graphviz reads back exactly the original labels', async () => {
    const { evil, path } = hostileInputs();
    const viz = await instance();
    const json = viz.renderJSON(renderDot(evil, { paths: [{ prefix: 't0', highlight: path }] })) as { objects: { name: string; label?: string }[] };
    const decode = (s: string): string => s.replace(/\\n/g, '\n').replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const labels = new Map(json.objects.map((o) => [o.name, decode(o.label ?? '')]));
    const oneLine = HOSTILE.replace(/\n/g, ' ');
    for (const n of evil.nodes) expect(labels.get(n.id)).toBe(n.lines.map((l) => l.replace(/\n/g, ' ')).join('\n'));
    for (const c of evil.clusters) expect(labels.get(`cluster_${c.id}`)).toContain(oneLine);
  });

  it('SVG and HTML from the CLI with a hostile topology: no element or attribute from the names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcsim-hostile-'));
    const file = join(dir, 'hostile.yaml');
    writeFileSync(file, hostileTopologyText());
    for (const format of ['mermaid', 'dot', 'svg', 'html']) {
      const r = await cli('graph', file, '--checks', '--format', format);
      expect(r.code, r.err).toBe(0);
      expect(r.out).not.toContain('<img');
      expect(r.out).not.toContain('<script>window');
      expect(r.out).not.toContain('onerror="');
    }
    const seq = await cli('trace', file, '--from', 'client', '--to', 'vpce-api:443', '--format', 'mermaid');
    expect(seq.code).toBe(0);
    expect(seq.out).not.toContain('<img');
    for (const t of mermaidTexts(seq.out)) expect(t).toMatch(MERMAID_SAFE);
  });

  it('check Markdown: the diagrams of failing checks keep hostile names inside their fences', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcsim-hostile-'));
    const file = join(dir, 'hostile.yaml');
    // A check that fails on purpose, so there is a failing trace to draw (the private DNS
    // name is hostile, so the check by name is bad input, UNKNOWN_DNS_NAME, and draws nothing).
    const failing = `  - name: ${JSON.stringify(HOSTILE)}\n    from: client\n    to: vpce-api:443\n    expect: unreachable\n`;
    writeFileSync(file, `${hostileTopologyText().trimEnd()}\n${failing}`);
    const md = reportMarkdown(runCheckFiles([file]));
    const blocks = [...md.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) for (const t of mermaidTexts(b)) expect(t).toMatch(MERMAID_SAFE);
  });
});
