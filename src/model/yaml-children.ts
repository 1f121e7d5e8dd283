// The direct children of a YAML node, shared by the loader's walks.
import { isCollection, isPair, type Node } from 'yaml';

/** Children of a node in document order (keys and values of pairs, items of sequences). */
export function yamlChildren(node: Node): Node[] {
  if (!isCollection(node)) return [];
  const out: Node[] = [];
  for (const item of node.items as unknown[]) {
    if (isPair(item)) {
      if (item.key) out.push(item.key as Node);
      if (item.value) out.push(item.value as Node);
    } else if (item) {
      out.push(item as Node);
    }
  }
  return out;
}
