// `vpcsim init`: the starter topology it writes validates, its one check passes, and an
// existing file is never overwritten.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVpcsim } from '../helpers/run-cli.js';
import { loadTopologyFile } from '../../src/model/load-topology.js';

const run = (args: string[]): ReturnType<typeof runVpcsim> => runVpcsim(...args);

describe('vpcsim init', () => {
  it('writes a commented starter that validates with no diagnostic and whose check passes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vpcsim-init-')), 'starter.yaml');
    const w = await run(['init', file]);
    expect(w.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=/);
    expect(text.split('\n').filter((l) => l.trimStart().startsWith('#')).length).toBeGreaterThan(5);
    const { topology, diagnostics } = loadTopologyFile(file);
    expect(diagnostics).toEqual([]);
    // a consumer VPC, an interface endpoint with private DNS, one check
    const endpoints = [...topology!.endpoints.values()];
    expect(endpoints.map((e) => [e.type, e.privateDns])).toEqual([['interface', true]]);
    expect(topology!.checks).toHaveLength(1);
    expect((await run(['validate', file])).code).toBe(0);
    const check = await run(['check', file]);
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/1 passed, 0 failed/);
  });

  it('never overwrites a file (exit 2), and takes at most one name', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vpcsim-init-')), 'mine.yaml');
    writeFileSync(file, 'my own\n');
    expect((await run(['init', file])).code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('my own\n');
    expect((await run(['init', `${file}.a`, `${file}.b`])).code).toBe(2);
    expect(existsSync(`${file}.a`)).toBe(false);
  });
});
