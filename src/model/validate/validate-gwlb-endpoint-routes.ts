// A route to a Gateway Load Balancer endpoint takes a CIDR destination, never a prefix list
// ("Configure routing" for Gateway Load Balancer endpoints, AWS PrivateLink guide: the routes
// name CIDR blocks; AWS refuses a prefix-list route whose target is a GWLB endpoint).
import type { Diagnostic } from '../diagnostic.js';
import type { Endpoint, RouteTable } from '../resources.js';
import type { SourceMap } from '../source-map.js';

/** Every written prefix-list route whose target is a Gateway Load Balancer endpoint. */
export function validateGwlbEndpointRoutes(
  routeTables: ReadonlyMap<string, RouteTable>,
  endpoints: ReadonlyMap<string, Endpoint>,
  map: SourceMap,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const table of routeTables.values()) {
    for (const route of table.routes) {
      if (route.origin !== 'written' || route.destination.kind !== 'prefixList' || route.target.kind !== 'resource') continue;
      const ep = endpoints.get(route.target.id);
      if (ep?.type !== 'gatewayLoadBalancer') continue;
      out.push({
        code: 'GWLB_ENDPOINT_ROUTE_PREFIX_LIST',
        severity: 'error',
        message: `route ${route.index} of ${table.id} sends prefix list ${route.destination.prefixList} to Gateway Load Balancer endpoint "${ep.id}"; such a route needs a CIDR destination`,
        span: map.valueAt(`${table.pointer}/routes/${route.index - 1}/destination`),
      });
    }
  }
  return out;
}
