// The "done when": `vpcsim check scenarios` passes every bundled check, one line each.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { loadTopologyFile } from '../../src/model/load-topology.js';
import { expandInputs } from '../../src/cli/input-files.js';
import { segmentChecks } from '../../src/scenarios/segment-checks.js';

describe('vpcsim check scenarios', () => {
  it('passes every check of every bundled scenario, one line per check', async () => {
    let stdout = '';
    let stderr = '';
    const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {} };
    const code = await runCli(['check', 'scenarios'], io);
    // A file's checks, and one per ordered pair of its segments that a rule does not open fully.
    const countOf = (f: string): number => {
      const t = loadTopologyFile(f).topology;
      if (!t) return 0;
      const segments = t.segments ? segmentChecks(t, t.segments, t.checks.length) : undefined;
      return t.checks.length + (segments?.ok ? segments.checks.length : 0);
    };
    const checks = expandInputs(['scenarios']).reduce((n, f) => n + countOf(f), 0);
    expect({ code, failing: stdout.split('\n').filter((l) => !l.startsWith('PASS  ') && l !== '') }).toEqual({
      code: 0,
      failing: [`${checks} passed, 0 failed`],
    });
    expect(stderr).toBe('');
  });
});
