// "VPC peering limitations" (Amazon VPC Peering guide): you cannot have more than one VPC
// peering connection between the same two VPCs at the same time. Connections that are over
// (rejected, failed, expired, deleting, deleted) do not count.
import type { Diagnostic } from '../diagnostic.js';
import type { PeeringConnection } from '../resources.js';
import type { SourceMap } from '../source-map.js';

const OVER = new Set(['rejected', 'failed', 'expired', 'deleting', 'deleted']);

/** A second live peering connection between the same two VPCs. */
export function validatePeerings(peerings: ReadonlyMap<string, PeeringConnection>, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  const live = [...peerings.values()].filter((p) => !OVER.has(p.status));
  live.sort((a, b) => a.span.line - b.span.line || a.span.col - b.span.col);
  const byPair = new Map<string, string>();
  for (const p of live) {
    const pair = [p.requester, p.accepter].sort().join('\u0000');
    const first = byPair.get(pair);
    if (first === undefined) {
      byPair.set(pair, p.id);
      continue;
    }
    out.push({
      code: 'PEERING_DUPLICATE',
      severity: 'error',
      message: `"${p.requester}" and "${p.accepter}" are already peered by "${first}"; AWS allows one peering connection between two VPCs`,
      span: map.keyAt(p.pointer),
    });
  }
  return out;
}
