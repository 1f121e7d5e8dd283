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
  /** The deepest nesting seen, for the hostile-input bound. */
  readonly depth: number;
}

/** Escape one JSON pointer segment. */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Join segments into a JSON pointer. */
export function pointer(...segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + pointerSegment(s)).join('');
}

/** Walk the document once, iteratively (deep input must not overflow the stack). */
export function buildSourceMap(
  file: string,
  root: Node | null | undefined,
  lineCounter: LineCounter,
  textLength: number,
): SourceMap {
  const spans = new Map<string, NodeSpans>();
  const toSpan = (start: number, end: number): Span => {
    const a = lineCounter.linePos(Math.max(0, Math.min(start, textLength)));
    const b = lineCounter.linePos(Math.max(0, Math.min(end, textLength)));
    return { file, line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  };
  const rootSpan = toSpan(0, 0);
  spans.set('', { value: root?.range ? toSpan(root.range[0], root.range[1]) : rootSpan });
  let depth = 0;
  const stack: { node: Node; ptr: string; level: number }[] = root ? [{ node: root, ptr: '', level: 0 }] : [];
  while (stack.length > 0) {
    const { node, ptr, level } = stack.pop()!;
    depth = Math.max(depth, level);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const keyText = isScalar(keyNode) ? String(keyNode.value) : undefined;
        if (keyText === undefined) continue;
        const child = ptr + '/' + pointerSegment(keyText);
        const valueNode = pair.value as Node | null;
        const keySpan = keyNode?.range ? toSpan(keyNode.range[0], keyNode.range[1]) : rootSpan;
        const valueSpan = valueNode?.range ? toSpan(valueNode.range[0], valueNode.range[1]) : keySpan;
        spans.set(child, { key: keySpan, value: valueSpan });
        if (valueNode && !isAlias(valueNode)) stack.push({ node: valueNode, ptr: child, level: level + 1 });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const itemNode = item as Node | null;
        const child = `${ptr}/${index}`;
        const span = itemNode?.range ? toSpan(itemNode.range[0], itemNode.range[1]) : rootSpan;
        spans.set(child, { value: span });
        if (itemNode && !isAlias(itemNode)) stack.push({ node: itemNode, ptr: child, level: level + 1 });
      });
    }
  }
  const at = (ptr: string): NodeSpans => {
    let p = ptr;
    for (;;) {
      const found = spans.get(p);
      if (found) return found;
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
    depth,
  };
}
