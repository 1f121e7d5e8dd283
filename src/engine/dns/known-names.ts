// Every DNS name a topology gives a record to, in any VPC or on the internet: the names a
// check may name as a destination. A name outside this set resolves nowhere, from anywhere,
// so it is a typo or a name vpcsim does not know (bad input), not an unreachable flow.
import type { Topology } from '../../model/topology.js';
import { closest } from '../../model/suggest.js';
import { normaliseName } from './dns-names.js';
import { dnsRecords } from './dns-records.js';

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
  cache.set(t, names);
  return names;
}

/** Whether some resolver of the topology answers the name. */
export function isKnownDnsName(t: Topology, name: string): boolean {
  return knownDnsNames(t).has(normaliseName(name));
}

/** The known name closest to a misspelt one (`s3.us-east-1.amazonaws.con`), if any is close. */
export function closestDnsName(t: Topology, name: string): string | undefined {
  return closest(normaliseName(name), knownDnsNames(t));
}
