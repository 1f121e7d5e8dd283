// Which derived addresses the canonical text must write. The loader gives every unnumbered
// interface the lowest free address of its subnet from base+4, in the order NAT gateways,
// load balancer nodes, endpoint ENIs, instances (each by id), after the written ones
// (build/assign-addresses.ts); public addresses of NAT gateways and internet-facing load
// balancer nodes come from a pool in file order. Replaying that derivation tells which
// addresses it would not reproduce; only those (of instances and NAT gateways, the
// interfaces that can be numbered in a file) are written.
import type { Eni } from '../resources.js';
import type { Topology } from '../topology.js';
import { PUBLIC_POOL } from '../build/assign-addresses.js';
import type { Pins } from './raw-vpc.js';
import { inSourceOrder } from './source-order.js';

const RANK = { natGateway: 0, loadBalancer: 1, endpoint: 2, instance: 3 } as const;

function numberable(e: Eni): boolean {
  return e.owner.kind === 'instance' || e.owner.kind === 'natGateway';
}

/**
 * Replay one allocation: `items` in allocation order, each with the address it holds. When
 * an item's turn would give it another address, the cheaper of two pins fixes it: the later
 * item that holds the address in its way, when that alone lets this one through (a file that
 * numbered that item keeps its number), else this item itself. An item that cannot be pinned
 * (a load balancer node) always takes the first way. What the replay cannot settle is left to
 * the caller's check.
 */
function replay(items: readonly { id: string; value: bigint; pinnable: boolean }[], start: bigint, taken: Set<bigint>, pins: Set<string>): void {
  const holder = new Map(items.map((x, i) => [x.value, i]));
  const free = (from: bigint): bigint => {
    let c = from;
    while (taken.has(c)) c++;
    return c;
  };
  let cursor = start;
  items.forEach((item, i) => {
    if (pins.has(item.id)) return;
    for (;;) {
      const c = free(cursor);
      if (c === item.value) {
        taken.add(c);
        cursor = c + 1n;
        return;
      }
      const h = holder.get(c);
      const other = h !== undefined && h > i ? items[h] : undefined;
      const otherHelps = other?.pinnable === true && !pins.has(other.id) && (!item.pinnable || free(c + 1n) === item.value);
      if (otherHelps) {
        pins.add(other.id);
        taken.add(other.value);
        continue;
      }
      if (item.pinnable) {
        pins.add(item.id);
        taken.add(item.value);
      }
      return;
    }
  });
}

/** The addresses the canonical text must write, by replaying the loader's derivation. */
export function pinAddresses(t: Topology): Pins {
  const privateIp = new Set<string>();
  const bySubnet = new Map<string, Eni[]>();
  for (const e of t.enis.values()) bySubnet.set(e.subnet, [...(bySubnet.get(e.subnet) ?? []), e]);
  for (const [subnetId, enis] of bySubnet) {
    const subnet = t.subnets.get(subnetId);
    if (!subnet) continue;
    const order = [...enis].sort((a, b) => RANK[a.owner.kind] - RANK[b.owner.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    replay(order.map((e) => ({ id: e.id, value: e.privateIp.value, pinnable: numberable(e) })), subnet.cidr.network + 4n, new Set(), privateIp);
  }
  // Public addresses: instances' are always written; NAT gateways' and internet-facing load
  // balancer nodes' are drawn from the pool in file order, VPC by VPC, NAT gateways first.
  const publicIp = new Set<string>();
  const taken = new Set([...t.instances.values()].flatMap((i) => (i.publicIp ? [i.publicIp.value] : [])));
  const pool: { id: string; value: bigint; pinnable: boolean }[] = [];
  for (const vpc of inSourceOrder(t.vpcs.values())) {
    for (const n of inSourceOrder([...t.natGateways.values()].filter((x) => x.vpc === vpc.id))) {
      if (n.publicIp) pool.push({ id: n.id, value: n.publicIp.value, pinnable: true });
    }
    for (const lb of inSourceOrder([...t.loadBalancers.values()].filter((x) => x.vpc === vpc.id))) {
      for (const node of lb.nodes) {
        const ip = t.enis.get(node)?.publicIp;
        if (ip) pool.push({ id: node, value: ip.value, pinnable: false });
      }
    }
  }
  // Pool addresses outside the pool (written ones) can never be derived.
  const outside = pool.filter((p) => p.value <= PUBLIC_POOL.network || p.value >= PUBLIC_POOL.network + (1n << 16n));
  for (const p of outside) if (p.pinnable) publicIp.add(p.id);
  for (const p of outside) taken.add(p.value);
  replay(pool.filter((p) => !outside.includes(p)), PUBLIC_POOL.network + 1n, taken, publicIp);
  return { privateIp, publicIp };
}
