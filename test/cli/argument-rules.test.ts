// Argument rules, one test each: a command line that could be read two ways, or that would
// destroy an input, is bad input (exit 2), never a silent choice. Echoed arguments and
// excerpts are cut at a width a terminal shows.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { COMMANDS } from '../../src/cli/commands.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {} });
  return { code, out, err };
}

const S3 = 'scenarios/s3-gateway-endpoint.yaml';
const PL = 'scenarios/privatelink-endpoint-service.yaml';
const dir = mkdtempSync(join(tmpdir(), 'vpcsim-args-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const longest = (text: string): number => Math.max(0, ...text.split('\n').map((l) => l.length));

describe('a flag given twice', () => {
  const cases: string[][] = [
    ['trace', S3, '--from', 'app-endpoint', '--to', '52.216.237.77:443', '--from', 'app-public'],
    ['trace', S3, '--from', 'app-endpoint', '--to', '52.216.237.77', '--port', '443', '--port', '80'],
    ['check', S3, '--format', 'json', '--format', 'text'],
    ['validate', S3, '--excerpt', '--excerpt'],
    ['graph', S3, '-o', join(dir, 'a.mmd'), '--output', join(dir, 'b.mmd')],
    ['reach', S3, '--port', '443', '--port', '80'],
    ['resolve', S3, '--from', 'app-public', '--from', 'app-endpoint', 'kms.us-east-1.amazonaws.com'],
    ['import', 'aws', 'test/fixtures/aws', '-o', join(dir, 'x.yaml'), '-o', join(dir, 'y.yaml')],
  ];
  for (const args of cases) {
    it(`${args[0]}: ${args.filter((a) => a.startsWith('-')).join(' ')} exits 2`, async () => {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.err).toContain('is given twice');
      expect(r.out).toBe('');
    });
  }
});

describe('contradicting flags', () => {
  it('--to name:443 with --port 80 exits 2 (trace and graph)', async () => {
    for (const cmd of ['trace', 'graph']) {
      const r = await cli(cmd, S3, '--from', 'app-endpoint', '--to', '52.216.237.77:443', '--port', '80');
      expect(r.code, cmd).toBe(2);
      expect(r.err).toContain('give the port once');
    }
  });

  it('--excerpt with --no-excerpt exits 2', async () => {
    expect((await cli('validate', S3, '--excerpt', '--no-excerpt')).code).toBe(2);
  });
});

describe('stray arguments and unknown flags', () => {
  it('schema with a stray argument or an unknown flag exits 2; alone it prints the schema', async () => {
    expect((await cli('schema', 'extra')).code).toBe(2);
    expect((await cli('schema', '--bogus')).code).toBe(2);
    const ok = await cli('schema');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).$schema).toBeDefined();
  });

  for (const c of COMMANDS) {
    it(`${c.name} --no-such-flag exits 2`, async () => {
      const r = await cli(c.name, S3, '--no-such-flag');
      expect(r.code).toBe(2);
      expect(r.err).toContain('--no-such-flag');
    });
  }
});

describe('writing over an input', () => {
  it('check --output refuses a file it reads, named directly, through a folder, or through a symlink', async () => {
    const sub = join(dir, 'topologies');
    mkdirSync(sub, { recursive: true });
    const f = join(sub, 's3.yaml');
    copyFileSync(S3, f);
    const before = readFileSync(f, 'utf8');
    const link = join(dir, 'link.yaml');
    symlinkSync(f, link);
    for (const args of [[f, '--output', f], [sub, '--output', f], [f, '--format', 'junit', '--output', link]]) {
      const r = await cli('check', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('refusing to overwrite');
    }
    expect(readFileSync(f, 'utf8')).toBe(before);
    // A report beside the inputs is fine.
    expect((await cli('check', sub, '--format', 'junit', '--output', join(sub, 'report.xml'))).code).toBe(0);
    expect((await cli('check', sub, '--format', 'junit', '--output', join(sub, 'report.xml'))).code).toBe(0);
  });

  it('graph and import refuse to write over their input', async () => {
    const f = join(dir, 'g.yaml');
    copyFileSync(S3, f);
    expect((await cli('graph', f, '-o', f)).code).toBe(2);
    const snap = join(dir, 'snapshot');
    mkdirSync(snap, { recursive: true });
    writeFileSync(join(snap, 'Vpcs.json'), '{"Vpcs": []}');
    const r = await cli('import', 'aws', snap, '-o', join(snap, 'Vpcs.json'));
    expect(r.code).toBe(2);
    expect(readFileSync(join(snap, 'Vpcs.json'), 'utf8')).toBe('{"Vpcs": []}');
  });
});

describe('addresses and sources', () => {
  it('a malformed address is bad input, never a DNS name that does not resolve', async () => {
    for (const to of ['10.2.1.999:443', '010.002.001.004:443', '10.2.1:443']) {
      const r = await cli('trace', PL, '--from', 'client', '--to', to);
      expect(r.code, to).toBe(2);
      expect(r.err).toContain('is not an IPv4 address');
    }
    expect((await cli('trace', PL, '--from', '10.2.1.999', '--to', 'vpce-api:443')).code).toBe(2);
  });

  it("trace --from an endpoint's network interface is refused", async () => {
    const r = await cli('trace', PL, '--from', 'vpce-api/consumer-a', '--to', 'client:443');
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot be a source');
  });
});

describe('long arguments and lines are cut', () => {
  const huge = 'x'.repeat(100_000);
  it('an unknown command, a bad --format, an unknown --from: no line of the message is near the argument in length', async () => {
    for (const args of [[huge], ['check', S3, '--format', huge], ['trace', S3, '--from', huge, '--to', '52.216.237.77:443'], ['graph', S3, '--focus', huge]]) {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(longest(r.err + r.out)).toBeLessThan(1000);
    }
  });

  it('--excerpt on a minified line prints a window around the column, not the whole line', async () => {
    const f = join(dir, 'wide.yaml');
    writeFileSync(f, `version: 1\nname: wide\nvpcs: { ${Array.from({ length: 5000 }, (_, i) => `v${i}: { cidr: 10.0.0.0/16 }`).join(', ')}, bad: { cidr: 10.0.0.0/33 } }\n`);
    const r = await cli('validate', f, '--excerpt');
    expect(r.code).toBe(2);
    expect(r.out).toContain('INVALID_CIDR');
    expect(longest(r.out)).toBeLessThan(500);
    const caret = r.out.split('\n').find((l) => l.includes('^'))!;
    const text = r.out.split('\n')[r.out.split('\n').indexOf(caret) - 1]!;
    // The caret still points at the value.
    expect(text.slice(caret.indexOf('^'), caret.indexOf('^') + 11)).toBe('10.0.0.0/33');
  });
});

describe('the summary line', () => {
  it('says when files did not load and checks could not run', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'version: 1\nname: bad\nvpcs:\n  v: { cidr: 10.0.0.0/33 }\n');
    const r = await cli('check', S3, bad);
    expect(r.code).toBe(2);
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('3 passed, 0 failed, 1 file not loaded');
  });
});
