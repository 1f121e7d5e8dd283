// Checks and invariants on the real engine, over the bundled NAT gateway scenario with
// checks of our own in place of its own.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/scenarios/run-check.js';
import { topologyOf } from '../helpers/load.js';

const NAT = readFileSync('scenarios/nat-gateway-egress.yaml', 'utf8');
const base = NAT.slice(0, NAT.indexOf('\nchecks:') + 1);

/** Run the only check of the NAT scenario with this check. */
function run(check: string) {
  const t = topologyOf(`${base}checks:\n${check}`, 'nat.yaml');
  return runCheck(t, t.checks[0]!);
}

describe('invariants on the engine', () => {
  it('never: a private instance reaching the internet crosses a NAT gateway', () => {
    const r = run('  - { name: n, from: worker, to: updates:443, never: [natGateway] }\n');
    expect(r.status).toBe('fail');
    expect(r.failures[0]).toMatchObject({ kind: 'NEVER_CROSSED', blocker: { component: { id: 'nat-a', kind: 'natGateway' } } });
    expect(run('  - { name: n, from: worker, to: updates:443, never: [peeringConnection, vpc-main/default-acl-nope] }\n').status).toBe('error');
    expect(run('  - { name: n, from: worker, to: updates:443, never: [peeringConnection] }\n').status).toBe('pass');
  });

  it('never without expect asks a reachable flow: an unreachable one fails, never a vacuous pass', () => {
    const r = run('  - { name: n, from: no-public-ip, to: updates:443, never: [internetGateway] }\n');
    expect(r.status).toBe('fail');
    expect(r.failures[0]!.kind).toBe('UNEXPECTED_UNREACHABLE');
    expect(run('  - { name: n, from: no-public-ip, to: updates:443, expect: unreachable, never: [internetGateway] }\n').status).toBe('pass');
  });

  it('only: every path to the internet from the private subnet crosses the NAT gateway', () => {
    expect(run('  - { name: o, from: { subnet: private-a }, to: internet:443, only: [nat-a] }\n').status).toBe('pass');
    const r = run('  - { name: o, from: { subnet: private-a }, to: internet:443, only: [no-public-ip] }\n');
    expect(r).toMatchObject({ status: 'fail', failedPairs: 1 });
    expect(r.failures[0]!.kind).toBe('ONLY_NOT_CROSSED');
  });

  it('isolated: the internet cannot open any flow to the private instance, but the instance reaches out', () => {
    expect(run('  - { name: i, from: internet, to: worker, isolated: true }\n')).toMatchObject({ status: 'pass', pairs: 1 });
    const r = run('  - { name: i, from: worker, to: updates, isolated: true }\n');
    expect(r.status).toBe('fail');
    expect(r.failures[0]).toMatchObject({ kind: 'NOT_ISOLATED', protocol: 'tcp' });
  });

  it('via and because as in the bundled checks', () => {
    expect(run('  - { name: v, from: worker, to: updates.example.com:443, via: [nat-a, igw-main] }\n').status).toBe('pass');
    expect(run('  - { name: v, from: worker, to: updates.example.com:443, via: [nat-a, no-public-ip] }\n').failures[0]!.kind).toBe('VIA_NOT_CROSSED');
    expect(run('  - { name: b, from: updates, to: 203.0.113.50:22, because: NO_INBOUND_THROUGH_NAT }\n').status).toBe('pass');
    expect(run('  - { name: b, from: updates, to: 203.0.113.50:22, because: NO_ROUTE_TO_DESTINATION }\n').failures[0]!.kind).toBe('WRONG_REASON');
  });
});
