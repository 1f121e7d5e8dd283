// `diff` on pairs of topologies built for the purpose (test/fixtures/diff): each asserts the
// exact set of changed (sources, destinations, port range) groups with before and after,
// so a flow that did not change can never be reported; and the why of each: the side, the
// component, the code and the line of the rule.
import { describe, expect, it } from 'vitest';
import { computeDiff, type DiffQuery } from '../../src/diff/compute-diff.js';
import type { DiffResult } from '../../src/diff/diff-result.js';
import { loadTopologyFile } from '../../src/model/load-topology.js';
import type { Topology } from '../../src/model/topology.js';

function load(name: string): Topology {
  const r = loadTopologyFile(`test/fixtures/diff/${name}.yaml`);
  if (!r.topology) throw new Error(`${name}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.topology;
}

function diff(a: string, b: string, query: Partial<DiffQuery> = {}): DiffResult {
  return computeDiff(load(a), load(b), { protocols: ['tcp'], ...query });
}

/** The changes as (sources, destinations, ports, before, after) tuples. */
function groups(d: DiffResult): string[] {
  return d.changes.map((c) => `${c.sources.join(',')} -> ${c.destinations.join(',')} ${c.protocol}/${c.portFrom}-${c.portTo} ${c.before}->${c.after}`);
}

function at(d: DiffResult, i: number): { side: string | undefined; component: string | undefined; code: string | undefined; where: string | undefined; direction: string | undefined } {
  const w = d.changes[i]?.why;
  return { side: w?.side, component: w?.component.id, code: w?.code, where: w?.location && `${w.location.file.split('/').pop()}:${w.location.line}:${w.location.col}`, direction: w?.direction };
}

describe('diff on built pairs', () => {
  it('a security group widened: the internet (and the VPC) can now reach bastion on tcp/22, one change', () => {
    const d = diff('sg-widened-old', 'sg-widened-new');
    expect(groups(d)).toEqual(['web,stranger-1,stranger-2 -> bastion tcp/22-22 unreachable->reachable']);
    expect(d.changes[0]!.pairs).toBe(3);
    expect(at(d, 0)).toEqual({ side: 'new', component: 'sg-bastion', code: 'ENI_SG_RULES_MISMATCH', where: 'sg-widened-new.yaml:19:13', direction: 'forward' });
    expect(d.changes[0]!.why!.agrees).toBe(true);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
  });

  it('a route removed: both directions over the peering close (one on the reply); the cause is OLD\'s route', () => {
    const d = diff('peering-old', 'route-removed-new');
    expect(groups(d)).toEqual([
      'host-a -> host-b tcp/443-443 reachable->unreachable',
      'host-b -> host-a tcp/443-443 reachable->unreachable',
    ]);
    expect(at(d, 0)).toEqual({ side: 'old', component: 'rtb-a', code: 'NO_ROUTE_TO_DESTINATION', where: 'peering-old.yaml:20:13', direction: 'forward' });
    expect(at(d, 1)).toEqual({ side: 'old', component: 'rtb-a', code: 'NO_ROUTE_TO_DESTINATION', where: 'peering-old.yaml:20:13', direction: 'return' });
    expect(d.changes.every((c) => c.why?.agrees)).toBe(true);
  });

  it('an endpoint accepted (pendingAcceptance -> available): the client reaches both endpoint interfaces on the listener port', () => {
    const d = diff('endpoint-state-old', 'endpoint-state-new');
    expect(groups(d)).toEqual(['client -> vpce-api/consumer-a,vpce-api/consumer-b tcp/443-443 unreachable->reachable']);
    expect(at(d, 0)).toEqual({ side: 'new', component: 'vpce-api/consumer-a', code: 'BAD_STATE', where: 'endpoint-state-new.yaml:74:7', direction: 'forward' });
  });

  it('a peering added: A and C reach each other on tcp/443; the peering is an added resource, not a flow', () => {
    const d = diff('peering-old', 'peering-added-new');
    expect(groups(d)).toEqual([
      'host-a -> host-c tcp/443-443 unreachable->reachable',
      'host-c -> host-a tcp/443-443 unreachable->reachable',
    ]);
    expect(at(d, 0)).toEqual({ side: 'new', component: 'rtb-a', code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', where: 'peering-added-new.yaml:21:13', direction: 'forward' });
    expect(at(d, 1)).toEqual({ side: 'new', component: 'rtb-c', code: 'NO_ROUTE_TO_DESTINATION', where: 'peering-added-new.yaml:51:13', direction: 'forward' });
    expect(d.added.map((r) => `${r.id}:${r.kind}`)).toEqual(['pcx-a-c:peeringConnection']);
    expect(d.removed).toEqual([]);
  });

  it('an endpoint policy tightened: a request it no longer allows closes app -> the KMS endpoint; without a request nothing changes', () => {
    const request = { principal: 'arn:aws:iam::111111111111:role/app', action: 'kms:Encrypt', resource: '*' };
    const d = diff('endpoint-policy-old', 'endpoint-policy-new', { request });
    expect(groups(d)).toEqual(['app -> vpce-kms/private-a,vpce-kms/private-b tcp/443-443 reachable->unreachable']);
    expect(at(d, 0)).toEqual({ side: 'new', component: 'vpce-kms', code: 'ENDPOINT_POLICY_DENY', where: 'endpoint-policy-new.yaml:41:7', direction: 'forward' });
    // Policies judge requests: the network paths are the same.
    expect(groups(diff('endpoint-policy-old', 'endpoint-policy-new'))).toEqual([]);
    // A request the tightened policy still allows changes nothing either.
    expect(groups(diff('endpoint-policy-old', 'endpoint-policy-new', { request: { ...request, action: 'kms:Decrypt' } }))).toEqual([]);
  });

  it('pairs that changed alike for different reasons are separate changes, each with its own cause', () => {
    // From a route removed to the peering back plus a new peering: host-a reaches host-b
    // over the restored route and host-c over the new peering's.
    const d = diff('route-removed-new', 'peering-added-new');
    expect(groups(d)).toEqual([
      'host-a -> host-b tcp/443-443 unreachable->reachable',
      'host-a -> host-c tcp/443-443 unreachable->reachable',
      'host-b -> host-a tcp/443-443 unreachable->reachable',
      'host-c -> host-a tcp/443-443 unreachable->reachable',
    ]);
    expect(d.changes.map((c) => at(d, d.changes.indexOf(c)).where)).toEqual([
      'peering-added-new.yaml:20:13', 'peering-added-new.yaml:21:13', 'peering-added-new.yaml:20:13', 'peering-added-new.yaml:51:13',
    ]);
    // With no witness budget, nothing is explained and nothing is split.
    const bare = diff('route-removed-new', 'peering-added-new', { maxWhy: 0 });
    expect(bare.changes.every((c) => c.why === undefined)).toBe(true);
    expect(bare.whyOmitted).toBe(bare.changes.length);
  });

  it('a version against itself reports nothing', () => {
    for (const name of ['sg-widened-old', 'peering-old', 'endpoint-state-new', 'endpoint-policy-new']) {
      const d = diff(name, name);
      expect(d.changes).toEqual([]);
      expect(d.added).toEqual([]);
      expect(d.removed).toEqual([]);
    }
  });

  it('ports: a narrower --port, one port, and udp see only what they ask', () => {
    expect(groups(diff('sg-widened-old', 'sg-widened-new', { port: { from: 20, to: 21 } }))).toEqual([]);
    expect(groups(diff('sg-widened-old', 'sg-widened-new', { port: 22 }))).toEqual(['web,stranger-1,stranger-2 -> bastion tcp/22-22 unreachable->reachable']);
    expect(groups(diff('sg-widened-old', 'sg-widened-new', { protocols: ['udp'] }))).toEqual([]);
  });

  it('selectors narrow the ends compared', () => {
    const d = diff('sg-widened-old', 'sg-widened-new', { sources: new Set(['stranger-1']) });
    expect(groups(d)).toEqual(['stranger-1 -> bastion tcp/22-22 unreachable->reachable']);
    expect(groups(diff('sg-widened-old', 'sg-widened-new', { destinations: new Set(['web']) }))).toEqual([]);
  });
});
