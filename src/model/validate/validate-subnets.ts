// Subnet rules AWS enforces at creation ("Subnet CIDR blocks", Amazon VPC User Guide):
// inside one of the VPC's blocks, no overlap within the VPC, IPv4 size /16 to /28, IPv6 /64.
import { formatPrefix, prefixCovers, prefixesOverlap } from '../../net/prefix.js';
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
    mine.forEach((s, i) => {
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
      for (const earlier of mine.slice(0, i)) {
        if (prefixesOverlap(earlier.cidr, s.cidr)) {
          err('SUBNET_OVERLAP', `${text} overlaps subnet "${earlier.id}" (${formatPrefix(earlier.cidr)})`, `${s.pointer}/cidr`);
        } else if (earlier.ipv6Cidr && s.ipv6Cidr && prefixesOverlap(earlier.ipv6Cidr, s.ipv6Cidr)) {
          err('SUBNET_OVERLAP', `${formatPrefix(s.ipv6Cidr)} overlaps subnet "${earlier.id}"`, `${s.pointer}/ipv6Cidr`);
        }
      }
    });
  }
  return out;
}
