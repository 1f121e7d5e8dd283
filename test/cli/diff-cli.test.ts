// `vpcsim diff` end to end, in-process: exit codes (0 no change, 1 changes, 2 bad input),
// the text report (opened, then closed), JSON in the shape, markdown, GitHub
// annotations on NEW's lines, SARIF 2.1.0, REF:PATH read with git, byte-identical output.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { parseRevisionPath, readRevision } from '../../src/cli/load-revision.js';

async function run(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env });
  return { code, out, err };
}

const F = 'test/fixtures/diff';
const OLD = `${F}/sg-widened-old.yaml`;
const NEW = `${F}/sg-widened-new.yaml`;

describe('vpcsim diff', () => {
  it('no change: exit 0', async () => {
    const r = await run(['diff', OLD, OLD]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('no flow changed');
  });

  it('text: opened before closed, each with its why; exit 1', async () => {
    const r = await run(['diff', OLD, `${F}/sg-swap-new.yaml`]);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`diff ${OLD} -> ${F}/sg-swap-new.yaml: tcp`);
    expect(lines[2]).toBe('  3 changes (2 opened, 1 closed)');
    const opened = lines.indexOf('opened:');
    const closed = lines.indexOf('closed:');
    expect(opened).toBeGreaterThan(0);
    expect(closed).toBeGreaterThan(opened);
    expect(lines[opened + 1]).toBe('  + bastion, office, stranger-1, stranger-2 -> web  tcp/8443  (4 pairs)');
    expect(lines[opened + 2]).toMatch(/^ {6}why: sg-web ingress rule 1 \(tcp port 8443 from 0\.0\.0\.0\/0\).*sg-swap-new\.yaml:22:13\) \[was ENI_SG_RULES_MISMATCH\]$/);
    expect(lines[closed + 1]).toBe('  - bastion, office, stranger-1, stranger-2 -> web  tcp/443  (4 pairs)');
    expect(lines[closed + 2]).toMatch(/^ {6}why: no longer in NEW: sg-web ingress rule 1 \(tcp port 443 .*sg-widened-old\.yaml:22:13\); now sg-web: .*\[ENI_SG_RULES_MISMATCH\]$/);
  });

  it('text: resources in one version only', async () => {
    const r = await run(['diff', `${F}/peering-old.yaml`, `${F}/peering-added-new.yaml`]);
    expect(r.out).toContain('resources only in NEW (added):\n  pcx-a-c (peeringConnection)  test/fixtures/diff/peering-added-new.yaml:62:3\n');
  });

  it('json: the issue\'s shape', async () => {
    const r = await run(['diff', OLD, NEW, '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { changes: Record<string, unknown>[] };
    expect(j.changes).toHaveLength(1);
    const c = j.changes[0]!;
    expect(Object.keys(c).slice(0, 8)).toEqual(['sources', 'destinations', 'protocol', 'portFrom', 'portTo', 'before', 'after', 'why']);
    expect(c).toMatchObject({ sources: ['web', 'stranger-1', 'stranger-2'], destinations: ['bastion'], protocol: 'tcp', portFrom: 22, portTo: 22, before: 'unreachable', after: 'reachable' });
    expect(c.why).toMatchObject({ side: 'new', component: 'sg-bastion', code: 'ENI_SG_RULES_MISMATCH', location: { file: NEW, line: 19, col: 13 }, witness: { from: 'web', to: 'bastion', port: 22 }, agrees: true });
  });

  it('markdown: a one-line summary and a table, opened first', async () => {
    const r = await run(['diff', OLD, `${F}/sg-swap-new.yaml`, '--format', 'markdown']);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('## vpcsim diff: 3 changes (2 opened, 1 closed)');
    const rows = lines.filter((l) => l.startsWith('| 🔓') || l.startsWith('| 🔒'));
    expect(rows.map((l) => l.slice(0, 4))).toEqual(['| 🔓', '| 🔓', '| 🔒']);
  });

  it('github: a warning on the line of NEW that opened the flow; the markdown goes to the step summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcsim-diff-'));
    try {
      const summary = join(dir, 'summary.md');
      const r = await run(['diff', OLD, NEW, '--format', 'github'], { GITHUB_STEP_SUMMARY: summary });
      expect(r.out.split('\n')[0]).toMatch(new RegExp(`^::warning file=${NEW},line=19,col=13,title=vpcsim diff%3A this change opens a flow::opened: web, stranger-1, stranger-2 -> bastion tcp/22`));
      expect(readFileSync(summary, 'utf8')).toMatch(/^## vpcsim diff: 1 change/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sarif: 2.1.0 with one result per change at its cause', async () => {
    const r = await run(['diff', `${F}/peering-old.yaml`, `${F}/route-removed-new.yaml`, '--format', 'sarif']);
    const log = JSON.parse(r.out) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    expect(log.version).toBe('2.1.0');
    const results = log.runs[0]!.results;
    expect(results.map((x) => x.ruleId)).toEqual(['FLOW_CLOSED', 'FLOW_CLOSED']);
    // A route removed: the cause is OLD's line.
    expect(results[0]!.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: `${F}/peering-old.yaml` }, region: { startLine: 20 } });
  });

  it('is byte-identical run to run', async () => {
    const a = await run(['diff', `${F}/peering-old.yaml`, `${F}/peering-added-new.yaml`, '--format', 'json']);
    const b = await run(['diff', `${F}/peering-old.yaml`, `${F}/peering-added-new.yaml`, '--format', 'json']);
    expect(a.out).toBe(b.out);
  });

  it('REF:PATH reads a file at a git revision', async () => {
    const r = await run(['diff', `HEAD:${OLD}`, NEW, '--format', 'json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as { old: string }).old).toBe(`HEAD:${OLD}`);
  });

  it('bad input: exit 2 with a clear message', async () => {
    const bad = await run(['diff', 'no-such-ref-for-vpcsim:net.yaml', NEW]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^vpcsim diff: cannot read no-such-ref-for-vpcsim:net\.yaml from git: /);
    expect((await run(['diff', `HEAD:${F}/no-such-file.yaml`, NEW])).code).toBe(2);
    const missing = await run(['diff', `${F}/missing.yaml`, NEW]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/missing\.yaml:1:1: error FILE_UNREADABLE/);
    expect((await run(['diff', OLD])).code).toBe(2);
    expect((await run(['diff', OLD, NEW, '--port', '70000'])).code).toBe(2);
    expect((await run(['diff', OLD, NEW, '--protocol', 'tcp,sctp'])).code).toBe(2);
    expect((await run(['diff', OLD, NEW, '--from', 'nope'])).code).toBe(2);
    expect((await run(['diff', OLD, NEW, '--format', 'xml'])).code).toBe(2);
  });
});

describe('REF:PATH or a file', () => {
  it('an existing path, a drive letter or a UNC path is a file; REF:PATH is a revision', () => {
    expect(parseRevisionPath(OLD)).toBeUndefined();
    expect(parseRevisionPath('C:\\net\\estate.yaml')).toBeUndefined();
    expect(parseRevisionPath('C:/net/estate.yaml')).toBeUndefined();
    expect(parseRevisionPath('\\\\server\\share\\a.yaml')).toBeUndefined();
    expect(parseRevisionPath('main:net/estate.yaml')).toEqual({ ref: 'main', path: 'net/estate.yaml' });
    expect(parseRevisionPath('origin/main~1:a:b.yaml')).toEqual({ ref: 'origin/main~1', path: 'a:b.yaml' });
    expect(parseRevisionPath(':a.yaml')).toBeUndefined();
    expect(parseRevisionPath('main:')).toBeUndefined();
  });

  it('a revision that looks like an option is refused before git runs', () => {
    expect(readRevision({ ref: '--output=/tmp/x', path: 'a.yaml' })).toEqual({ error: '"--output=/tmp/x" is not a git revision' });
  });
});
