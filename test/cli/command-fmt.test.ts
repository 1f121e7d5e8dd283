// `vpcsim fmt`: canonical text on stdout that loads back into the same model; exit 2 with
// positioned diagnostics for a bad file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { loadTopologyText } from '../../src/model/load-topology.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {} });
  return { code, out, err };
}

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'vpcsim-fmt-')), 'topology.yaml');
  writeFileSync(path, text);
  return path;
}

describe('vpcsim fmt', () => {
  it('prints the canonical form, keeping the schema comment and leaving defaults out', async () => {
    const path = file(`# yaml-language-server: $schema=../schema/topology.schema.json
version: 1
name: small
vpcs:
  v:
    enableDnsSupport: true
    cidr: 10.0.0.0/16
    subnets:
      s: { cidr: 10.0.1.0/24, az: use1-az1 }
    securityGroups:
      web:
        ingress:
          - { protocol: 6, ports: "443-443", cidr: 0.0.0.0/0 }
    instances:
      b: { subnet: s, privateIp: 10.0.1.4 }
      a: { subnet: s, securityGroups: [web] }
`);
    const { code, out, err } = await run(['fmt', path]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toBe(`# yaml-language-server: $schema=../schema/topology.schema.json
version: 1
name: small
region: us-east-1
vpcs:
  v:
    cidr: 10.0.0.0/16
    subnets:
      s: { az: use1-az1, cidr: 10.0.1.0/24 }
    securityGroups:
      web:
        ingress:
          - { protocol: tcp, ports: 443, cidr: 0.0.0.0/0 }
    instances:
      b: { subnet: s, privateIp: 10.0.1.4 }
      a: { subnet: s, securityGroups: [ web ] }
`);
    expect(loadTopologyText('again.yaml', out).diagnostics).toEqual([]);
  });

  it('exits 2 with a positioned diagnostic for a file with errors', async () => {
    const path = file('version: 1\nname: bad\nvpcs:\n  v: { cidr: 10.0.0.0/33 }\n');
    const { code, out, err } = await run(['fmt', path]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/topology\.yaml:4:\d+: error INVALID_CIDR/);
  });

  it('keeps comments, on the node they were written on, and a comment on a left-out default nearby', async () => {
    const path = file(`# yaml-language-server: $schema=../schema/topology.schema.json
# what this file is for
version: 1
name: commented # the name
vpcs:
  # the only VPC
  v:
    cidr: 10.0.0.0/16 # its block
    enableDnsSupport: true # the default, left out
    subnets:
      s:
        az: use1-az1 # by AZ ID
        cidr: 10.0.1.0/24
    routeTables:
      rtb:
        routes: [] # local routes only
# the end
`);
    const { code, out } = await run(['fmt', path]);
    expect(code).toBe(0);
    expect(out).toBe(`# yaml-language-server: $schema=../schema/topology.schema.json
# what this file is for
version: 1
name: commented # the name
region: us-east-1
vpcs:
  # the only VPC
  v:
    # the default, left out
    cidr: 10.0.0.0/16 # its block
    subnets:
      s:
        az: use1-az1 # by AZ ID
        cidr: 10.0.1.0/24
    routeTables:
      rtb: {} # local routes only

# the end
`);
    // idempotent, comments and all
    const again = file(out);
    expect((await run(['fmt', again])).out).toBe(out);
  });

  it('keeps the yaml-language-server line after a byte order mark', async () => {
    const path = file('\uFEFF# yaml-language-server: $schema=../schema/topology.schema.json\nversion: 1\nname: bom\n');
    const { code, out } = await run(['fmt', path]);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/topology.schema.json');
  });

  it('--check lists the files not in canonical form and exits 1; 0 when every one is', async () => {
    const messy = file('version: 1\nname: messy\nvpcs:\n  v: { cidr: 10.0.0.0/16, enableDnsSupport: true }\n');
    const tidy = file((await run(['fmt', messy])).out);
    const both = await run(['fmt', '--check', messy, tidy]);
    expect(both.code).toBe(1);
    expect(both.out).toBe(`${messy}\n`);
    const clean = await run(['fmt', '--check', tidy]);
    expect(clean).toEqual({ code: 0, out: '', err: '' });
    expect(readFileSync(messy, 'utf8')).toContain('enableDnsSupport'); // --check writes nothing
  });

  it('--write rewrites the files in place, then --check passes', async () => {
    const messy = file('version: 1\nname: messy # kept\nvpcs:\n  v: { cidr: 10.0.0.0/16, enableDnsSupport: true }\n');
    const w = await run(['fmt', '--write', messy]);
    expect(w.code).toBe(0);
    expect(readFileSync(messy, 'utf8')).toBe('version: 1\nname: messy # kept\nregion: us-east-1\nvpcs:\n  v: { cidr: 10.0.0.0/16 }\n');
    expect((await run(['fmt', '--check', messy])).code).toBe(0);
  });

  it('refuses --check with --write, two files without either, and an unknown flag (exit 2)', async () => {
    const a = file('version: 1\nname: a\n');
    expect((await run(['fmt', '--check', '--write', a])).code).toBe(2);
    expect((await run(['fmt', a, a])).code).toBe(2);
    expect((await run(['fmt', '--in-place', a])).code).toBe(2);
  });

  it('--check and --write exit 2 for a file with errors, and write nothing', async () => {
    const text = 'version: 1\nname: bad\nvpcs:\n  v: { cidr: 10.0.0.0/33 }\n';
    const bad = file(text);
    expect((await run(['fmt', '--write', bad])).code).toBe(2);
    expect(readFileSync(bad, 'utf8')).toBe(text);
    expect((await run(['fmt', '--check', bad])).code).toBe(2);
  });
});
