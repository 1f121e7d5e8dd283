// Bad input never crashes the CLI: every mutated scenario file, run through `validate`,
// `fmt`, `check` and `trace`, ends in a documented exit code (never 3, "internal error"),
// prints no stack trace, and a refused file gets at least one file:line:col diagnostic.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { loadTopologyText } from '../../src/model/load-topology.js';
import { mutatedFileArb, SCENARIO_TEXTS } from '../arbitraries/mutations.js';
import { checkAsyncProperty, PROPERTY_TIMEOUT_MS } from './property-runner.js';

const BOUND_MS = 2000;
const dir = mkdtempSync(join(tmpdir(), 'vpcsim-fuzz-'));
const file = join(dir, 'fuzz.yaml');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STACK = /^\s+at .+[(:]\d+:\d+\)?$/m;

async function run(args: string[]): Promise<{ code: number; out: string; err: string; ms: number }> {
  let out = '';
  let err = '';
  const started = performance.now();
  const code = await runCli(args, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {} });
  return { code, out, err, ms: performance.now() - started };
}

/** `file:line:col:` diagnostics in some output, as [line, col]. */
function positions(text: string): [number, number][] {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...text.matchAll(new RegExp(`^${escaped}:(\\d+):(\\d+): (error|warning) `, 'gm'))].map((m) => [Number(m[1]), Number(m[2])]);
}

// A flow for `trace`: the first check of the original scenario, which names real ids.
function flowOf(name: string): string[] {
  const t = loadTopologyText(name, SCENARIO_TEXTS.find((s) => s.name === name)!.text).topology;
  const c = t?.checks.find((x) => x.from.kind === 'list' && x.to.kind === 'list');
  if (!c || c.from.kind !== 'list' || c.to.kind !== 'list') return ['--from', 'internet', '--to', '8.8.8.8:443'];
  return ['--from', c.from.items[0]!, '--to', c.to.items[0]!, '--port', String(c.port ?? 443), '--protocol', c.protocol];
}

describe('fuzzing the CLI with mutated scenarios', () => {
  it('validate, fmt, check and trace end in exit 0, 1 or 2 with positioned diagnostics, never a crash', { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    await checkAsyncProperty('CLI fuzz', fc.asyncProperty(mutatedFileArb, async ({ file: name, text }) => {
      writeFileSync(file, text);
      const valid = loadTopologyText(file, text).topology !== undefined;
      const results = {
        validate: await run(['validate', file]),
        fmt: await run(['fmt', file]),
        check: await run(['check', file]),
        trace: await run(['trace', file, ...flowOf(name)]),
      };
      for (const [command, r] of Object.entries(results)) {
        const output = `${command} exited ${r.code}\n${r.out}\n${r.err}`;
        expect(r.code, output).not.toBe(3);
        expect([0, 1, 2], output).toContain(r.code);
        expect(r.out + r.err, output).not.toMatch(STACK);
        expect(r.out + r.err, output).not.toContain('internal error');
        expect(r.ms, `${command} took ${Math.round(r.ms)} ms`).toBeLessThan(BOUND_MS);
      }
      // validate and fmt agree with the loader; a refused file gets positioned diagnostics.
      expect(results.validate.code).toBe(valid ? 0 : 2);
      expect(results.fmt.code).toBe(valid ? 0 : 2);
      if (!valid) {
        for (const [stream, where] of [[results.validate.out, 'validate stdout'], [results.fmt.err, 'fmt stderr']] as const) {
          const found = positions(stream);
          expect(found.length, `${where}:\n${stream}`).toBeGreaterThan(0);
          for (const [line, col] of found) {
            expect(line).toBeGreaterThanOrEqual(1);
            expect(col).toBeGreaterThanOrEqual(1);
          }
        }
        expect(results.check.code).toBe(2);
      }
    }), { scale: 2 });
  });

  // A mapping key that is itself a collection once made the yaml library call
  // process.emitWarning next to our own UNKNOWN_KEY diagnostic; the loader now parses with
  // logLevel 'error', so only positioned diagnostics reach the user.
  it('loading writes no Node process warning (a collection used as a mapping key)', () => {
    const seen: string[] = [];
    const original = process.emitWarning;
    process.emitWarning = ((w: string | Error) => void seen.push(String(w))) as typeof process.emitWarning;
    try {
      loadTopologyText('key.yaml', '? { a: 1 }\n: x\nversion: 1\nname: n\n');
    } finally {
      process.emitWarning = original;
    }
    expect(seen).toEqual([]);
  });
});
