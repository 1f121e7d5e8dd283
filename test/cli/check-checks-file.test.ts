// `vpcsim check INPUT --checks FILE`: checks kept apart from a Terraform plan (or a snapshot,
// or a topology with checks of its own), reported at the checks file's line, and every
// problem of the checks file an error at its line:col with exit 2.
import { describe, expect, it } from 'vitest';
import { runVpcsim } from '../helpers/run-cli.js';

const PLAN = 'examples/terraform/plan.json';
const CHECKS = 'examples/terraform/checks.yaml';
const FIXTURES = 'test/fixtures/checks-file';

describe('check --checks', () => {
  it('runs the example checks against the example plan, each reported at its line of the checks file', async () => {
    const r = await runVpcsim('check', PLAN, '--checks', CHECKS);
    expect(r.code, r.out + r.err).toBe(0);
    const lines = r.out.split('\n').filter((l) => l.startsWith('PASS') || l.startsWith('FAIL'));
    expect(lines.map((l) => l.split('  ')[1])).toEqual([5, 10, 15, 20, 24].map((n) => `${CHECKS}:${n} (on ${PLAN} (imported))`));
    expect(r.out).toContain('5 passed, 0 failed');
  });

  it('says in JSON which file a check is written in', async () => {
    const r = await runVpcsim('check', PLAN, '--checks', CHECKS, '--format', 'json');
    expect(r.code).toBe(0);
    const checks = (JSON.parse(r.out) as { files: { file: string; checks: { checksFile?: string; line: number; status: string }[] }[] }).files[0]!.checks;
    expect(checks.map((c) => [c.checksFile, c.line, c.status])).toEqual([5, 10, 15, 20, 24].map((n) => [CHECKS, n, 'pass']));
  });

  it('runs a topology\'s own checks first, then the checks file\'s', async () => {
    const r = await runVpcsim('check', 'scenarios/s3-gateway-endpoint.yaml', '--checks', `${FIXTURES}/s3-extra.checks.yaml`);
    expect(r.code, r.out + r.err).toBe(0);
    const places = r.out.split('\n').filter((l) => l.startsWith('PASS')).map((l) => l.split('  ')[1]);
    expect(places.slice(0, 3).every((p) => p!.startsWith('scenarios/s3-gateway-endpoint.yaml:'))).toBe(true);
    expect(places.slice(3)).toEqual([`${FIXTURES}/s3-extra.checks.yaml:2 (on scenarios/s3-gateway-endpoint.yaml)`]);
  });

  it('refuses a typo in a check of the checks file at its line:col', async () => {
    const r = await runVpcsim('check', PLAN, '--checks', `${FIXTURES}/typo.checks.yaml`);
    expect(r.code).toBe(2);
    expect(r.out + r.err).toMatch(new RegExp(`${FIXTURES}/typo\\.checks\\.yaml:5:5: error UNKNOWN_KEY`));
  });

  it('refuses an id the plan does not hold, at its line:col in the checks file', async () => {
    const r = await runVpcsim('check', PLAN, '--checks', `${FIXTURES}/unknown-id.checks.yaml`);
    expect(r.code).toBe(2);
    expect(r.out + r.err).toMatch(new RegExp(`${FIXTURES}/unknown-id\\.checks\\.yaml:3:11: error`));
    expect(r.out + r.err).toContain('aws_instance.nope');
  });

  it('refuses resources in a checks file: they belong to the topology', async () => {
    const r = await runVpcsim('check', PLAN, '--checks', `${FIXTURES}/resources.checks.yaml`);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`${FIXTURES}/resources\\.checks\\.yaml:2:1: error UNKNOWN_KEY`));
    expect(r.out).toBe('');
  });

  it('refuses a checks file that does not exist', async () => {
    const r = await runVpcsim('check', PLAN, '--checks', `${FIXTURES}/missing.yaml`);
    expect(r.code).toBe(2);
    expect(r.err).toContain('FILE_UNREADABLE');
  });

  it('without --checks, a plan has no checks, and the warning says how to give them', async () => {
    const r = await runVpcsim('check', PLAN);
    expect(r.code).toBe(0);
    expect(r.err).toContain('--checks FILE');
  });
});

describe('check --checks with --baseline', () => {
  it('a protect: entry of the checks file fails a change that opens toward it, at its line', async () => {
    const r = await runVpcsim('check', 'test/fixtures/diff/sg-widened-new.yaml', '--checks', `${FIXTURES}/protect.checks.yaml`, '--baseline', 'test/fixtures/diff/sg-widened-old.yaml');
    expect(r.code).toBe(1);
    expect(r.out.split('\n').filter((l) => l.startsWith('FAIL'))[0]).toMatch(new RegExp(`^FAIL  ${FIXTURES}/protect\\.checks\\.yaml:3  no SSH to the bastion from the internet: this change opens stranger-1, stranger-2 -> bastion tcp/22`));
  });
});
