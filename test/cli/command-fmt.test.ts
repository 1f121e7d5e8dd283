// `vpcsim fmt`: canonical text on stdout that loads back into the same model; exit 2 with
// positioned diagnostics for a bad file.
import { mkdtempSync, writeFileSync } from 'node:fs';
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
});
