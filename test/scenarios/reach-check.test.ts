// Checks answered by the all-pairs engine on the real engine: an `isolated` check between
// subnets is answered over every protocol and port atom, its failing pairs counted by class
// and each class pair explained by one traced witness; a verdict check over more pairs than
// are traced one by one is answered instead of refused.
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/scenarios/run-check.js';
import { reportText } from '../../src/scenarios/report-text.js';
import { checkRunJson } from '../../src/scenarios/report-json.js';
import { summarize } from '../../src/scenarios/run-check-files.js';
import { topologyOf } from '../helpers/load.js';

const TIERS = `version: 1
name: two tiers
region: us-east-1
vpcs:
  vpc-a:
    cidr: 10.0.0.0/16
    subnets:
      web: { az: use1-az1, cidr: 10.0.1.0/24 }
      db: { az: use1-az1, cidr: 10.0.2.0/24 }
    securityGroups:
      sg-web:
        egress:
          - { protocol: all, cidr: 0.0.0.0/0 }
      sg-db:
        ingress:
          - { protocol: tcp, ports: 5432, securityGroup: sg-web }
          - { protocol: tcp, ports: 8000-8010, cidr: 10.0.1.0/24 }
        egress:
          - { protocol: all, cidr: 0.0.0.0/0 }
    instances:
      web-1: { subnet: web, securityGroups: [sg-web] }
      web-2: { subnet: web, securityGroups: [sg-web] }
      web-3: { subnet: web, securityGroups: [sg-web] }
      db-1: { subnet: db, securityGroups: [sg-db] }
      db-2: { subnet: db, securityGroups: [sg-db] }
`;

function run(check: string) {
  const t = topologyOf(`${TIERS}checks:\n${check}`, 'tiers.yaml');
  return runCheck(t, t.checks[0]!);
}

describe('checks answered by the all-pairs engine', () => {
  it('isolated: every port atom of every protocol, failing pairs by class with a traced witness', () => {
    const r = run('  - { name: i, from: { subnet: web }, to: { subnet: db }, isolated: true }\n');
    expect(r).toMatchObject({ status: 'fail', pairs: 6, failedPairs: 6 });
    expect(r.failures).toHaveLength(1);
    const f = r.failures[0]!;
    expect(f).toMatchObject({ kind: 'NOT_ISOLATED', from: 'web-1', to: 'db-1', protocol: 'tcp', port: 5432, got: 'reachable on tcp/5432, tcp/8000-8010' });
    expect(f.classes).toMatchObject({ from: { size: 3, members: ['web-1', 'web-2', 'web-3'], subnet: 'web' }, to: { size: 2, members: ['db-1', 'db-2'], subnet: 'db' }, pairs: 6, ports: ['tcp/5432', 'tcp/8000-8010'] });
    expect(f.trace?.reachable).toBe(true);
    expect(f.path).toEqual(['web-1', 'sg-web', 'vpc-a/main', 'vpc-a/default-acl', 'sg-db', 'db-1']);
    const text = reportText(summarize([{ file: 'tiers.yaml', diagnostics: [], checks: [r] }]));
    expect(text).toMatch(/classes: {2}c\d+ \(3 in web: web-1, web-2, web-3\) -> c\d+ \(2 in db: db-1, db-2\), 6 pairs alike/);
    const json = checkRunJson(summarize([{ file: 'tiers.yaml', diagnostics: [], checks: [r] }])) as { files: { checks: { failures: { classes: unknown }[] }[] }[] };
    expect(json.files[0]!.checks[0]!.failures[0]!.classes).toMatchObject({ from: { size: 3, subnet: 'web' }, to: { size: 2 }, pairs: 6, ports: ['tcp/5432', 'tcp/8000-8010'] });
  });

  it('isolated passes the other way (security groups pass replies, nothing opens db to web)', () => {
    expect(run('  - { name: i, from: { subnet: db }, to: { subnet: web }, isolated: true }\n')).toMatchObject({ status: 'pass', pairs: 6, failedPairs: 0 });
  });

  it('an isolated check names each failing class pair: web-3 alone holds another address atom', () => {
    const t = topologyOf(`${TIERS.replace('web-3: { subnet: web, securityGroups: [sg-web] }', 'web-3: { subnet: web, securityGroups: [sg-web], privateIp: 10.0.1.200 }').replace('ports: 8000-8010, cidr: 10.0.1.0/24', 'ports: 8000-8010, cidr: 10.0.1.192/26')}checks:\n  - { name: i, from: { subnet: web }, to: db-1, isolated: true }\n`);
    const r = runCheck(t, t.checks[0]!);
    expect(r).toMatchObject({ status: 'fail', pairs: 3, failedPairs: 3 });
    expect(r.failures.map((f) => [f.from, f.classes?.pairs, f.got])).toEqual([
      ['web-1', 2, 'reachable on tcp/5432'],
      ['web-3', 1, 'reachable on tcp/5432, tcp/8000-8010'],
    ]);
  });
});
