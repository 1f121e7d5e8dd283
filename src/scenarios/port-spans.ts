// Port spans as sets: subtracting the allowed ports from a port atom, merging the spans a
// failure is on, and writing them the way reports do (`tcp/8000-8010`, `icmp/8`, `all`).
import type { FlowProtocol } from '../engine/query.js';
import type { PortSpan } from '../reach/port-atoms.js';

/** A span minus a list of spans, as sorted disjoint spans. */
export function subtractSpans(span: PortSpan, minus: readonly PortSpan[]): PortSpan[] {
  let out: PortSpan[] = [span];
  for (const m of minus) {
    const next: PortSpan[] = [];
    for (const s of out) {
      if (m.to < s.from || m.from > s.to) {
        next.push(s);
        continue;
      }
      if (m.from > s.from) next.push({ from: s.from, to: m.from - 1 });
      if (m.to < s.to) next.push({ from: m.to + 1, to: s.to });
    }
    out = next;
  }
  return out;
}

/** Spans sorted and joined where they touch or overlap. */
export function mergeSpans(spans: readonly PortSpan[]): PortSpan[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const out: PortSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.from <= last.to + 1) out[out.length - 1] = { from: last.from, to: Math.max(last.to, s.to) };
    else out.push(s);
  }
  return out;
}

/** `tcp/443`, `tcp/1024-65535`, `icmp` (no type), `all`. */
export function spanText(protocol: FlowProtocol, span: PortSpan | undefined): string {
  if (protocol === 'all') return 'all';
  if (!span) return protocol;
  return `${protocol}/${span.from === span.to ? span.from : `${span.from}-${span.to}`}`;
}
