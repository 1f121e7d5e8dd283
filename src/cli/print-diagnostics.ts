// Diagnostics as text: `file:line:col: error CODE: message`, with a caret excerpt of the
// line when the output is a terminal (or when asked), and as JSON for machines.
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../model/diagnostic.js';

/** One diagnostic as a line of text, optionally with an excerpt and caret. */
export function formatDiagnostic(d: Diagnostic, excerpt: boolean, sourceText?: string): string {
  const head = `${d.span.file}:${d.span.line}:${d.span.col}: ${d.severity} ${d.code}: ${d.message}`;
  if (!excerpt) return head;
  const text = sourceText ?? readSafely(d.span.file);
  const line = text?.split(/\r?\n/)[d.span.line - 1];
  if (line === undefined) return head;
  const width = d.span.endLine === d.span.line ? Math.max(1, d.span.endCol - d.span.col) : Math.max(1, line.length - d.span.col + 1);
  const gutter = String(d.span.line).padStart(5);
  return `${head}\n${gutter} | ${line}\n${' '.repeat(5)} | ${' '.repeat(d.span.col - 1)}${'^'.repeat(width)}`;
}

function readSafely(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Diagnostics as the stable JSON of `--format json`. */
export function diagnosticsJson(d: readonly Diagnostic[]): object[] {
  return d.map((x) => ({
    file: x.span.file,
    line: x.span.line,
    col: x.span.col,
    endLine: x.span.endLine,
    endCol: x.span.endCol,
    severity: x.severity,
    code: x.code,
    message: x.message,
  }));
}
