// `vpcsim import aws DIR [-o FILE]` end to end, in-process: YAML on stdout or in a file,
// warnings on stderr, errors with file and JSON path and exit 2, usage errors.
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { loadTopologyText } from '../../src/model/load-topology.js';
import { AWS_FIXTURES, LOCAL_FIXTURES } from './helpers.js';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {} });
  return { code, out, err };
}

const scratch = mkdtempSync(join(tmpdir(), 'vpcsim-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('vpcsim import aws', () => {
  it('prints YAML that validates, and the warnings on stderr, exit 0', async () => {
    const dir = join(AWS_FIXTURES, 'batfish-test-transit-gateway');
    const r = await run('import', 'aws', dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('version: 1');
    expect(loadTopologyText('imported.yaml', r.out).topology).toBeDefined();
    expect(r.err).toContain(`${join(dir, 'RouteTables.json')}: warning INFERRED_VALUE: internet gateway igw-0a4895a3c58cac8cb`);
    expect(r.err).not.toContain('tgw-044be4464fcc69aff');
  });

  it('writes the file given with -o and says so', async () => {
    const file = join(scratch, 'nat.yaml');
    const r = await run('import', 'aws', join(AWS_FIXTURES, 'batfish-test-nat-gateway'), '-o', file);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(readFileSync(file, 'utf8')).toContain('nat-07ab4846da51f4612:');
    expect(r.err).toContain(`vpcsim import: wrote ${file} with 1 warning`);
  });

  it('validates what it wrote with vpcsim validate', async () => {
    const file = join(scratch, 'peering.yaml');
    await run('import', 'aws', join(AWS_FIXTURES, 'batfish-test-vpc-peering-multi-account'), '--output', file);
    const r = await run('validate', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${file}: valid`);
  });

  it('reports errors with file and JSON path, writes nothing, exit 2', async () => {
    const dir = join(LOCAL_FIXTURES, 'wrong-shape');
    const file = join(scratch, 'never.yaml');
    const r = await run('import', 'aws', dir, '-o', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${join(dir, 'Vpcs.json')} at $.Vpcs[0].CidrBlock: error WRONG_SHAPE: expected a string, found a number`);
    expect(r.err).toContain('vpcsim import: 2 errors; nothing written');
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a source other than aws, and a missing folder argument', async () => {
    expect((await run('import', 'gcp', 'x')).code).toBe(2);
    const r = await run('import', 'aws');
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage: vpcsim import aws DIR');
  });

  it('is listed in vpcsim --help', async () => {
    expect((await run('--help')).out).toMatch(/\n {2}import +turn AWS describe output/);
  });
});
