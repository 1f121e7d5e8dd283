// Deterministic addresses for interfaces the file does not number (docs/addressing.md):
// written addresses are kept; every other interface gets the lowest free address of its
// subnet from base+4 up, in the order NAT gateways, load balancer nodes, endpoint ENIs,
// instances, network interfaces, each sorted by id (secondary addresses are always written). AWS reserves the first four addresses and the last one of
// every subnet ("Subnet CIDR blocks", Amazon VPC User Guide).
import { formatIp, ipAdd, type Ip } from '../../net/ip.js';
import { formatPrefix, prefixContains, prefixSize, makePrefix } from '../../net/prefix.js';
import type { Subnet } from '../resources.js';
import { ipAt, report, type BuildContext } from './context.js';

/** One interface that needs an address. */
export interface AddressRequest {
  /** Key of the interface (its ENI id). */
  readonly key: string;
  readonly subnet: string;
  /** Allocation order: 0 NAT, 1 load balancer node, 2 endpoint ENI, 3 instance, 4 network interface. */
  readonly rank: number;
  /** Who holds the address, for IP_IN_USE (default: the key). */
  readonly holder?: string;
  readonly written?: { readonly text: string; readonly pointer: string };
  /** Where the resource asks for the address, for SUBNET_FULL (default: the subnet). */
  readonly where?: { readonly pointer: string; readonly part: 'key' | 'value' };
}

/** Addresses in a subnet that AWS keeps for itself. */
export function isReservedInSubnet(subnet: Subnet, ip: Ip): boolean {
  const offset = ip.value - subnet.cidr.network;
  return offset < 4n || offset === prefixSize(subnet.cidr) - 1n;
}

/** Assign every requested interface an address; report bad written ones. */
export function assignPrivateAddresses(
  ctx: BuildContext,
  subnets: ReadonlyMap<string, Subnet>,
  requests: readonly AddressRequest[],
): Map<string, Ip> {
  const out = new Map<string, Ip>();
  // Private addresses are unique per VPC: two VPCs (peered or not) may reuse one.
  const usedByVpc = new Map<string, Map<bigint, string>>();
  const usedIn = (vpc: string): Map<bigint, string> => {
    let m = usedByVpc.get(vpc);
    if (!m) usedByVpc.set(vpc, (m = new Map()));
    return m;
  };
  const sorted = [...requests].sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Written addresses in file order, so IP_IN_USE lands on the later of two holders.
  for (const r of requests) {
    const subnet = subnets.get(r.subnet);
    if (!subnet || !r.written) continue;
    const ip = ipAt(ctx, r.written.text, r.written.pointer, 4);
    if (!ip) continue;
    if (!prefixContains(subnet.cidr, ip)) {
      report(ctx, 'IP_OUTSIDE_SUBNET', `${formatIp(ip)} is outside subnet "${subnet.id}" (${formatPrefix(subnet.cidr)})`, r.written.pointer);
      continue;
    }
    if (isReservedInSubnet(subnet, ip)) {
      report(
        ctx,
        'IP_RESERVED',
        `${formatIp(ip)} is reserved by AWS in subnet "${subnet.id}" (the first four addresses and the last are not usable)`,
        r.written.pointer,
      );
      continue;
    }
    const used = usedIn(subnet.vpc);
    const holder = used.get(ip.value);
    if (holder !== undefined) {
      report(ctx, 'IP_IN_USE', `${formatIp(ip)} is already the address of "${holder}"`, r.written.pointer);
      continue;
    }
    used.set(ip.value, r.holder ?? r.key);
    out.set(r.key, ip);
  }
  const next = new Map<string, bigint>();
  for (const r of sorted) {
    const subnet = subnets.get(r.subnet);
    if (!subnet || r.written || subnet.cidr.family !== 4) continue;
    const used = usedIn(subnet.vpc);
    const last = subnet.cidr.network + prefixSize(subnet.cidr) - 2n;
    let candidate = next.get(subnet.id) ?? subnet.cidr.network + 4n;
    while (candidate <= last && used.has(candidate)) candidate++;
    if (candidate > last) {
      report(ctx, 'SUBNET_FULL', `subnet "${subnet.id}" (${formatPrefix(subnet.cidr)}) has no free address left for "${r.key}"`, r.where?.pointer ?? subnet.pointer, r.where?.part ?? 'key');
      continue;
    }
    used.set(candidate, r.key);
    next.set(subnet.id, candidate + 1n);
    out.set(r.key, { family: 4, value: candidate });
  }
  return out;
}

/** An interface's IPv6 address, which must lie in its subnet's IPv6 block; reports IP_OUTSIDE_SUBNET. */
export function ipv6InSubnet(ctx: BuildContext, text: string | undefined, pointer: string, subnet: Subnet): Ip | undefined {
  if (text === undefined) return undefined;
  const ip = ipAt(ctx, text, pointer, 6);
  if (ip && !(subnet.ipv6Cidr && prefixContains(subnet.ipv6Cidr, ip))) {
    report(ctx, 'IP_OUTSIDE_SUBNET', `${text} is outside the IPv6 block of subnet "${subnet.id}"`, pointer);
    return undefined;
  }
  return ip;
}

/** The secondary addresses assigned to an interface (request keys `<id>#1`, `<id>#2`...). */
export function secondaryAddresses(addresses: ReadonlyMap<string, Ip>, id: string, count: number): Ip[] {
  const out: Ip[] = [];
  for (let i = 1; i <= count; i++) {
    const ip = addresses.get(`${id}#${i}`);
    if (ip) out.push(ip);
  }
  return out;
}

/** The pool public addresses are drawn from when the file gives none: 198.19.0.0/16. */
export const PUBLIC_POOL = makePrefix(4, 0xc6130000n, 16);

/** Hands out public addresses from the pool, skipping any written in the file. */
export function publicAllocator(taken: Iterable<Ip>): (key: string) => Ip {
  const used = new Set<bigint>([...taken].filter((ip) => ip.family === 4).map((ip) => ip.value));
  let cursor = PUBLIC_POOL.network + 1n;
  return () => {
    while (used.has(cursor)) cursor++;
    used.add(cursor);
    const ip = { family: 4 as const, value: cursor };
    cursor = cursor + 1n;
    return ipAdd(ip, 0n);
  };
}
