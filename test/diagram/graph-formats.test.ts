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

describe('check --format markdown', () => {
  it('embeds a Mermaid sequence diagram per failing pair, after its text trace', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'vpcsim-md-'));
    const file = join(dir, 'broken.yaml');
    // The classic mistake: the target allows the consumer's CIDR, so both reachable checks fail.
    writeFileSync(file, readFileSync('scenarios/privatelink-endpoint-service.yaml', 'utf8').replace('ports: 8443, cidr: 10.1.0.0/16', 'ports: 8443, cidr: 10.2.0.0/16'));
    const r = await cli('check', file, '--format', 'markdown');
    expect(r.code).toBe(1);
    const blocks = [...r.out.matchAll(/^```mermaid\n(sequenceDiagram\n[\s\S]*?)\n```$/gm)];
    // Two failing checks; the name resolves to two addresses, and the first failing trace of each pair is kept.
    expect(blocks.length).toBe(2);
    for (const b of blocks) expect(b[1]).toMatch(/STOP: security group sg-api: denied/);
    expect(r.out.indexOf('```text')).toBeLessThan(r.out.indexOf('```mermaid'));
  });
});
