// `vpcsim check --baseline OLD`: the flows a change opens toward `protect:` destinations fail
// the run (exit 1) even with no check naming them; --fail-on opened fails on any opened
// flow; the protect block is validated (unknown ids and keys at their positions).
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { baselineFor } from '../../src/cli/check-baseline.js';
import { diagnosticsOf } from '../helpers/load.js';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {} });
  return { code, out, err };
}

const F = 'test/fixtures/diff';
const PROTECTED = `${F}/protect-new.yaml`;

describe('check --baseline', () => {
  it('a change that opens tcp/22 from the internet to a protected bastion fails, at the protect entry, with its why', async () => {
    const r = await run(['check', PROTECTED, '--baseline', `${F}/sg-widened-old.yaml`]);
    expect(r.code).toBe(1);
    const fails = r.out.split('\n').filter((l) => l.startsWith('FAIL'));
    expect(fails).toEqual([
      `FAIL  ${PROTECTED}:31  no SSH to the bastion from the internet: this change opens stranger-1, stranger-2 -> bastion tcp/22; why: sg-bastion ingress rule 2 (tcp port 22 from 0.0.0.0/0) allows 10.0.1.5:49152 -> 10.0.1.4:22 tcp (${PROTECTED}:19:13) [was ENI_SG_RULES_MISMATCH]`,
    ]);
    expect(r.out).toContain(`baseline ${F}/sg-widened-old.yaml: 1 opened flow fails the baseline`);
  });

  it('no change toward a protected destination: exit 0; --fail-on opened fails on any opened flow', async () => {
    const same = await run(['check', PROTECTED, '--baseline', `${F}/sg-widened-new.yaml`]);
    expect(same.code).toBe(0);
    expect(same.out).toContain('no protected flow opened');
    // web -> bastion opens too, but no entry protects it from inside the VPC.
    const any = await run(['check', PROTECTED, '--baseline', `${F}/sg-widened-old.yaml`, '--fail-on', 'opened']);
    expect(any.code).toBe(1);
    expect(any.out).toContain('an opened flow (--fail-on opened): this change opens web, stranger-1, stranger-2 -> bastion tcp/22');
  });

  it('github: an error annotation at the line of NEW that opened the flow', async () => {
    const r = await run(['check', PROTECTED, '--baseline', `${F}/sg-widened-old.yaml`, '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`^::error file=${PROTECTED},line=19,col=13,title=vpcsim check --baseline%3A no SSH to the bastion from the internet::`, 'm'));
  });

  it('json keeps stdout one document; the baseline goes to stderr', async () => {
    const r = await run(['check', PROTECTED, '--baseline', `${F}/sg-widened-old.yaml`, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(() => JSON.parse(r.out)).not.toThrow();
    expect(r.err).toContain('1 opened flow fails the baseline');
  });

  it('bad input: a baseline git cannot read, --fail-on without --baseline, a bad --fail-on', async () => {
    expect((await run(['check', PROTECTED, '--baseline', 'no-such-ref-for-vpcsim:x.yaml'])).code).toBe(2);
    expect((await run(['check', PROTECTED, '--baseline', 'no-such-ref-for-vpcsim'])).code).toBe(2);
    expect((await run(['check', PROTECTED, '--fail-on', 'opened'])).code).toBe(2);
    expect((await run(['check', PROTECTED, '--baseline', PROTECTED, '--fail-on', 'closed'])).code).toBe(2);
    expect((await run(['check', PROTECTED, `${F}/sg-widened-new.yaml`, '--baseline', PROTECTED])).code).toBe(2);
  });

  it('a bare revision compares each file with its own version there', () => {
    expect(baselineFor('main', 'net/estate.yaml', 2)).toBe('main:./net/estate.yaml');
    expect(baselineFor('origin/main', './a.yaml', 1)).toBe('origin/main:./a.yaml');
    expect(baselineFor(PROTECTED, 'a.yaml', 1)).toBe(PROTECTED);
    expect(() => baselineFor(PROTECTED, 'a.yaml', 2)).toThrow(/one topology file/);
  });
});

describe('the protect block', () => {
  const base = `version: 1
name: t
vpcs:
  v:
    cidr: 10.0.0.0/16
    subnets:
      s: { az: use1-az1, cidr: 10.0.1.0/24 }
    instances:
      i: { subnet: s }
`;
  it('loads: ids, lists, ports', () => {
    expect(diagnosticsOf(`${base}protect:\n  - { to: i, from: [internet, s], protocol: tcp, ports: 22-23 }\n  - { to: [v] }\n`)).toEqual([]);
  });
  it('unknown ids, unknown keys, bad ports and a missing to are errors at their positions', () => {
    expect(diagnosticsOf(`${base}protect:\n  - { to: nope }\n`)).toEqual(['UNKNOWN_REFERENCE@11:11']);
    expect(diagnosticsOf(`${base}protect:\n  - { to: [i, nope] }\n`)).toEqual(['UNKNOWN_REFERENCE@11:15']);
    expect(diagnosticsOf(`${base}protect:\n  - { to: i, port: 22 }\n`)).toEqual(['UNKNOWN_KEY@11:14']);
    expect(diagnosticsOf(`${base}protect:\n  - { to: i, ports: 99999 }\n`)).toEqual(['BAD_VALUE@11:21']);
    expect(diagnosticsOf(`${base}protect:\n  - { to: i, protocol: icmp, ports: 300 }\n`)).toEqual(['PORT_RANGE@11:37']);
    expect(diagnosticsOf(`${base}protect:\n  - { from: i }\n`)).toEqual(['MISSING_FIELD@11:5']);
  });
});
