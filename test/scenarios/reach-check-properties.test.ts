// Checks answered by the all-pairs engine are the checks answered pair by pair: over generated
// topologies (PrivateLink, NAT, peering, endpoints, ACLs), an `isolated` check or a verdict
// check between generated selectors gets the same status and the same number of failing
// pairs from `reach` (every port atom) as from one trace per pair and probe.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawCheck, RawSelector, RawTopology } from '../../src/model/format.js';
import { expandSelector } from '../../src/scenarios/expand-selector.js';
import { reachAnswers } from '../../src/scenarios/reach-check.js';
import { runCheck } from '../../src/scenarios/run-check.js';
import { newFlowBudget } from '../../src/scenarios/check-limits.js';
import { loadRaw, rawTopologyArb } from '../arbitraries/topology.js';
import { flowTargets } from '../arbitraries/flow.js';
import { portArb } from '../arbitraries/basics.js';
import { checkProperty, PROPERTY_TIMEOUT_MS } from '../properties/property-runner.js';

interface CheckPlan {
  readonly from: { readonly kind: 'ids' | 'vpc' | 'subnet' | 'securityGroup'; readonly picks: readonly number[] };
  readonly to: { readonly kind: 'ids' | 'vpc' | 'subnet' | 'securityGroup' | 'endpointEnis' | 'hosts'; readonly picks: readonly number[] };
  readonly ask: { readonly isolated: true } | { readonly onlyPorts: readonly string[] } | { readonly expect: 'reachable' | 'unreachable'; readonly protocol: 'tcp' | 'udp' | 'icmp' | 'all'; readonly port: number };
}

const picks = fc.array(fc.nat(20), { minLength: 1, maxLength: 3 });
const checkPlanArb: fc.Arbitrary<CheckPlan> = fc.record({
  from: fc.record({ kind: fc.constantFrom('ids' as const, 'vpc' as const, 'subnet' as const, 'securityGroup' as const), picks }),
  to: fc.record({ kind: fc.constantFrom('ids' as const, 'vpc' as const, 'subnet' as const, 'securityGroup' as const, 'endpointEnis' as const, 'hosts' as const), picks }),
  ask: fc.oneof(
    { arbitrary: fc.constant({ isolated: true as const }), weight: 2 },
    {
      arbitrary: fc.array(
        fc.tuple(fc.constantFrom('tcp', 'udp', 'icmp'), portArb, fc.nat(300)).map(([p, from, width]) => (p === 'icmp' ? `icmp/${from % 256}-${Math.min(255, (from % 256) + (width % 4))}` : `${p}/${from}-${Math.min(65535, from + width)}`)),
        { minLength: 1, maxLength: 3 },
      ).map((onlyPorts) => ({ onlyPorts })),
      weight: 2,
    },
    { arbitrary: fc.record({ expect: fc.constantFrom('reachable' as const, 'unreachable' as const), protocol: fc.constantFrom('tcp' as const, 'udp' as const, 'icmp' as const, 'all' as const), port: portArb }), weight: 2 },
  ),
});

function pickFrom(list: readonly string[], picked: readonly number[]): string[] {
  return list.length === 0 ? [] : [...new Set(picked.map((i) => list[i % list.length]!))];
}

/** The raw selector a plan names, or undefined when the topology has nothing of that kind. */
function selectorOf(raw: RawTopology, side: CheckPlan['from'] | CheckPlan['to']): RawSelector | undefined {
  const vpcs = Object.entries(raw.vpcs ?? {});
  const targets = flowTargets(raw);
  const one = (list: readonly string[]): string | undefined => pickFrom(list, side.picks)[0];
  const id = (list: readonly string[]): RawSelector | undefined => {
    const ids = pickFrom(list, side.picks);
    return ids.length > 0 ? ids : undefined;
  };
  switch (side.kind) {
    case 'ids': return id(targets.instances);
    case 'endpointEnis': return id(targets.endpointEnis);
    case 'hosts': return id(targets.hosts);
    case 'vpc': {
      const v = one(vpcs.map(([k]) => k));
      return v === undefined ? undefined : { vpc: v };
    }
    case 'subnet': {
      const s = one(vpcs.flatMap(([, v]) => Object.keys(v.subnets ?? {})));
      return s === undefined ? undefined : { subnet: s };
    }
    case 'securityGroup': {
      const g = one(vpcs.flatMap(([, v]) => Object.keys(v.securityGroups ?? {})));
      return g === undefined ? undefined : { securityGroup: g };
    }
  }
}

function checkOf(plan: CheckPlan, from: RawSelector, to: RawSelector): RawCheck {
  if ('isolated' in plan.ask) return { name: 'generated', from, to, isolated: true };
  if ('onlyPorts' in plan.ask) return { name: 'generated', from, to, only: { ports: plan.ask.onlyPorts } };
  const { expect: verdict, protocol, port } = plan.ask;
  return { name: 'generated', from, to, expect: verdict, protocol, ...(protocol === 'tcp' || protocol === 'udp' ? { port } : {}) };
}

describe('a check answered by reach is the check answered pair by pair', () => {
  it('same status and failing pairs, isolated, only-ports and verdict checks (generated topologies)', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    let answered = 0;
    let failing = 0;
    checkProperty('reach check = pairs check', fc.property(rawTopologyArb(), checkPlanArb, (raw, plan) => {
      const from = selectorOf(raw, plan.from);
      const to = selectorOf(raw, plan.to);
      if (from === undefined || to === undefined) return;
      const { topology } = loadRaw({ ...raw, checks: [checkOf(plan, from, to)] });
      const check = topology.checks[0]!;
      const pairs = runCheck(topology, check, undefined, newFlowBudget(), 'pairs');
      if (pairs.status === 'error') return; // empty selectors, too many flows: nothing to compare
      const f = expandSelector(topology, check.from, 'from', check.fromSpan).endpoints;
      const t = expandSelector(topology, check.to, 'to', check.toSpan).endpoints;
      if (!reachAnswers(topology, check, f, t)) return;
      const reach = runCheck(topology, check, undefined, newFlowBudget(), 'reach');
      answered++;
      if (pairs.status === 'fail') failing++;
      expect({ status: reach.status, failedPairs: reach.failedPairs, pairs: reach.pairs }).toEqual({ status: pairs.status, failedPairs: pairs.failedPairs, pairs: pairs.pairs });
      // Every failure names its class pair, and its witness pair is traced and fails.
      for (const failure of reach.failures) {
        expect(failure.classes).toBeDefined();
        expect(failure.trace).toBeDefined();
        expect(failure.got).not.toMatch(/disagrees/);
      }
    }), { scale: 0.25 });
    // The property must compare checks the engine answered, failing and passing, to mean anything.
    expect(answered).toBeGreaterThan(10);
    expect(failing).toBeGreaterThan(0);
  });
});
