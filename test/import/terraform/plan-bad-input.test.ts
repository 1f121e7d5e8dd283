// Bad input: each gives a clear error with exit 2, at a position where there is one, and
// names the command that makes the right file. Variants of real plans are made in a
// scratch folder (the fixtures themselves are never edited).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.js';
import { loadInput } from '../../../src/import/load-input.js';
import { importTerraformPlan } from '../../../src/import/terraform/index.js';
import { plan } from './plan-helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'vpcsim-plan-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = join(scratch, name);
  writeFileSync(p, content);
  return p;
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {} });
  return { code, out, err };
}

const snyk = readFileSync(plan('snyk__policy-engine'), 'utf8');
/** The plan cut short before resource_changes: the parser stops at the end of the text. */
const cut = snyk.slice(0, snyk.indexOf('"resource_changes"'));
const cutEnd = { line: cut.split('\n').length, col: cut.split('\n').pop()!.length + 1 };

/** The snyk plan without module.child1.module.grandchild1's aws_vpc.grandchild anywhere. */
function withoutGrandchildVpc(): string {
  const p = JSON.parse(snyk) as Record<string, any>;
  const drop = (list: any[]): any[] => list.filter((r) => !String(r.address).endsWith('aws_vpc.grandchild'));
  const walk = (m: any): void => {
    if (!m) return;
    if (Array.isArray(m.resources)) m.resources = drop(m.resources);
    for (const c of m.child_modules ?? []) walk(c);
    for (const c of Object.values(m.module_calls ?? {}) as any[]) walk(c.module);
  };
  walk(p.planned_values.root_module);
  walk(p.configuration.root_module);
  p.resource_changes = drop(p.resource_changes);
  return JSON.stringify(p, null, 2);
}

const CASES: readonly { name: string; content: string | Buffer; code: string; at?: { line: number; col: number } }[] = [
  { name: 'truncated.json', content: cut, code: 'NOT_JSON', at: cutEnd },
  { name: 'other-provider.json', code: 'NO_AWS_RESOURCES', content: JSON.stringify({
    format_version: '1.2', terraform_version: '1.9.5',
    planned_values: { root_module: { resources: [{ address: 'google_compute_network.vpc', mode: 'managed', type: 'google_compute_network', name: 'vpc', provider_name: 'registry.terraform.io/hashicorp/google', values: {} }] } },
    resource_changes: [],
  }) },
  { name: 'stream.json', code: 'NOT_A_PLAN', content: [
    '{"@level":"info","@message":"Terraform 1.9.5","@module":"terraform.ui","type":"version","terraform":"1.9.5","ui":"1.2"}',
    '{"@level":"info","@message":"aws_vpc.main: Plan to create","@module":"terraform.ui","type":"planned_change"}',
    '{"@level":"info","@message":"Plan: 1 to add, 0 to change, 0 to destroy.","@module":"terraform.ui","type":"change_summary"}',
  ].join('\n') },
  { name: 'tfplan', code: 'NOT_A_PLAN', content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0x74, 0x66, 0x70, 0x6c, 0x61, 0x6e]) },
  { name: 'main.tf', code: 'NOT_A_PLAN', content: 'provider "aws" {\n  region = "us-east-1"\n}\n\nresource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' },
  { name: 'terraform.tfstate', code: 'NOT_A_PLAN', content: JSON.stringify({ version: 4, terraform_version: '1.9.5', serial: 1, lineage: 'x', outputs: {}, resources: [] }) },
  { name: 'future.json', code: 'UNSUPPORTED_FORMAT', content: JSON.stringify({ format_version: '2.0', planned_values: {} }) },
];

describe('bad plan input', () => {
  it.each(CASES)('$name: $code', (c) => {
    const path = file(c.name, c.content);
    const r = importTerraformPlan(path);
    expect(r.errors.map((e) => e.code)).toEqual([c.code]);
    expect(r.yaml).toBe('');
    if (c.at) expect({ line: r.errors[0]!.line, col: r.errors[0]!.col }).toEqual(c.at);
    const loaded = loadInput(path);
    expect(loaded.topology).toBeUndefined();
    expect(loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['IMPORT_FAILED']);
  });

  it('names the command that makes the right file', () => {
    for (const c of CASES.filter((x) => x.code === 'NOT_A_PLAN' && x.name !== 'terraform.tfstate')) {
      expect(importTerraformPlan(file(c.name, c.content)).errors[0]!.message).toContain('terraform show -json');
    }
  });

  it('a reference to a resource the plan does not hold is an error at the referring resource', () => {
    const path = file('missing-target.json', withoutGrandchildVpc());
    const r = importTerraformPlan(path);
    expect(r.errors.map((e) => e.code)).toContain('UNKNOWN_REFERENCE');
    const e = r.errors.find((x) => x.code === 'UNKNOWN_REFERENCE')!;
    // the first: aws_security_group.parent, whose vpc_id leads (module.child1.grandchild_vpc ->
    // module.grandchild1.grandchild_vpc -> aws_vpc.grandchild) to the removed VPC; located at
    // its object in planned_values
    const text = withoutGrandchildVpc().split('\n');
    expect(text[e.line - 1]).toMatch(/^\s*\{$/);
    expect(text[e.line]).toContain('"address": "aws_security_group.parent"');
    expect(r.errors.map((x) => x.message.split(':')[0])).toContain('module.child1.module.grandchild1.aws_security_group.grandchild');
  });

  it.each(['validate', 'check', 'trace'])('vpcsim %s on a bad plan: exit 2 with the plan position', async (command) => {
    const path = file('truncated-cli.json', cut);
    const args = command === 'trace' ? [command, path, '--from', '10.0.0.1', '--to', '10.0.0.2:443'] : [command, path];
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.out + r.err).toContain(`${path}:${cutEnd.line}:${cutEnd.col}: error IMPORT_FAILED`);
  });

  it('vpcsim import terraform: errors with line:col, exit 2, nothing written', async () => {
    const path = file('stream-cli.json', CASES.find((c) => c.name === 'stream.json')!.content);
    const r = await run('import', 'terraform', path);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${path}:1:1: error NOT_A_PLAN`);
  });
});
