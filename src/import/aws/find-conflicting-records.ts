// The same resource in two places of a snapshot (two files, or twice in one) with different
// content: the mappers use the first by path, and CONFLICTING_RECORDS says the other was
// left out (docs/import.md), so a stale or edited copy is never dropped silently. Peering
// connections are compared where both sides are merged (map-peering.ts).
import type { Problems } from './problems.js';
import type { Snapshot } from './snapshot.js';

/** The record families whose records name one resource each, and the key that names it. */
const FAMILIES = [
  ['vpcs', 'id', 'VPC'], ['subnets', 'id', 'subnet'], ['routeTables', 'id', 'route table'],
  ['securityGroups', 'id', 'security group'], ['networkAcls', 'id', 'network ACL'],
  ['internetGateways', 'id', 'internet gateway'], ['enis', 'id', 'network interface'],
  ['instances', 'id', 'instance'], ['natGateways', 'id', 'NAT gateway'], ['endpoints', 'id', 'VPC endpoint'],
  ['loadBalancers', 'arn', 'load balancer'], ['targetGroups', 'arn', 'target group'],
] as const satisfies readonly (readonly [keyof Snapshot, string, string])[];

/** A record's content without where it was read (`src`, at any depth), keys sorted. */
function content(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (key === 'src') return undefined;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

/** Warn CONFLICTING_RECORDS for each record whose id an earlier, different record has. */
export function findConflictingRecords(snapshot: Snapshot, problems: Problems): void {
  for (const [family, key, what] of FAMILIES) {
    const first = new Map<string, { text: string; file: string }>();
    for (const rec of snapshot[family] as readonly { readonly src: { file: string; path: string } }[]) {
      const id = (rec as unknown as Record<string, unknown>)[key];
      if (typeof id !== 'string') continue;
      const text = content(rec);
      const seen = first.get(id);
      if (!seen) {
        first.set(id, { text, file: rec.src.file });
        continue;
      }
      if (seen.text === text) continue;
      problems.warn('CONFLICTING_RECORDS', id, rec.src.file, rec.src.path,
        `${what} ${id} is also in ${seen.file} with different content; the first (by path), in ${seen.file}, is used and this one is left out`);
    }
  }
}
