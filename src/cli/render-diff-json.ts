// `vpcsim diff --format json`: every change with its ends, ports, verdicts and why; the
// resources in one version only; no times, so the output is byte-identical run to run.
import type { Span } from '../model/span.js';
import type { ChangeWhy, DiffResult, ResourceChange, WhyHop } from '../diff/diff-result.js';

function at(span: Span | undefined): object | null {
  return span ? { file: span.file, line: span.line, col: span.col } : null;
}

function hop(h: WhyHop | undefined): object | null {
  return h ? { component: h.component.id, kind: h.component.kind, action: h.action, detail: h.detail, location: at(h.location), ...(h.steps.length > 0 ? { steps: h.steps } : {}) } : null;
}

function why(w: ChangeWhy | undefined): object | null {
  if (!w) return null;
  return {
    side: w.side, component: w.component.id, kind: w.component.kind, code: w.code ?? null, detail: w.detail,
    location: at(w.location), direction: w.direction, witness: { from: w.witness.from, to: w.witness.to, port: w.witness.port ?? null },
    old: hop(w.old), new: hop(w.new), agrees: w.agrees,
  };
}

function resource(r: ResourceChange): object {
  return { id: r.id, kind: r.kind, location: at(r.location) };
}

/** The diff as JSON. */
export function diffJson(d: DiffResult): object {
  return {
    old: d.oldFile,
    new: d.newFile,
    protocols: d.protocols,
    sources: d.sources,
    destinations: d.destinations,
    changes: d.changes.map((c) => ({
      sources: c.sources, destinations: c.destinations, protocol: c.protocol,
      portFrom: c.portFrom ?? null, portTo: c.portTo ?? null, before: c.before, after: c.after,
      why: why(c.why), kind: c.kind, pairs: c.pairs,
    })),
    added: d.added.map(resource),
    removed: d.removed.map(resource),
    unknownPairs: d.unknownPairs,
    whyOmitted: d.whyOmitted,
  };
}

/** The JSON text. */
export function renderDiffJson(d: DiffResult): string {
  return JSON.stringify(diffJson(d), null, 2) + '\n';
}
