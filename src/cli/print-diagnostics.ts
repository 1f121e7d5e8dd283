// Diagnostics as text: `file:line:col: error CODE: message`, with a caret excerpt of the
// line when the output is a terminal (or when asked), and as JSON for machines.
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../model/diagnostic.js';
import { clipLines } from './echo-argument.js';

/** One diagnostic as a line of text, optionally with an excerpt and caret. */
export function formatDiagnostic(d: Diagnostic, excerpt: boolean, sourceText?: string): string {
  const head = clipLines(`${d.span.file}:${d.span.line}:${d.span.col}: ${d.severity} ${d.code}: ${d.message}`);
  if (!excerpt) return head;
  const text = sourceText ?? readSafely(d.span.file);
  const line = text?.split(/\r?\n/)[d.span.line - 1];
  if (line === undefined) return head;
  const width = d.span.endLine === d.span.line ? Math.max(1, d.span.endCol - d.span.col) : Math.max(1, line.length - d.span.col + 1);
  const cut = excerptWindow(line, d.span.col - 1, width);
  const gutter = String(d.span.line).padStart(5);
  return `${head}\n${gutter} | ${cut.text}\n${' '.repeat(5)} | ${' '.repeat(cut.caretAt)}${'^'.repeat(cut.carets)}`;
}

/** Widest excerpt line printed under a diagnostic, in characters. */
export const EXCERPT_WIDTH = 100;

/**
 * The part of a long line around the column a diagnostic points at, marked with … where
 * cut, and where the carets go in it: a minified 2 MiB line prints 100 characters, not 2 MiB.
 */
export function excerptWindow(line: string, col0: number, width: number): { text: string; caretAt: number; carets: number } {
  if (line.length <= EXCERPT_WIDTH) return { text: line, caretAt: col0, carets: width };
  const start = Math.max(0, Math.min(col0 - 20, line.length - EXCERPT_WIDTH));
  const end = Math.min(line.length, start + EXCERPT_WIDTH);
  const lead = start > 0 ? '…' : '';
  const text = `${lead}${line.slice(start, end)}${end < line.length ? '…' : ''}`;
  const caretAt = col0 - start + lead.length;
  return { text, caretAt, carets: Math.max(1, Math.min(width, end - col0)) };
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
