// Bounded on hostile input: limits on work, not only on bytes. Each generated input (a huge
// flow sequence, alias bombs, deep nesting, huge JSON arrays in a snapshot and a plan, a
// check over 1,500 instances, thousands of checks, ids named like Object.prototype members,
// megabyte-long arguments) runs through the CLI in-process and must end in under 3 s with
// exit 0, 1 or 2: never 3, never a stack trace. The 3 s is a bound, not a benchmark: real
// runs take a fraction of it, with margin for a loaded machine.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { MAX_NODES } from '../../src/model/count-yaml-nodes.js';
import { MAX_CHECK_FLOWS } from '../../src/scenarios/check-limits.js';
import { checkAsyncProperty } from './property-runner.js';

const BOUND_MS = 3000;
const STACK = /^\s+at .+[(:]\d+:\d+\)?$/m;
const dir = mkdtempSync(join(tmpdir(), 'vpcsim-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run { readonly code: number; readonly out: string; readonly err: string; readonly ms: number }

async function run(args: readonly string[]): Promise<Run> {
  let out = '';
  let err = '';
  const started = performance.now();
  const code = await runCli(args, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {} });
  return { code, out, err, ms: performance.now() - started };
}

/** The contract every run keeps; returns the run for further assertions. */
async function bounded(args: readonly string[]): Promise<Run> {
  const r = await run(args);
  const shown = `${args.slice(0, 3).map((a) => a.slice(0, 80)).join(' ')} exited ${r.code} in ${Math.round(r.ms)} ms\n${r.out.slice(0, 2000)}\n${r.err.slice(0, 2000)}`;
  if (process.env.VPCSIM_FUZZ_TIMES) console.log(shown.split('\n')[0]);
  expect([0, 1, 2], shown).toContain(r.code);
  expect(r.out + r.err, shown).not.toMatch(STACK);
  expect(r.err, shown).not.toMatch(/: internal error:/);
  expect(r.ms, shown).toBeLessThan(BOUND_MS);
  return r;
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** `CODE` of every `file:line:col: error CODE:` line. */
function codes(text: string): string[] {
  return [...text.matchAll(/:\d+:\d+: error ([A-Z_]+):/g)].map((m) => m[1]!);
}

const HEAD = 'version: 1\nname: hostile\n';

describe('YAML node count', () => {
  it('a 1.8 MB flow sequence of 900,000 items: TOO_MANY_NODES, before composing', async () => {
    const f = file('flow.yaml', `${HEAD}description: [${'0,'.repeat(900_000)}0]\n`);
    for (const cmd of ['validate', 'check', 'fmt']) {
      const r = await bounded([cmd, f]);
      expect(r.code).toBe(2);
      expect(codes(r.out + r.err)).toEqual(['TOO_MANY_NODES']);
    }
  });

  it('600,000 aliases of one scalar: TOO_MANY_NODES', async () => {
    const f = file('aliases.yaml', `${HEAD}x: &a 0\ndescription: [${'*a,'.repeat(600_000)}*a]\n`);
    const r = await bounded(['validate', f]);
    expect(codes(r.out)).toEqual(['TOO_MANY_NODES']);
  });

  it('a small file whose aliases expand past the node bound: ALIAS_LIMIT, counted by expansion', async () => {
    const list = `[${'0,'.repeat(4_000)}0]`;
    const f = file('expand.yaml', `${HEAD}x: &big ${list}\ndescription: [${Array.from({ length: 60 }, () => '*big').join(', ')}]\n`);
    const r = await bounded(['validate', f]);
    expect(codes(r.out)).toEqual(['ALIAS_LIMIT']);
  });

  it('a billion laughs and 10,000-deep nesting end at once', async () => {
    const levels = ['l0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++) levels.push(`l${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
    expect(codes((await bounded(['validate', file('laughs.yaml', `${HEAD}${levels.join('\n')}\n`)])).out)).toEqual(['ALIAS_LIMIT']);
    expect(codes((await bounded(['validate', file('deep.yaml', `${HEAD}description: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`)])).out)).toEqual(['NESTING_TOO_DEEP']);
  });

  it('a large sane file stays under the bound and loads', async () => {
    const subnets = Array.from({ length: 300 }, (_, i) => `      s${i}: { az: use1-az1, cidr: 10.0.${i >> 4}.${(i & 15) << 4}/28 }\n`).join('');
    const r = await bounded(['validate', file('wide.yaml', `${HEAD}vpcs:\n  v:\n    cidr: 10.0.0.0/16\n    subnets:\n${subnets}`)]);
    expect(r.code, r.out.slice(0, 500)).toBe(0);
    expect(MAX_NODES).toBeGreaterThan(300 * 6);
  });
});

describe('importer caps', () => {
  it('{"Vpcs": [0 x 200,000]}: at most 20 errors for the file, and fast', async () => {
    const snap = join(dir, 'zeros');
    mkdirSync(snap, { recursive: true });
    writeFileSync(join(snap, 'Vpcs.json'), JSON.stringify({ Vpcs: new Array(200_000).fill(0) }));
    const r = await bounded(['import', 'aws', snap]);
    expect(r.code).toBe(2);
    const errors = r.err.split('\n').filter((l) => l.includes(': error '));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThanOrEqual(21);
    const check = await bounded(['check', snap]);
    expect(check.code).toBe(2);
  });

  it('errors across many files stop at 100 for the snapshot', async () => {
    const snap = join(dir, 'many-files');
    mkdirSync(snap, { recursive: true });
    for (let i = 0; i < 30; i++) writeFileSync(join(snap, `Vpcs-${String(i).padStart(2, '0')}.json`), JSON.stringify({ Vpcs: new Array(50).fill('x') }));
    const r = await bounded(['import', 'aws', snap]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n').filter((l) => l.includes(': error ')).length).toBeLessThanOrEqual(101);
  });

  it('more JSON values than the importer reads: refused before parsing (a snapshot file and a plan)', async () => {
    const snap = join(dir, 'values');
    mkdirSync(snap, { recursive: true });
    const zeros = `{"Vpcs": [${'0,'.repeat(5_100_000)}0]}`;
    writeFileSync(join(snap, 'Vpcs.json'), zeros);
    const r = await bounded(['import', 'aws', snap]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('FILE_UNREADABLE');
    const plan = file('plan.json', `{"format_version": "1.2", "terraform_version": "1.9.0", "planned_values": {"root_module": {"resources": [${'0,'.repeat(5_100_000)}0]}}}`);
    const p = await bounded(['import', 'terraform', plan]);
    expect(p.code).toBe(2);
  });

  it('deeply nested JSON in a snapshot file is an error, not a stack overflow', async () => {
    const snap = join(dir, 'deep-json');
    mkdirSync(snap, { recursive: true });
    writeFileSync(join(snap, 'Vpcs.json'), `{"Vpcs": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    const r = await bounded(['import', 'aws', snap]);
    expect(r.code).toBe(2);
  });
});

function fleet(instances: number, checks: string): string {
  const lines = Array.from({ length: instances }, (_, i) => `      i${i}: { subnet: s }\n`).join('');
  return `${HEAD}vpcs:\n  v:\n    cidr: 10.0.0.0/16\n    subnets:\n      s: { az: use1-az1, cidr: 10.0.0.0/18 }\n    instances:\n${lines}checks:\n${checks}`;
}

describe('pair count', () => {
  it('a { vpc } to { vpc } check over 1,500 instances (2.25 million pairs): answered by the all-pairs engine, or TOO_MANY_PAIRS before any trace', async () => {
    // A verdict is answered over classes, and an isolation over every port atom, in well under the bound.
    const all = '  - { name: all to all, from: { vpc: v }, to: { vpc: v }, port: 443 }\n  - { name: not isolated, from: { vpc: v }, to: { vpc: v }, isolated: true }\n';
    const f = file('fleet.yaml', fleet(1500, all));
    const r = await bounded(['check', f]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^PASS .* all to all$/m);
    expect(r.out).toMatch(/^FAIL .* not isolated$/m);
    expect(r.out).toContain('2248500 of 2248500 pairs failed');
    // A path condition needs every pair's path: refused before any trace.
    const via = file('fleet-via.yaml', fleet(1500, '  - { name: all to all, from: { vpc: v }, to: { vpc: v }, port: 443, via: [v/default-sg] }\n'));
    const refused = await bounded(['check', via]);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('TOO_MANY_PAIRS');
    // graph --checks runs the checks too, under the same limits.
    const small = file('fleet-small.yaml', fleet(150, '  - { name: all to all, from: { vpc: v }, to: { vpc: v }, port: 443, via: [v/default-sg] }\n'));
    expect((await bounded(['check', small])).out).toContain('TOO_MANY_PAIRS');
    expect((await bounded(['graph', small, '--checks', '--format', 'html'])).code).toBe(0);
  });

  it('thousands of small checks share one budget per file', async () => {
    const checks = Array.from({ length: 800 }, (_, i) => `  - { name: c${i}, from: i${i % 50}, to: i${(i + 1) % 50}, port: 443, isolated: false }\n`).join('');
    const r = await bounded(['check', file('checks.yaml', fleet(50, checks))]);
    expect([0, 1, 2]).toContain(r.code);
    expect(MAX_CHECK_FLOWS).toBeGreaterThan(0);
  });
});

const PROTOTYPE_NAMES = ['toString', 'constructor', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__proto__', '__defineGetter__'];

describe('ids named like Object.prototype members', () => {
  const scenario = readFileSync('scenarios/privatelink-endpoint-service.yaml', 'utf8');
  const ids = ['client', 'api-1', 'vpc-consumer', 'sg-client', 'consumer-a', 'nlb-api', 'svc-api', 'vpce-api', 'tg-api'].filter((id) => scenario.includes(id));
  it('work like any other id in every command (or are refused by the id pattern), never a crash', async () => {
    await checkAsyncProperty('prototype ids', fc.asyncProperty(fc.constantFrom(...ids), fc.constantFrom(...PROTOTYPE_NAMES), async (id, name) => {
      const text = scenario.replace(new RegExp(`(?<![\\w./-])${id.replace(/[-]/g, '\\-')}(?![\\w.-])`, 'g'), name);
      const f = file('proto.yaml', text);
      const results = [await bounded(['check', f]), await bounded(['graph', f, '--checks', '--format', 'html']), await bounded(['reach', f])];
      if (!name.startsWith('_')) expect(results[0]!.code, results[0]!.out).toBe(0);
    }), { scale: 0.12 });
  });
});

describe('long arguments', () => {
  it('megabyte-long arguments come back cut, not echoed whole', async () => {
    const huge = 'y'.repeat(1_000_000);
    for (const args of [[huge], ['trace', 'scenarios/s3-gateway-endpoint.yaml', '--from', huge, '--to', '1.2.3.4:443'], ['check', 'scenarios/s3-gateway-endpoint.yaml', '--format', huge]]) {
      const r = await bounded(args);
      expect(r.code).toBe(2);
      expect((r.out + r.err).length).toBeLessThan(20_000);
    }
  });
});
