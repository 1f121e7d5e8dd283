// `vpcsim graph` in every format on every bundled scenario: it draws (exit 0), the DOT is
// read by Graphviz, the SVG is one <svg> document, the HTML page is self-contained, and
// the output is byte-identical from run to run.
import { describe, expect, it } from 'vitest';
import { GRAPH_FORMATS } from '../../src/diagram/draw-topology.js';
import { loadSvgRenderer } from '../../src/diagram/render-svg.js';
import { cli, SCENARIOS } from './diagram-fixtures.js';

describe('vpcsim graph on every bundled scenario', () => {
  for (const name of SCENARIOS) {
    it(`${name}: every format draws, with the checks' traces`, async () => {
      const file = `scenarios/${name}.yaml`;
      const svg = await loadSvgRenderer();
      for (const format of GRAPH_FORMATS) {
        const r = await cli('graph', file, '--checks', '--format', format);
        expect(r.code, `${format}: ${r.err}`).toBe(0);
        expect(r.out.length).toBeGreaterThan(100);
        const again = await cli('graph', file, '--checks', '--format', format);
        expect(again.out === r.out, `${format} output differs between runs`).toBe(true);
        switch (format) {
          case 'mermaid':
            expect(r.out.startsWith('flowchart LR\n')).toBe(true);
            break;
          case 'dot':
            expect(() => svg(r.out)).not.toThrow();
            break;
          case 'svg':
            expect(r.out).toMatch(/<svg[\s\S]*<\/svg>\s*$/);
            break;
          case 'html':
            expect(r.out.startsWith('<!DOCTYPE html>')).toBe(true);
            // Nothing the page could fetch: no src or href attributes, no url() in styles.
            expect(r.out).not.toMatch(/\s(src|href)\s*=|url\(|@import/i);
            break;
        }
      }
    });
  }

  it('bad input: no file, an unknown format, an unknown VPC to focus on, exit 2', async () => {
    const file = 'scenarios/privatelink-endpoint-service.yaml';
    expect((await cli('graph')).code).toBe(2);
    expect((await cli('graph', file, '--format', 'png')).code).toBe(2);
    const focus = await cli('graph', file, '--focus', 'vpc-consumr');
    expect(focus.code).toBe(2);
    expect(focus.err).toContain('vpc-consumer');
    expect((await cli('graph', file, '--checks', '--from', 'client', '--to', 'api-1:8443')).code).toBe(2);
    expect((await cli('graph', file, '-o', file)).code).toBe(2);
    expect((await cli('graph', file, '--from', 'nobody', '--to', 'api-1:8443')).code).toBe(2);
  });

  it('an unreachable flow is still drawn: exit 0, the blocked box marked', async () => {
    const r = await cli('graph', 'scenarios/privatelink-endpoint-service.yaml', '--from', 'api-1', '--to', 'client:443');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}class n\d+ blocked$/m);
  });
});
