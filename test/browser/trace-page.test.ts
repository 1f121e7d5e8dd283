// The HTML trace page in headless Chromium: it fetches nothing, steps through the bundled
// PrivateLink trace with the keyboard and the buttons, highlights at each hop the box of
// the hop's component (or, for a filter or DNS answer, the box the packet is at) and shows
// the hop's rule location, switches traces from the list, marks where an unreachable flow
// stopped, and paints a screenshot that is not blank, in light and dark themes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Hop } from '../../src/engine/trace.js';
import { traceFlow } from '../../src/engine/trace-flow.js';
import type { TraceResult } from '../../src/engine/query.js';
import { formatSpan } from '../../src/model/span.js';
import { browserSkipReason, inkFraction, useChromium, type Chromium } from '../helpers/chromium.js';
import { scenario } from '../helpers/load.js';
import { cli } from '../diagram/diagram-fixtures.js';

const FILE = 'scenarios/privatelink-endpoint-service.yaml';
const skip = browserSkipReason();
const out = mkdtempSync(join(tmpdir(), 'vpcsim-page-'));

/** Screenshots land here (kept for a person to look at when VPCSIM_SCREENSHOTS names a folder). */
const shots = process.env.VPCSIM_SCREENSHOTS ?? out;

async function page(browser: Chromium, args: string[], name: string, scheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const r = await cli('graph', FILE, '--format', 'html', ...args);
  expect(r.code, r.err).toBe(0);
  const path = join(out, `${name}.html`);
  writeFileSync(path, r.out);
  const p = await browser.newPage({ colorScheme: scheme });
  const url = pathToFileURL(path).href;
  const requests: string[] = [];
  const errors: string[] = [];
  p.on('request', (req) => { if (req.url() !== url) requests.push(req.url()); });
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await p.goto(url);
  return { page: p, requests, errors };
}

interface Shown {
  readonly current: string[];
  readonly currentText: string;
  readonly location: string | null;
  readonly component: string | null;
  readonly pressed: string | null;
}

const SHOWN = `(() => {
  const current = [...document.querySelectorAll('#diagram svg .node.current')];
  const field = (f) => { const e = document.querySelector('#details [data-field="' + f + '"]'); return e ? e.textContent : null; };
  const pressed = document.querySelector('#hops button[aria-current="step"]');
  return { current: current.map((e) => e.id), currentText: current.map((e) => e.textContent).join(' | '), location: field('location'), component: field('component'), pressed: pressed ? pressed.textContent : null };
})()`;

// Hops at things the diagram has no box for happen at the box the packet is at.
const BOXLESS = new Set(['dns', 'securityGroup', 'networkAcl', 'targetGroup']);

