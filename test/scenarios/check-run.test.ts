import { describe, expect, it } from 'vitest';
import type { FlowQuery } from '../../src/engine/query.js';
import { runCheck, type TraceFn } from '../../src/scenarios/run-check.js';
import { ICMP_TYPES, WELL_KNOWN_PORTS } from '../../src/scenarios/isolation-probes.js';
import { topologyOf } from '../helpers/load.js';
import { CHECK_FIXTURE, withChecks } from './check-fixture.js';
import { fakeTracer, span, type FakePath } from './fake-tracer.js';

/** Run the only check of a fixture with these checks. */
function run(checkYaml: string, tracer: TraceFn) {
  const t = topologyOf(withChecks(checkYaml));
  return runCheck(t, t.checks[0]!, tracer);
}

const toNat: FakePath = { reachable: true, hops: [['web-1', 'instance'], ['sg-web', 'securityGroup'], ['nat-a', 'natGateway'], ['igw-a', 'internetGateway'], ['web-host', 'internetHost']] };
const toEndpoint: FakePath = { reachable: true, hops: [['web-1', 'instance'], ['sg-web', 'securityGroup'], ['vpce-kms/sub-1', 'endpointEni']] };
const blockedBySg: FakePath = { reachable: false, hops: [['web-1', 'instance'], ['sg-web', 'securityGroup']], codes: ['ENI_SG_RULES_MISMATCH'], at: span(17, 13) };

