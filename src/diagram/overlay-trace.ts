// A trace laid over a diagram: which box each hop happens at, and the numbered edges of
// the path between consecutive boxes. Hops at things that are not boxes (security
// groups, network ACLs, DNS) happen where the packet is: the box of the hop before (or,
// before the first box, the one after).
import type { Hop, Trace } from '../engine/trace.js';
import type { Diagram } from './diagram.js';

/** Which way along the flow a hop is. */
export type PathDirection = 'forward' | 'return';

/** One hop placed on the diagram. */
export interface PathStep {
  readonly direction: PathDirection;
  /** Index of the hop in `hops` or `returnHops`. */
  readonly index: number;
  /** The box the hop happens at, when the diagram draws any of the path. */
  readonly node: string | undefined;
  /** The box of the hop's own component when the hop happens elsewhere (a target group's choice, made at the load balancer node). */
  readonly also: string | undefined;
  /** The path edge that arrives at this hop's box, when the hop moved the packet to a new box. */
  readonly edge: number | undefined;
}

/** An edge of the path: from one box to the next, numbered from 1 in path order. */
export interface PathEdge {
  readonly number: number;
  readonly from: string;
  readonly to: string;
  readonly direction: PathDirection;
}

/** The trace's hops and edges on the diagram. */
export interface TracePath {
  readonly steps: readonly PathStep[];
  readonly edges: readonly PathEdge[];
  /** The box where the flow was denied or dropped, if it was. */
  readonly blockedAt: string | undefined;
}

// Decisions made at the box the packet is in, though their component has a box of its own.
const DECIDED_IN_PLACE: ReadonlySet<string> = new Set(['targetGroup']);

function placeHops(d: Diagram, hops: readonly Hop[], start: string | undefined): (string | undefined)[] {
  const direct = hops.map((h) => (DECIDED_IN_PLACE.has(h.component.kind) ? undefined : d.nodeOf.get(h.component.id)));
  const placed: (string | undefined)[] = [];
  let at = start;
  for (let i = 0; i < hops.length; i++) {
    at = direct[i] ?? at ?? direct.slice(i + 1).find((n) => n !== undefined);
    placed.push(at);
  }
  return placed;
}

/** Place a trace on a diagram. */
export function overlayTrace(d: Diagram, t: Trace): TracePath {
  const steps: PathStep[] = [];
  const edges: PathEdge[] = [];
  let previous: string | undefined;
  const walk = (hops: readonly Hop[], direction: PathDirection): void => {
    const placed = placeHops(d, hops, previous);
    placed.forEach((node, index) => {
      let edge: number | undefined;
      if (node !== undefined && previous !== undefined && node !== previous) {
        edge = edges.length + 1;
        edges.push({ number: edge, from: previous, to: node, direction });
      }
      if (node !== undefined) previous = node;
      const own = d.nodeOf.get(hops[index]!.component.id);
      steps.push({ direction, index, node, also: own !== node ? own : undefined, edge });
    });
  };
  walk(t.hops, 'forward');
  walk(t.returnHops, 'return');
  const stop = [...t.hops, ...t.returnHops].findIndex((h) => h.action === 'denied' || h.action === 'dropped');
  return { steps, edges, blockedAt: stop < 0 ? undefined : steps[stop]?.node };
}
