// Private hosted zones and Resolver rules across the model ("Considerations when working with
// a private hosted zone", Route 53 Developer Guide): what an alias points at, zones that
// conflict or overlap in a VPC (an interface endpoint's private DNS is a private hosted zone
// too: CreateVpcEndpoint PrivateDnsEnabled "associate a private hosted zone with the
// specified VPC"), zones in VPCs without the DNS attributes they need, rules that clash in a
// VPC, and CNAME records that lead nowhere or in a circle.
import type { Diagnostic } from '../diagnostic.js';
import { isInDomain } from '../build/build-dns.js';
import type { DnsZoneRecord, Endpoint, HostedZone } from '../resources.js';
import type { SourceMap } from '../source-map.js';
import type { Span } from '../span.js';
import type { Topology } from '../topology.js';

function diag(code: Diagnostic['code'], severity: Diagnostic['severity'], message: string, span: Span): Diagnostic {
  return { code, severity, message, span };
}

/** The name an interface endpoint's private DNS claims in its VPC, when it is on. */
function endpointZoneName(t: Topology, e: Endpoint): string | undefined {
  if (e.type !== 'interface' || !e.privateDns) return undefined;
  const name = e.service.kind === 'awsService' ? e.service.service.dnsName : t.endpointServices.get(e.service.id)?.privateDnsName;
  return name?.toLowerCase().replace(/\.$/, '');
}

// "Choosing between alias and non-alias records": an alias names an AWS resource with a DNS
// name, or another record of the same hosted zone and type.
function aliasTargets(t: Topology, z: HostedZone, out: Diagnostic[]): void {
  for (const r of z.records) {
    const a = r.alias;
    if (!a) continue;
    if (a.kind === 'endpoint') {
      const ep = t.endpoints.get(a.endpoint);
      if (!ep) continue;
      if (ep.type !== 'interface') {
        out.push(diag('DNS_ALIAS_TARGET', 'error', `endpoint "${ep.id}" is a ${ep.type === 'gateway' ? 'gateway' : 'Gateway Load Balancer'} endpoint, which has no DNS name to alias`, r.span));
      } else if (a.az !== undefined && !ep.enis.some((id) => t.enis.get(id)?.az === a.az)) {
        const zones = ep.enis.map((id) => t.enis.get(id)?.az).filter((x) => x !== undefined);
        out.push(diag('DNS_ALIAS_TARGET', 'error', `endpoint "${ep.id}" has no interface in ${a.az} (it has ${zones.join(', ') || 'none'}), so it has no zonal name there`, r.span));
      }
    } else if (a.kind === 'loadBalancer') {
      const lb = t.loadBalancers.get(a.loadBalancer);
      if (lb?.type === 'gateway') out.push(diag('DNS_ALIAS_TARGET', 'error', `load balancer "${lb.id}" is a Gateway Load Balancer, which has no DNS name clients connect to`, r.span));
    } else if (a.name === r.name || !z.records.some((x) => x.name === a.name && x.type === r.type)) {
      out.push(diag('DNS_ALIAS_TARGET', 'error', `zone ${z.name} holds no other ${r.type} record ${a.name} for this alias to point at`, r.span));
    }
  }
}

// "Private hosted zones that have overlapping namespaces": allowed, the most specific zone
// answers; two zones of one name in one VPC are ConflictingDomainExists.
function zonesPerVpc(t: Topology, out: Diagnostic[]): void {
  for (const vpc of t.vpcs.values()) {
    const zones = [...t.hostedZones.values()].filter((z) => z.vpcs.includes(vpc.id));
    const endpointZones = [...t.endpoints.values()].filter((e) => e.vpc === vpc.id).map((e) => ({ e, name: endpointZoneName(t, e) }));
    const named: { name: string; what: string }[] = endpointZones.filter((x) => x.name !== undefined).map((x) => ({ name: x.name!, what: `the private DNS of interface endpoint "${x.e.id}"` }));
    for (const z of zones) {
      const span = z.vpcSpans.get(vpc.id) ?? z.span;
      if (!vpc.enableDnsSupport || !vpc.enableDnsHostnames) {
        out.push(diag('HOSTED_ZONE_VPC_DNS_OFF', 'warning', `VPC "${vpc.id}" has enableDnsSupport ${vpc.enableDnsSupport} and enableDnsHostnames ${vpc.enableDnsHostnames}; Route 53 answers from private hosted zone ${z.name} there only with both true`, span));
      }
      const same = named.find((n) => n.name === z.name);
      if (same) {
        out.push(diag('DNS_ZONE_CONFLICT', 'error', `VPC "${vpc.id}" already has a private zone ${z.name} (${same.what}); AWS refuses a second zone of one name in a VPC (ConflictingDomainExists)`, span));
        continue;
      }
      const overlap = named.find((n) => isInDomain(n.name, z.name) || isInDomain(z.name, n.name));
      if (overlap) {
        const [child, parent] = isInDomain(overlap.name, z.name) ? [overlap.name, z.name] : [z.name, overlap.name];
        out.push(diag('OVERLAPPING_HOSTED_ZONES', 'warning', `in VPC "${vpc.id}", zone ${z.name} overlaps ${overlap.what} (${overlap.name}): names under ${child} are answered by that zone alone, and one it lacks is NXDOMAIN, not ${parent}'s record`, span));
      }
      named.push({ name: z.name, what: `private hosted zone "${z.id}"` });
    }
  }
}

