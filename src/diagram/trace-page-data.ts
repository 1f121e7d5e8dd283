// The data the HTML page steps through, one entry per trace: each hop with what the page
// shows (action, component, packet, the deciding rule and its file:line:col, the
// `--explain` sentence) and the SVG ids it highlights (the hop's box, the path edge that
// arrives there). Plain JSON: the page script reads it and sets it as text, never as HTML.
import type { Hop, Trace } from '../engine/trace.js';
import { formatSpan } from '../model/span.js';
import { formatPacket } from './format-packet.js';
import { describeStepFields, type StepRows } from './describe-step-fields.js';
import type { Diagram } from './diagram.js';
import { overlayTrace, type PathDirection } from './overlay-trace.js';
import { traceLabel } from './render-mermaid-sequence.js';

/** One hop as the page shows it. */
export interface PageStep {
  readonly direction: PathDirection;
  /** 1-based position within its direction, as `vpcsim trace` numbers hops. */
  readonly number: number;
  readonly action: Hop['action'];
  readonly kind: string;
  readonly id: string;
  readonly detail: string;
  readonly packet: string;
  readonly location: string | undefined;
  readonly why: string | undefined;
  /** The hop's typed steps, field by field (empty when the engine gives none). */
  readonly steps: readonly StepRows[];
  /** SVG id of the box to highlight. */
  readonly node: string | undefined;
  /** SVG id of the hop's own box when the hop happens at another (a target group's choice). */
  readonly also: string | undefined;
  /** SVG id of the path edge to highlight (a forward edge, also for its reply). */
  readonly edge: string | undefined;
}

/** One trace as the page shows it. */
export interface PageTrace {
  readonly label: string;
  readonly group: string;
  readonly reachable: boolean;
  readonly steps: readonly PageStep[];
  readonly explanations: readonly { readonly code: string; readonly message: string; readonly location: string | undefined }[];
  /** Every SVG id of this trace's path edges (shown while the trace is selected). */
  readonly edges: readonly string[];
}

/** A trace to put on the page, with the name of the list group it belongs to. */
export interface LabelledTrace {
  readonly group: string;
  readonly trace: Trace;
}

/** The page data of traces over a diagram; trace i's edges are `t<i>-e<n>` in the SVG. */
export function tracePageData(d: Diagram, traces: readonly LabelledTrace[]): PageTrace[] {
  return traces.map(({ group, trace }, i) => {
    const path = overlayTrace(d, trace);
    const forward = path.edges.filter((e) => e.direction === 'forward');
    const edgeId = (n: number): string => `t${i}-e${n}`;
    const byPair = new Map(forward.map((e) => [`${e.from}|${e.to}`, e.number]));
    const steps = path.steps.map((s): PageStep => {
      const h = (s.direction === 'forward' ? trace.hops : trace.returnHops)[s.index]!;
      const arriving = s.edge === undefined ? undefined : path.edges[s.edge - 1];
      const n = arriving === undefined ? undefined : s.direction === 'forward' ? arriving.number : byPair.get(`${arriving.to}|${arriving.from}`);
      return {
        direction: s.direction,
        number: s.index + 1,
        action: h.action,
        kind: h.component.kind,
        id: h.component.id,
        detail: h.detail,
        packet: formatPacket(h.packet),
        location: h.location ? formatSpan(h.location) : undefined,
        why: h.why,
        steps: describeStepFields(h),
        node: s.node,
        also: s.also,
        edge: n === undefined ? undefined : edgeId(n),
      };
    });
    return {
      label: traceLabel(trace),
      group,
      reachable: trace.reachable,
      steps,
      explanations: trace.explanations.map((e) => ({ code: e.code, message: e.message, location: e.location ? formatSpan(e.location) : undefined })),
      edges: forward.map((e) => edgeId(e.number)),
    };
  });
}
