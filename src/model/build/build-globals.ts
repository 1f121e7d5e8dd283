// File-level resources: accounts, prefix lists (customer-managed, plus the AWS-managed
// ones of every region in use), the AWS services of every catalogued region, peering
// connections and internet hosts.
import { awsServicesIn, type AwsService } from '../aws-services.js';
import { declareAwsServices } from './build-aws-services.js';
import type { RawPrefixList, RawTopology } from '../format.js';
import type { Account, InternetHost, PeeringConnection, PrefixList, UnmodelledTarget, Vpc } from '../resources.js';
import { pointer } from '../source-map.js';
import { fileStartSpan } from '../span.js';
import { cidrAt, ipAt, refAt, report, type BuildContext } from './context.js';
import { formatPrefix, isPrefix, parsePrefix, prefixesOverlap } from '../../net/prefix.js';
import { isPublicAddress } from '../../net/special-ranges.js';

/** Accounts by name, and name -> account id. */
export function buildAccounts(ctx: BuildContext, raw: RawTopology): { accounts: Map<string, Account>; ids: Map<string, string> } {
  const accounts = new Map<string, Account>();
  const ids = new Map<string, string>();
  for (const [name, accountId] of Object.entries(raw.accounts ?? {})) {
    const ptr = pointer('accounts', name);
    accounts.set(name, { kind: 'account', id: name, accountId, span: ctx.map.keyAt(ptr), pointer: ptr, written: true });
    ids.set(name, accountId);
  }
  return { accounts, ids };
}

/** The regions the file uses: the top-level one and every VPC's. */
export function regionsInUse(ctx: BuildContext, raw: RawTopology): string[] {
  const set = new Set<string>([ctx.region]);
  for (const v of Object.values(raw.vpcs ?? {})) if (v.region) set.add(v.region);
  return [...set].sort();
}

/** Prefix lists and the id-or-name lookup used by routes and rules. */
export function buildPrefixLists(
  ctx: BuildContext,
  raw: RawTopology,
  regions: readonly string[],
): { prefixLists: Map<string, PrefixList>; lookup: Map<string, string>; services: ReadonlyMap<string, AwsService> } {
  const prefixLists = new Map<string, PrefixList>();
  const lookup = new Map<string, string>();
  // Every region's public service names resolve from any VPC, to that region's public
  // ranges ("Gateway endpoints", AWS PrivateLink guide: a gateway endpoint does not carry
  // traffic for the service in other Regions, which takes the VPC's other routes), so the
  // services of every catalogued region are known; prefix lists only of the regions in use
  // (an AWS-managed prefix list is regional: a route or rule can name only its own region's).
  for (const region of regions) {
    for (const s of awsServicesIn(region)) {
      if (!s.prefixList) continue;
      prefixLists.set(s.prefixList.id, {
        kind: 'prefixList', id: s.prefixList.id, name: s.prefixList.name, entries: s.publicRanges, managed: true,
        span: fileStartSpan(ctx.file), pointer: '', written: false,
      });
      lookup.set(s.prefixList.id, s.prefixList.id);
      lookup.set(s.prefixList.name, s.prefixList.id);
    }
  }
  for (const [id, pl] of Object.entries(raw.prefixLists ?? {})) {
    const ptr = pointer('prefixLists', id);
    const entries = pl.entries.flatMap((e, i) => {
      const text = typeof e === 'string' ? e : e.cidr;
      const c = cidrAt(ctx, text, typeof e === 'string' ? `${ptr}/entries/${i}` : `${ptr}/entries/${i}/cidr`);
      return c ? [c] : [];
    });
    checkEntryCount(ctx, ptr, pl.entries.length, pl.maxEntries);
    duplicateEntries(ctx, ptr, pl.entries);
    const families = new Set(entries.map((e) => e.family));
    if (families.size > 1) report(ctx, 'ROUTE_FAMILY_MISMATCH', 'a prefix list holds one address family; split IPv4 and IPv6 entries', `${ptr}/entries`);
    prefixLists.set(id, { kind: 'prefixList', id, name: pl.name, entries, managed: pl.awsManaged === true, span: ctx.map.keyAt(ptr), pointer: ptr, written: true });
    lookup.set(id, id);
    if (pl.name !== undefined) lookup.set(pl.name, id);
  }
  const services = declareAwsServices(ctx, raw, prefixLists, lookup);
  return { prefixLists, lookup, services };
}

/** The AWS quota of entries per customer-managed prefix list ("Amazon VPC quotas"). */
export const PREFIX_LIST_QUOTA = 1000;

