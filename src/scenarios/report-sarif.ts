// The SARIF 2.1.0 report for code-scanning tools: one run whose driver lists a rule for
// every explanation code, failure kind, check error and load diagnostic; one result per
// failed check (at the check, with the blocking rules as related locations), per check
// that could not run and per load error. Paths are printed as given, as relative URIs.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIAGNOSTIC_CODES } from '../model/diagnostic-codes.js';
import type { Span } from '../model/span.js';
import { formatSpan } from '../model/span.js';
import { EXPLANATION_CODES } from '../engine/explanation-codes.js';
import { CHECK_ERROR_CODES } from './check-errors.js';
import { FAILURE_KINDS, type CheckResult, type CheckRun } from './check-result.js';
import { blockerText, resultSentence } from './describe-result.js';

/** The SARIF schema the report follows. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

interface Rule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly properties: { readonly category: string };
}

/** Every rule, in a fixed order: explanation codes, failure kinds, check errors, diagnostics. */
export function sarifRules(): Rule[] {
  const group = (category: string, table: Record<string, string>): Rule[] =>
    Object.entries(table).map(([id, text]) => ({ id, name: ruleName(id), shortDescription: { text }, properties: { category } }));
  return [
    ...group('explanation', EXPLANATION_CODES),
    ...group('check-failure', FAILURE_KINDS),
    ...group('check-error', CHECK_ERROR_CODES),
    ...group('load-diagnostic', DIAGNOSTIC_CODES),
  ];
}

/** NO_ROUTE_TO_DESTINATION -> NoRouteToDestination (SARIF rule names are PascalCase by custom). */
function ruleName(id: string): string {
  return id.toLowerCase().split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/** A path as given on the command line, as a URI reference. */
export function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return encodeURI(file.split('\\').join('/'));
}

function location(span: Span, withEnd: boolean): object {
  const region = withEnd
    ? { startLine: span.line, startColumn: span.col, endLine: span.endLine, endColumn: span.endCol }
    : { startLine: span.line, startColumn: span.col };
  return { physicalLocation: { artifactLocation: { uri: artifactUri(span.file) }, region } };
}

function failedResult(r: CheckResult, index: ReadonlyMap<string, number>): object {
  const first = r.failures[0];
  const ruleId = first?.kind === 'UNEXPECTED_UNREACHABLE' && first.codes[0] !== undefined ? first.codes[0] : (first?.kind ?? 'UNEXPECTED_UNREACHABLE');
  const related = r.failures
    .map((f) => f.blocker)
    .filter((b): b is NonNullable<typeof b> => b?.location !== undefined)
    .filter((b, i, all) => all.findIndex((x) => formatSpan(x.location!) === formatSpan(b.location!)) === i)
    .map((b, i) => ({ id: i + 1, ...location(b.location!, true), message: { text: blockerText(b) } }));
  return {
    ruleId,
    ruleIndex: index.get(ruleId),
    level: 'error',
    message: { text: `${r.check.name}: ${resultSentence(r)}` },
    locations: [location(r.check.span, false)],
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    properties: {
      check: r.check.name,
      pairs: r.pairs,
      failedPairs: r.failedPairs,
      failureKinds: [...new Set(r.failures.map((f) => f.kind))],
      codes: [...new Set(r.failures.flatMap((f) => f.codes))],
    },
  };
}

/** The SARIF log as a JSON value; `version` is vpcsim's. */
export function checkRunSarif(run: CheckRun, version: string): object {
  const rules = sarifRules();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: object[] = [];
  for (const f of run.files) {
    for (const d of f.diagnostics) {
      results.push({ ruleId: d.code, ruleIndex: index.get(d.code), level: 'error', message: { text: `${d.message} (no check in ${f.file} ran)` }, locations: [location(d.span, true)] });
    }
    for (const r of f.checks) {
      if (r.status === 'fail') results.push(failedResult(r, index));
      if (r.status === 'error') {
        for (const e of r.errors) {
          results.push({ ruleId: e.code, ruleIndex: index.get(e.code), level: 'error', message: { text: `${r.check.name}: ${e.message}` }, locations: [location(e.span, true)] });
        }
      }
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'vpcsim', version, semanticVersion: version, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** The SARIF log as text. */
export function reportSarif(run: CheckRun, version: string): string {
  return JSON.stringify(checkRunSarif(run, version), null, 2) + '\n';
}
