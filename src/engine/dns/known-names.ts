// Every DNS name a topology gives a record to, in any VPC or on the internet: the names a
// check may name as a destination. A name outside this set resolves nowhere, from anywhere,
// so it is a typo or a name vpcsim does not know (bad input), not an unreachable flow.
import type { Topology } from '../../model/topology.js';
import { closest } from '../../model/suggest.js';
import { normaliseName } from './dns-names.js';
import { dnsRecords } from './dns-records.js';
import { domainsOf } from './dns-domains.js';

const cache = new WeakMap<Topology, ReadonlySet<string>>();

/** The names (normalised) some resolver of the topology answers. */
export function knownDnsNames(t: Topology): ReadonlySet<string> {
  const hit = cache.get(t);
  if (hit) return hit;
  const r = dnsRecords(t);
  const names = new Set<string>(r.publicByName.keys());
  for (const byName of r.privateByVpc.values()) for (const n of byName.keys()) names.add(n);
  for (const n of r.privateNameOwners.keys()) names.add(n);
  // Every AWS service of the catalogue in the file's regions, whether or not it is used.
  for (const s of t.awsServices.values()) names.add(normaliseName(s.dnsName));
  // Records of private hosted zones and of DNS servers of your network (not wildcards: below).
  for (const z of [...t.hostedZones.values(), ...t.dnsServers.values()]) for (const r of z.records) if (!r.name.startsWith('*.')) names.add(r.name);
  cache.set(t, names);
  return names;
}

/**
 * Whether some resolver of the topology answers the name: a record of it, a wildcard record
 * above it, or a Resolver forward rule whose domain holds it (its answer may be one the
 * file does not model, which the trace says).
 */
export function isKnownDnsName(t: Topology, name: string): boolean {
  const n = normaliseName(name);
  if (knownDnsNames(t).has(n)) return true;
  const above = new Set(domainsOf(n).slice(1));
  for (const z of [...t.hostedZones.values(), ...t.dnsServers.values()]) {
    if (z.records.some((r) => r.name.startsWith('*.') && above.has(r.name.slice(2)))) return true;
  }
  return [...t.resolverRules.values()].some((r) => r.ruleType === 'forward' && (r.domain === '' || above.has(r.domain) || r.domain === n));
}

/** The known name closest to a misspelt one (`s3.us-east-1.amazonaws.con`), if any is close. */
export function closestDnsName(t: Topology, name: string): string | undefined {
  return closest(normaliseName(name), knownDnsNames(t));
}
