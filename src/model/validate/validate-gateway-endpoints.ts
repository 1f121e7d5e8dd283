// "Gateway endpoints" (AWS PrivateLink guide): a gateway endpoint carries traffic only
// through the prefix-list routes it adds to the route tables it is associated with; with
// none, nothing reaches it.
import type { Diagnostic } from '../diagnostic.js';
import type { SourceMap } from '../source-map.js';
import type { Topology } from '../topology.js';

/** GATEWAY_ENDPOINT_NO_ROUTE_TABLES for each gateway endpoint that lists no route table. */
export function validateGatewayEndpoints(t: Topology, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of t.endpoints.values()) {
    if (e.type !== 'gateway' || e.routeTables.length > 0) continue;
    out.push({
      code: 'GATEWAY_ENDPOINT_NO_ROUTE_TABLES',
      severity: 'warning',
      message: `gateway endpoint "${e.id}" lists no route tables, so no route leads to it and it carries nothing; add routeTables: [...]`,
      span: map.has(`${e.pointer}/routeTables`) ? map.valueAt(`${e.pointer}/routeTables`) : map.keyAt(e.pointer),
    });
  }
  return out;
}
