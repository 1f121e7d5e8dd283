// Subnet rules AWS enforces at creation ("Subnet CIDR blocks", Amazon VPC User Guide):
// inside one of the VPC's blocks, no overlap within the VPC, IPv4 size /16 to /28, IPv6 /64.
import { formatPrefix, prefixCovers, prefixSize, type Prefix } from '../../net/prefix.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Subnet, Vpc } from '../resources.js';
import type { SourceMap } from '../source-map.js';

/** Check every subnet against its VPC and its siblings. */
export function validateSubnets(
  vpcs: ReadonlyMap<string, Vpc>,
  subnets: ReadonlyMap<string, Subnet>,
  map: SourceMap,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const err = (code: Diagnostic['code'], message: string, ptr: string): void => {
    out.push({ code, severity: 'error', message, span: map.valueAt(ptr) });
  };
  for (const vpc of vpcs.values()) {
    const mine = vpc.subnets.map((id) => subnets.get(id)).filter((s): s is Subnet => s !== undefined);
    mine.forEach((s) => {
      const text = formatPrefix(s.cidr);
      if (vpc.cidrs.length > 0 && !vpc.cidrs.some((c) => prefixCovers(c, s.cidr))) {
        err('SUBNET_OUTSIDE_VPC', `${text} is not inside VPC "${vpc.id}" (${vpc.cidrs.map(formatPrefix).join(', ')})`, `${s.pointer}/cidr`);
      } else if (s.cidr.length < 16 || s.cidr.length > 28) {
        err('SUBNET_SIZE', `${text}: an IPv4 subnet is between /16 and /28`, `${s.pointer}/cidr`);
      }
      if (s.ipv6Cidr) {
        if (!vpc.ipv6Cidrs.some((c) => prefixCovers(c, s.ipv6Cidr!))) {
          err('SUBNET_OUTSIDE_VPC', `${formatPrefix(s.ipv6Cidr)} is not inside the IPv6 block of VPC "${vpc.id}"`, `${s.pointer}/ipv6Cidr`);
        } else if (s.ipv6Cidr.length !== 64) {
          err('SUBNET_SIZE', `${formatPrefix(s.ipv6Cidr)}: an IPv6 subnet is a /64`, `${s.pointer}/ipv6Cidr`);
        }
      }
    });
    // Overlaps by a sweep over the blocks sorted by address (prefixes either nest or are
    // disjoint), so a VPC with thousands of subnets is checked in n log n, not n squared.
    for (const [a, b, family] of overlappingPairs(mine, (s) => s.cidr)) {
      err('SUBNET_OVERLAP', `${formatPrefix(b.cidr)} overlaps subnet "${a.id}" (${formatPrefix(a.cidr)})`, `${b.pointer}/${family}`);
    }
    for (const [a, b, family] of overlappingPairs(mine, (s) => s.ipv6Cidr)) {
      err('SUBNET_OVERLAP', `${formatPrefix(b.ipv6Cidr!)} overlaps subnet "${a.id}" (${formatPrefix(a.ipv6Cidr!)})`, `${b.pointer}/${family}`);
    }
  }
  return out;
}

/**
 * Pairs [earlier, later] (in file order) of subnets whose blocks overlap, found by sorting
 * the blocks by network address and sweeping with the block that reaches furthest.
 */
function overlappingPairs(
  subnets: readonly Subnet[],
  block: (s: Subnet) => Prefix | undefined,
): [Subnet, Subnet, 'cidr' | 'ipv6Cidr'][] {
  const withBlock = subnets
    .map((s, order) => ({ s, order, p: block(s) }))
    .filter((x): x is { s: Subnet; order: number; p: Prefix } => x.p !== undefined);
  withBlock.sort((x, y) => (x.p.network < y.p.network ? -1 : x.p.network > y.p.network ? 1 : x.p.length - y.p.length || x.order - y.order));
  const out: { pair: [Subnet, Subnet, 'cidr' | 'ipv6Cidr']; order: number }[] = [];
  let reach: { s: Subnet; order: number; p: Prefix; end: bigint } | undefined;
  for (const x of withBlock) {
    const end = x.p.network + prefixSize(x.p) - 1n;
    if (reach && x.p.network <= reach.end) {
      const [first, second] = reach.order < x.order ? [reach, x] : [x, reach];
      out.push({ pair: [first.s, second.s, x.p.family === 4 ? 'cidr' : 'ipv6Cidr'], order: second.order });
    }
    if (!reach || end > reach.end) reach = { ...x, end };
  }
  return out.sort((a, b) => a.order - b.order).map((x) => x.pair);
}
