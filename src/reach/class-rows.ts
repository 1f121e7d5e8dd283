// Rows over classes for one packet: which classes a security group set lets a packet go to
// (egress) or come from (ingress), which a subnet's network ACL lets it go to or come from,
// and which a route table delivers into. Classes are sorted by address, so a CIDR is a run
// of classes and a rule costs a range fill. Security group references match classes holding
// the group in the same VPC or an active peering in the same region, as the trace engine
// finds the interface behind an address ("Update your security groups to reference peer
// security groups", VPC Peering guide).
import type { NetworkAcl, SecurityGroup } from '../model/resources.js';
import type { SgPeer } from '../model/rules.js';
import type { Topology } from '../model/topology.js';
import { prefixBounds, upperBound } from './address-atoms.js';
import { setBit, setRange, wordsFor } from './bitset.js';
import type { InstanceClass } from './form-classes.js';
import { aclEntryDecides, coversPacket, type ReachPacket } from './reach-packet.js';

/** The classes, with what rows over them need. */
export interface ClassSpace {
  readonly topology: Topology;
  readonly classes: readonly InstanceClass[];
  readonly n: number;
  readonly words: number;
  readonly starts: Float64Array;
  /** Referenced group -> classes holding it. */
  readonly holders: ReadonlyMap<string, readonly number[]>;
  /** VPC -> the VPCs a group reference reaches from it, in the order the trace engine looks. */
  readonly scope: ReadonlyMap<string, readonly string[]>;
}

/** Index the classes for row building. */
export function classSpace(topology: Topology, classes: readonly InstanceClass[]): ClassSpace {
  const holders = new Map<string, number[]>();
  for (const c of classes) for (const g of c.memberOf) holders.set(g, [...(holders.get(g) ?? []), c.index]);
  const scope = new Map<string, string[]>();
  for (const v of topology.vpcs.values()) {
    const order = [v.id];
    for (const p of topology.peeringConnections.values()) {
      if (p.requester !== v.id && p.accepter !== v.id) continue;
      if (p.status !== 'active') continue;
      const other = p.requester === v.id ? p.accepter : p.requester;
      if (topology.vpcs.get(other)?.region === v.region) order.push(other);
    }
    // A group reference across a transit gateway (security group referencing): VPCs attached
    // to a gateway the VPC is attached to, of its region. Their pairs route through the gateway,
    // which the class join leaves to the trace engine, so the scope only widens what it traces.
    for (const g of topology.transitGateways.values()) {
      const vpcs = g.attachments.map((id) => topology.transitGatewayAttachments.get(id)).flatMap((a) => (a?.type === 'vpc' ? [a.vpc] : []));
      if (!vpcs.includes(v.id)) continue;
      for (const other of vpcs) if (!order.includes(other) && topology.vpcs.get(other)?.region === v.region) order.push(other);
    }
    scope.set(v.id, order);
  }
  return { topology, classes, n: classes.length, words: wordsFor(classes.length), starts: Float64Array.from(classes.map((c) => c.start)), holders, scope };
}

/** Classes [lo, hi) whose addresses lie in [from, to]. */
function classRange(space: ClassSpace, from: number, to: number): readonly [number, number] {
  return [upperBound(space.starts, from - 1), upperBound(space.starts, to)];
}

/** Whether a group reference made from `selfVpc` finds class `c` behind its address. */
function referenceReaches(space: ClassSpace, selfVpc: string, c: InstanceClass): boolean {
  for (const v of space.scope.get(selfVpc) ?? []) {
    if (v === c.vpc) return true;
    if (c.sharedIn.has(v)) return false;
  }
  return false;
}

function orPeer(space: ClassSpace, out: Uint32Array, offset: number, peer: SgPeer, selfVpc: string): void {
  switch (peer.kind) {
    case 'cidr':
    case 'prefixList': {
      const prefixes = peer.kind === 'cidr' ? [peer.prefix] : (space.topology.prefixLists.get(peer.prefixList)?.entries ?? []);
      for (const p of prefixes) {
        if (p.family !== 4) continue;
        const [a, b] = prefixBounds(p);
        const [lo, hi] = classRange(space, a, b);
        setRange(out, lo, hi, offset);
      }
      return;
    }
    case 'securityGroup':
      for (const i of space.holders.get(peer.securityGroup) ?? []) if (referenceReaches(space, selfVpc, space.classes[i]!)) setBit(out, i, offset);
      return;
    default: {
      const never: never = peer;
      return never;
    }
  }
}

/**
 * OR into `out` (at `offset`) the classes that the security groups of class `self` let a
 * packet go to (egress) or come from (ingress). An interface no group filters passes all.
 */
export function orSecurityGroupRow(space: ClassSpace, self: InstanceClass, direction: 'ingress' | 'egress', packet: ReachPacket, out: Uint32Array, offset: number): void {
  const eni = self.eni;
  if (!eni.filtered || eni.securityGroups.length === 0) {
    setRange(out, 0, space.n, offset);
    return;
  }
  for (const id of eni.securityGroups) {
    const g: SecurityGroup | undefined = space.topology.securityGroups.get(id);
    if (!g) continue;
    for (const r of direction === 'ingress' ? g.ingress : g.egress) {
      if (coversPacket(r.protocol, r.ports, packet)) orPeer(space, out, offset, r.peer, eni.vpc);
    }
  }
}

/**
 * The classes a network ACL lets the packet go to (egress: the destination is the remote
 * end) or come from (ingress: the source is). Entries are painted from the highest rule
 * number down, so the lowest matching number decides; unmatched is the implicit deny.
 */
export function aclRow(space: ClassSpace, acl: NetworkAcl, direction: 'ingress' | 'egress', packet: ReachPacket): Uint32Array {
  const verdict = new Uint8Array(space.n);
  const rules = direction === 'ingress' ? acl.ingress : acl.egress;
  for (let i = rules.length - 1; i >= 0; i--) {
    const r = rules[i]!;
    if (r.cidr.family !== 4 || !aclEntryDecides(r, packet)) continue;
    const [a, b] = prefixBounds(r.cidr);
    const [lo, hi] = classRange(space, a, b);
    verdict.fill(r.action === 'allow' ? 1 : 0, lo, hi);
  }
  const row = new Uint32Array(space.words);
  for (let c = 0; c < space.n; c++) if (verdict[c] === 1) setBit(row, c);
  return row;
}

/** The classes a route table delivers into straight (fate = their VPC), and those it sends through a translator. */
export function routeRows(space: ClassSpace, fates: Int32Array, atomIndex: Int32Array, classVpc: Int32Array, complex: number): { deliver: Uint32Array; complex: Uint32Array } {
  const deliver = new Uint32Array(space.words);
  const through = new Uint32Array(space.words);
  for (let c = 0; c < space.n; c++) {
    const f = fates[atomIndex[c]!]!;
    if (f === complex) setBit(through, c);
    else if (f >= 0 && f === classVpc[c]) setBit(deliver, c);
  }
  return { deliver, complex: through };
}
