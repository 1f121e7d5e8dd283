// The `segments:` block as stored data: each segment's selector parsed as a check's, each
// rule's ports parsed (a bad one reported at itself). Names are resolved when the checks run.
import type { RawTopology } from '../format.js';
import type { Segment, SegmentRule, Segments } from '../segments.js';
import { pointer } from '../source-map.js';
import { buildAllowances, itemSpans, reportMalformed, selector } from './build-checks.js';
import type { BuildContext } from './context.js';

/** Build the stored segments, or undefined when the file has none. */
export function buildSegments(ctx: BuildContext, raw: RawTopology): Segments | undefined {
  const written = raw.segments;
  if (written === undefined) return undefined;
  const groups: Segment[] = Object.entries(written.groups).map(([name, sel]) => {
    const ptr = pointer('segments', 'groups', name);
    const spans = itemSpans(ctx, ptr, sel);
    const parsed = selector(sel).sel;
    reportMalformed(ctx, parsed, spans);
    return { name, selector: parsed, span: ctx.map.valueAt(ptr), itemSpans: spans };
  });
  const allow: SegmentRule[] = (written.allow ?? []).map((r, i) => {
    const ptr = pointer('segments', 'allow', i);
    return {
      from: r.from,
      to: r.to,
      ports: r.ports === undefined ? undefined : buildAllowances(ctx, r.ports, 'tcp', `${ptr}/ports`),
      span: ctx.map.valueAt(ptr),
      fromSpan: ctx.map.valueAt(`${ptr}/from`),
      toSpan: ctx.map.valueAt(`${ptr}/to`),
    };
  });
  return { groups, allow, span: ctx.map.valueAt(pointer('segments')) };
}