// "Private hosted zones and Route 53 Resolver rules" / Resolver rules: one rule per domain
// in a VPC (a second association for the same domain name is refused).
function rulesPerVpc(t: Topology, map: SourceMap, out: Diagnostic[]): void {
  const seen = new Map<string, string>();
  for (const r of t.resolverRules.values()) {
    r.vpcs.forEach((v, i) => {
      const key = `${v}\u0000${r.domain}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, r.id);
        return;
      }
      const ptr = `${r.pointer}/vpcs/${i}`;
      out.push(diag('RESOLVER_RULE_CONFLICT', 'error', `Resolver rule "${first}" for ${r.domain || '.'} is already associated with VPC "${v}"; AWS allows one rule per domain name in a VPC`, map.has(ptr) ? map.valueAt(ptr) : r.span));
    });
  }
}

/** The zone of the file most specific for a name, if any. */
function zoneFor(zones: readonly HostedZone[], name: string): HostedZone | undefined {
  let best: HostedZone | undefined;
  for (const z of zones) if (isInDomain(name, z.name) && (!best || z.name.length > best.name.length)) best = z;
  return best;
}

function holds(z: HostedZone, name: string): boolean {
  return z.records.some((r) => r.name === name || (r.name.startsWith('*.') && name.endsWith(r.name.slice(1))));
}

// A CNAME whose target lies in a zone of the file that has no record for it gets NXDOMAIN
// wherever that zone answers; targets outside every zone are judged per query (the trace).
function cnames(t: Topology, out: Diagnostic[]): void {
  const zones = [...t.hostedZones.values()];
  const edges = new Map<string, DnsZoneRecord[]>();
  for (const z of zones) {
    for (const r of z.records) {
      if (r.cname === undefined) continue;
      edges.set(r.name, [...(edges.get(r.name) ?? []), r]);
      const home = zoneFor(zones, r.cname);
      if (home && !holds(home, r.cname)) {
        out.push(diag('DNS_CNAME_DANGLING', 'warning', `CNAME ${r.name} points at ${r.cname}, which zone ${home.name} ("${home.id}") does not hold: a query for it is NXDOMAIN where that zone answers`, r.span));
      }
    }
  }
  // A cycle among CNAME names (in any zones): iterative colouring, bounded by the record count.
  const state = new Map<string, 1 | 2>();
  const reported = new Set<DnsZoneRecord>();
  for (const start of [...edges.keys()].sort()) {
    if (state.has(start)) continue;
    const stack: { name: string; next: number }[] = [{ name: start, next: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const outs = edges.get(top.name) ?? [];
      if (top.next >= outs.length) {
        state.set(top.name, 2);
        stack.pop();
        continue;
      }
      const r = outs[top.next++]!;
      const to = r.cname!;
      const s = state.get(to);
      if (s === 1) {
        if (!reported.has(r)) {
          reported.add(r);
          out.push(diag('DNS_CNAME_LOOP', 'warning', `CNAME ${r.name} -> ${to} closes a loop of CNAME records: a query for any of them ends unresolved at the chain bound`, r.span));
        }
      } else if (s === undefined && edges.has(to)) {
        state.set(to, 1);
        stack.push({ name: to, next: 0 });
      }
    }
  }
}

/** Alias targets, zone conflicts and overlaps per VPC, rule clashes, dangling and looping CNAMEs. */
export function validateDns(t: Topology, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const z of t.hostedZones.values()) aliasTargets(t, z, out);
  zonesPerVpc(t, out);
  rulesPerVpc(t, map, out);
  cnames(t, out);
  return out;
}
