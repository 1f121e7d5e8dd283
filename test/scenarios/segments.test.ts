// Segments and `only: { ports }` on the real engine, over the bundled segmentation scenario:
// it passes as written; a security group rule that opens one port range too many, or a
// direction the matrix does not allow, fails naming the pair, its classes, the extra ports
// and the witness's hops.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSegments } from '../../src/scenarios/run-check-files.js';
import { runCheck } from '../../src/scenarios/run-check.js';
import { newFlowBudget } from '../../src/scenarios/check-limits.js';
import { traceFlow } from '../../src/engine/trace-flow.js';
import { topologyOf } from '../helpers/load.js';

const TEXT = readFileSync('scenarios/segments-three-tier.yaml', 'utf8');

function results(text: string) {
  const t = topologyOf(text, 'segments.yaml');
  const budget = newFlowBudget();
  return [...t.checks.map((c) => runCheck(t, c, traceFlow, budget)), ...runSegments(t, t.segments!, traceFlow, budget)];
}

describe('segments', () => {
  it('the bundled matrix passes: every pair of two segments checked, allowed ones on their ports only', () => {
    const r = results(TEXT);
    expect(r.map((x) => [x.check.name, x.status])).toContainEqual(['segment web -> app: nothing but tcp/8080', 'pass']);
    expect(r.filter((x) => x.check.name.startsWith('segment ')).map((x) => x.check.name)).toHaveLength(12);
    expect(r.every((x) => x.status === 'pass')).toBe(true);
    expect(r.map((x) => x.check.index)).toEqual(r.map((_, i) => i));
  });

  it('a wider rule fails the allowed direction, naming the pair, its classes and the extra port ranges', () => {
    const r = results(TEXT
      .replace('- { protocol: tcp, ports: 8080, securityGroup: sg-web }', '- { protocol: tcp, ports: 8000-8100, securityGroup: sg-web }')
      .replace('- { protocol: tcp, ports: 8080, securityGroup: sg-app }', '- { protocol: all, securityGroup: sg-app }'));
    const seg = r.find((x) => x.check.name === 'segment web -> app: nothing but tcp/8080')!;
    expect(seg).toMatchObject({ status: 'fail', pairs: 4, failedPairs: 4 });
    expect(seg.failures[0]).toMatchObject({
      kind: 'OUTSIDE_ONLY_PORTS', from: 'web-1', to: 'app-1', protocol: 'tcp', port: 8000,
      expected: 'nothing but tcp/8080', got: 'reachable on tcp/8000-8079, tcp/8081-8100',
      classes: { from: { members: ['web-1'], subnet: 'web-a' }, to: { members: ['app-1'], subnet: 'app-a' }, pairs: 1, ports: ['tcp/8000-8079', 'tcp/8081-8100'] },
    });
    expect(seg.failures[0]!.path).toEqual(['web-1', 'sg-web', 'vpc-shop/main', 'vpc-shop/default-acl', 'sg-app', 'app-1']);
    // The file's own only-ports check fails the same way.
    expect(r.find((x) => x.check.name === 'web reaches app on 8080, and on nothing else')).toMatchObject({ status: 'fail', failures: [{ kind: 'OUTSIDE_ONLY_PORTS' }] });
  });

  it('a direction the matrix does not allow fails its isolation, with the witness hops', () => {
    const text = TEXT
      .replace('- { protocol: tcp, ports: 8080, securityGroup: sg-app }', '- { protocol: tcp, ports: 8080, securityGroup: sg-app }\n          - { protocol: tcp, ports: 5432, securityGroup: sg-db }')
      .replace('- { protocol: tcp, ports: 5432, securityGroup: sg-app }', '- { protocol: tcp, ports: 5432, securityGroup: sg-app }\n          - { protocol: tcp, ports: 5432, cidr: 10.20.0.0/20 }');
    const r = results(text);
    const seg = r.find((x) => x.check.name === 'segment web -> data: isolated')!;
    expect(seg).toMatchObject({ status: 'fail', pairs: 2, failedPairs: 2 });
    expect(seg.failures.map((f) => [f.kind, f.from, f.to, f.got])).toEqual([
      ['NOT_ISOLATED', 'web-1', 'db-1', 'reachable on tcp/5432'],
      ['NOT_ISOLATED', 'web-2', 'db-1', 'reachable on tcp/5432'],
    ]);
    expect(seg.failures[0]!.path).toEqual(['web-1', 'sg-web', 'vpc-shop/main', 'vpc-shop/default-acl', 'sg-db', 'db-1']);
    expect(seg.failures[0]!.classes).toMatchObject({ from: { subnet: 'web-a' }, to: { members: ['db-1'] }, pairs: 1 });
    expect(r.filter((x) => x.status === 'fail').map((x) => x.check.name)).toEqual(['segment web -> data: isolated']);
  });
});
