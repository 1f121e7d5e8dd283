// `diff`'s contract over generated topologies (test/arbitraries) and small edits of them
// (a security group or network ACL rule added, every filter opened, a rule or route
// removed, a route blackholed): diff A A reports nothing; diff A B and diff B A report the same pairs and
// ports with before and after swapped; every change agrees with `trace` on its witness
// pair (and on its last pair) in both versions; and on one port, every pair whose trace
// verdict differs between A and B is in some change (nothing is missed), no other is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDiff, type DiffQuery } from '../../src/diff/compute-diff.js';
import type { DiffResult, FlowChange } from '../../src/diff/diff-result.js';
import { mergeSpans } from '../../src/diff/group-changes.js';
import { isQueryError, traceFlow } from '../../src/engine/trace-flow.js';
import type { RawTopology } from '../../src/model/format.js';
import type { Topology } from '../../src/model/topology.js';
import { collectEnds, selfPair } from '../../src/reach/reach-ends.js';
import { portArb } from '../arbitraries/basics.js';
import { addAclAllowAll, addSgRule, ALLOW_ALL_SG_RULE, blackholeRoute, removeRoute, removeSgRule, resourcesOf, type Edited } from '../arbitraries/edit-raw.js';
import { loadRaw, rawTopologyArb } from '../arbitraries/topology.js';
import { checkProperty, PROPERTY_TIMEOUT_MS } from '../properties/property-runner.js';

type EditPlan = { readonly kind: number; readonly pick: number; readonly index: number; readonly ingress: boolean };

// Kind 5 (every filter opened) is weighted up: single edits often change no flow at all.
const editPlanArb: fc.Arbitrary<EditPlan> = fc.record({ kind: fc.oneof(fc.nat(4), fc.constant(5), fc.constant(5)), pick: fc.nat(), index: fc.nat(), ingress: fc.boolean() });

/** Every security group and network ACL allows everything, both ways. */
function openEveryFilter(raw: RawTopology): Edited | undefined {
  let out: Edited = { raw, what: 'opened every filter' };
  const sgs = resourcesOf(raw, 'securityGroups');
  const acls = resourcesOf(raw, 'networkAcls');
  if (sgs.length + acls.length === 0) return undefined;
  for (const [vpc, id] of sgs) for (const dir of ['ingress', 'egress'] as const) out = { ...addSgRule(out.raw, vpc, id, dir, ALLOW_ALL_SG_RULE), what: out.what };
  for (const [vpc, id] of acls) {
    for (const dir of ['ingress', 'egress'] as const) {
      try {
        out = { ...addAclAllowAll(out.raw, vpc, id, dir), what: out.what };
      } catch {
        // No free rule number below the others: leave this direction as it is.
      }
    }
  }
  return out;
}

/** One small edit of a raw topology, or undefined when it has nothing the edit applies to. */
function edit(raw: RawTopology, plan: EditPlan): Edited | undefined {
  if (plan.kind === 5) return openEveryFilter(raw);
  const dir = plan.ingress ? 'ingress' : 'egress';
  const field = plan.kind <= 1 ? 'securityGroups' : plan.kind === 2 ? 'networkAcls' : 'routeTables';
  const list = resourcesOf(raw, field);
  const [vpc, id] = list[plan.pick % Math.max(1, list.length)] ?? [];
  if (!vpc || !id) return undefined;
  const v = raw.vpcs![vpc]!;
  switch (plan.kind) {
    case 0:
      return addSgRule(raw, vpc, id, dir, ALLOW_ALL_SG_RULE);
    case 1: {
      const rules = (v.securityGroups![id] as { ingress?: unknown[]; egress?: unknown[] })[dir] ?? [];
      return rules.length === 0 ? undefined : removeSgRule(raw, vpc, id, dir, plan.index % rules.length);
    }
    case 2:
      return addAclAllowAll(raw, vpc, id, dir);
    default: {
      const routes = (v.routeTables![id] as { routes?: unknown[] }).routes ?? [];
      if (routes.length === 0) return undefined;
      return plan.kind === 3 ? removeRoute(raw, vpc, id, plan.index % routes.length) : blackholeRoute(raw, vpc, id, plan.index % routes.length);
    }
  }
}

const queryArb: fc.Arbitrary<DiffQuery> = fc.oneof(
  { arbitrary: portArb.map((port): DiffQuery => ({ protocols: ['tcp'], port })), weight: 4 },
  { arbitrary: fc.constant<DiffQuery>({ protocols: ['tcp'], port: 'all' }), weight: 2 },
  { arbitrary: fc.constant<DiffQuery>({ protocols: ['udp', 'icmp', 'all'], port: 'all' }), weight: 1 },
);

