// Text -> plain data with a source map. Hostile input is bounded: file size, characters
// YAML forbids, nesting depth, node count, alias expansion and cycles each end in a
// positioned diagnostic, never a hang or a crash.
import { isAlias, LineCounter, parseDocument, type Document, type Node, YAMLParseError } from 'yaml';
import { describeCodePoint, findForbiddenCharacter } from './check-characters.js';
import type { Diagnostic } from './diagnostic.js';
import type { DiagnosticCode } from './diagnostic-codes.js';
import { locateUnclosed } from './locate-unclosed.js';
import { yamlChildren as children } from './yaml-children.js';
import { scanYamlStructure } from './scan-nesting.js';
import { firstNodePastLimit, MAX_NODES } from './count-yaml-nodes.js';
import { buildSourceMap, type SourceMap } from './source-map.js';
import { fileStartSpan, type Span } from './span.js';

/**
 * Largest topology file read, in bytes. The yaml library parses about a mebibyte in half a
 * second; 2 MiB keeps the worst case near a second and is far above any hand-written topology.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Deepest YAML nesting accepted; a topology needs about 8. */
export const MAX_DEPTH = 64;
/** Most alias expansions accepted while turning YAML into data. */
export const MAX_ALIAS_COUNT = 100;
/** Most YAML syntax errors reported for one file; the rest are echoes of the first ones. */
export const MAX_SYNTAX_ERRORS = 50;

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

/** A span at an offset of text that has not been parsed (no LineCounter yet). */
export function spanAtOffset(file: string, text: string, offset: number): Span {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const col = offset - lineStart + 1;
  return { file, line, col, endLine: line, endCol: col + 1 };
}

function failed(code: DiagnosticCode, message: string, span: Span): ParsedYaml {
  return { data: undefined, sourceMap: undefined, diagnostics: [{ code, severity: 'error', message, span }] };
}

/**
 * Parse topology text. `file` is the name printed in diagnostics; `maxBytes` and `maxNodes`
 * are lifted only for text vpcsim wrote itself (an imported snapshot or plan).
 */
