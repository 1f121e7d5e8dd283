// Where a model object came from: a range in a topology file, 1-based line and column.

/** A source range in a topology file; every model object and rule carries one. */
export interface Span {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
}

/** `file:line:col`, the form editors and CI annotations understand. */
export function formatSpan(span: Span): string {
  return `${span.file}:${span.line}:${span.col}`;
}

/** A span covering the first character of a file, for problems with the file as a whole. */
export function fileStartSpan(file: string): Span {
  return { file, line: 1, col: 1, endLine: 1, endCol: 1 };
}
