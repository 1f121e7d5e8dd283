// Positions of every node of a YAML document, keyed by JSON pointer, so that schema
// errors (which speak in pointers) and model objects can cite file:line:col.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node } from 'yaml';
import type { Span } from './span.js';

/** Key and value ranges of one node of the document. */
export interface NodeSpans {
  /** The mapping key that holds the node, when it sits in a mapping. */
  readonly key?: Span;
  readonly value: Span;
}

/** Pointer -> spans for a whole document, with a fallback to the nearest ancestor. */
export interface SourceMap {
  readonly file: string;
  /** Spans of the node at a JSON pointer ('' is the root). */
  at(pointer: string): NodeSpans;
  /** The key's span where there is a key, else the value's. */
  keyAt(pointer: string): Span;
  /** The value's span. */
  valueAt(pointer: string): Span;
  /** Whether the document has a node at exactly this pointer (no ancestor fallback). */
  has(pointer: string): boolean;
  /** The deepest nesting seen, for the hostile-input bound. */
  readonly depth: number;
  /** Where the deepest node starts (the first in the file when several are as deep). */
  readonly deepest: Span;
}

/** Called for a key written twice in one mapping: its text, the repeat and the first. */
export type DuplicateKeyHandler = (key: string, repeat: Span, first: Span) => void;

/** Escape one JSON pointer segment. */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Join segments into a JSON pointer. */
export function pointer(...segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + pointerSegment(s)).join('');
}

/**
 * Walk the document once, iteratively (deep input must not overflow the stack). Keys
 * repeated in one mapping go to `onDuplicateKey` (the yaml library's own check is
 * quadratic in the size of a mapping, so the loader turns it off and relies on this one).
 */
export function buildSourceMap(
  file: string,
  root: Node | null | undefined,
  lineCounter: LineCounter,
  textLength: number,
  onDuplicateKey?: DuplicateKeyHandler,
): SourceMap {
  // Offsets only while walking ([valueStart, valueEnd] or [.., keyStart, keyEnd]); spans are
  // made when asked for, so a big file does not allocate two objects per node up front.
  const ranges = new Map<string, readonly number[]>();
  const clamp = (o: number): number => Math.max(0, Math.min(o, textLength));
  const toSpan = (start: number, end: number): Span => {
    const a = lineCounter.linePos(clamp(start));
    const b = lineCounter.linePos(clamp(end));
    return { file, line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  };
  const rootSpan = toSpan(0, 0);
  ranges.set('', root?.range ? [root.range[0], root.range[1]] : [0, 0]);
  let depth = 0;
  let deepest = 0;
  const stack: { node: Node; ptr: string; level: number }[] = root ? [{ node: root, ptr: '', level: 0 }] : [];
  while (stack.length > 0) {
    const { node, ptr, level } = stack.pop()!;
    const here = node.range?.[0] ?? 0;
    if (level > depth || (level === depth && here < deepest)) {
      depth = level;
      deepest = here;
    }
    if (isMap(node)) {
      const seen = new Map<string, number[]>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const keyText = isScalar(keyNode) ? String(keyNode.value) : undefined;
        if (keyText === undefined) continue;
        const child = ptr + '/' + pointerSegment(keyText);
        const valueNode = pair.value as Node | null;
        const key = keyNode?.range ? [keyNode.range[0], keyNode.range[1]] : [0, 0];
        const value = valueNode?.range ? [valueNode.range[0], valueNode.range[1]] : key;
        const first = seen.get(keyText);
        if (first !== undefined) {
          onDuplicateKey?.(keyText, toSpan(key[0]!, key[1]!), toSpan(first[0]!, first[1]!));
          continue;
        }
        seen.set(keyText, key);
        ranges.set(child, [value[0]!, value[1]!, key[0]!, key[1]!]);
        if (valueNode && !isAlias(valueNode)) stack.push({ node: valueNode, ptr: child, level: level + 1 });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const itemNode = item as Node | null;
        const child = `${ptr}/${index}`;
        ranges.set(child, itemNode?.range ? [itemNode.range[0], itemNode.range[1]] : [0, 0]);
        if (itemNode && !isAlias(itemNode)) stack.push({ node: itemNode, ptr: child, level: level + 1 });
      });
    }
  }
  const toSpans = (r: readonly number[]): NodeSpans => {
    const value = toSpan(r[0]!, r[1]!);
    return r.length > 2 ? { key: toSpan(r[2]!, r[3]!), value } : { value };
  };
  const at = (ptr: string): NodeSpans => {
    let p = ptr;
    for (;;) {
      const found = ranges.get(p);
      if (found) return toSpans(found);
      const cut = p.lastIndexOf('/');
      if (cut < 0) return { value: rootSpan };
      p = p.slice(0, cut);
    }
  };
  return {
    file,
    at,
    keyAt: (ptr) => at(ptr).key ?? at(ptr).value,
    valueAt: (ptr) => at(ptr).value,
    has: (ptr) => ranges.has(ptr),
    depth,
    deepest: toSpan(deepest, deepest + 1),
  };
}
