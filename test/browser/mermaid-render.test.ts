// The browser half of the Mermaid promise: every Mermaid text vpcsim produces for the
// bundled scenarios, and every Mermaid block of the docs, renders with the mermaid library
// (the one GitHub uses) in headless Chromium without a syntax error; hostile names render
// as text, never as markup or script.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildDiagram } from '../../src/diagram/build-diagram.js';
import { overlayTrace } from '../../src/diagram/overlay-trace.js';
import { pathHighlight } from '../../src/diagram/path-highlight.js';
import { renderMermaidFlowchart } from '../../src/diagram/render-mermaid-flowchart.js';
import { renderMermaidSequence } from '../../src/diagram/render-mermaid-sequence.js';
import { browserSkipReason, useChromium } from '../helpers/chromium.js';
import { scenario } from '../helpers/load.js';
import { checkTraces, HOSTILE, hostileDiagram, hostileTrace } from '../diagram/diagram-fixtures.js';
import { mermaidOutputs, type MermaidOutput } from './mermaid-outputs.js';

const MERMAID = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
const skip = browserSkipReason();

interface Rendered {
  readonly name: string;
  readonly error: string | undefined;
  readonly text: string;
  readonly elements: readonly string[];
}

// Renders in the page; kept as text because this project's TypeScript has no DOM types.
const RENDER_ALL = `async (items) => {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  const out = [];
  for (let i = 0; i < items.length; i++) {
    const host = document.createElement('div');
    document.body.appendChild(host);
    try {
      const { svg } = await mermaid.render('m' + i, items[i].text);
      host.innerHTML = svg;
      const names = new Set([...host.querySelectorAll('*')].map((e) => e.localName));
      out.push({ name: items[i].name, error: undefined, text: host.textContent, elements: [...names] });
    } catch (e) {
      out.push({ name: items[i].name, error: String(e && e.message || e), text: '', elements: [] });
    }
  }
  return out;
}`;

describe.skipIf(skip !== undefined)(`Mermaid outputs render in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const chromium = useChromium();

  async function render(items: readonly MermaidOutput[]): Promise<Rendered[]> {
    const page = await chromium().newPage();
    await page.setContent('<!DOCTYPE html><html><body></body></html>');
    await page.addScriptTag({ path: MERMAID });
    const result = (await page.evaluate(`(${RENDER_ALL})(${JSON.stringify(items)})`)) as Rendered[];
    const pwned = await page.evaluate('window.__pwned');
    await page.close();
    expect(pwned).toBeUndefined();
    return result;
  }

  it('every Mermaid output of the bundled scenarios and docs renders', async () => {
    const items = mermaidOutputs();
    expect(items.length).toBeGreaterThan(40);
    // A broken text must fail, or the harness proves nothing.
    const results = await render([...items, { name: 'control', text: 'flowchart LR\n  a["unclosed --> b' }]);
    expect(results.pop()?.error).toBeDefined();
    expect(results.filter((r) => r.error !== undefined).map((r) => `${r.name}: ${r.error}`)).toEqual([]);
  }, 120_000);

  it('hostile names render as text in the flowchart and the sequence diagram', async () => {
    const d = buildDiagram(scenario('privatelink-endpoint-service'));
    const evil = hostileDiagram(d);
    const traces = checkTraces('privatelink-endpoint-service').slice(0, 2).map((x) => hostileTrace(x.trace));
    const flow = renderMermaidFlowchart(evil, pathHighlight(overlayTrace(evil, traces[0]!)));
    const results = await render([
      { name: 'hostile flowchart', text: flow },
      { name: 'hostile sequence', text: renderMermaidSequence(traces) },
    ]);
    for (const r of results) {
      expect(r.error, r.name).toBeUndefined();
      // The markup arrives as characters: one line of the hostile text, in full.
      expect(r.text, r.name).toContain(HOSTILE.split('\n')[0]!.slice(0, 40));
      expect(r.elements, r.name).not.toContain('img');
      expect(r.elements, r.name).not.toContain('script');
    }
  }, 60_000);
});
