// `vpcsim reach` end to end, in-process: the summary and matrix, CSV rows that match
// trace's verdicts, the JSON classes and relation, witnesses that agree, selectors, bad
// input (exit 2), unknown pairs over the trace budget (exit 1), byte-identical output.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { isQueryError, traceFlow } from '../../src/engine/trace-flow.js';
import { scenario } from '../helpers/load.js';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {} });
  return { code, out, err };
}

const PL = 'scenarios/privatelink-endpoint-service.yaml';
const NACL = 'scenarios/nacl-ephemeral-ports.yaml';

describe('vpcsim reach', () => {
  it('text: summary, matrix by VPC, exit 0; the time on stderr', async () => {
    const r = await run('reach', PL);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`reach ${PL}: tcp port 443`);
    expect(r.out).toMatch(/classes: 3 instance classes over \d+ address atoms/);
    expect(r.out).toMatch(/port 443: 4 of 18 pairs reachable/);
    expect(r.out).toMatch(/^vpc-consumer\s+2\/2\s+0\/4$/m);
    expect(r.err).toMatch(/^reach: computed in [\d.]+ ms/);
  });

  it('csv: a header and one row per pair, each the verdict trace gives', async () => {
    const r = await run('reach', NACL, '--format', 'csv', '--port', 'all');
    expect(r.code).toBe(0);
    const [header, ...rows] = r.out.trimEnd().split('\n');
    expect(header).toBe('from,to,protocol,port,reachable');
    const topology = scenario('nacl-ephemeral-ports');
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const [from, to, protocol, port, reachable] = row.split(',');
      expect(protocol).toBe('tcp');
      const first = Number(port!.split('-')[0]);
      const t = traceFlow(topology, { from: from!, to: to!, protocol: 'tcp', port: first });
      expect(isQueryError(t)).toBe(false);
      if (!isQueryError(t)) expect(`${row}`).toBe(`${from},${to},tcp,${port},${String(t.reachable)}`);
      expect(['true', 'false']).toContain(reachable);
    }
  });

  it('json: classes with members and the class relation; witnesses agree with the relation', async () => {
    const r = await run('reach', PL, '--format', 'json', '--witness');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      classes: { id: string; members: string[] }[];
      relation: { port: string; reachablePairs: number; reachable: Record<string, string[]>; witnesses: { pairs: { agrees: boolean; traces: unknown[] }[] } }[];
    };
    expect(doc.classes.find((c) => c.members.includes('client'))).toBeDefined();
    expect(doc.relation[0]!.port).toBe('443');
    expect(doc.relation[0]!.reachablePairs).toBe(4);
    const client = doc.classes.find((c) => c.members.includes('client'))!.id;
    expect(doc.relation[0]!.reachable[client]).toEqual(['vpce-api/consumer-a', 'vpce-api/consumer-b']);
    expect(doc.relation[0]!.witnesses.pairs.length).toBeGreaterThan(0);
    for (const w of doc.relation[0]!.witnesses.pairs) expect(w.agrees).toBe(true);
  });

  it('--witness in text names a traced pair and its path per class pair', async () => {
    const r = await run('reach', PL, '--witness', '--from', 'client');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}c\d+ -> vpce-api\/consumer-a reachable; client -> vpce-api\/consumer-a: client > sg-client > .*api-1$/m);
    expect(r.out).not.toContain('DISAGREES');
  });

  it('--from and --to select ends by id, subnet, VPC or security group', async () => {
    const r = await run('reach', PL, '--from', 'vpc-consumer', '--to', 'vpce-api', '--format', 'csv');
    expect(r.out.trimEnd().split('\n').slice(1)).toEqual(['client,vpce-api/consumer-a,tcp,443,true', 'client,vpce-api/consumer-b,tcp,443,true']);
  });

  it('the same input gives byte-identical output', async () => {
    for (const format of ['text', 'csv', 'json']) {
      const a = await run('reach', PL, '--format', format, '--port', 'all');
      const b = await run('reach', PL, '--format', format, '--port', 'all');
      expect(a.out).toBe(b.out);
    }
  });

  it('pairs beyond --max-traces are unknown, said so, and exit 1', async () => {
    const r = await run('reach', PL, '--max-traces', '3');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/UNKNOWN \(over --max-traces: not computed\)/);
    const csv = await run('reach', PL, '--max-traces', '0', '--format', 'csv');
    expect(csv.out).toContain(',unknown');
  });

  it('bad input: exit 2 with a message, never a stack trace', async () => {
    for (const argv of [
      ['reach', PL, '--from', 'nope'],
      ['reach', PL, '--port', '0'],
      ['reach', PL, '--port', '9-3'],
      ['reach', PL, '--protocol', 'sctp'],
      ['reach', PL, '--format', 'xml'],
      ['reach', PL, '--group-by', 'az'],
      ['reach', PL, '--protocol', 'all', '--port', '443'],
      ['reach', 'missing.yaml'],
      ['reach'],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});
