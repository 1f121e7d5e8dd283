// Problems found in input, as data: a code from the closed list, a severity, a message
// and the range it is about. Loaders collect them; only the CLI turns them into text.
import type { DiagnosticCode } from './diagnostic-codes.js';
import type { Span } from './span.js';

/** Errors make a file invalid; warnings are advice that leaves it valid. */
export type Severity = 'error' | 'warning';

/** One problem in a topology file. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
}

/** Whether any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Diagnostics in file order (line, column, then code), for stable output. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.span.file.localeCompare(b.span.file) ||
      a.span.line - b.span.line ||
      a.span.col - b.span.col ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}
