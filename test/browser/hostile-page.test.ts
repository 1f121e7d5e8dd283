// The HTML page and the SVG with hostile names, opened in Chromium: no injected script
// runs (no handler fires, no Content-Security-Policy violation is even attempted, which
// would mean markup escaped its text), no element comes from a name, and the names show
// as the characters they are.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDiagram } from '../../src/diagram/build-diagram.js';
import { overlayTrace } from '../../src/diagram/overlay-trace.js';
import { pathHighlight } from '../../src/diagram/path-highlight.js';
import { renderDot } from '../../src/diagram/render-dot.js';
import { renderHtml } from '../../src/diagram/render-html.js';
import { loadSvgRenderer } from '../../src/diagram/render-svg.js';
import { tracePageData } from '../../src/diagram/trace-page-data.js';
import { browserSkipReason, useChromium } from '../helpers/chromium.js';
import { scenario } from '../helpers/load.js';
import { checkTraces, cli, HOSTILE, hostileDiagram, hostileTopologyText, hostileTrace } from '../diagram/diagram-fixtures.js';

const skip = browserSkipReason();
const dir = mkdtempSync(join(tmpdir(), 'vpcsim-xss-'));

// Installed before any page script: records every sign of injected code.
const TRAPS = `
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.sample));
  window.alert = window.confirm = window.prompt = () => { window.__pwned = 'dialog'; };
`;

interface Evidence {
  readonly pwned: unknown;
  readonly violations: string[];
  readonly elements: string[];
  readonly handlers: string[];
  readonly text: string;
}

const EVIDENCE = `(() => ({
  pwned: window.__pwned,
  violations: window.__violations,
  elements: [...new Set([...document.querySelectorAll('*')].map((e) => e.localName))],
  handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => e.localName + ' ' + a.name)),
  text: document.documentElement.textContent,
}))()`;

describe.skipIf(skip !== undefined)(`hostile names in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const chromium = useChromium();

  async function open(name: string, content: string): Promise<Evidence> {
    const path = join(dir, name);
    writeFileSync(path, content);
    const page = await chromium().newPage();
    await page.addInitScript(TRAPS);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => { errors.push(`dialog ${d.message()}`); void d.dismiss(); });
    await page.goto(pathToFileURL(path).href);
    // Step through every trace and hop, so every name is put on the page.
    if (name.endsWith('.html')) {
      const count = (await page.evaluate(`document.querySelectorAll('#trace-select option').length`)) as number;
      for (let t = 0; t < count; t++) {
        await page.selectOption('#trace-select', String(t));
        await page.focus('#next');
        for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowRight');
      }
    }
    await page.waitForTimeout(200);
    const evidence = (await page.evaluate(EVIDENCE)) as Evidence;
    await page.close();
    expect(errors).toEqual([]);
    return evidence;
  }

  function expectInert(e: Evidence): void {
    expect(e.pwned).toBeUndefined();
    expect(e.violations).toEqual([]);
    expect(e.elements).not.toContain('img');
    expect(e.handlers).toEqual([]);
    expect(e.elements.filter((x) => x === 'script').length).toBeLessThanOrEqual(1);
  }

  it('the HTML page of a hostile topology (names from the file) runs nothing injected', async () => {
    const file = join(dir, 'hostile.yaml');
    writeFileSync(file, hostileTopologyText());
    const r = await cli('graph', file, '--checks', '--format', 'html');
    expect(r.code, r.err).toBe(0);
    const e = await open('from-file.html', r.out);
    expectInert(e);
    expect(e.text).toContain(HOSTILE.replace(/\n/g, ' ').slice(0, 60));
  }, 60_000);

  it('the HTML page with hostile text in every id, label, hop and sentence runs nothing injected', async () => {
    const d = hostileDiagram(buildDiagram(scenario('privatelink-endpoint-service')));
    const traces = checkTraces('privatelink-endpoint-service').map((x) => ({ group: HOSTILE, trace: hostileTrace(x.trace) }));
    const svg = (await loadSvgRenderer())(renderDot(d, { paths: traces.map((t, i) => ({ prefix: `t${i}`, highlight: pathHighlight(overlayTrace(d, t.trace)) })), hiddenPaths: true }));
    const html = renderHtml({ title: HOSTILE, description: HOSTILE, svg, traces: tracePageData(d, traces) });
    const e = await open('every-field.html', html);
    expectInert(e);
    // Shown as characters: the tag, the closing script tag and the entity, literally.
    expect(e.text).toContain('<img src=x onerror="window.__pwned=1">');
    expect(e.text).toContain('</script><script>window.__pwned=2</script>');
    expect(e.text).toContain('&amp;');
  }, 60_000);

  it('control: the same text put in unescaped is caught (the traps work)', async () => {
    const d = buildDiagram(scenario('privatelink-endpoint-service'));
    const svg = (await loadSvgRenderer())(renderDot(d));
    const html = renderHtml({ title: 'control', description: undefined, svg, traces: [] }).replace('<h1>control</h1>', `<h1>${HOSTILE}</h1>`);
    const path = join(dir, 'control.html');
    writeFileSync(path, html);
    const page = await chromium().newPage();
    await page.addInitScript(TRAPS);
    await page.goto(pathToFileURL(path).href);
    await page.waitForTimeout(300);
    const e = (await page.evaluate(EVIDENCE)) as Evidence;
    await page.close();
    // The page's policy blocks the injected handler and script, and the attempt is seen.
    expect(e.pwned).toBeUndefined();
    expect(e.violations.length).toBeGreaterThan(0);
    expect(e.elements).toContain('img');
  }, 60_000);

  it('the SVG of a hostile diagram, opened on its own, has no element from the names', async () => {
    const d = hostileDiagram(buildDiagram(scenario('privatelink-endpoint-service')));
    const svg = (await loadSvgRenderer())(renderDot(d));
    const e = await open('hostile.svg', svg);
    expectInert(e);
    expect(e.elements.filter((x) => x === 'script')).toEqual([]);
    expect(e.text).toContain('<img src=x onerror="window.__pwned=1">');
  }, 60_000);
});
