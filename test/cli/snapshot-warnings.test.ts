// Tracing or checking an AWS snapshot folder directly: the import warnings reach stderr, one
// summary line per folder, every one of them with --verbose (issue 11, item 5).
import { describe, expect, it } from 'vitest';
import { runVpcsim } from '../helpers/run-cli.js';
import { importAwsSnapshot } from '../../src/import/aws/index.js';

const run = runVpcsim;

// A snapshot with several import warnings (the transit gateway peering estate).
const TGW = 'test/fixtures/aws/batfish-test-transit-gateway-peering';
const warnings = importAwsSnapshot(TGW).warnings;
const lines = (err: string): string[] => err.split('\n').filter((l) => l.includes('IMPORT_WARNING'));

describe('import warnings of a snapshot folder', () => {
  it('trace prints one summary line that counts them by code', async () => {
    expect(warnings.length).toBeGreaterThan(1);
    const r = await run('trace', TGW, '--from', 'i-08f3abb6471637c66', '--to', '8.8.8.8:443');
    expect(r.code === 0 || r.code === 1).toBe(true);
    const summary = lines(r.err);
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatch(new RegExp(`^${TGW}:1:1: warning IMPORT_WARNING: the snapshot imported with ${warnings.length} warnings \\(`));
    for (const code of new Set(warnings.map((w) => w.code))) expect(summary[0]).toContain(code);
  });

  it('trace --verbose prints every warning, located in its file', async () => {
    const r = await run('trace', TGW, '--from', 'i-08f3abb6471637c66', '--to', '8.8.8.8:443', '--verbose');
    const all = lines(r.err);
    expect(all).toHaveLength(warnings.length);
    warnings.forEach((w, i) => expect(all[i]).toContain(`IMPORT_WARNING: ${w.code}`));
  });

  it('check prints them too (summary, or all with --verbose), and they do not fail the run', async () => {
    const r = await run('check', TGW);
    expect(r.code).toBe(0);
    expect(lines(r.err)).toHaveLength(1);
    expect(lines((await run('check', TGW, '--verbose')).err)).toHaveLength(warnings.length);
  });
});
