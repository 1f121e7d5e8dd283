// Address atoms: every IPv4 CIDR boundary in the topology (VPC and subnet blocks, routes,
// prefix-list entries, network ACL and security group rules, the special-purpose ranges)
// cuts the address line; the pieces between cuts are atoms. Every CIDR of the topology is a
// whole number of atoms, so two addresses in one atom meet every rule, route and block alike.
import type { Prefix } from '../net/prefix.js';
import { NON_PUBLIC } from '../net/special-ranges.js';
import type { Topology } from '../model/topology.js';

/** The atoms of a topology: sorted start addresses, the first one 0. */
export interface AddressAtoms {
  readonly starts: Float64Array;
}

/** First and last address of an IPv4 prefix, as numbers. */
export function prefixBounds(p: Prefix): readonly [number, number] {
  const start = Number(p.network);
  return [start, start + 2 ** (32 - p.length) - 1];
}

/** Every IPv4 prefix written anywhere in the topology (and the non-public ranges). */
export function topologyPrefixes(topology: Topology): Prefix[] {
  const out: Prefix[] = [...NON_PUBLIC];
  for (const v of topology.vpcs.values()) out.push(...v.cidrs);
  for (const s of topology.subnets.values()) out.push(s.cidr);
  for (const t of topology.routeTables.values()) for (const r of t.routes) if (r.destination.kind === 'cidr') out.push(r.destination.prefix);
  for (const pl of topology.prefixLists.values()) out.push(...pl.entries);
  for (const acl of topology.networkAcls.values()) for (const r of [...acl.ingress, ...acl.egress]) out.push(r.cidr);
  for (const sg of topology.securityGroups.values()) {
    for (const r of [...sg.ingress, ...sg.egress]) if (r.peer.kind === 'cidr') out.push(r.peer.prefix);
  }
  return out.filter((p) => p.family === 4);
}

/** Cut the IPv4 line at every boundary of the topology's prefixes. */
export function buildAtoms(topology: Topology): AddressAtoms {
  const cuts = new Set<number>([0]);
  for (const p of topologyPrefixes(topology)) {
    const [start, end] = prefixBounds(p);
    cuts.add(start);
    if (end + 1 < 2 ** 32) cuts.add(end + 1);
  }
  const starts = Float64Array.from(cuts).sort();
  return { starts };
}

/** Index of the first element of a sorted array greater than `v`. */
export function upperBound(a: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The atom holding an address. */
export function atomOf(atoms: AddressAtoms, ip: number): number {
  return upperBound(atoms.starts, ip) - 1;
}

/** First and last address of an atom. */
export function atomBounds(atoms: AddressAtoms, atom: number): readonly [number, number] {
  const next = atoms.starts[atom + 1];
  return [atoms.starts[atom]!, next === undefined ? 2 ** 32 - 1 : next - 1];
}
