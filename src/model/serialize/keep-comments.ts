// Comments of a topology file carried onto its canonical text: each comment is recorded by
// the JSON pointer of the node it is attached to (and whether it sits on the key, before the
// node or after it), then set on the node of the canonical document at the same pointer.
// A comment whose node the canonical form leaves out (a default written explicitly) moves to
// the nearest node that is kept, so no comment is lost. A node that gets a comment inside a
// one-line flow collection turns that collection back into block style, where a comment fits.
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { pointerSegment } from '../source-map.js';

/** Where on a node a comment sits. */
type Place = 'keyBefore' | 'keyAfter' | 'before' | 'after';

/** The comments of a file, by pointer and place, and those of the document itself. */
export interface FileComments {
  readonly documentBefore: string | undefined;
  readonly documentAfter: string | undefined;
  readonly nodes: ReadonlyMap<string, Partial<Record<Place, string>>>;
}

interface Visit {
  readonly node: Node;
  readonly key: Node | undefined;
  readonly pointer: string;
  /** The flow collections the node sits in, outermost first. */
  readonly flowParents: readonly Node[];
}

function* nodesOf(root: Node | null | undefined): Generator<Visit> {
  if (!root) return;
  const stack: Visit[] = [{ node: root, key: undefined, pointer: '', flowParents: [] }];
  while (stack.length > 0) {
    const v = stack.pop()!;
    yield v;
    const n = v.node;
    const parents = (isMap(n) || isSeq(n)) && n.flow ? [...v.flowParents, n] : v.flowParents;
    if (isMap(n)) {
      for (const p of [...n.items].reverse()) {
        if (!isPair(p) || !p.value || typeof p.value !== 'object') continue;
        const k = isScalar(p.key) ? String(p.key.value) : String(p.key);
        stack.push({ node: p.value as Node, key: isScalar(p.key) ? p.key : undefined, pointer: `${v.pointer}/${pointerSegment(k)}`, flowParents: parents });
      }
    } else if (isSeq(n)) {
      for (let i = n.items.length - 1; i >= 0; i--) {
        const item = n.items[i];
        if (item && typeof item === 'object') stack.push({ node: item as Node, key: undefined, pointer: `${v.pointer}/${i}`, flowParents: parents });
      }
    }
  }
}

/** The comments of YAML text (a leading byte order mark is skipped). */
export function collectComments(text: string): FileComments {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { keepSourceTokens: false, uniqueKeys: false });
  const nodes = new Map<string, Partial<Record<Place, string>>>();
  for (const v of nodesOf(doc.contents as Node | null)) {
    const found: Partial<Record<Place, string>> = {};
    if (v.key?.commentBefore) found.keyBefore = v.key.commentBefore;
    if (v.key?.comment) found.keyAfter = v.key.comment;
    if (v.node.commentBefore) found.before = v.node.commentBefore;
    if (v.node.comment) found.after = v.node.comment;
    if (Object.keys(found).length > 0) nodes.set(v.pointer, found);
  }
  return { documentBefore: doc.commentBefore ?? undefined, documentAfter: doc.comment ?? undefined, nodes };
}

function join(a: string | null | undefined, b: string): string {
  return a ? `${a}\n${b}` : b;
}

/** Set a file's comments on the canonical document. */
export function applyComments(doc: Document, comments: FileComments): void {
  if (comments.documentBefore !== undefined) doc.commentBefore = comments.documentBefore;
  if (comments.documentAfter !== undefined) doc.comment = comments.documentAfter;
  const here = new Map<string, Visit>();
  for (const v of nodesOf(doc.contents as Node | null)) here.set(v.pointer, v);
  for (const [ptr, found] of comments.nodes) {
    let target = here.get(ptr);
    const kept = target !== undefined;
    let at = ptr;
    while (!target && at !== '') {
      at = at.slice(0, at.lastIndexOf('/'));
      target = here.get(at);
    }
    if (!target) continue;
    for (const parent of target.flowParents) (parent as { flow?: boolean }).flow = false;
    const n = target.node;
    if (!kept) {
      // The commented node is left out of the canonical form: its comments go before the
      // nearest kept ancestor.
      const all = [found.keyBefore, found.keyAfter, found.before, found.after].filter((c): c is string => c !== undefined).join('\n');
      // (after a scalar or an empty collection, on its line; else on the lines before it)
      const small = isScalar(n) || ((isMap(n) || isSeq(n)) && n.items.length === 0);
      if (small && !all.includes('\n')) n.comment = join(n.comment, all);
      else n.commentBefore = join(n.commentBefore, all);
      continue;
    }
    if (found.keyBefore !== undefined && target.key) target.key.commentBefore = join(target.key.commentBefore, found.keyBefore);
    else if (found.keyBefore !== undefined) n.commentBefore = join(n.commentBefore, found.keyBefore);
    if (found.keyAfter !== undefined && target.key) target.key.comment = join(target.key.comment, found.keyAfter);
    else if (found.keyAfter !== undefined) n.comment = join(n.comment, found.keyAfter);
    if (found.before !== undefined) n.commentBefore = join(n.commentBefore, found.before);
    if (found.after !== undefined) n.comment = join(n.comment, found.after);
  }
}