/** Each (source, destination, protocol, before, after) with its merged port ranges. */
function pairRanges(d: DiffResult, swap: boolean): string[] {
  const ranges = new Map<string, { from: number; to: number }[]>();
  for (const c of d.changes) {
    const [before, after] = swap ? [c.after, c.before] : [c.before, c.after];
    for (const s of c.sources) {
      for (const t of c.destinations) {
        if (s === t) continue;
        const key = `${s} -> ${t} ${c.protocol} ${before}->${after}`;
        const list = ranges.get(key) ?? [];
        if (c.portFrom !== undefined) list.push({ from: c.portFrom, to: c.portTo! });
        ranges.set(key, list);
      }
    }
  }
  return [...ranges].map(([k, spans]) => `${k} ${mergeSpans(spans).map((p) => `${p.from}-${p.to}`).join(',')}`).sort();
}

function verdict(t: Topology, from: string, to: string, c: Pick<FlowChange, 'protocol'>, port: number | undefined): string {
  const r = traceFlow(t, { from, to, protocol: c.protocol, port });
  return isQueryError(r) ? 'unknown' : r.reachable ? 'reachable' : 'unreachable';
}

describe('diff properties', () => {
  it('diff A A reports nothing', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    checkProperty('diff A A = nothing', fc.property(rawTopologyArb(), queryArb, (raw, query) => {
      const { topology } = loadRaw(raw);
      const d = computeDiff(topology, topology, query);
      expect(d.changes).toEqual([]);
      expect(d.added).toEqual([]);
      expect(d.removed).toEqual([]);
    }), { scale: 0.15 });
  });

  it('diff A B and diff B A report the same pairs and ports, before and after swapped; every change agrees with trace in both versions', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    let changes = 0;
    checkProperty('diff symmetric and traced', fc.property(rawTopologyArb(), editPlanArb, queryArb, (raw, plan, query) => {
      const e = edit(raw, plan);
      if (!e) return;
      const a = loadRaw(raw).topology;
      const b = loadRaw(e.raw).topology;
      const ab = computeDiff(a, b, query);
      const ba = computeDiff(b, a, query);
      expect(pairRanges(ba, true), e.what).toEqual(pairRanges(ab, false));
      changes += ab.changes.length;
      for (const c of ab.changes) {
        expect(c.why, e.what).toBeDefined();
        const w = c.why!;
        expect(w.agrees, `${e.what}: ${JSON.stringify(w.witness)}`).toBe(true);
        expect(verdict(a, w.witness.from, w.witness.to, c, w.witness.port), e.what).toBe(c.before);
        expect(verdict(b, w.witness.from, w.witness.to, c, w.witness.port), e.what).toBe(c.after);
        // The change's last pair, at its last port, changed alike.
        const from = c.sources[c.sources.length - 1]!;
        const to = c.destinations.find((x) => x !== from);
        if (to === undefined) continue;
        expect(verdict(a, from, to, c, c.portTo), `${e.what}: ${from} -> ${to}`).toBe(c.before);
        expect(verdict(b, from, to, c, c.portTo), `${e.what}: ${from} -> ${to}`).toBe(c.after);
      }
    }), { scale: 0.25 });
    expect(changes).toBeGreaterThan(0);
  });

  it('on one port, the pairs whose trace verdict differs are exactly the pairs of the changes', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    let differing = 0;
    let compared = 0;
    checkProperty('diff complete', fc.property(rawTopologyArb(), editPlanArb, portArb, (raw, plan, port) => {
      const e = edit(raw, plan);
      if (!e) return;
      const a = loadRaw(raw).topology;
      const b = loadRaw(e.raw).topology;
      const d = computeDiff(a, b, { protocols: ['tcp'], port });
      const ends = collectEnds(b);
      const inA = collectEnds(a);
      // An end and itself, or an interface and its own secondary address, is no pair.
      const sourceEnd = new Map(ends.sources.map((x) => [x.id, x]));
      const destinationEnd = new Map(ends.destinations.map((x) => [x.id, x]));
      const self = (s: string, t: string): boolean => s === t || (sourceEnd.has(s) && destinationEnd.has(t) && selfPair(sourceEnd.get(s)!, destinationEnd.get(t)!));
      const reported = new Set(d.changes.flatMap((c) => c.sources.flatMap((s) => c.destinations.filter((t) => !self(s, t)).map((t) => `${s} -> ${t}`))));
      const has = (list: readonly { id: string }[], id: string) => list.some((x) => x.id === id);
      const expected = new Set<string>();
      for (const s of ends.sources) {
        if (!has(inA.sources, s.id)) continue;
        for (const t of ends.destinations) {
          if (selfPair(s, t) || !has(inA.destinations, t.id)) continue;
          compared++;
          const va = verdict(a, s.id, t.id, { protocol: 'tcp' }, port);
          const vb = verdict(b, s.id, t.id, { protocol: 'tcp' }, port);
          if (va !== vb) expected.add(`${s.id} -> ${t.id}`);
        }
      }
      differing += expected.size;
      expect([...reported].sort(), e.what).toEqual([...expected].sort());
    }), { scale: 0.5 });
    expect(compared).toBeGreaterThan(100);
    expect(differing).toBeGreaterThan(0);
  });
});
