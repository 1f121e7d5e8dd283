// `vpcsim diff --format sarif`: SARIF 2.1.0 as `check` writes it (same schema, artifact
// URIs, driver), one result per change at its cause (NEW's line, or OLD's for a rule
// removed), with the other version's hop as a related location.
import type { Span } from '../model/span.js';
import type { DiffResult, FlowChange } from '../diff/diff-result.js';
import { listIds, portLabel, whyLine } from '../diff/describe-change.js';
import { artifactUri, SARIF_SCHEMA } from '../scenarios/report-sarif.js';

/** The rules of diff results, one per kind of change. */
export const DIFF_SARIF_RULES = [
  { id: 'FLOW_OPENED', name: 'FlowOpened', shortDescription: { text: 'The change makes a flow reachable that was not.' }, properties: { category: 'diff' } },
  { id: 'FLOW_CLOSED', name: 'FlowClosed', shortDescription: { text: 'The change makes a reachable flow unreachable.' }, properties: { category: 'diff' } },
  { id: 'FLOW_UNKNOWN', name: 'FlowUnknown', shortDescription: { text: 'A flow is known in one version and unknown in the other (past --max-traces).' }, properties: { category: 'diff' } },
] as const;

const RULE: Record<FlowChange['kind'], number> = { opened: 0, closed: 1, unknown: 2 };

function location(span: Span): object {
  return { physicalLocation: { artifactLocation: { uri: artifactUri(span.file) }, region: { startLine: span.line, startColumn: span.col, endLine: span.endLine, endColumn: span.endCol } } };
}

function result(c: FlowChange): object {
  const index = RULE[c.kind];
  const why = c.why;
  const other = why?.side === 'new' ? why.old : why?.new;
  const related = other?.location ? [{ id: 1, ...location(other.location), message: { text: `${why?.side === 'new' ? 'OLD' : 'NEW'}: ${other.component.id}: ${other.detail}` } }] : [];
  return {
    ruleId: DIFF_SARIF_RULES[index]!.id,
    ruleIndex: index,
    level: c.kind === 'unknown' ? 'note' : 'warning',
    message: { text: `${c.kind}: ${listIds(c.sources)} -> ${listIds(c.destinations)} ${portLabel(c)} (${c.before} -> ${c.after}); why: ${whyLine(c)}` },
    ...(why?.location ? { locations: [location(why.location)] } : {}),
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    properties: {
      sources: c.sources, destinations: c.destinations, protocol: c.protocol,
      portFrom: c.portFrom ?? null, portTo: c.portTo ?? null, before: c.before, after: c.after,
      side: why?.side ?? null, code: why?.code ?? null,
    },
  };
}

/** The SARIF log as text; `version` is vpcsim's. */
export function renderDiffSarif(d: DiffResult, version: string): string {
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'vpcsim', version, semanticVersion: version, rules: DIFF_SARIF_RULES } }, columnKind: 'utf16CodeUnits', results: d.changes.map(result) }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