describe.skipIf(skip !== undefined)(`the HTML trace page in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const chromium = useChromium();

  it('steps through the PrivateLink trace: the highlighted box and the shown rule at every hop', async () => {
    const { page: p, requests, errors } = await page(chromium(), ['--from', 'client', '--to', 'api.example.com:443'], 'privatelink');
    const result = traceFlow(scenario('privatelink-endpoint-service'), { from: 'client', to: 'api.example.com', protocol: 'tcp', port: 443 }) as TraceResult;
    const trace = result.traces[0]!;
    const hops: Hop[] = [...trace.hops, ...trace.returnHops];
    let box = '';
    for (let i = 0; i < hops.length; i++) {
      const h = hops[i]!;
      if (i > 0) await (i % 2 === 0 ? p.keyboard.press('ArrowRight') : p.click('#next'));
      const shown = (await p.evaluate(SHOWN)) as Shown;
      expect(shown.component, `hop ${i + 1}`).toBe(`${h.component.kind} ${h.component.id}`);
      expect(shown.location, `hop ${i + 1}`).toBe(h.location ? formatSpan(h.location) : null);
      expect(shown.pressed, `hop ${i + 1}`).toContain(h.component.id);
      if (!BOXLESS.has(h.component.kind)) {
        // The hop's own box: its label names the component (an instance's box names it).
        expect(shown.current, `hop ${i + 1} ${h.component.id}`).toHaveLength(1);
        expect(shown.currentText, `hop ${i + 1}`).toContain(h.component.id);
        box = shown.current[0]!;
      } else if (h.component.kind === 'targetGroup') {
        expect(shown.currentText).toContain(h.component.id);
      } else if (box !== '') {
        expect(shown.current, `hop ${i + 1} ${h.component.kind} at the box before`).toEqual([box]);
      } else {
        expect(shown.current, 'the DNS answer happens at the client').toHaveLength(1);
      }
    }
    // Past the end stays at the end; Home goes back to the first hop.
    await p.keyboard.press('ArrowRight');
    expect(((await p.evaluate(SHOWN)) as Shown).component).toBe(`${hops.at(-1)!.component.kind} ${hops.at(-1)!.component.id}`);
    expect(await p.isDisabled('#next')).toBe(true);
    await p.keyboard.press('Home');
    expect(((await p.evaluate(SHOWN)) as Shown).component).toBe(`dns ${hops[0]!.component.id}`);
    // The path's edges are drawn for this trace and numbered.
    const edges = await p.evaluate(`[...document.querySelectorAll('#diagram svg .edge.path:not(.hidden)')].map((e) => e.id)`);
    expect((edges as string[]).every((id) => id.startsWith('t0-'))).toBe(true);
    expect((edges as string[]).length).toBeGreaterThan(4);

    // The second trace (the endpoint's other interface) from the list.
    await p.selectOption('#trace-select', '1');
    const second = (await p.evaluate(SHOWN)) as Shown;
    expect(second.component).toBe(`dns ${result.traces[1]!.hops[0]!.component.id}`);
    expect(await p.textContent('#verdict')).toContain('10.2.2.4');
    await p.keyboard.press('End');
    const last = result.traces[1]!.returnHops.at(-1)!;
    expect(((await p.evaluate(SHOWN)) as Shown).component).toBe(`${last.component.kind} ${last.component.id}`);

    // Clicking a hop in the list shows it.
    await p.click('#hops li:nth-child(3) button');
    expect(((await p.evaluate(SHOWN)) as Shown).location).toBe(formatSpan(result.traces[1]!.hops[1]!.location!));

    const png = await p.screenshot({ path: join(shots, 'trace-page-light.png') });
    expect(await inkFraction(chromium(), png)).toBeGreaterThan(0.02);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await p.close();
  }, 60_000);

  it('keyboard only: Tab reaches the list, the buttons and the hops; arrows move from a focused hop', async () => {
    const { page: p } = await page(chromium(), ['--from', 'client', '--to', 'api.example.com:443', '--pin', '10.2.1.4'], 'keyboard');
    const focused: string[] = [];
    for (let i = 0; i < 6; i++) {
      await p.keyboard.press('Tab');
      focused.push((await p.evaluate(`document.activeElement.id || document.activeElement.tagName`)) as string);
    }
    expect(focused).toEqual(expect.arrayContaining(['theme', 'trace-select', 'next']));
    // Into the hop list, then Down twice: focus follows the current hop.
    await p.focus('#hops li:nth-child(2) button');
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('ArrowDown');
    const active = (await p.evaluate(`document.activeElement.getAttribute('aria-current') + ' ' + document.activeElement.dataset.step`)) as string;
    expect(active).toBe('step 2');
    await p.close();
  }, 60_000);

  it('an unreachable flow: UNREACHABLE with its code, the box where it stopped marked; readable in the dark theme', async () => {
    const { page: p, errors } = await page(chromium(), ['--from', 'api-1', '--to', 'client:443'], 'unreachable', 'dark');
    expect(await p.textContent('#verdict')).toContain('UNREACHABLE');
    expect(await p.textContent('#verdict')).toContain('NO_ROUTE_TO_DESTINATION');
    const blocked = (await p.evaluate(`[...document.querySelectorAll('#diagram svg .node.blocked')].map((e) => e.textContent)`)) as string[];
    expect(blocked).toHaveLength(1);
    expect(blocked[0]).toContain('vpc-provider/main');
    // Dark theme: the page background is dark and the diagram's text light.
    const colours = (await p.evaluate(`[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('#diagram svg text')).fill]`)) as string[];
    expect(colours[0]).toBe('rgb(13, 17, 23)');
    expect(colours[1]).toBe('rgb(230, 237, 243)');
    await p.keyboard.press('End');
    const png = await p.screenshot({ path: join(shots, 'trace-page-dark.png') });
    expect(await inkFraction(chromium(), png)).toBeGreaterThan(0.02);
    expect(errors).toEqual([]);
    await p.close();
  }, 60_000);

  it('the checks of a file, selectable from the list (failing pairs and passing checks)', async () => {
    const { page: p } = await page(chromium(), ['--checks'], 'checks');
    const options = (await p.evaluate(`[...document.querySelectorAll('#trace-select optgroup')].map((g) => g.label)`)) as string[];
    expect(options.length).toBe(scenario('privatelink-endpoint-service').checks.length);
    expect(options.every((o) => o.startsWith('pass '))).toBe(true);
    await p.close();
  }, 60_000);
});
