// Private DNS names are unique in a VPC: AWS refuses a second interface endpoint with
// private DNS for a name another endpoint of the VPC already answers for
// (CreateVpcEndpoint: "private-dns-enabled cannot be set because there is already a
// conflicting DNS domain for <name> in the VPC").
import type { Diagnostic } from '../diagnostic.js';
import type { Endpoint } from '../resources.js';
import type { SourceMap } from '../source-map.js';
import type { Topology } from '../topology.js';

function privateName(t: Topology, e: Endpoint): string | undefined {
  if (e.service.kind === 'awsService') return e.service.service.dnsName;
  return t.endpointServices.get(e.service.id)?.privateDnsName;
}

/** A second endpoint claiming the same private DNS name in one VPC. */
export function validatePrivateDns(t: Topology, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  const claimed = new Map<string, string>();
  const withDns = [...t.endpoints.values()].filter((e) => e.type === 'interface' && e.privateDns);
  withDns.sort((a, b) => a.span.line - b.span.line || a.span.col - b.span.col);
  for (const e of withDns) {
    const name = privateName(t, e);
    if (name === undefined) continue;
    const key = `${e.vpc}\u0000${name.toLowerCase()}`;
    const first = claimed.get(key);
    if (first === undefined) {
      claimed.set(key, e.id);
      continue;
    }
    const ptr = `${e.pointer}/privateDns`;
    out.push({
      code: 'PRIVATE_DNS_CONFLICT',
      severity: 'error',
      message: `endpoint "${first}" already answers for ${name} in VPC "${e.vpc}"; AWS refuses private DNS on a second endpoint for it (set privateDns: false here)`,
      span: map.has(ptr) ? map.valueAt(ptr) : map.keyAt(e.pointer),
    });
  }
  return out;
}