// CreateManagedPrefixList: MaxEntries bounds the list, and the quota bounds MaxEntries.
function checkEntryCount(ctx: BuildContext, ptr: string, count: number, maxEntries: number | undefined): void {
  const max = maxEntries ?? PREFIX_LIST_QUOTA;
  if (count <= max) return;
  const why = maxEntries !== undefined ? `its maxEntries is ${maxEntries}` : `AWS allows at most ${PREFIX_LIST_QUOTA} per prefix list`;
  report(ctx, 'PREFIX_LIST_MAX_ENTRIES', `the prefix list holds ${count} entries, but ${why}`, `${ptr}/entries`, 'key');
}

// The same CIDR written twice: one entry in AWS, and no change to any verdict.
function duplicateEntries(ctx: BuildContext, ptr: string, entries: RawPrefixList['entries']): void {
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    const written = typeof e === 'string' ? e : e.cidr;
    const parsed = parsePrefix(written);
    const text = isPrefix(parsed) ? formatPrefix(parsed) : written;
    const first = seen.get(text);
    if (first === undefined) {
      seen.set(text, i);
      return;
    }
    report(ctx, 'DUPLICATE_PREFIX_LIST_ENTRY', `${text} is already entry ${first + 1} of this prefix list`, `${ptr}/entries/${i}`, 'value', 'warning');
  });
}

/** Route targets vpcsim does not model (`unmodelled:`), which routes of any VPC may name. */
export function buildUnmodelled(ctx: BuildContext, raw: RawTopology): Map<string, UnmodelledTarget> {
  const out = new Map<string, UnmodelledTarget>();
  for (const [id, u] of Object.entries(raw.unmodelled ?? {})) {
    const ptr = pointer('unmodelled', id);
    out.set(id, { kind: 'unmodelled', id, span: ctx.map.valueAt(ptr), pointer: ptr, written: true, targetKind: u.kind, description: u.description });
  }
  return out;
}

/** Peering connections; AWS fails a peering between VPCs with overlapping CIDRs. */
export function buildPeerings(ctx: BuildContext, raw: RawTopology, vpcs: ReadonlyMap<string, Vpc>): Map<string, PeeringConnection> {
  const out = new Map<string, PeeringConnection>();
  for (const [id, p] of Object.entries(raw.peeringConnections ?? {})) {
    const ptr = pointer('peeringConnections', id);
    const ok = refAt(ctx, p.requester, `${ptr}/requester`, ['vpc']) && refAt(ctx, p.accepter, `${ptr}/accepter`, ['vpc']);
    if (!ok) continue;
    if (p.requester === p.accepter) {
      report(ctx, 'PEERING_SELF', `peering connection "${id}" joins VPC "${p.requester}" to itself`, `${ptr}/accepter`);
      continue;
    }
    const a = vpcs.get(p.requester);
    const b = vpcs.get(p.accepter);
    if (a && b) {
      for (const ca of [...a.cidrs, ...a.ipv6Cidrs]) {
        const clash = [...b.cidrs, ...b.ipv6Cidrs].find((cb) => prefixesOverlap(ca, cb));
        if (clash) {
          report(ctx, 'PEERING_CIDR_OVERLAP', `"${a.id}" (${formatPrefix(ca)}) and "${b.id}" (${formatPrefix(clash)}) overlap; AWS fails a peering between overlapping VPCs`, ptr, 'key');
          break;
        }
      }
    }
    const dns = { requester: p.allowRemoteVpcDnsResolution?.requester ?? false, accepter: p.allowRemoteVpcDnsResolution?.accepter ?? false };
    out.set(id, { kind: 'peeringConnection', id, span: ctx.map.keyAt(ptr), pointer: ptr, written: true, requester: p.requester, accepter: p.accepter, status: p.status ?? 'active', allowRemoteVpcDnsResolution: dns });
  }
  return out;
}

/** Hosts on the public internet. */
export function buildInternetHosts(ctx: BuildContext, raw: RawTopology): Map<string, InternetHost> {
  const out = new Map<string, InternetHost>();
  for (const [id, h] of Object.entries(raw.internet ?? {})) {
    const ptr = pointer('internet', id);
    const ip = ipAt(ctx, h.ip, `${ptr}/ip`);
    if (!ip) continue;
    if (!isPublicAddress(ip)) {
      report(ctx, 'BAD_VALUE', `${h.ip} is not a public address; a host on the internet needs one (private ranges are reached through VPCs, not the internet)`, `${ptr}/ip`);
      continue;
    }
    out.set(id, { kind: 'internetHost', id, ip, dns: h.dns, span: ctx.map.keyAt(ptr), pointer: ptr, written: true });
  }
  return out;
}