export function parseYaml(file: string, text: string, maxBytes: number = MAX_FILE_BYTES, maxNodes: number = MAX_NODES): ParsedYaml {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) {
    return failed('FILE_TOO_LARGE', `the file is ${bytes} bytes; vpcsim reads at most ${maxBytes}`, fileStartSpan(file));
  }
  const bad = findForbiddenCharacter(text);
  if (bad) {
    return failed(
      'NOT_TEXT',
      `the file holds the control character ${describeCodePoint(bad.codePoint)}, which YAML does not allow; is it a binary file?`,
      spanAtOffset(file, text, bad.offset),
    );
  }
  const bound = scanYamlStructure(text, MAX_DEPTH, maxNodes);
  if (bound?.kind === 'deep') return tooDeep(spanAtOffset(file, text, bound.offset));
  if (bound?.kind === 'many') return tooMany(spanAtOffset(file, text, bound.offset), maxNodes);

  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    // uniqueKeys is checked by buildSourceMap in linear time (the library's check is quadratic).
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true, logLevel: 'error' });
  } catch (e) {
    // The composer recurses per nesting level; depth the pre-scan missed can exhaust the stack.
    if (e instanceof RangeError) return tooDeep(fileStartSpan(file));
    throw e;
  }
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const unclosed = locateUnclosed(doc, text);
  for (const err of doc.errors) {
    const moved = unclosed.get(err);
    const span = moved
      ? spanAt(file, lineCounter, text.length, moved.offset, moved.offset + 1)
      : spanAt(file, lineCounter, text.length, err.pos[0], err.pos[1]);
    // The library catches its own stack overflows and reports them as syntax errors.
    if (/call stack/i.test(err.message)) return tooDeep(span);
    const message = moved?.message ?? firstLine(err);
    const key = `${span.line}:${span.col}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (diagnostics.length < MAX_SYNTAX_ERRORS) {
      diagnostics.push({ code: err.code === 'DUPLICATE_KEY' ? 'DUPLICATE_KEY' : 'YAML_SYNTAX', severity: 'error', message, span });
    }
  }
  if (diagnostics.length > 0) return { data: undefined, sourceMap: undefined, diagnostics };

  const sourceMap = buildSourceMap(file, doc.contents, lineCounter, text.length, (key, repeat, first) => {
    diagnostics.push({
      code: 'DUPLICATE_KEY',
      severity: 'error',
      message: `key "${key}" is already used at line ${first.line}; YAML would silently keep only one of them`,
      span: repeat,
    });
  });
  if (sourceMap.depth > MAX_DEPTH) return tooDeep(sourceMap.deepest);
  if (diagnostics.length > 0) return { data: undefined, sourceMap, diagnostics };

  const cycle = findAliasCycle(doc);
  if (cycle) {
    const span = spanAt(file, lineCounter, text.length, cycle.range![0], cycle.range![1]);
    return failed('ALIAS_LIMIT', `alias *${cycle.source} refers to a node that contains it (a cycle); write the values out`, span);
  }
  // Aliases expanded, each standing for the whole node it names: a small file that aliases a
  // big list many times is an alias bomb even under the alias count.
  const past = firstNodePastLimit(doc, maxNodes);
  if (past) {
    const span = past.range ? spanAt(file, lineCounter, text.length, past.range[0], past.range[1]) : fileStartSpan(file);
    // Without aliases the pre-scan's count and this one differ only in how they count keys.
    if (!firstAlias(doc)) return tooMany(span, maxNodes);
    return failed('ALIAS_LIMIT', `with its aliases expanded the YAML has more than ${maxNodes} nodes (from this value on); write the values out, or split the file`, span);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError || e instanceof RangeError) {
      const first = firstAlias(doc);
      const span = first?.range ? spanAt(file, lineCounter, text.length, first.range[0], first.range[1]) : fileStartSpan(file);
      return failed(
        'ALIAS_LIMIT',
        `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} expansions, starting with this one); write the values out`,
        span,
      );
    }
    throw e;
  }
  return { data, sourceMap, diagnostics };
}


/** The first alias in document order, if any. Depth is bounded before this runs. */
function firstAlias(doc: Document.Parsed): Node | undefined {
  const stack: Node[] = doc.contents ? [doc.contents] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isAlias(node)) return node;
    stack.push(...children(node).reverse());
  }
  return undefined;
}

/** An alias whose anchored node contains the alias itself, if any. */
function findAliasCycle(doc: Document.Parsed): (Node & { source: string }) | undefined {
  // Depth-first with explicit enter/leave, keeping the set of open ancestors.
  const ancestors = new Set<Node>();
  const stack: { node: Node; leave: boolean }[] = doc.contents ? [{ node: doc.contents, leave: false }] : [];
  while (stack.length > 0) {
    const { node, leave } = stack.pop()!;
    if (leave) {
      ancestors.delete(node);
      continue;
    }
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (target && ancestors.has(target)) return node;
      continue;
    }
    ancestors.add(node);
    stack.push({ node, leave: true });
    for (const child of children(node).reverse()) stack.push({ node: child, leave: false });
  }
  return undefined;
}

function tooMany(span: Span, limit: number): ParsedYaml {
  return failed('TOO_MANY_NODES', `the YAML has more than ${limit} nodes (values, keys and collections; the limit is crossed here); a topology needs far fewer: split the file`, span);
}

function tooDeep(span: Span): ParsedYaml {
  return failed('NESTING_TOO_DEEP', `the YAML nests deeper than ${MAX_DEPTH} levels here; a topology needs far fewer`, span);
}

function firstLine(err: YAMLParseError): string {
  const line = err.message.split('\n')[0] ?? err.message;
  // The yaml library appends " at line L, column C"; our span says that already.
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
