// Metamorphic properties: edits whose effect on a verdict can only go one way. Adding an
// allow never takes reachability away; removing an allow or a route never grants it.
// (Removing a route in general CAN grant reachability: with a more specific blackhole route
// gone, a covering route takes over. So the route property removes only routes that no other
// route of the table covers, and a second one points a route at blackhole instead.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowQuery, TraceResult } from '../../src/engine/query.js';
import type { Trace } from '../../src/engine/trace.js';
import { prefixCovers, type Prefix } from '../../src/net/prefix.js';
import type { Route } from '../../src/model/rules.js';
import type { Topology } from '../../src/model/topology.js';
import { addAclAllowAll, addSgRule, ALLOW_ALL_SG_RULE, blackholeRoute, removeRoute, removeSgRule, resourcesOf, type Edited } from '../arbitraries/edit-raw.js';
import { loadRaw, scenarioArb, type Scenario } from '../arbitraries/topology.js';
import { checkProperty, PROPERTY_TIMEOUT_MS } from './property-runner.js';
import { summary, traceOk } from './trace-helpers.js';

/**
 * A trace's identity across an edit: its destination address and the options it took where
 * the path forked (load balancer targets). An edit can change how many traces a flow has (a
 * flow that now gets past a filter reaches a fork and fans out), but a reachable path keeps
 * its key.
 */
function key(t: Trace): string {
  return `${t.flow.dstIp} ${(t.flow.branch ?? []).join(' / ')}`;
}

function reachableKeys(r: TraceResult): Set<string> {
  return new Set(r.traces.filter((t) => t.reachable).map(key));
}

/** Adding an allow keeps every reachable path (`grows`); a removal adds none (`!grows`). */
function expectKept(before: Topology, after: Topology, flows: readonly FlowQuery[], grows: boolean, edit: Edited): void {
  for (const flow of flows) {
    const a = traceOk(before, flow);
    const b = traceOk(after, flow);
    const [small, large] = grows ? [reachableKeys(a), reachableKeys(b)] : [reachableKeys(b), reachableKeys(a)];
    const why = `${edit.what}; flow ${JSON.stringify(flow)}\nbefore: ${summary(a)}\nafter:  ${summary(b)}`;
    expect([...small].filter((k) => !large.has(k)), why).toEqual([]);
  }
}

function run(s: Scenario, edit: Edited | undefined, grows: boolean): void {
  if (!edit) return; // the topology has nothing this edit applies to
  expectKept(loadRaw(s.topology).topology, loadRaw(edit.raw).topology, s.flows, grows, edit);
}

const direction = fc.constantFrom('ingress' as const, 'egress' as const);

function prefixesOf(t: Topology, r: Route): readonly Prefix[] {
  return r.destination.kind === 'cidr' ? [r.destination.prefix] : t.prefixLists.get(r.destination.prefixList)?.entries ?? [];
}

/** Written routes (vpc, table, index) that no other route of their table covers, even in part of a prefix list. */
function uncoveredRoutes(t: Topology, raw: Scenario['topology']): [string, string, number][] {
  return resourcesOf(raw, 'routeTables').flatMap(([vpc, id]) => {
    const routes = t.routeTables.get(id)!.routes;
    return routes.flatMap((r) => {
      if (r.origin !== 'written') return [];
      const others = routes.filter((o) => o !== r).flatMap((o) => prefixesOf(t, o));
      const covered = prefixesOf(t, r).some((p) => others.some((q) => prefixCovers(q, p)));
      return covered ? [] : [[vpc, id, r.index - 1] as [string, string, number]];
    });
  });
}

describe('monotonicity', () => {
  it('adding an allow-all rule to a security group never makes a reachable flow unreachable', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    checkProperty('SG allow is monotone', fc.property(scenarioArb(), fc.nat(), direction, (s, k, dir) => {
      const sgs = resourcesOf(s.topology, 'securityGroups');
      const [vpc, sg] = sgs[k % Math.max(1, sgs.length)] ?? [];
      run(s, vpc && sg ? addSgRule(s.topology, vpc, sg, dir, ALLOW_ALL_SG_RULE) : undefined, true);
    }));
  });

  it('adding an allow-all entry (lowest rule number) to a network ACL never makes a reachable flow unreachable', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    checkProperty('NACL allow is monotone', fc.property(scenarioArb(), fc.nat(), direction, (s, k, dir) => {
      const acls = resourcesOf(s.topology, 'networkAcls');
      const [vpc, acl] = acls[k % Math.max(1, acls.length)] ?? [];
      run(s, vpc && acl ? addAclAllowAll(s.topology, vpc, acl, dir) : undefined, true);
    }));
  });

  it('removing a security group rule never makes an unreachable flow reachable', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    checkProperty('SG rule removal is monotone', fc.property(scenarioArb(), fc.nat(), direction, fc.nat(), (s, k, dir, r) => {
      const sgs = resourcesOf(s.topology, 'securityGroups').filter(([vpc, id]) => (s.topology.vpcs![vpc]!.securityGroups![id]![dir] ?? []).length > 0);
      const [vpc, sg] = sgs[k % Math.max(1, sgs.length)] ?? [];
      if (!vpc || !sg) return;
      const n = s.topology.vpcs![vpc]!.securityGroups![sg]![dir]!.length;
      run(s, removeSgRule(s.topology, vpc, sg, dir, r % n), false);
    }));
  });

  it('removing a written route that no other route covers never makes an unreachable flow reachable', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    checkProperty('route removal is monotone', fc.property(scenarioArb(), fc.nat(), (s, k) => {
      const candidates = uncoveredRoutes(loadRaw(s.topology).topology, s.topology);
      const [vpc, table, index] = candidates[k % Math.max(1, candidates.length)] ?? [];
      run(s, vpc && table && index !== undefined ? removeRoute(s.topology, vpc, table, index) : undefined, false);
    }));
  });

  it('pointing a written route at blackhole never makes an unreachable flow reachable', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    checkProperty('blackholing is monotone', fc.property(scenarioArb(), fc.nat(), (s, k) => {
      const routes = resourcesOf(s.topology, 'routeTables').flatMap(([vpc, id]) =>
        (s.topology.vpcs![vpc]!.routeTables![id]!.routes ?? []).map((_, i): [string, string, number] => [vpc, id, i]));
      const [vpc, table, index] = routes[k % Math.max(1, routes.length)] ?? [];
      run(s, vpc && table && index !== undefined ? blackholeRoute(s.topology, vpc, table, index) : undefined, false);
    }));
  });
});
