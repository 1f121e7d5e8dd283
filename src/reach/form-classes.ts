// Interface classes: instances whose fate is the same toward every destination and from
// every source. The key is (subnet, what their security groups say, the atom of the private
// address, the atom of the public address); two security group sets that hold the same
// rules and the same memberships of referenced groups are one. A secondary private address
// is a destination like an interface of its own in the same subnet with the same groups and
// no public address ("Multiple IP addresses", Amazon EC2 guide: the interface receives on
// it, its groups and its subnet's ACL filter it), so it joins classes by the same key.
// Addresses the topology names individually (load balancer targets, route targets, an
// address another interface also holds) are classes of their own.
import type { Eni, SgRule } from '../model/resources.js';
import type { Topology } from '../model/topology.js';
import { atomBounds, atomOf, type AddressAtoms } from './address-atoms.js';
import { addressHolders, collectEnds } from './reach-ends.js';

/** One class of instances (and of secondary addresses). */
export interface InstanceClass {
  readonly index: number;
  /** Member end ids (instances, secondary addresses), in the topology's order. */
  readonly members: readonly string[];
  /** The interface of the first member: the class's representative for rules and witnesses. */
  readonly eni: Eni;
  readonly atom: number;
  /** First address of the atom (classes are sorted by it). */
  readonly start: number;
  readonly subnet: string;
  readonly vpc: string;
  /** Security groups of the representative; all members' groups say the same. */
  readonly securityGroups: readonly string[];
  /** Referenced groups the members hold. */
  readonly memberOf: readonly string[];
  /** VPCs where another interface holds the first member's address (singleton classes only). */
  readonly sharedIn: ReadonlySet<string>;
}

/** The classes and where each instance landed. */
export interface ClassPartition {
  readonly classes: readonly InstanceClass[];
  /** Instance id -> class index. */
  readonly classOf: ReadonlyMap<string, number>;
}

function ruleKey(r: SgRule): string {
  const p = r.peer;
  const peer = p.kind === 'cidr' ? `c${p.prefix.network}/${p.prefix.length}:${p.prefix.family}` : p.kind === 'prefixList' ? `p${p.prefixList}` : `g${p.securityGroup}`;
  return `${r.protocol}/${r.ports.from}-${r.ports.to}/${peer}`;
}

/** Groups some rule references: membership in them is part of an interface's identity. */
export function referencedGroups(topology: Topology): Set<string> {
  const out = new Set<string>();
  for (const sg of topology.securityGroups.values()) {
    for (const r of [...sg.ingress, ...sg.egress]) if (r.peer.kind === 'securityGroup') out.add(r.peer.securityGroup);
  }
  return out;
}

/**
 * Addresses the topology names one by one, as `<interface>` for a primary address and the
 * address for a secondary one: targets, route targets, addresses several interfaces hold.
 */
function namedAddresses(topology: Topology, byIp: ReadonlyMap<bigint, readonly Eni[]>): Set<string> {
  const out = new Set<string>();
  const name = (value: bigint, e: Eni): string => (e.privateIp.value === value ? e.id : `@${value}`);
  for (const [value, list] of byIp) if (list.length > 1) for (const e of list) out.add(name(value, e));
  for (const tg of topology.targetGroups.values()) {
    for (const t of tg.targets) {
      if (t.kind === 'instance') out.add(t.instance);
      else if (t.kind === 'ip') for (const e of byIp.get(t.ip.value) ?? []) out.add(name(t.ip.value, e));
    }
  }
  for (const t of topology.routeTables.values()) for (const r of t.routes) if (r.target.kind === 'resource') out.add(r.target.id);
  return out;
}

/** Partition the instances of a topology into classes. */
export function formClasses(topology: Topology, atoms: AddressAtoms): ClassPartition {
  const referenced = referencedGroups(topology);
  const byIp = addressHolders(topology);
  const named = namedAddresses(topology, byIp);
  const signatures = new Map<string, { sig: string; memberOf: string[] }>();
  const signatureOf = (eni: Eni): { sig: string; memberOf: string[] } => {
    const ids = `${eni.filtered ? '' : '!'}${eni.securityGroups.join(',')}`;
    let s = signatures.get(ids);
    if (!s) {
      const groups = eni.securityGroups.map((g) => topology.securityGroups.get(g)).filter((g) => g !== undefined);
      const ingress = [...new Set(groups.flatMap((g) => g.ingress.map(ruleKey)))].sort();
      const egress = [...new Set(groups.flatMap((g) => g.egress.map(ruleKey)))].sort();
      const memberOf = eni.securityGroups.filter((g) => referenced.has(g)).sort();
      const open = !eni.filtered || eni.securityGroups.length === 0;
      s = { sig: open ? 'open' : `${ingress.join(' ')}|${egress.join(' ')}|${memberOf.join(' ')}`, memberOf };
      signatures.set(ids, s);
    }
    return s;
  };
  const groups = new Map<string, { eni: Eni; address: bigint; atom: number; memberOf: string[]; members: string[] }>();
  for (const end of collectEnds(topology).destinations) {
    const eni = end.eni;
    if (!end.inMatrix || !eni) continue;
    const address = end.address.value;
    const atom = atomOf(atoms, Number(address));
    const pub = end.kind === 'instance' && eni.publicIp ? atomOf(atoms, Number(eni.publicIp.value)) : -1;
    const { sig, memberOf } = signatureOf(eni);
    const self = end.kind === 'instance' ? eni.id : `@${address}`;
    const own = named.has(self) ? self : '';
    const key = `${atom}\u0000${eni.subnet}\u0000${pub}\u0000${own}\u0000${sig}`;
    const g = groups.get(key);
    if (g) g.members.push(end.id);
    else groups.set(key, { eni, address, atom, memberOf, members: [end.id] });
  }
  const sorted = [...groups.entries()].sort(([ka, a], [kb, b]) => a.atom - b.atom || (ka < kb ? -1 : ka > kb ? 1 : 0));
  const classOf = new Map<string, number>();
  const classes = sorted.map(([, g], index): InstanceClass => {
    for (const m of g.members) classOf.set(m, index);
    return {
      index, members: g.members, eni: g.eni, atom: g.atom, start: atomBounds(atoms, g.atom)[0], subnet: g.eni.subnet, vpc: g.eni.vpc,
      securityGroups: g.eni.securityGroups, memberOf: g.memberOf,
      sharedIn: new Set((byIp.get(g.address) ?? []).filter((e) => e.id !== g.eni.id).map((e) => e.vpc)),
    };
  });
  return { classes, classOf };
}
