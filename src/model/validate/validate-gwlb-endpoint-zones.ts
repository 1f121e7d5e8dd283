// "You can create a single Gateway Load Balancer endpoint per Availability Zone per
// service" (Gateway Load Balancer endpoints, considerations), read per consumer VPC.
import type { Diagnostic } from '../diagnostic.js';
import type { SourceMap } from '../source-map.js';
import type { Topology } from '../topology.js';

function byPosition<T extends { span: { line: number; col: number } }>(items: Iterable<T>): T[] {
  return [...items].sort((a, b) => a.span.line - b.span.line || a.span.col - b.span.col);
}

/** Two GWLB endpoints of one service in one AZ of a VPC. */
export function validateGwlbEndpointZones(t: Topology, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  const gwlbeInAz = new Map<string, string>();
  for (const e of byPosition(t.endpoints.values())) {
    if (e.type !== 'gatewayLoadBalancer' || e.service.kind !== 'endpointService') continue;
    e.subnets.forEach((subnetId, i) => {
      const az = t.subnets.get(subnetId)?.az;
      if (az === undefined) return;
      const key = `${e.vpc}\u0000${e.service.kind === 'endpointService' ? e.service.id : ''}\u0000${az}`;
      const first = gwlbeInAz.get(key);
      if (first === undefined) {
        gwlbeInAz.set(key, e.id);
        return;
      }
      out.push({
        code: 'DUPLICATE_AZ',
        severity: 'error',
        message: `Gateway Load Balancer endpoint "${first}" already connects VPC "${e.vpc}" to this service in AZ ${az}; AWS allows one per AZ per service`,
        span: map.valueAt(`${e.pointer}/subnets/${i}`),
      });
    });
  }
  return out;
}
