// The hint `trace` and `resolve` print beside a DNS name no resolver of the topology answers:
// the verdict stands (AWS's resolver answers NXDOMAIN, so the flow is unreachable with
// DNS_NAME_NOT_RESOLVED), but a near miss (`s3.us-east-1.amazonaws.con`) is named, as
// `check` does with UNKNOWN_DNS_NAME, so a typo is not mistaken for a finding.
import { closestDnsName, isKnownDnsName } from '../engine/dns/known-names.js';
import type { Topology } from '../model/topology.js';
import { quoted } from '../model/suggest.js';
import { parseIp } from '../net/ip.js';

/** A line for stderr when `to` is a DNS name nothing in the topology answers, else undefined. */
export function unknownNameHint(t: Topology, to: string): string | undefined {
  const name = to.replace(/:\d+$/, '');
  if (t.byId.has(name) || t.enis.has(name) || t.internetHosts.has(name) || parseIp(name) || !name.includes('.')) return undefined;
  if (isKnownDnsName(t, name)) return undefined;
  const near = closestDnsName(t, name);
  const hint = near === undefined ? 'no endpoint\'s private DNS, load balancer, internet host or AWS service has that name' : `did you mean ${quoted(near)}?`;
  return `no resolver of this topology answers ${quoted(name)}: ${hint}`;
}
