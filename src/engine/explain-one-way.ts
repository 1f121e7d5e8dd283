// Why a provider cannot reach its consumer: PrivateLink carries connections from consumer
// to provider only ("Access an inspection system using a Gateway Load Balancer endpoint" and
// "Share your services through AWS PrivateLink", AWS PrivateLink guide: the service cannot
// initiate requests to resources in the consumer's VPC through the endpoint). When a flow
// from a provider's VPC toward a consumer's VPC fails, this names the endpoint that links
// them, so the trace does not leave the reader thinking a route is all that is missing.
import type { Topology } from '../model/topology.js';
import type { Explanation } from './trace.js';

/** The PRIVATELINK_ONE_WAY explanation for a failed flow from `fromVpc` to `toVpc`, if PrivateLink links them that way. */
export function oneWayExplanation(t: Topology, fromVpc: string, toVpc: string): Explanation | undefined {
  if (fromVpc === toVpc) return undefined;
  for (const ep of t.endpoints.values()) {
    if (ep.vpc !== toVpc || ep.service.kind !== 'endpointService') continue;
    const service = t.endpointServices.get(ep.service.id);
    const lb = service ? t.loadBalancers.get(service.loadBalancer) : undefined;
    if (!service || (service.vpc !== fromVpc && lb?.vpc !== fromVpc)) continue;
    return {
      code: 'PRIVATELINK_ONE_WAY',
      message: `VPC ${fromVpc} provides ${service.id}, which VPC ${toVpc} consumes through endpoint ${ep.id}; PrivateLink carries connections from consumer to provider only, so the provider cannot open one back through it`,
      component: { id: ep.id, kind: 'endpoint' },
      location: ep.span,
    };
  }
  return undefined;
}
