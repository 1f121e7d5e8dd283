// A change's why, per cause: a group can join pairs that changed alike for different
// reasons (host-a now reaches host-b over one peering route and host-c over another), so
// one pair per block pair of the group (ends alike in both versions give the same traces)
// is traced, and when the causes differ the group is cut into one change per cause.
// Bounded: at most `budget` witness pairs are traced in all; past it a change keeps one
// witness, and past that none (its why is undefined).
import { formatSpan } from '../model/span.js';
import type { Topology } from '../model/topology.js';
import type { ChangeWhy, FlowChange } from './diff-result.js';
import { explainChange, type DiffRequest } from './explain-change.js';

/** Ends to their block (ends alike in both versions) on each side. */
export interface BlockMaps {
  readonly source: ReadonlyMap<string, string>;
  readonly destination: ReadonlyMap<string, string>;
}

/** What the explanation may spend, shared by every change of a diff. */
export interface WhyBudget {
  left: number;
}

function firstPair(sources: readonly string[], destinations: readonly string[]): { from: string; to: string } | undefined {
  for (const from of sources) for (const to of destinations) if (from !== to) return { from, to };
  return undefined;
}

function byKey<T>(items: readonly T[], key: (t: T) => string): T[][] {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const had = out.get(k);
    if (had) had.push(t);
    else out.set(k, [t]);
  }
  return [...out.values()];
}

/** One cause: the rule or resource written at one place (the component when nothing is written). */
function causeKey(w: ChangeWhy): string {
  return `${w.side}\u0000${w.location ? formatSpan(w.location) : w.component.id}`;
}

function pairsOf(sources: readonly string[], destinations: readonly string[]): number {
  const mine = new Set(sources);
  return sources.length * destinations.length - destinations.filter((d) => mine.has(d)).length;
}

/** Explain a change, cut by cause when its block pairs differ. */
export function splitByWhy(oldT: Topology, newT: Topology, c: Omit<FlowChange, 'why'>, blocks: BlockMaps, request: DiffRequest, budget: WhyBudget): FlowChange[] {
  const explain = (p: { from: string; to: string }): ChangeWhy => {
    budget.left--;
    return explainChange(oldT, newT, { ...p, protocol: c.protocol, port: c.portFrom, before: c.before, after: c.after }, request);
  };
  const first = firstPair(c.sources, c.destinations)!;
  if (budget.left <= 0) return [{ ...c, why: undefined }];
  const srcs = byKey(c.sources, (id) => blocks.source.get(id) ?? id);
  const dsts = byKey(c.destinations, (id) => blocks.destination.get(id) ?? id);
  const cells: { sources: string[]; destinations: string[]; pair: { from: string; to: string } }[] = [];
  for (const s of srcs) {
    for (const d of dsts) {
      const pair = firstPair(s, d);
      if (pair) cells.push({ sources: s, destinations: d, pair });
    }
  }
  if (cells.length <= 1 || cells.length > budget.left) return [{ ...c, why: explain(first) }];
  const traced = cells.map((cell) => ({ ...cell, why: explain(cell.pair) }));
  const causes = byKey(traced, (t) => causeKey(t.why));
  if (causes.length === 1) return [{ ...c, why: traced[0]!.why }];
  const out: FlowChange[] = [];
  for (const cause of causes) {
    // Sources alike toward one destination block, then destinations alike from one source set.
    const rows = byKey(cause, (t) => t.destinations.join('\u0000')).map((g) => ({ sources: g.flatMap((t) => t.sources), destinations: g[0]!.destinations }));
    const order = (ids: readonly string[], all: readonly string[]) => all.filter((id) => ids.includes(id));
    for (const g of byKey(rows, (r) => order(r.sources, c.sources).join('\u0000'))) {
      const sources = order(g[0]!.sources, c.sources);
      const destinations = order(g.flatMap((r) => r.destinations), c.destinations);
      out.push({ ...c, sources, destinations, pairs: pairsOf(sources, destinations), why: cause[0]!.why });
    }
  }
  return out;
}