describe('running a check', () => {
  it('passes expect: reachable when the engine says reachable, and fails with the blocking rule when not', () => {
    const ok = run('  - { name: ok, from: web-1, to: web-host:443 }\n', fakeTracer({ 'web-1 -> web-host': toNat }));
    expect(ok.status).toBe('pass');
    const bad = run('  - { name: bad, from: web-1, to: web-host:443 }\n', fakeTracer({ 'web-1 -> web-host': blockedBySg }));
    expect(bad.status).toBe('fail');
    expect(bad.failures[0]).toMatchObject({
      kind: 'UNEXPECTED_UNREACHABLE',
      from: 'web-1',
      to: 'web-host',
      protocol: 'tcp',
      port: 443,
      expected: 'reachable',
      codes: ['ENI_SG_RULES_MISMATCH'],
      blocker: { component: { id: 'sg-web', kind: 'securityGroup' }, location: { line: 17, col: 13 } },
    });
  });

  it('checks expect: unreachable and its because code', () => {
    const tracer = fakeTracer({ 'web-1 -> web-host': blockedBySg, 'web-2 -> web-host': toNat });
    expect(run('  - { name: u, from: web-1, to: web-host:443, expect: unreachable, because: ENI_SG_RULES_MISMATCH }\n', tracer).status).toBe('pass');
    const wrong = run('  - { name: u, from: web-1, to: web-host:443, expect: unreachable, because: NO_ROUTE_TO_DESTINATION }\n', tracer);
    expect(wrong.failures.map((f) => f.kind)).toEqual(['WRONG_REASON']);
    const open = run('  - { name: u, from: web-2, to: web-host:443, expect: unreachable }\n', tracer);
    expect(open.failures.map((f) => [f.kind, f.got])).toEqual([['UNEXPECTED_REACHABLE', 'reachable']]);
  });

  it('holds for every pair of the selectors and names the first 5 failing pairs with a count', () => {
    const calls: FlowQuery[] = [];
    const r = run('  - { name: all, from: { vpc: vpc-a }, to: [internet, other], port: 443 }\n', fakeTracer({ 'web-1 -> web-host': toNat }, calls));
    expect(calls.map((q) => `${q.from}>${q.to}`)).toEqual([
      'db-1>mirror', 'db-1>web-host', 'db-1>other', 'web-1>mirror', 'web-1>web-host', 'web-1>other', 'web-2>mirror', 'web-2>web-host', 'web-2>other',
    ]);
    expect(r).toMatchObject({ status: 'fail', pairs: 9, failedPairs: 8 });
    expect(r.failures.map((f) => `${f.from}>${f.to}`)).toEqual(['db-1>mirror', 'db-1>web-host', 'db-1>other', 'web-1>mirror', 'web-1>other']);
  });

  it('does not ask an endpoint to reach itself', () => {
    const calls: FlowQuery[] = [];
    run('  - { name: sg, from: { securityGroup: sg-web }, to: { securityGroup: sg-web }, port: 443 }\n', fakeTracer({}, calls));
    expect(calls.map((q) => `${q.from}>${q.to}`)).toEqual(['web-1>web-2', 'web-1>vpce-kms/sub-1', 'web-2>web-1', 'web-2>vpce-kms/sub-1']);
  });

  it('via: every id on every reachable path; an endpoint id matches its interfaces', () => {
    const tracer = fakeTracer({ 'web-1 -> vpce-kms': toEndpoint });
    expect(run('  - { name: v, from: web-1, to: vpce-kms:443, via: [vpce-kms, sg-web] }\n', tracer).status).toBe('pass');
    const r = run('  - { name: v, from: web-1, to: vpce-kms:443, via: [vpce-kms, nat-a] }\n', tracer);
    expect(r.failures.map((f) => [f.kind, f.got])).toEqual([['VIA_NOT_CROSSED', 'a path that does not cross nat-a']]);
    expect(r.failures[0]!.path).toEqual(['web-1', 'sg-web', 'vpce-kms/sub-1']);
  });

  it('never: no reachable path crosses the ids or kinds; without expect the flow must be reachable', () => {
    const tracer = fakeTracer({ 'web-1 -> web-host': toNat, 'web-1 -> vpce-kms': toEndpoint, 'web-2 -> web-host': blockedBySg });
    expect(run('  - { name: n, from: web-1, to: vpce-kms:443, never: [natGateway] }\n', tracer).status).toBe('pass');
    // An unreachable flow crosses nothing: without expect it fails (no vacuous pass) ...
    expect(run('  - { name: n, from: web-2, to: web-host:443, never: [natGateway] }\n', tracer).failures[0]!.kind).toBe('UNEXPECTED_UNREACHABLE');
    // ... and a check that means "unreachable, or never through X" says expect: unreachable.
    expect(run('  - { name: n, from: web-2, to: web-host:443, expect: unreachable, never: [natGateway] }\n', tracer).status).toBe('pass');
    const byKind = run('  - { name: n, from: [web-1, web-2], to: web-host:443, expect: reachable, never: [natGateway] }\n', tracer);
    expect(byKind).toMatchObject({ status: 'fail', failedPairs: 2 });
    expect(byKind.failures[0]).toMatchObject({ kind: 'NEVER_CROSSED', from: 'web-1', blocker: { component: { id: 'nat-a', kind: 'natGateway' } } });
    expect(run('  - { name: n, from: web-1, to: web-host:443, never: [igw-a] }\n', tracer).failures[0]!.kind).toBe('NEVER_CROSSED');
  });

  it('only: every reachable path crosses at least one of the ids', () => {
    const tracer = fakeTracer({ 'web-1 -> web-host': toNat, 'web-1 -> vpce-kms': toEndpoint });
    expect(run('  - { name: o, from: web-1, to: web-host:443, only: [nat-a, vpce-kms] }\n', tracer).status).toBe('pass');
    const r = run('  - { name: o, from: web-1, to: [web-host, vpce-kms], port: 443, only: [nat-a] }\n', tracer);
    expect(r).toMatchObject({ status: 'fail', pairs: 2, failedPairs: 1 });
    expect(r.failures[0]).toMatchObject({ kind: 'ONLY_NOT_CROSSED', to: 'vpce-kms' });
  });

  it('isolated: probes tcp and udp on well-known ports and rule edges, icmp, and all; passes when none is reachable', () => {
    const calls: FlowQuery[] = [];
    const r = run('  - { name: i, from: web-1, to: db-1, isolated: true }\n', fakeTracer({}, calls));
    expect(r.status).toBe('pass');
    const probes = calls.map((q) => `${q.protocol}${q.port === undefined ? '' : `/${q.port}`}`);
    for (const p of [...WELL_KNOWN_PORTS, 1, 65535, 7999, 8000, 8010, 8011]) {
      expect(probes).toContain(`tcp/${p}`);
      expect(probes).toContain(`udp/${p}`);
    }
    for (const type of ICMP_TYPES) expect(probes).toContain(`icmp/${type}`);
    expect(probes).toContain('all');
    expect(new Set(probes).size).toBe(probes.length);
  });

  it('isolated: fails on the first reachable probe of each pair', () => {
    const calls: FlowQuery[] = [];
    const tracer = fakeTracer({ 'web-1 -> db-1 udp/8011': toNat }, calls);
    const r = run('  - { name: i, from: [web-1, web-2], to: db-1, isolated: true }\n', tracer);
    expect(r).toMatchObject({ status: 'fail', pairs: 2, failedPairs: 1 });
    expect(r.failures[0]).toMatchObject({ kind: 'NOT_ISOLATED', from: 'web-1', protocol: 'udp', port: 8011, got: 'reachable on udp/8011' });
    expect(calls.filter((q) => q.from === 'web-1').at(-1)).toMatchObject({ protocol: 'udp', port: 8011 });
  });

  it('passes principal, action and resource through to the query', () => {
    const calls: FlowQuery[] = [];
    run(
      '  - { name: p, from: web-1, to: web-host:443, principal: "arn:aws:iam::111111111111:root", action: "s3:GetObject", resource: "arn:aws:s3:::b/*", sourcePort: 50000 }\n',
      fakeTracer({}, calls),
    );
    expect(calls[0]).toEqual({
      from: 'web-1', to: 'web-host', protocol: 'tcp', port: 443, sourcePort: 50000,
      principal: 'arn:aws:iam::111111111111:root', action: 's3:GetObject', resource: 'arn:aws:s3:::b/*',
    });
  });
});

