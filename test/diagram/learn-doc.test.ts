// docs/learn.md stays true: each `<!-- diagram: ARGS -->` marker is followed by exactly the
// Mermaid that `vpcsim ARGS` prints today (VPCSIM_UPDATE_DOCS=1 rewrites them), and each
// `<!-- break: scenario | text | replacement | CODE -->` exercise, applied to its scenario,
// makes a check fail with that explanation code or failure kind.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheckFiles } from '../../src/scenarios/run-check-files.js';
import { cli } from './diagram-fixtures.js';

const FILES = ['docs/learn.md', 'README.md'];
const DIAGRAM = /<!-- diagram: (.+?) -->\n(?:\n?```mermaid\n[\s\S]*?\n```\n)?/g;
const BREAK = /<!-- break: (.+?) -->/g;

async function mermaidOf(args: string): Promise<string> {
  const r = await cli(...args.split(' '));
  expect(r.err).toBe('');
  return r.out.trimEnd();
}

describe('the diagrams of the docs are what vpcsim prints', () => {
  for (const file of FILES) {
    it(file, async () => {
      const text = readFileSync(file, 'utf8');
      const markers = [...text.matchAll(DIAGRAM)];
      if (file === 'docs/learn.md') expect(markers.length).toBeGreaterThanOrEqual(11);
      let fresh = text;
      for (const m of markers) fresh = fresh.replace(m[0], `<!-- diagram: ${m[1]} -->\n\n\`\`\`mermaid\n${await mermaidOf(m[1]!)}\n\`\`\`\n`);
      if (process.env.VPCSIM_UPDATE_DOCS) {
        writeFileSync(file, fresh);
        return;
      }
      expect(fresh === text, `${file}: a diagram is out of date; run VPCSIM_UPDATE_DOCS=1 npx vitest run test/diagram/learn-doc.test.ts`).toBe(true);
    }, 60_000);
  }
});

describe('the "break it" exercises of docs/learn.md', () => {
  const exercises = [...readFileSync('docs/learn.md', 'utf8').matchAll(BREAK)].map((m) => m[1]!.split(' | '));
  it('there is one per lesson', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(11);
  });
  const dir = mkdtempSync(join(tmpdir(), 'vpcsim-learn-'));
  for (const [name, from, to, token] of exercises) {
    it(`${name}: ${from} -> ${to} fails a check with ${token}`, () => {
      const text = readFileSync(`scenarios/${name}.yaml`, 'utf8');
      expect(text.split(from!).length, `"${from}" must appear once in ${name}`).toBe(2);
      const file = join(dir, `${name}.yaml`);
      writeFileSync(file, text.replace(from!, to!));
      const run = runCheckFiles([file]);
      expect(run.invalidFiles).toBe(0);
      const failures = run.files.flatMap((f) => f.checks).flatMap((c) => c.failures);
      expect(failures.length).toBeGreaterThan(0);
      expect(failures.flatMap((f) => [f.kind, ...f.codes])).toContain(token);
    });
  }
});
