// Where a route table sends a packet for each class atom, as far as an instance at the end
// cares: straight into a VPC (the local route, or an active peering whose peer holds the
// address: "VPC peering limitations"), nowhere it could arrive (no route, a blackhole, an
// appliance interface that checks source and destination, a gateway endpoint's AWS service, an
// internet gateway or NAT gateway toward a private address the internet has no route to), or
// through a translator (an appliance among them) whose outcome the
// class join does not compute (then the pairs are traced one by one: see compute-reach.ts).
import { isPublicAddress } from '../net/special-ranges.js';
import type { Route } from '../model/resources.js';
import type { Topology } from '../model/topology.js';
import { atomBounds, prefixBounds, upperBound, type AddressAtoms } from './address-atoms.js';

/** A fate: a VPC index (>= 0) the packet is delivered into, or one of these. */
export const DEAD = -1;
export const COMPLEX = -2;
const UNKNOWN = -3;

/** Route fates of every table over the class atoms. */
export interface RouteFates {
  /** VPC id -> index. */
  readonly vpcIndex: ReadonlyMap<string, number>;
  /** Route table id -> fate per class atom. */
  readonly byTable: ReadonlyMap<string, Int32Array>;
  /** Whether any fate is COMPLEX (some pairs need tracing). */
  readonly anyComplex: boolean;
}

interface Painted {
  readonly winner: Int32Array;
  readonly routes: readonly Route[];
  readonly fate: Int32Array;
  readonly vpc: string;
}

/** Whether nothing on the internet answers anywhere in an address range. */
function internetDead(topology: Topology, publicPoints: Float64Array, from: number, to: number): boolean {
  // Public or not is the same over an atom: the non-public ranges are atom boundaries.
  if (isPublicAddress({ family: 4, value: BigInt(from) })) return false;
  const i = upperBound(publicPoints, to);
  if (i > 0 && publicPoints[i - 1]! >= from) return false;
  for (const s of topology.awsServices.values()) {
    for (const p of s.publicRanges) {
      if (p.family !== 4) continue;
      const [a, b] = prefixBounds(p);
      if (a <= to && b >= from) return false;
    }
  }
  return true;
}

/** Compute the fate of every route table at every class atom (sorted atom ids). */
export function routeFates(topology: Topology, atoms: AddressAtoms, classAtoms: readonly number[]): RouteFates {
  const vpcIndex = new Map<string, number>();
  for (const id of topology.vpcs.keys()) vpcIndex.set(id, vpcIndex.size);
  const starts = Float64Array.from(classAtoms.map((a) => atomBounds(atoms, a)[0]));
  const points: number[] = [];
  for (const e of topology.enis.values()) if (e.publicIp?.family === 4) points.push(Number(e.publicIp.value));
  for (const h of topology.internetHosts.values()) if (h.ip.family === 4) points.push(Number(h.ip.value));
  const publicPoints = Float64Array.from(points).sort();
  const dead = classAtoms.map((a) => {
    const [from, to] = atomBounds(atoms, a);
    return internetDead(topology, publicPoints, from, to);
  });
  const painted = new Map<string, Painted>();
  for (const t of topology.routeTables.values()) {
    const winner = new Int32Array(classAtoms.length).fill(-1);
    // Longest prefix wins; at one length a static route beats a prefix-list route, and of
    // two equal routes the first written ("How route priority works"): paint in the reverse.
    const entries: { lo: number; hi: number; length: number; priority: number; route: number }[] = [];
    t.routes.forEach((r, route) => {
      const prefixes = r.destination.kind === 'cidr' ? [r.destination.prefix] : (topology.prefixLists.get(r.destination.prefixList)?.entries ?? []);
      const priority = r.destination.kind === 'cidr' ? (r.origin === 'propagated' ? 2 : 0) : 1;
      for (const p of prefixes) {
        if (p.family !== 4) continue;
        const [a, b] = prefixBounds(p);
        entries.push({ lo: upperBound(starts, a - 1), hi: upperBound(starts, b), length: p.length, priority, route });
      }
    });
    entries.sort((x, y) => x.length - y.length || y.priority - x.priority || y.route - x.route);
    for (const e of entries) winner.fill(e.route, e.lo, e.hi);
    painted.set(t.id, { winner, routes: t.routes, fate: new Int32Array(classAtoms.length).fill(UNKNOWN), vpc: t.vpc });
  }
  const inPeer = (vpc: string, k: number): boolean => {
    const v = topology.vpcs.get(vpc);
    return v !== undefined && v.cidrs.some((c) => {
      const [a, b] = prefixBounds(c);
      return starts[k]! >= a && starts[k]! <= b;
    });
  };
  const fateOf = (tableId: string, k: number, depth: number): number => {
    const p = painted.get(tableId);
    if (!p) return DEAD;
    if (p.fate[k] !== UNKNOWN) return p.fate[k]!;
    if (depth > 4) return COMPLEX;
    const r = p.routes[p.winner[k]!];
    let f: number;
    if (!r) f = DEAD;
    else if (r.target.kind === 'local') f = vpcIndex.get(p.vpc) ?? DEAD;
    else if (r.target.kind === 'blackhole') f = DEAD;
    else {
      const res = topology.byId.get(r.target.id);
      switch (res?.kind) {
        case 'internetGateway':
          f = dead[k] ? DEAD : COMPLEX;
          break;
        case 'natGateway': {
          const inner = topology.subnets.get(res.subnet)?.routeTable;
          f = inner !== undefined && fateOf(inner, k, depth + 1) === DEAD ? DEAD : COMPLEX;
          break;
        }
        case 'peeringConnection': {
          const peer = res.requester === p.vpc ? res.accepter : res.requester;
          f = res.status === 'active' && inPeer(peer, k) ? vpcIndex.get(peer) ?? DEAD : DEAD;
          break;
        }
        case 'endpoint':
          // A Gateway Load Balancer endpoint sends the packet on after inspection; a gateway
          // endpoint delivers to its AWS service, never to an instance.
          f = res.type === 'gatewayLoadBalancer' ? COMPLEX : DEAD;
          break;
        case 'instance':
        case 'networkInterface':
          // An appliance forwards only with the receiving interface's source/destination
          // check off ("Change the source or destination checking", per interface); what it
          // forwards to, by its own routing, is traced pair by pair.
          f = topology.enis.get(res.id)?.sourceDestCheck === false ? COMPLEX : DEAD;
          break;
        case 'virtualPrivateGateway':
          // Toward on-premises: no interface of the file is there (vpcsim does not route
          // on-premises traffic back into a VPC), so no instance class is reached this way.
          f = DEAD;
          break;
        case 'transitGateway':
          // Through a transit gateway: attachments, zones and its route tables decide, pair by
          // pair (the trace engine walks them: transit-gateway.ts).
          f = COMPLEX;
          break;
        case 'unmodelled':
          // The trace stops there (UNMODELLED_TARGET): unreachable, as the trace says.
          f = DEAD;
          break;
        default:
          // No target the packet could arrive through.
          f = DEAD;
      }
    }
    p.fate[k] = f;
    return f;
  };
  let anyComplex = false;
  const byTable = new Map<string, Int32Array>();
  for (const [id, p] of painted) {
    for (let k = 0; k < classAtoms.length; k++) if (fateOf(id, k, 0) === COMPLEX) anyComplex = true;
    byTable.set(id, p.fate);
  }
  return { vpcIndex, byTable, anyComplex };
}
