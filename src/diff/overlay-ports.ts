// The port spans of two relations laid over each other: each relation cuts the ports at the
// bounds of its own rules (port atoms), so a piece of both is answered by one atom of each.
import type { PortSpan } from '../reach/port-atoms.js';
import type { PortRelation } from '../reach/reach-relation.js';

/** A span answered by one port relation of each version. */
export interface PortPiece {
  readonly ports: PortSpan | undefined;
  readonly old: PortRelation;
  readonly new: PortRelation;
}

/** Cut two lists of port relations (sorted, covering the same ports) at the bounds of both. */
export function overlayPorts(olds: readonly PortRelation[], news: readonly PortRelation[]): PortPiece[] {
  const out: PortPiece[] = [];
  const a0 = olds[0];
  const b0 = news[0];
  if (!a0 || !b0) return out;
  // No ports (protocol all, ICMP echo): one relation on each side.
  if (a0.ports === undefined || b0.ports === undefined) return [{ ports: undefined, old: a0, new: b0 }];
  let i = 0;
  let j = 0;
  while (i < olds.length && j < news.length) {
    const a = olds[i]!;
    const b = news[j]!;
    const from = Math.max(a.ports!.from, b.ports!.from);
    const to = Math.min(a.ports!.to, b.ports!.to);
    if (from <= to) out.push({ ports: { from, to }, old: a, new: b });
    if (a.ports!.to < b.ports!.to) i++;
    else if (b.ports!.to < a.ports!.to) j++;
    else {
      i++;
      j++;
    }
  }
  return out;
}