describe('checks that cannot run (bad input)', () => {
  const codes = (yaml: string, tracer: TraceFn = fakeTracer({})) => {
    const r = run(yaml, tracer);
    expect(r.status).toBe('error');
    return r.errors.map((e) => `${e.code}@${e.span.line}:${e.span.col}`);
  };
  // The first check sits on the line after `checks:`, at column 5.
  const L = CHECK_FIXTURE.split('\n').length + 1;
  it('positions unknown ids at from / to', () => {
    expect(codes('  - name: x\n    from: web-3\n    to: db-1:443\n')).toEqual([`UNKNOWN_CHECK_ID@${L + 1}:11`]);
    expect(codes('  - name: x\n    from: web-1\n    to: { subnet: sub-9 }\n    port: 22\n')).toEqual([`UNKNOWN_CHECK_ID@${L + 2}:9`]);
  });

  it('reports unknown ids and kinds in via, only and never, with did-you-mean', () => {
    const r = run('  - { name: x, from: web-1, to: db-1:443, via: [nat-b], only: [igw-a], never: [natGatway] }\n', fakeTracer({}));
    expect(r.errors.map((e) => e.code)).toEqual(['UNKNOWN_CHECK_ID', 'UNKNOWN_CHECK_ID']);
    expect(r.errors[0]!.message).toContain('did you mean "nat-a"');
    expect(r.errors[1]!.message).toContain('did you mean "natGateway"');
  });

  it('reports a because that is not an explanation code, and contradictions', () => {
    expect(codes('  - { name: x, from: web-1, to: db-1:443, because: NO_ROUTE }\n')).toEqual([`UNKNOWN_EXPLANATION_CODE@${L}:5`]);
    expect(codes('  - { name: x, from: web-1, to: db-1:443, expect: reachable, because: NO_PATH }\n')).toEqual([`CONFLICTING_CHECK_FIELDS@${L}:5`]);
    expect(codes('  - { name: x, from: web-1, to: db-1, isolated: true, via: [sg-web] }\n')).toEqual([`CONFLICTING_CHECK_FIELDS@${L}:5`]);
  });

  it('needs a port for tcp and udp', () => {
    expect(codes('  - name: x\n    from: web-1\n    to: db-1\n')).toEqual([`MISSING_PORT@${L + 2}:9`]);
  });

  it('turns an engine query error into QUERY_REJECTED', () => {
    expect(codes('  - { name: x, from: web-1, to: db-1:443 }\n', fakeTracer({ 'web-1 -> db-1': { kind: 'queryError', message: 'nope' } }))).toEqual([`QUERY_REJECTED@${L}:5`]);
  });
});
