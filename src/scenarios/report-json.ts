// The JSON report: stable keys in a fixed order, documented in docs/check.md. Absent
// values are null, never missing, so consumers can rely on every key.
import type { Span } from '../model/span.js';
import type { Component } from '../engine/trace.js';
import type { CheckRun, CheckResult, EndClass, PairFailure } from './check-result.js';

/** Version of the JSON report's shape; bumped only on an incompatible change. */
export const CHECK_JSON_VERSION = 1;

/** A source range as JSON. */
export function spanJson(s: Span | undefined): object | null {
  return s ? { file: s.file, line: s.line, col: s.col, endLine: s.endLine, endCol: s.endCol } : null;
}

function componentJson(c: Component | undefined): object | null {
  return c ? { id: c.id, kind: c.kind } : null;
}

function failureJson(f: PairFailure): object {
  return {
    kind: f.kind,
    from: f.from,
    to: f.to,
    protocol: f.protocol,
    port: f.port ?? null,
    expected: f.expected,
    got: f.got,
    codes: [...f.codes],
    blocking: f.blocker ? { component: componentJson(f.blocker.component), detail: f.blocker.detail, location: spanJson(f.blocker.location) } : null,
    explanations: (f.trace?.explanations ?? []).map((e) => ({
      code: e.code,
      message: e.message,
      component: componentJson(e.component),
      location: spanJson(e.location),
    })),
    path: [...f.path],
    classes: f.classes
      ? { from: endClassJson(f.classes.from), to: endClassJson(f.classes.to), pairs: f.classes.pairs, ports: [...f.classes.ports] }
      : null,
  };
}

function endClassJson(c: EndClass): object {
  return { id: c.id, size: c.size, members: [...c.members], subnet: c.subnet ?? null, securityGroups: [...c.securityGroups] };
}

function checkJson(r: CheckResult): object {
  return {
    name: r.check.name,
    index: r.check.index,
    // A check of a separate checks file (--checks) says which file it is written in.
    ...(r.check.span.file !== r.file ? { checksFile: r.check.span.file } : {}),
    line: r.check.span.line,
    col: r.check.span.col,
    status: r.status,
    pairs: r.pairs,
    failedPairs: r.failedPairs,
    failures: r.failures.map(failureJson),
    errors: r.errors.map((e) => ({ code: e.code, message: e.message, location: spanJson(e.span) })),
  };
}

/** The report as a JSON value. */
export function checkRunJson(run: CheckRun): object {
  return {
    version: CHECK_JSON_VERSION,
    summary: {
      files: run.files.length,
      checks: run.passed + run.failed + run.errored,
      passed: run.passed,
      failed: run.failed,
      errors: run.errored,
      invalidFiles: run.invalidFiles,
    },
    files: run.files.map((f) => ({
      file: f.file,
      valid: f.diagnostics.length === 0,
      diagnostics: f.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, location: spanJson(d.span) })),
      checks: f.checks.map(checkJson),
    })),
  };
}

/** The report as text: two-space indented JSON and a final newline. */
export function reportJson(run: CheckRun): string {
  return JSON.stringify(checkRunJson(run), null, 2) + '\n';
}
