// The relation summed by group (`reach --group-by`): for each (source group, destination
// group) cell, how many pairs there are and how many are reachable or unknown. Groups are
// VPCs, subnets or security groups; internet hosts form the group `internet`, on-premises
// hosts the group of their network. With
// security groups an interface counts under each group it holds.
import { groupPairVerdict, type ReachGroup, type RelationGroups } from './query-relation.js';
import type { PortRelation, ReachRelation } from './reach-relation.js';

/** What the matrix is grouped by. */
export const GROUP_BYS = ['vpc', 'subnet', 'security-group'] as const;

/** A grouping. */
export type GroupBy = (typeof GROUP_BYS)[number];

/** One cell of the matrix. */
export interface GroupCell {
  pairs: number;
  reachable: number;
  unknown: number;
}

/** The matrix: row and column keys, sorted, and the cells by `row\0col`. */
export interface GroupMatrix {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly cells: ReadonlyMap<string, GroupCell>;
}

function keysOf(g: ReachGroup, by: GroupBy): readonly string[] {
  if (g.kind === 'internetHost') return ['internet'];
  // On-premises hosts group by their network, whatever the grouping (ids are unique file-wide).
  if (g.kind === 'onPremisesHost') return [g.network ?? 'on-premises'];
  switch (by) {
    case 'vpc': return [g.vpc ?? '-'];
    case 'subnet': return [g.subnet ?? '-'];
    case 'security-group': return g.securityGroups.length > 0 ? g.securityGroups : ['(no security group)'];
    default: {
      const never: never = by;
      return never;
    }
  }
}

/** Sum a relation's pairs by group. */
export function groupMatrix(rel: ReachRelation, port: PortRelation, groups: RelationGroups, by: GroupBy): GroupMatrix {
  const cells = new Map<string, GroupCell>();
  const rows = new Set<string>();
  const columns = new Set<string>();
  const destinationKeys = groups.destinations.map((d) => keysOf(d, by));
  for (const s of groups.sources) {
    const sk = keysOf(s, by);
    for (const k of sk) rows.add(k);
    groups.destinations.forEach((d, i) => {
      const { pairs, reachable, unknown } = groupPairVerdict(rel, port, s, d);
      if (pairs === 0) return;
      for (const r of sk) {
        for (const c of destinationKeys[i]!) {
          columns.add(c);
          const key = `${r}\u0000${c}`;
          let cell = cells.get(key);
          if (!cell) cells.set(key, (cell = { pairs: 0, reachable: 0, unknown: 0 }));
          cell.pairs += pairs;
          cell.reachable += reachable;
          cell.unknown += unknown;
        }
      }
    });
  }
  return { rows: [...rows].sort(), columns: [...columns].sort(), cells };
}
