// Groups of two relations laid over each other: ends that share a group in OLD and a group
// in NEW share a block, so a block pair has one verdict in each version (class ids are not
// stable across edits, so blocks are keyed by both versions' groups and named by members).
import type { ReachGroup } from '../reach/query-relation.js';

/** Ends that are in one group of OLD and one group of NEW. */
export interface Block {
  readonly key: string;
  readonly members: readonly string[];
  readonly old: ReachGroup;
  readonly new: ReachGroup;
}

/** Blocks of one side, in the order of `order` (the ends compared, sorted). */
export function refineGroups(order: readonly string[], olds: readonly ReachGroup[], news: readonly ReachGroup[]): Block[] {
  const oldOf = groupOf(olds);
  const newOf = groupOf(news);
  const blocks = new Map<string, { members: string[]; old: ReachGroup; new: ReachGroup }>();
  for (const id of order) {
    const o = oldOf.get(id);
    const n = newOf.get(id);
    if (!o || !n) continue;
    const key = `${o.id}\u0000${n.id}`;
    const b = blocks.get(key);
    if (b) b.members.push(id);
    else blocks.set(key, { members: [id], old: o, new: n });
  }
  return [...blocks].map(([key, b]) => ({ key, members: b.members, old: { ...b.old, members: b.members }, new: { ...b.new, members: b.members } }));
}

function groupOf(groups: readonly ReachGroup[]): Map<string, ReachGroup> {
  const out = new Map<string, ReachGroup>();
  for (const g of groups) for (const m of g.members) out.set(m, g);
  return out;
}
