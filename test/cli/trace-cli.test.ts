// `vpcsim trace` end to end, in-process: exit codes, verdict line first, hop locations,
// JSON shape, and the S3 lessons of the bundled scenario.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {} });
  return { code, out, err };
}

const S3 = 'scenarios/s3-gateway-endpoint.yaml';

describe('vpcsim trace', () => {
  it('private subnet without an endpoint: unreachable, NO_ROUTE_TO_DESTINATION, exit 1', async () => {
    const r = await run('trace', S3, '--from', 'app-isolated', '--to', '52.216.237.77:443');
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toMatch(/^UNREACHABLE: app-isolated -> 52\.216\.237\.77 tcp:443/);
    expect(r.out).toContain('NO_ROUTE_TO_DESTINATION');
    expect(r.out).toMatch(/dropped\s+routeTable rtb-isolated: .*\[scenarios\/s3-gateway-endpoint\.yaml:\d+:\d+\]/);
  });

  it('with the gateway endpoint: reachable via the endpoint, exit 0', async () => {
    const r = await run('trace', S3, '--from', 'app-endpoint', '--to', '52.216.237.77:443', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { reachable: boolean; traces: { hops: { component: { id: string } }[]; returnHops: unknown[]; explanations: unknown[] }[] };
    expect(json.reachable).toBe(true);
    expect(json.traces[0]!.hops.map((h) => h.component.id)).toContain('vpce-s3');
    expect(json.traces[0]!.returnHops.length).toBeGreaterThan(0);
  });

  it('from the public subnet: reachable through the internet gateway', async () => {
    const r = await run('trace', S3, '--from', 'app-public', '--to', '52.216.237.77:443');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^REACHABLE/);
    expect(r.out).toMatch(/translated\s+internetGateway igw-main/);
  });

  it('an unknown source is bad input with a suggestion, exit 2', async () => {
    const r = await run('trace', S3, '--from', 'app-publc', '--to', '52.216.237.77:443');
    expect(r.code).toBe(2);
    expect(r.err).toContain('did you mean "app-public"');
  });

  it('a tcp flow without a port is bad input', async () => {
    const r = await run('trace', S3, '--from', 'app-public', '--to', '52.216.237.77');
    expect(r.code).toBe(2);
  });

  it('an invalid topology is bad input with positioned diagnostics', async () => {
    const r = await run('trace', 'test/engine/fixtures/does-not-exist.yaml', '--from', 'a', '--to', 'b:1');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/does-not-exist\.yaml:1:1: error FILE_UNREADABLE/);
  });

  it('accepts an AWS snapshot folder directly, importing it in memory', async () => {
    const r = await run('trace', 'test/fixtures/aws/batfish-test-vpc-endpoint-gateway', '--from', 'i-01c6c0647fdccc89e', '--to', '52.216.237.77:443');
    expect(r.code).toBe(0);
    expect(r.out).toContain('vpce-0b7357542bb7b83ec');
  });

  it('reports a broken snapshot file as bad input naming the file', async () => {
    const r = await run('trace', 'test/import/fixtures/not-json', '--from', 'a', '--to', 'b:1');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not-json\/[^:]+\.json:1:1: error IMPORT_FAILED/);
  });

  it('is deterministic', async () => {
    const a = await run('trace', S3, '--from', 'app-endpoint', '--to', '52.216.237.77:443', '--format', 'json');
    const b = await run('trace', S3, '--from', 'app-endpoint', '--to', '52.216.237.77:443', '--format', 'json');
    expect(a.out).toBe(b.out);
  });

  it('--short prints the verdict with its codes, then one line per hop: id, action, location', async () => {
    const r = await run('trace', S3, '--from', 'app-isolated', '--to', '52.216.237.77:443', '--short');
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^UNREACHABLE \(NO_ROUTE_TO_DESTINATION\): app-isolated -> 52\.216\.237\.77 tcp:443/);
    const json = JSON.parse((await run('trace', S3, '--from', 'app-isolated', '--to', '52.216.237.77:443', '--format', 'json')).out) as {
      traces: { hops: { component: { id: string }; action: string }[] }[];
    };
    const hops = json.traces[0]!.hops;
    expect(lines.slice(1)).toHaveLength(hops.length);
    hops.forEach((h, i) => {
      const [n, id, action, at] = lines[i + 1]!.trim().split(/\s+/);
      expect([n, id, action]).toEqual([`${i + 1}.`, h.component.id, h.action]);
      expect(at).toMatch(/^(scenarios\/s3-gateway-endpoint\.yaml:\d+:\d+|-)$/);
    });
    expect(lines.at(-1)).toMatch(/^\s+\d+\. rtb-isolated\s+dropped\s+scenarios\/s3-gateway-endpoint\.yaml:\d+:\d+$/);
  });

  it('--short numbers return hops r1, r2, ... and refuses --format json and --explain (exit 2)', async () => {
    const r = await run('trace', S3, '--from', 'app-endpoint', '--to', '52.216.237.77:443', '--short');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\n {2}r1\. /);
    expect((await run('trace', S3, '--from', 'app-endpoint', '--to', '52.216.237.77:443', '--short', '--format', 'json')).code).toBe(2);
    expect((await run('trace', S3, '--from', 'app-endpoint', '--to', '52.216.237.77:443', '--short', '--explain')).code).toBe(2);
  });
});
