// A file's `segments:` block as checks: for every ordered pair of two segments, an
// `isolated` check when no rule allows the direction, an `only: { ports }` check when a rule
// lists ports, nothing when a rule allows any port. The block's own errors (an unknown
// segment name, an end in two segments, a rule given twice or from a segment to itself, a
// selector that names nothing) are check errors at the value that is wrong.
import type { Check } from '../model/check.js';
import { allowanceText } from '../model/allowed-ports.js';
import type { Segment, Segments } from '../model/segments.js';
import { didYouMean } from '../model/suggest.js';
import type { Topology } from '../model/topology.js';
import type { CheckError } from './check-errors.js';
import { expandSelector } from './expand-selector.js';

/** The checks of a segments block, numbered from `firstIndex`; or why the block cannot run. */
export type SegmentChecks = { readonly ok: true; readonly checks: readonly Check[] } | { readonly ok: false; readonly check: Check; readonly errors: readonly CheckError[] };

/** A check over two segments (or over the block, for its errors). */
function segmentCheck(index: number, name: string, from: Segment, to: Segment, span: Check['span'], rest: Pick<Check, 'isolated' | 'onlyPorts'>): Check {
  return {
    index, name, from: from.selector, to: to.selector, port: undefined, sourcePort: undefined, protocol: 'tcp', expect: undefined,
    via: [], because: undefined, never: [], only: [], principal: undefined, action: undefined, resource: undefined,
    span, fromSpan: from.span, toSpan: to.span, itemSpans: { from: from.itemSpans, to: to.itemSpans, via: [], never: [], only: [] },
    ...rest,
  };
}

/** The checks a segments block stands for. */
export function segmentChecks(topology: Topology, segments: Segments, firstIndex: number): SegmentChecks {
  const errors: CheckError[] = [];
  const names = segments.groups.map((g) => g.name);
  // An end is in one segment at most: otherwise its pairs would be both allowed and not.
  const holder = new Map<string, string>();
  for (const g of segments.groups) {
    const sides = [expandSelector(topology, g.selector, 'from', g.span, g.itemSpans), expandSelector(topology, g.selector, 'to', g.span, g.itemSpans)];
    const failed = sides.find((e) => e.errors.length > 0);
    if (failed) {
      // A selector that names no source may still name destinations (an endpoint's interfaces).
      const hard = failed.errors.filter((e) => e.code !== 'EMPTY_SELECTOR' || sides.every((s) => s.endpoints.length === 0));
      errors.push(...hard.slice(0, 1));
      if (hard.length > 0) continue;
    }
    const clashes = new Map<string, string>();
    for (const end of new Set(sides.flatMap((e) => e.endpoints))) {
      const other = holder.get(end);
      if (other === undefined) holder.set(end, g.name);
      else if (!clashes.has(other)) clashes.set(other, end);
    }
    for (const [other, end] of clashes) {
      errors.push({ code: 'OVERLAPPING_SEGMENTS', message: `segment ${g.name} holds ${end}, which segment ${other} holds too; an end is in one segment only`, span: g.span });
    }
  }
  const seen = new Set<string>();
  for (const r of segments.allow) {
    for (const [name, span] of [[r.from, r.fromSpan], [r.to, r.toSpan]] as const) {
      if (!names.includes(name)) errors.push({ code: 'UNKNOWN_SEGMENT', message: `"${name}" is not a segment of this file${didYouMean(name, names)}`, span });
    }
    const key = `${r.from}\u0000${r.to}`;
    if (r.from === r.to) errors.push({ code: 'CONFLICTING_CHECK_FIELDS', message: `a rule from segment ${r.from} to itself: within a segment nothing is asked`, span: r.span });
    else if (seen.has(key)) errors.push({ code: 'CONFLICTING_CHECK_FIELDS', message: `segment ${r.from} -> ${r.to} is allowed twice; write one rule with every port`, span: r.span });
    seen.add(key);
  }
  if (errors.length > 0) {
    const g = segments.groups[0]!;
    errors.sort((x, y) => x.span.line - y.span.line || x.span.col - y.span.col);
    return { ok: false, check: segmentCheck(firstIndex, 'segments', g, g, segments.span, { isolated: false, onlyPorts: undefined }), errors };
  }
  const checks: Check[] = [];
  for (const a of segments.groups) {
    for (const b of segments.groups) {
      if (a === b) continue;
      const rule = segments.allow.find((r) => r.from === a.name && r.to === b.name);
      if (rule && rule.ports === undefined) continue;
      const index = firstIndex + checks.length;
      checks.push(rule
        ? segmentCheck(index, `segment ${a.name} -> ${b.name}: nothing but ${rule.ports!.map(allowanceText).join(', ')}`, a, b, rule.span, { isolated: false, onlyPorts: rule.ports })
        : segmentCheck(index, `segment ${a.name} -> ${b.name}: isolated`, a, b, a.span, { isolated: true, onlyPorts: undefined }));
    }
  }
  return { ok: true, checks };
}
