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

const RANK = { natGateway: 0, loadBalancer: 1, endpoint: 2, instance: 3, networkInterface: 4 } as const;

function rankOf(t: Topology, e: Eni): number {
  return t.networkInterfaces.has(e.id) ? RANK.networkInterface : RANK[e.owner.kind];
}

function numberable(e: Eni): boolean {
  return e.owner.kind === 'instance' || e.owner.kind === 'networkInterface' || e.owner.kind === 'natGateway';
}

/** Private addresses the file writes for interfaces that are not numbered by privateIp (pinned nodes and endpoint ENIs). */
function writtenElsewhere(t: Topology): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const lb of t.loadBalancers.values()) {
    for (const m of lb.subnetMappings ?? []) if (m.privateIpv4Address) out.set(`${lb.id}/${m.subnet}`, m.privateIpv4Address.value);
  }
  for (const e of t.endpoints.values()) {
    for (const c of e.subnetConfigurations ?? []) if (c.ipv4) out.set(`${e.id}/${c.subnet}`, c.ipv4.value);
  }
  return out;
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
  const fixed = writtenElsewhere(t);
  for (const [subnetId, enis] of bySubnet) {
    const subnet = t.subnets.get(subnetId);
    if (!subnet) continue;
    // Secondary addresses and pinned node and endpoint addresses are always written: the
    // loader takes them before it derives any.
    const taken = new Set<bigint>(enis.flatMap((e) => e.secondaryIps.map((ip) => ip.value)));
    for (const e of enis) {
      const v = fixed.get(e.id);
      if (v !== undefined) taken.add(v);
    }
    const order = [...enis].filter((e) => !fixed.has(e.id)).sort((a, b) => rankOf(t, a) - rankOf(t, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    replay(order.map((e) => ({ id: e.id, value: e.privateIp.value, pinnable: numberable(e) })), subnet.cidr.network + 4n, taken, privateIp);
  }
  // Public addresses: instances' are always written; NAT gateways' and internet-facing load
  // balancer nodes' are drawn from the pool in file order, VPC by VPC, NAT gateways first.
  const publicIp = new Set<string>();
  const writtenPublic = [...t.instances.values(), ...t.networkInterfaces.values()].flatMap((i) => (i.publicIp ? [i.publicIp.value] : []));
  for (const lb of t.loadBalancers.values()) for (const m of lb.subnetMappings ?? []) if (m.publicIp) writtenPublic.push(m.publicIp.value);
  const taken = new Set(writtenPublic);
  const pinnedNodes = new Set([...t.loadBalancers.values()].flatMap((lb) => (lb.subnetMappings ?? []).filter((m) => m.publicIp).map((m) => `${lb.id}/${m.subnet}`)));
  const pool: { id: string; value: bigint; pinnable: boolean }[] = [];
  for (const vpc of inSourceOrder(t.vpcs.values())) {
    for (const n of inSourceOrder([...t.natGateways.values()].filter((x) => x.vpc === vpc.id))) {
      if (n.publicIp) pool.push({ id: n.id, value: n.publicIp.value, pinnable: true });
    }
    for (const lb of inSourceOrder([...t.loadBalancers.values()].filter((x) => x.vpc === vpc.id))) {
      for (const node of lb.nodes) {
        if (pinnedNodes.has(node)) continue;
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
