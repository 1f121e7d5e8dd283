// The check corpus (test/scenarios/check-corpus): each file starts with `# exit: N` and
// `# expect: CODE@line:col` lines naming exactly what `vpcsim check FILE` reports: load
// diagnostics, check errors (at the value that is wrong) and failed pairs (by failure kind,
// at the check). Codes and positions, never message text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

const DIR = 'test/scenarios/check-corpus';

interface Expected {
  readonly exit: number;
  readonly found: readonly string[];
}

function expectedOf(text: string): Expected {
  let exit = -1;
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const e = /^# exit: (\d)\s*$/.exec(line);
    const f = /^# expect: ([A-Z][A-Z0-9_]*@\d+:\d+)\s*$/.exec(line);
    if (e) exit = Number(e[1]);
    else if (f) found.push(f[1]!);
    else break;
  }
  return { exit, found };
}

interface Loc { readonly line: number; readonly col: number }
interface JsonReport {
  files: {
    diagnostics: { code: string; location: Loc }[];
    checks: { line: number; col: number; failures: { kind: string }[]; errors: { code: string; location: Loc }[] }[];
  }[];
}

/** What a JSON report says, as CODE@line:col: diagnostics, check errors, failed pairs. */
export function reported(json: string): string[] {
  const r = JSON.parse(json) as JsonReport;
  const out: string[] = [];
  for (const f of r.files) {
    for (const d of f.diagnostics) out.push(`${d.code}@${d.location.line}:${d.location.col}`);
    for (const c of f.checks) {
      for (const e of c.errors) out.push(`${e.code}@${e.location.line}:${e.location.col}`);
      for (const p of c.failures) out.push(`${p.kind}@${c.line}:${c.col}`);
    }
  }
  return out.sort();
}

async function check(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['check', file, '--format', 'json'], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {} });
  return { code, stdout, stderr };
}

describe('the check corpus', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
  it('is there', () => expect(files.length).toBeGreaterThan(5));
  for (const file of files) {
    it(file, async () => {
      const path = join(DIR, file);
      const expected = expectedOf(readFileSync(path, 'utf8'));
      expect(expected.exit, `${file} starts with no "# exit: N" line`).toBeGreaterThanOrEqual(0);
      const r = await check(path);
      expect(reported(r.stdout)).toEqual([...expected.found].sort());
      expect(r.code, r.stdout + r.stderr).toBe(expected.exit);
    });
  }
});
