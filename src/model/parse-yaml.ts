// Text -> plain data with a source map. Hostile input is bounded: file size, alias
// expansion and nesting depth each end in a positioned diagnostic, never a hang or a crash.
import { LineCounter, parseDocument, YAMLParseError } from 'yaml';
import type { Diagnostic } from './diagnostic.js';
import { buildSourceMap, type SourceMap } from './source-map.js';
import { fileStartSpan, type Span } from './span.js';

/** Largest topology file read, in bytes. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Deepest YAML nesting accepted; a topology needs about 8. */
export const MAX_DEPTH = 64;
/** Most alias expansions accepted while turning YAML into data. */
export const MAX_ALIAS_COUNT = 100;

/** Parsed YAML: the data (when the text is valid YAML) and where each node came from. */
export interface ParsedYaml {
  readonly data: unknown;
  readonly sourceMap: SourceMap | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

function spanAt(file: string, lc: LineCounter, textLength: number, start: number, end: number): Span {
  const a = lc.linePos(Math.min(start, textLength));
  const b = lc.linePos(Math.min(end, textLength));
  return { file, line: a.line, col: a.col, endLine: b.line, endCol: b.col };
}

/** Parse topology text. `file` is the name printed in diagnostics. */
export function parseYaml(file: string, text: string): ParsedYaml {
  if (Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) {
    return {
      data: undefined,
      sourceMap: undefined,
      diagnostics: [
        {
          code: 'FILE_TOO_LARGE',
          severity: 'error',
          message: `the file is ${Buffer.byteLength(text, 'utf8')} bytes; vpcsim reads at most ${MAX_FILE_BYTES}`,
          span: fileStartSpan(file),
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (e) {
    // The composer recurses per nesting level; absurd depth can exhaust the stack.
    if (e instanceof RangeError) return tooDeep(file);
    throw e;
  }
  const diagnostics: Diagnostic[] = [];
  for (const err of doc.errors) {
    const [start, end] = err.pos;
    diagnostics.push({
      code: err.code === 'DUPLICATE_KEY' ? 'DUPLICATE_KEY' : 'YAML_SYNTAX',
      severity: 'error',
      message: firstLine(err),
      span: spanAt(file, lineCounter, text.length, start, end),
    });
  }
  if (diagnostics.length > 0) return { data: undefined, sourceMap: undefined, diagnostics };
  const sourceMap = buildSourceMap(file, doc.contents, lineCounter, text.length);
  if (sourceMap.depth > MAX_DEPTH) return tooDeep(file);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError || e instanceof RangeError) {
      return {
        data: undefined,
        sourceMap,
        diagnostics: [
          {
            code: 'ALIAS_LIMIT',
            severity: 'error',
            message: `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} expansions, or a cycle); write the values out`,
            span: fileStartSpan(file),
          },
        ],
      };
    }
    throw e;
  }
  return { data, sourceMap, diagnostics };
}

function tooDeep(file: string): ParsedYaml {
  return {
    data: undefined,
    sourceMap: undefined,
    diagnostics: [
      {
        code: 'NESTING_TOO_DEEP',
        severity: 'error',
        message: `the YAML nests deeper than ${MAX_DEPTH} levels`,
        span: fileStartSpan(file),
      },
    ],
  };
}

function firstLine(err: YAMLParseError): string {
  const line = err.message.split('\n')[0] ?? err.message;
  // The yaml library appends " at line L, column C"; our span says that already.
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
