// `--from` / `--to` selectors for the relation: a comma-separated list of ids, each an end
// (instance, interface, secondary address, internet host), or a set of them: a subnet, a VPC, a security group
// (the ends holding it), an endpoint (its interfaces), a load balancer (its nodes), an
// on-premises network (its hosts), or `internet` (every internet host).
import { formatIp } from '../net/ip.js';
import { didYouMean } from '../model/suggest.js';
import type { Topology } from '../model/topology.js';
import type { ReachEnd } from './reach-ends.js';

/** Ends chosen by a selector, or why it chooses nothing. */
export type Selection = { readonly ok: true; readonly ids: ReadonlySet<string> } | { readonly ok: false; readonly message: string };

/** The ends of `ends` (one side of the relation) that a selector names. */
export function selectEnds(topology: Topology, ends: readonly ReachEnd[], selector: string, side: 'from' | 'to'): Selection {
  const ids = new Set<string>();
  for (const item of selector.split(',').map((s) => s.trim()).filter((s) => s.length > 0)) {
    const before = ids.size;
    const known = itemIsKnown(topology, item) || ends.some((e) => e.id === item);
    for (const e of ends) if (matches(topology, e, item)) ids.add(e.id);
    if (!known) {
      const candidates = [...topology.byId.keys(), ...topology.enis.keys(), 'internet'];
      return { ok: false, message: `--${side}: "${item}" is not an id in this topology${didYouMean(item, candidates)}` };
    }
    if (ids.size === before) return { ok: false, message: `--${side}: "${item}" names no ${side === 'from' ? 'source' : 'destination'} of the relation` };
  }
  if (ids.size === 0) return { ok: false, message: `--${side} selects nothing` };
  return { ok: true, ids };
}

function itemIsKnown(topology: Topology, item: string): boolean {
  if (item === 'internet' || topology.byId.has(item) || topology.enis.has(item)) return true;
  // A secondary address is a destination only: as a source it is known, and selects nothing.
  return [...topology.enis.values()].some((e) => e.secondaryIps.some((ip) => formatIp(ip) === item));
}

function matches(topology: Topology, e: ReachEnd, item: string): boolean {
  if (e.id === item) return true;
  if (item === 'internet') return e.kind === 'internetHost';
  if (e.kind === 'onPremisesHost') return e.network === item;
  const eni = e.eni;
  if (!eni) return false;
  if (eni.subnet === item || eni.vpc === item || eni.securityGroups.includes(item)) return true;
  const r = topology.byId.get(item);
  return (r?.kind === 'endpoint' || r?.kind === 'loadBalancer') && eni.owner.id === item;
}
