// A raw topology as YAML text, the way the bundled scenarios write it: block style for the
// structure, one-line flow maps for rules, routes and small resources, flow lists of ids.
// Keys keep the order they were built in (the format's order); no line is folded.
import { Document, isScalar, isSeq, visit } from 'yaml';
import type { RawTopology } from '../format.js';
import { applyComments, type FileComments } from './keep-comments.js';

/** Longest one-line flow map, in characters of its JSON form. */
const FLOW_WIDTH = 90;

function scalarsOnly(node: unknown): boolean {
  return isScalar(node) || (isSeq(node) && node.items.every((i) => isScalar(i)));
}

/**
 * YAML text of a raw topology, optionally after a first comment line, or with the comments
 * of the file it was loaded from carried over (keep-comments.ts).
 */
export function printRaw(raw: RawTopology, firstLine?: string, comments?: FileComments): string {
  const doc = new Document(raw);
  visit(doc, {
    Map(_key, node, path) {
      if (path.length <= 1) return; // the document's own map stays block
      const small = node.items.every((p) => scalarsOnly(p.value)) && JSON.stringify(node.toJSON()).length <= FLOW_WIDTH;
      if (small) node.flow = true;
    },
    Seq(_key, node) {
      if (node.items.every((i) => isScalar(i))) node.flow = true;
    },
  });
  if (comments) {
    applyComments(doc, comments);
    return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
  }
  const body = doc.toString({ lineWidth: 0, flowCollectionPadding: true });
  return firstLine !== undefined ? `${firstLine}\n${body}` : body;
}
