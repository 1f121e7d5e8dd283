// `check --baseline`: the opened flows of a diff that a `protect:` entry of NEW forbids
// (its destinations, and its sources, protocol and ports when given), or every opened flow
// with `--fail-on opened`.
import type { ProtectRule } from '../model/protect.js';
import type { Topology } from '../model/topology.js';
import { collectEnds, type ReachEnd } from '../reach/reach-ends.js';
import { selectEnds } from '../reach/select-ends.js';
import type { DiffResult, FlowChange } from './diff-result.js';

/** An opened flow that fails the baseline: under a protect entry, or any with --fail-on opened. */
export interface ProtectViolation {
  /** Undefined for --fail-on opened. */
  readonly rule: ProtectRule | undefined;
  readonly change: FlowChange;
  /** The change's sources and destinations the entry covers, and the ports it covers. */
  readonly sources: readonly string[];
  readonly destinations: readonly string[];
  readonly portFrom: number | undefined;
  readonly portTo: number | undefined;
}

/** The ends a list of selectors names (an item naming no end of that side adds none). */
export function protectedEnds(topology: Topology, items: readonly string[], side: 'from' | 'to'): Set<string> {
  const all = collectEnds(topology);
  const ends: readonly ReachEnd[] = side === 'from' ? all.sources : all.destinations;
  const out = new Set<string>();
  for (const item of items) {
    const r = selectEnds(topology, ends, item, side);
    if (r.ok) for (const id of r.ids) out.add(id);
  }
  return out;
}

/** Violations of the protect entries of `newTopology` (and of every opened flow when `failOnOpened`). */
export function judgeProtect(diff: DiffResult, newTopology: Topology, failOnOpened: boolean): ProtectViolation[] {
  const out: ProtectViolation[] = [];
  const opened = diff.changes.filter((c) => c.kind === 'opened');
  if (failOnOpened) for (const c of opened) out.push({ rule: undefined, change: c, sources: c.sources, destinations: c.destinations, portFrom: c.portFrom, portTo: c.portTo });
  for (const rule of newTopology.protect) {
    const to = protectedEnds(newTopology, rule.to, 'to');
    const from = rule.from && protectedEnds(newTopology, rule.from, 'from');
    for (const c of opened) {
      if (rule.protocol !== undefined && rule.protocol !== c.protocol) continue;
      let portFrom = c.portFrom;
      let portTo = c.portTo;
      if (rule.ports && portFrom !== undefined && portTo !== undefined) {
        portFrom = Math.max(portFrom, rule.ports.from);
        portTo = Math.min(portTo, rule.ports.to);
        if (portFrom > portTo) continue;
      }
      const destinations = c.destinations.filter((d) => to.has(d));
      const sources = from ? c.sources.filter((s) => from.has(s)) : c.sources;
      // Pairs, not an end and itself.
      if (destinations.length === 0 || sources.length === 0 || (sources.length === 1 && destinations.length === 1 && sources[0] === destinations[0])) continue;
      out.push({ rule, change: c, sources, destinations, portFrom, portTo });
    }
  }
  return out;
}

/** The destinations a baseline diff must compare: every end when any opened flow counts, else the protected ones. */
export function baselineDestinations(newTopology: Topology, failOnOpened: boolean): ReadonlySet<string> | undefined {
  if (failOnOpened) return undefined;
  return protectedEnds(newTopology, newTopology.protect.flatMap((p) => p.to), 'to');
}

/** The protocols a baseline diff compares: those the entries name, every one when an entry names none. */
export function baselineProtocols(newTopology: Topology, failOnOpened: boolean): ('tcp' | 'udp' | 'icmp' | 'icmpv6' | 'all')[] {
  const every: ('tcp' | 'udp' | 'icmp' | 'icmpv6' | 'all')[] = ['tcp', 'udp', 'icmp'];
  if (failOnOpened || newTopology.protect.some((p) => p.protocol === undefined)) return every;
  return [...new Set(newTopology.protect.map((p) => p.protocol!))];
}
