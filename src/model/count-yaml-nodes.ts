// A bound on the work composing YAML takes: the number of nodes. The yaml library builds
// a tree and then plain data from it, about ten microseconds a node: a 1.8 MB flow sequence
// of 900,000 items took 9 s and a gigabyte, and with aliases twice that. Before composing,
// the pre-scan (scan-nesting.ts) counts the nodes the syntax announces and stops at the
// bound; after composing, the nodes are counted again with every alias standing for the
// whole node it names, so a small file that aliases a big list many times is bounded too.
import { isAlias, type Document, type Node } from 'yaml';
import { yamlChildren } from './yaml-children.js';

/**
 * Most YAML nodes a topology file may have: about what the 2 MiB size bound holds of real
 * topology (a 1.27 MB estate of 100 VPCs and 10,000 instances has 104,301), composed in about
 * two seconds; a hand-written topology has a few thousand.
 */
export const MAX_NODES = 200_000;

/**
 * The first node at which the composed document, aliases expanded, passes `limit` nodes,
 * or undefined when it stays within it. Depth is already bounded when this runs.
 */
export function firstNodePastLimit(doc: Document.Parsed, limit: number = MAX_NODES): Node | undefined {
  const sizes = new Map<Node, number>();
  let total = 0;
  const sizeOf = (root: Node): number => {
    // Post-order over an explicit stack; an alias costs the size of the node it names.
    const stack: { node: Node; done: boolean }[] = [{ node: root, done: false }];
    while (stack.length > 0) {
      const top = stack.pop()!;
      if (sizes.has(top.node)) continue;
      const kids = childrenOf(top.node, doc);
      if (!top.done) {
        stack.push({ node: top.node, done: true });
        for (const k of kids) if (!sizes.has(k)) stack.push({ node: k, done: false });
        continue;
      }
      let size = 1;
      for (const k of kids) size += sizes.get(k) ?? 0;
      sizes.set(top.node, Math.min(size, limit + 1));
    }
    return sizes.get(root) ?? 0;
  };
  // Walk in document order, adding each top-level entry, to name where the bound is crossed.
  const contents = doc.contents;
  if (!contents) return undefined;
  for (const k of [contents, ...childrenOf(contents, doc)]) {
    total += k === contents ? 1 : sizeOf(k);
    if (total > limit) return k;
  }
  return undefined;
}

function childrenOf(node: Node, doc: Document.Parsed): Node[] {
  if (!isAlias(node)) return yamlChildren(node);
  const target = node.resolve(doc);
  return target ? [target] : [];
}
