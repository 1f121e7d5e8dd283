// Destinations of a check that name nothing, which would otherwise make the check pass on
// a flow that never existed: a DNS name no resolver of the file answers (a typo such as
// `s3.us-east-1.amazonaws.con`, bad input: UNKNOWN_DNS_NAME with "did you mean"), and an
// address that no interface, internet host, VPC or AWS service of the file holds (a failed
// pair of its own kind, NO_SUCH_DESTINATION). A check that says so explicitly,
// `expect: unreachable` with `because: UNKNOWN_DESTINATION` or `DNS_NAME_NOT_RESOLVED`, asks
// exactly that and holds.
import type { Check } from '../model/check.js';
import type { Topology } from '../model/topology.js';
import { parseIp, type Ip } from '../net/ip.js';
import { quoted } from '../model/suggest.js';
import { prefixContains } from '../net/prefix.js';
import { isPublicAddress } from '../net/special-ranges.js';
import { closestDnsName, isKnownDnsName } from '../engine/dns/known-names.js';
import type { CheckError } from './check-errors.js';
import type { Expectation } from './judge-pair.js';

/**
 * Explanation codes with which a check asserts that its destination names nothing in the
 * file, or lies beyond a route target vpcsim does not model (UNMODELLED_TARGET: an on-premises
 * network behind a local gateway is held by nothing the file describes).
 */
const NOTHING_THERE = ['UNKNOWN_DESTINATION', 'DNS_NAME_NOT_RESOLVED', 'UNMODELLED_TARGET'] as const;

/** Whether the check asks that the destination names nothing (so such a destination holds it). */
export function expectsNothingThere(exp: Expectation): boolean {
  return exp.verdict === 'unreachable' && exp.because !== undefined && (NOTHING_THERE as readonly string[]).includes(exp.because);
}

/**
 * Whether something in the file holds the address: an interface (private, public or IPv6
 * address), an internet host, a VPC's CIDR block, an AWS service's public range, an
 * on-premises network's block, or the public internet (any public address).
 */
export function holdsAddress(t: Topology, ip: Ip): boolean {
  if (isPublicAddress(ip)) return true;
  for (const e of t.enis.values()) {
    if (ip.family === 4 && (e.privateIp.value === ip.value || e.publicIp?.value === ip.value)) return true;
    if (ip.family === 6 && e.ipv6Ip?.value === ip.value) return true;
  }
  for (const h of t.internetHosts.values()) if (h.ip.family === ip.family && h.ip.value === ip.value) return true;
  for (const v of t.vpcs.values()) if ([...v.cidrs, ...v.ipv6Cidrs].some((p) => prefixContains(p, ip))) return true;
  for (const s of t.awsServices.values()) if (s.publicRanges.some((p) => prefixContains(p, ip))) return true;
  for (const n of t.onPremisesNetworks.values()) if (n.cidrs.some((p) => prefixContains(p, ip))) return true;
  return false;
}

/** The destinations (as expanded) that are addresses nothing holds. */
export function unheldAddresses(t: Topology, destinations: readonly string[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const d of destinations) {
    if (t.byId.has(d) || t.enis.has(d)) continue;
    const ip = parseIp(d);
    if (ip && !holdsAddress(t, ip)) out.add(d);
  }
  return out;
}

/** UNKNOWN_DNS_NAME for each DNS name of `to` that no resolver of the file answers. */
export function unknownNames(t: Topology, check: Check, destinations: readonly string[], exp: Expectation): CheckError[] {
  if (check.to.kind !== 'list' || expectsNothingThere(exp)) return [];
  const errors: CheckError[] = [];
  for (const d of destinations) {
    if (t.byId.has(d) || t.enis.has(d) || t.internetHosts.has(d) || parseIp(d) || !d.includes('.')) continue;
    if (isKnownDnsName(t, d)) continue;
    if ([...t.onPremisesHosts.values()].some((h) => h.dns !== undefined && h.dns.toLowerCase() === d.toLowerCase())) continue;
    const i = check.to.items.indexOf(d);
    const near = closestDnsName(t, d);
    const hint = near === undefined ? '' : ` (did you mean "${near}"?)`;
    errors.push({
      code: 'UNKNOWN_DNS_NAME',
      message: `to: no resolver of this topology answers ${quoted(d)} (no endpoint's private DNS, load balancer, internet host or AWS service has that name)${hint}; to assert that it does not resolve, write expect: unreachable with because: DNS_NAME_NOT_RESOLVED`,
      span: check.itemSpans.to[i] ?? check.toSpan,
    });
  }
  return errors;
}
