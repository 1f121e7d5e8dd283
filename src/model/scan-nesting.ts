// A linear pre-scan that bounds YAML nesting before the yaml library sees the text. The
// library composes recursively (deep input exhausts the stack) and its parser slows down
// sharply on long runs of `[[[[` or `- - - -`, so text nested far deeper than any topology
// needs is refused here, at the offset where the bound is crossed. The estimate counts
// block indentation levels, indicators on the current line (`- `, `? `, `key: `) and open
// flow collections, skipping quoted scalars, comments and block scalar content; it is an
// approximation, and the exact depth is checked again on the composed document. The same
// pass counts the nodes the syntax announces, for the node-count bound (count-yaml-nodes.ts).

const BLANK = new Set([' ', '\t', '\r', '\n']);

function isBlankAt(text: string, i: number): boolean {
  return i >= text.length || BLANK.has(text[i]!);
}

/** Index just after the closing quote of a double-quoted scalar that opens before `i`. */
function skipDoubleQuoted(text: string, i: number): number {
  for (let k = i; k < text.length; k++) {
    const c = text[k];
    if (c === '\\') k++;
    else if (c === '"') return k + 1;
  }
  return text.length;
}

/** Index just after the closing quote of a single-quoted scalar ('' is an escaped quote). */
function skipSingleQuoted(text: string, i: number): number {
  for (let k = i; k < text.length; k++) {
    if (text[k] === "'") {
      if (text[k + 1] === "'") k++;
      else return k + 1;
    }
  }
  return text.length;
}

function endOfLine(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

/**
 * The offset at which the estimated nesting first exceeds `limit`, or undefined when it
 * never does. Runs in one pass over the text.
 */
export function findExcessiveNesting(text: string, limit: number): number | undefined {
  const found = scanYamlStructure(text, limit, Number.POSITIVE_INFINITY);
  return found?.kind === 'deep' ? found.offset : undefined;
}

/** Where the scan first crossed a bound: nesting depth, or the number of nodes. */
export interface StructureBound {
  readonly kind: 'deep' | 'many';
  readonly offset: number;
}

/**
 * One pass that bounds both nesting and size: besides the depth estimate, it counts the
 * nodes that indicators and flow syntax announce (an opened flow collection, each item after
 * a comma in one, each `- ` and `key:`), a lower bound on the composed nodes that a flow
 * sequence of 900,000 items or aliases meets long before the yaml library would compose it.
 */
export function scanYamlStructure(text: string, limit: number, maxNodes: number): StructureBound | undefined {
  let nodes = 0;
  const many = (): boolean => ++nodes > maxNodes;
  const n = text.length;
  const indents: number[] = [];
  let flow = 0;
  let lineIndicators = 0;
  let lineIndent = 0;
  let blockScalarParent = -1;
  let expectNode = true;
  let k = 0;
  let atLineStart = true;
  const tooDeep = (): boolean => indents.length + lineIndicators + flow > limit;
  while (k < n) {
    if (atLineStart) {
      let j = k;
      while (j < n && text[j] === ' ') j++;
      const indent = j - k;
      const c = text[j];
      const blank = j >= n || c === '\n' || c === '\r' || c === '#';
      if (blockScalarParent >= 0 && (blank || indent > blockScalarParent)) {
        k = endOfLine(text, j) + 1;
        continue;
      }
      blockScalarParent = -1;
      if (blank) {
        k = endOfLine(text, j) + 1;
        continue;
      }
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
      }
      lineIndicators = 0;
      lineIndent = indent;
      expectNode = true;
      atLineStart = false;
      k = j;
      if (tooDeep()) return { kind: 'deep', offset: k };
      continue;
    }
    const c = text[k]!;
    if (c === '\n') {
      atLineStart = true;
      k++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      k++;
      continue;
    }
    if (c === '#' && (k === 0 || BLANK.has(text[k - 1]!))) {
      k = endOfLine(text, k);
      continue;
    }
    if (expectNode && c === '"') {
      k = skipDoubleQuoted(text, k + 1);
      expectNode = false;
      continue;
    }
    if (expectNode && c === "'") {
      k = skipSingleQuoted(text, k + 1);
      expectNode = false;
      continue;
    }
    if ((c === '[' || c === '{') && (expectNode || flow > 0)) {
      flow++;
      if (tooDeep()) return { kind: 'deep', offset: k };
      if (many()) return { kind: 'many', offset: k };
      expectNode = true;
      k++;
      continue;
    }
    if ((c === ']' || c === '}') && flow > 0) {
      flow--;
      expectNode = false;
      k++;
      continue;
    }
    if (c === ',' && flow > 0) {
      if (many()) return { kind: 'many', offset: k + 1 };
      expectNode = true;
      k++;
      continue;
    }
    const next = text[k + 1];
    const indicatorEnds = isBlankAt(text, k + 1) || (flow > 0 && (next === ',' || next === ']' || next === '}'));
    if (((c === '-' || c === '?') && expectNode && isBlankAt(text, k + 1)) || (c === ':' && indicatorEnds)) {
      if (flow === 0) lineIndicators++;
      if (tooDeep()) return { kind: 'deep', offset: k };
      if (many()) return { kind: 'many', offset: k };
      expectNode = true;
      k++;
      continue;
    }
    if ((c === '|' || c === '>') && expectNode && flow === 0) {
      blockScalarParent = lineIndent;
      k = endOfLine(text, k);
      continue;
    }
    if ((c === '&' || c === '!') && expectNode) {
      // An anchor or tag: the node itself follows.
      while (k < n && !BLANK.has(text[k]!) && !(flow > 0 && ',[]{}'.includes(text[k]!))) k++;
      continue;
    }
    expectNode = false;
    k++;
  }
  return undefined;
}
