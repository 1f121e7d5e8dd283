// `vpcsim validate`, run in-process: every corpus file with an error exits 2 and prints
// `file:line:col: error CODE: message` for each expected diagnostic (warning-only files
// exit 0); `--format json` carries code, line and col; bundled scenarios exit 0; hostile
// inputs exit 2 in seconds (bounded work); no output ever holds a stack trace.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { loadTopologyFile } from '../../src/model/load-topology.js';
import { CORPUS_DIR, corpusFiles, expectedOf } from '../helpers/bad-input.js';
import { hostileInputs } from '../helpers/hostile-inputs.js';

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function run(args: readonly string[], isTTY = false): Promise<Run> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    stdout: { write: (s: string) => (out += s), isTTY },
    stderr: { write: (s: string) => (err += s) },
    env: {},
  });
  expect(`${out}\n${err}`).not.toContain('    at ');
  return { code, out, err };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface JsonOutput {
  valid: boolean;
  files: { file: string; valid: boolean; diagnostics: { file: string; line: number; col: number; code: string; severity: string; message: string }[] }[];
}

const scratch = mkdtempSync(join(tmpdir(), 'vpcsim-validate-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('vpcsim validate on the bad-input corpus', () => {
  for (const file of corpusFiles()) {
    const path = join(CORPUS_DIR, file);
    const expected = expectedOf(readFileSync(path, 'utf8'));
    const hasError = loadTopologyFile(path).diagnostics.some((d) => d.severity === 'error');

    it(`${file}: exit ${hasError ? 2 : 0}, one "file:line:col: severity CODE:" line per expected diagnostic`, async () => {
      const r = await run(['validate', path]);
      expect(r.code).toBe(hasError ? 2 : 0);
      const printed = [...r.out.matchAll(new RegExp(`^${escape(path)}:(\\d+):(\\d+): (error|warning) ([A-Z][A-Z0-9_]*): \\S`, 'gm'))].map(
        (m) => `${m[4]}@${m[1]}:${m[2]}`,
      );
      expect(printed.sort()).toEqual([...expected].sort());
      if (hasError) expect(r.out).toMatch(new RegExp(`^${escape(path)}:\\d+:\\d+: error `, 'm'));
    });

    it(`${file}: --format json carries code, line and col`, async () => {
      const r = await run(['validate', '--format', 'json', path]);
      expect(r.code).toBe(hasError ? 2 : 0);
      const json = JSON.parse(r.out) as JsonOutput;
      expect(json.valid).toBe(!hasError);
      expect(json.files.map((f) => f.file)).toEqual([path]);
      const diagnostics = json.files[0]!.diagnostics;
      expect(diagnostics.map((d) => `${d.code}@${d.line}:${d.col}`).sort()).toEqual([...expected].sort());
      for (const d of diagnostics) {
        expect(d.file).toBe(path);
        expect(['error', 'warning']).toContain(d.severity);
        expect(d.message.length).toBeGreaterThan(0);
      }
    });
  }

  it('prints a caret excerpt under each diagnostic on a terminal, and still exits 2', async () => {
    const path = join(CORPUS_DIR, 'cidr-host-bits.yaml');
    const r = await run(['validate', path], true);
    expect(r.code).toBe(2);
    const lines = r.out.split('\n');
    const head = lines.findIndex((l) => l.startsWith(`${path}:`) && l.includes(' error CIDR_HOST_BITS: '));
    expect(head).toBeGreaterThanOrEqual(0);
    expect(lines[head + 1]).toContain('10.0.1.5/24');
    expect(lines[head + 2]).toMatch(/\|\s+\^+/);
  });

  it('reports every file of a folder in one run, and exits 2 when any has an error', async () => {
    const r = await run(['validate', CORPUS_DIR]);
    expect(r.code).toBe(2);
    for (const file of corpusFiles()) expect(r.out).toContain(`${join(CORPUS_DIR, file)}: `);
  });
});

describe('vpcsim validate on valid input', () => {
  it('exits 0 on every bundled scenario, in text and JSON', async () => {
    const text = await run(['validate', 'scenarios']);
    expect(text.code, text.out).toBe(0);
    expect(text.out).not.toMatch(/: error [A-Z_]+: /);
    const json = await run(['validate', '--format', 'json', 'scenarios']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as JsonOutput;
    expect(parsed.valid).toBe(true);
    expect(parsed.files.length).toBeGreaterThan(0);
    expect(parsed.files.every((f) => f.valid)).toBe(true);
  });
});

describe('vpcsim validate on missing and hostile input', () => {
  it('exits 2 on a file that does not exist', async () => {
    const path = join(scratch, 'missing.yaml');
    const r = await run(['validate', path]);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${path}:1:1: error FILE_UNREADABLE: `);
  });

  for (const input of hostileInputs()) {
    // Bounded work, not speed (speed is `npm run bench`'s): each input ends in about 0.1 s on
    // an idle machine; the ceiling only catches work that grows with the input (an alias
    // bomb expanded, a nesting scanned quadratically), which takes minutes, whatever the load.
    it(`${input.name}: exit 2 with a positioned ${input.code}, in seconds`, { timeout: 60_000 }, async () => {
      const path = join(scratch, input.name);
      writeFileSync(path, input.bytes);
      const start = performance.now();
      const r = await run(['validate', path]);
      const ms = performance.now() - start;
      expect(ms).toBeLessThan(15_000);
      expect(r.code).toBe(2);
      expect(r.out).toMatch(new RegExp(`^${escape(path)}:\\d+:\\d+: error ${input.code}: \\S`, 'm'));
      const json = await run(['validate', '--format', 'json', path]);
      expect(json.code).toBe(2);
      const parsed = JSON.parse(json.out) as JsonOutput;
      expect(parsed.files[0]!.diagnostics.map((d) => d.code)).toEqual([input.code]);
    });
  }

  it('never prints a stack trace for a hostile file on a terminal either', async () => {
    for (const input of hostileInputs()) {
      const path = join(scratch, `tty-${input.name}`);
      writeFileSync(path, input.bytes);
      const r = await run(['validate', path], true);
      expect(r.code).toBe(2);
    }
  });
});
