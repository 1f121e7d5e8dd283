// Where an unclosed bracket or quote opens. The yaml library reports an unclosed flow
// collection or quoted string where it gives up (often the end of the file); a person
// needs the `{`, `[` or quote that was never closed, so such errors are moved there.
import { isCollection, isScalar, type Document, type Node, type YAMLError } from 'yaml';
import { yamlChildren } from './yaml-children.js';

/** Every node of a document, iteratively (depth is bounded before this runs). */
function allNodes(doc: Document.Parsed): Node[] {
  const out: Node[] = [];
  const stack: Node[] = doc.contents ? [doc.contents] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    stack.push(...yamlChildren(node));
  }
  return out;
}

/** A better position and message for errors about something never closed, by error. */
export function locateUnclosed(doc: Document.Parsed, text: string): Map<YAMLError, { offset: number; message: string }> {
  const out = new Map<YAMLError, { offset: number; message: string }>();
  const wanted = doc.errors.filter(
    (e) => (e.code === 'BAD_INDENT' && /^Flow (map|sequence)/.test(e.message)) || (e.code === 'MISSING_CHAR' && /quote/.test(e.message)),
  );
  if (wanted.length === 0) return out;
  const used = new Set<Node>();
  const nodes = allNodes(doc).filter((n) => n.range !== undefined && n.range !== null);
  // Innermost first: the latest opener wins.
  nodes.sort((a, b) => b.range![0] - a.range![0]);
  for (const e of wanted) {
    const flow = e.code === 'BAD_INDENT';
    const hit = nodes.find((n) => {
      if (used.has(n) || n.range![1] !== e.pos[0]) return false;
      const opener = text[n.range![0]];
      if (flow) {
        const closer = opener === '{' ? '}' : opener === '[' ? ']' : undefined;
        return isCollection(n) && closer !== undefined && !text.slice(n.range![0], n.range![1]).trimEnd().endsWith(closer);
      }
      return isScalar(n) && (opener === '"' || opener === "'");
    });
    if (!hit) continue;
    used.add(hit);
    const opener = text[hit.range![0]]!;
    const message = flow
      ? `this flow ${opener === '{' ? 'mapping' : 'sequence'} "${opener}" is never closed with "${opener === '{' ? '}' : ']'}" (or a line inside it is not indented enough)`
      : `this quoted string is never closed with ${opener}`;
    out.set(e, { offset: hit.range![0], message });
  }
  return out;
}
