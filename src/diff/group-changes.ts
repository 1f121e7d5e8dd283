// Changed cells into the lines a reviewer reads: port pieces of one block pair merged into
// ranges, then sources that changed alike toward one destination block joined, then
// destinations that changed alike from one source set joined; so "the internet can now
// reach bastion on tcp/22" is one change, not one per host and port atom.
import type { FlowProtocol } from '../engine/query.js';
import type { PortSpan } from '../reach/port-atoms.js';
import type { PairVerdict } from '../reach/reach-relation.js';
import type { ChangedCell } from './compare-relations.js';
import type { ChangeKind, FlowChange } from './diff-result.js';

/** What a before/after pair is. */
export function changeKind(before: PairVerdict, after: PairVerdict): ChangeKind {
  if (before === 'unreachable' && after === 'reachable') return 'opened';
  if (before === 'reachable' && after === 'unreachable') return 'closed';
  return 'unknown';
}

/** Adjacent or overlapping spans merged, sorted. */
export function mergeSpans(spans: readonly PortSpan[]): PortSpan[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const out: { from: number; to: number }[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.from <= last.to + 1) last.to = Math.max(last.to, s.to);
    else out.push({ from: s.from, to: s.to });
  }
  return out;
}

interface Run {
  readonly key: string;
  sources: string[];
  destinations: string[];
  readonly ports: PortSpan | undefined;
  readonly before: PairVerdict;
  readonly after: PairVerdict;
}

function spanKey(p: PortSpan | undefined): string {
  return p === undefined ? '-' : `${p.from}-${p.to}`;
}

/** Group changed cells; `order` ranks end ids (the relation's end order) for sorting. */
export function groupChanges(cells: readonly ChangedCell[], protocol: FlowProtocol, order: ReadonlyMap<string, number>): Omit<FlowChange, 'why'>[] {
  // 1. One block pair, one before/after: its port pieces as ranges.
  const byPair = new Map<string, { cell: ChangedCell; spans: PortSpan[] }>();
  for (const c of cells) {
    const key = `${c.sourceKey}\u0001${c.destinationKey}\u0001${c.before}\u0001${c.after}`;
    const had = byPair.get(key);
    if (had) {
      if (c.ports) had.spans.push(c.ports);
    } else byPair.set(key, { cell: c, spans: c.ports ? [c.ports] : [] });
  }
  const runs: Run[] = [];
  for (const { cell, spans } of byPair.values()) {
    const ranges: (PortSpan | undefined)[] = cell.ports === undefined ? [undefined] : mergeSpans(spans);
    for (const ports of ranges) runs.push({ key: cell.destinationKey, sources: [...cell.sources], destinations: [...cell.destinations], ports, before: cell.before, after: cell.after });
  }
  // 2. Sources alike toward one destination block; 3. destinations alike from one source set.
  const bySources = join(runs, (r) => `${r.key}\u0001${spanKey(r.ports)}\u0001${r.before}\u0001${r.after}`, (into, r) => into.sources.push(...r.sources));
  for (const r of bySources) r.sources = sortIds(r.sources, order);
  const byDestinations = join(bySources, (r) => `${r.sources.join('\u0000')}\u0001${spanKey(r.ports)}\u0001${r.before}\u0001${r.after}`, (into, r) => into.destinations.push(...r.destinations));
  const out = byDestinations.map((r) => {
    const sources = r.sources;
    const destinations = sortIds(r.destinations, order);
    const mine = new Set(sources);
    const pairs = sources.length * destinations.length - destinations.filter((d) => mine.has(d)).length;
    return { kind: changeKind(r.before, r.after), sources, destinations, protocol, portFrom: r.ports?.from, portTo: r.ports?.to, before: r.before, after: r.after, pairs };
  });
  return out.sort((a, b) => compareChanges(a, b, order));
}

function join(runs: readonly Run[], keyOf: (r: Run) => string, add: (into: Run, r: Run) => void): Run[] {
  const out = new Map<string, Run>();
  for (const r of runs) {
    const k = keyOf(r);
    const had = out.get(k);
    if (had) add(had, r);
    else out.set(k, { ...r, sources: [...r.sources], destinations: [...r.destinations] });
  }
  return [...out.values()];
}

function sortIds(ids: readonly string[], order: ReadonlyMap<string, number>): string[] {
  return [...new Set(ids)].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Opened, closed, unknown. */
export const KIND_ORDER: Record<ChangeKind, number> = { opened: 0, closed: 1, unknown: 2 };

/** Opened first, then closed, then unknown; then by sources, destinations and ports. */
export function compareChanges(a: Omit<FlowChange, 'why'>, b: Omit<FlowChange, 'why'>, order: ReadonlyMap<string, number>): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind]
    || compareIds(a.sources, b.sources, order)
    || compareIds(a.destinations, b.destinations, order)
    || (a.portFrom ?? -1) - (b.portFrom ?? -1)
    || (a.before < b.before ? -1 : a.before > b.before ? 1 : 0);
}

function compareIds(a: readonly string[], b: readonly string[], order: ReadonlyMap<string, number>): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (order.get(a[i]!) ?? 0) - (order.get(b[i]!) ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
