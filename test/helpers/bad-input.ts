// The bad-input corpus (test/model/bad-input): each file starts with `# expect:` lines
// naming the exact diagnostics, as CODE@line:col, that loading it must produce.
import { readdirSync } from 'node:fs';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { DiagnosticCode } from '../../src/model/diagnostic-codes.js';
import { GENERATED_EXAMPLES } from '../../src/model/diagnostics-doc.js';

/** Where the corpus lives. */
export const CORPUS_DIR = 'test/model/bad-input';

/** Codes whose input a test generates rather than a committed corpus file holds. */
export const GENERATED_CODES: readonly DiagnosticCode[] = [...GENERATED_EXAMPLES];

/** The corpus file names, sorted. */
export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.yaml')).sort();
}

/** The `# expect: CODE@line:col` lines at the top of a corpus file, in order. */
export function expectedOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^# expect: ([A-Z][A-Z0-9_]*@\d+:\d+)\s*$/.exec(line);
    if (!m) break;
    out.push(m[1]!);
  }
  return out;
}

/** `CODE@line:col`, the form the corpus states. */
export function at(d: Diagnostic): string {
  return `${d.code}@${d.span.line}:${d.span.col}`;
}
