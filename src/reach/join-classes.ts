// The class join for one packet ("the pipeline", docs/reach.md): for each source class a row
// over destination classes of "the forward leg passes on the source side" (security group
// egress, the route delivering into the destination's VPC, the source subnet's ACL out and,
// for the reply, in); for each destination class a row over source classes of "the
// destination side passes" (security group ingress, its subnet's ACL in, and for the reply
// its route back and ACL out). reach = P AND transpose(Q), 32x32 bit blocks at a time.
// Security groups let replies pass (connection tracking); ACLs between interfaces of one
// subnet do not apply ("Control subnet traffic with network ACLs"). Pairs whose route goes
// through a translator are returned as `complex` for tracing.
import { setRange, transpose32 } from './bitset.js';
import { aclRow, orSecurityGroupRow, routeRows, type ClassSpace } from './class-rows.js';
import type { ReachPacket } from './reach-packet.js';
import { replyPacket } from './reach-packet.js';
import { COMPLEX, type RouteFates } from './route-fates.js';

/** The join's answer for one packet. */
export interface ClassJoin {
  /** Row-major N x W bits: class s reaches class d (pairs in `complex` are cleared). */
  readonly matrix: Uint32Array;
  /** Class pairs [source, destination] the join leaves to the trace engine. */
  readonly complex: readonly (readonly [number, number])[];
}

type Kind = 'egF' | 'inF' | 'egR' | 'inR';

/** Words of ingress rows kept for reuse (64 MB). */
const INGRESS_CACHE_WORDS = 16 * 1024 * 1024;

/** Join every source class with every destination class for one packet. */
export function joinClasses(space: ClassSpace, fates: RouteFates, atomIndex: Int32Array, packet: ReachPacket): ClassJoin {
  const { topology, classes, n, words: w } = space;
  const reply = replyPacket(packet);
  const classVpc = Int32Array.from(classes.map((c) => fates.vpcIndex.get(c.vpc) ?? -1));
  // Network ACL rows per subnet, with the subnet's own classes set (no ACL inside a subnet).
  const subnetClasses = new Map<string, number[]>();
  for (const c of classes) subnetClasses.set(c.subnet, [...(subnetClasses.get(c.subnet) ?? []), c.index]);
  const aclCache = new Map<string, Uint32Array>();
  const subnetCache = new Map<string, Uint32Array>();
  const subnetRow = (subnetId: string, kind: Kind): Uint32Array => {
    const key = `${kind}\u0000${subnetId}`;
    const hit = subnetCache.get(key);
    if (hit) return hit;
    const subnet = topology.subnets.get(subnetId);
    const acl = subnet ? topology.networkAcls.get(subnet.networkAcl) : undefined;
    let row: Uint32Array;
    if (!acl) {
      row = new Uint32Array(w);
      setRange(row, 0, n);
    } else {
      const aclKey = `${kind}\u0000${acl.id}`;
      let base = aclCache.get(aclKey);
      if (!base) {
        base = aclRow(space, acl, kind === 'egF' || kind === 'egR' ? 'egress' : 'ingress', kind === 'egF' || kind === 'inF' ? packet : reply);
        aclCache.set(aclKey, base);
      }
      row = base.slice();
      for (const c of subnetClasses.get(subnetId) ?? []) row[c >>> 5]! |= 1 << (c & 31);
    }
    subnetCache.set(key, row);
    return row;
  };
  const routeCache = new Map<string, { deliver: Uint32Array; complex: Uint32Array }>();
  const routeOf = (subnetId: string): { deliver: Uint32Array; complex: Uint32Array } => {
    const table = topology.subnets.get(subnetId)!.routeTable;
    let r = routeCache.get(table);
    if (!r) {
      r = routeRows(space, fates.byTable.get(table)!, atomIndex, classVpc, COMPLEX);
      routeCache.set(table, r);
    }
    return r;
  };
  // Classes whose security group rows are equal: same VPC, same groups.
  const byGroups = new Map<string, number[]>();
  for (const c of classes) {
    const key = `${c.vpc}\u0000${c.eni.filtered ? '' : '!'}${c.eni.securityGroups.join(',')}`;
    const list = byGroups.get(key);
    if (list) list.push(c.index);
    else byGroups.set(key, [c.index]);
  }
  const groups = [...byGroups.values()];

  // P: the source side, row per source class.
  const matrix = new Uint32Array(n * w);
  const complex: [number, number][] = [];
  const sg = new Uint32Array(w);
  for (const group of groups) {
    sg.fill(0);
    orSecurityGroupRow(space, classes[group[0]!]!, 'egress', packet, sg, 0);
    for (const s of group) {
      const c = classes[s]!;
      const route = routeOf(c.subnet);
      const out = subnetRow(c.subnet, 'egF');
      const back = subnetRow(c.subnet, 'inR');
      const o = s * w;
      for (let i = 0; i < w; i++) {
        const e = sg[i]!;
        matrix[o + i] = e & route.deliver[i]! & out[i]! & back[i]!;
        const x = fates.anyComplex ? e & route.complex[i]! : 0;
        if (x !== 0) for (let b = 0; b < 32; b++) if ((x >>> b) & 1) complex.push([s, i * 32 + b]);
      }
    }
  }

  // Q: the destination side, built 32 destination classes at a time and transposed into P.
  const q = new Uint32Array(32 * w);
  const qc = new Uint32Array(32 * w);
  const rowOfClass = new Int32Array(n);
  for (const g of groups) for (const d of g) rowOfClass[d] = g[0]!;
  // Ingress rows by group lead, within a memory budget (the stress estate has a group per class).
  const ingressRow = new Map<number, Uint32Array>();
  const cacheRows = Math.max(1, Math.floor(INGRESS_CACHE_WORDS / Math.max(1, w)));
  const block = new Uint32Array(32);
  const blockC = new Uint32Array(32);
  for (let b = 0; b < w; b++) {
    q.fill(0);
    qc.fill(0);
    for (let j = 0; j < 32; j++) {
      const d = b * 32 + j;
      if (d >= n) break;
      const c = classes[d]!;
      const lead = rowOfClass[d]!;
      let ing = ingressRow.get(lead);
      if (!ing) {
        ing = new Uint32Array(w);
        orSecurityGroupRow(space, classes[lead]!, 'ingress', packet, ing, 0);
        if (ingressRow.size >= cacheRows) ingressRow.clear();
        ingressRow.set(lead, ing);
      }
      const into = subnetRow(c.subnet, 'inF');
      const out = subnetRow(c.subnet, 'egR');
      const route = routeOf(c.subnet);
      const o = j * w;
      for (let i = 0; i < w; i++) {
        const f = ing[i]! & into[i]!;
        q[o + i] = f & route.deliver[i]! & out[i]!;
        if (fates.anyComplex) qc[o + i] = f & route.complex[i]!;
      }
    }
    for (let sw = 0; sw < w; sw++) {
      for (let j = 0; j < 32; j++) {
        block[j] = q[j * w + sw]!;
        blockC[j] = qc[j * w + sw]!;
      }
      transpose32(block);
      if (fates.anyComplex) transpose32(blockC);
      for (let i = 0; i < 32; i++) {
        const s = sw * 32 + i;
        if (s >= n) break;
        const at = s * w + b;
        const forward = matrix[at]!;
        const x = forward & blockC[i]!;
        if (x !== 0) for (let k = 0; k < 32; k++) if ((x >>> k) & 1) complex.push([s, b * 32 + k]);
        matrix[at] = forward & block[i]!;
      }
    }
  }
  return { matrix, complex };
}
