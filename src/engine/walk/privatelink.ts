// The checks on the way into PrivateLink ("Share your services through AWS PrivateLink",
// AWS PrivateLink guide), shared by interface and GWLB endpoints: only an available endpoint
// carries traffic; the consumer's account must be an allowed principal; the service must be
// available and have a load balancer node in the endpoint's own Availability Zone.
import type { Endpoint, EndpointService, Eni, LoadBalancer } from '../../model/resources.js';
import { principalAllowed } from '../../model/allowed-principals.js';
import type { Packet } from '../packet.js';
import type { HopLog } from './hop-log.js';
import type { Stop } from './position.js';

/** An endpoint service's load balancer and the node serving the endpoint's zone. */
export interface PrivateLinkHop {
  readonly service: EndpointService;
  readonly lb: LoadBalancer;
  readonly node: Eni;
}

/** The stop of an endpoint that is not available. */
export function badState(log: HopLog, ep: Endpoint, packet: Packet): Stop {
  const waiting = ep.state === 'pendingAcceptance' ? ' The provider must accept the connection request before the endpoint carries anything.' : '';
  return log.drop({ id: ep.id, kind: 'endpoint' }, 'dropped', 'BAD_STATE', `${ep.id} is ${ep.state}, not available (${ep.stateReason})`, ep.span, packet,
    `Only an available endpoint carries traffic.${waiting}`);
}

/** Whether a PrivateLink entry is a stop. */
export function isPrivateLinkStop(p: PrivateLinkHop | Stop): p is Stop {
  return 'kind' in p;
}

/**
 * Allowed principals, the endpoint's state, the service's state, a load balancer node in
 * the zone: the service's node, or the stop.
 */
export function enterPrivateLink(log: HopLog, ep: Endpoint, eni: Eni, packet: Packet): PrivateLinkHop | Stop {
  const topo = log.env.ctx.topology;
  if (ep.service.kind !== 'endpointService') return { kind: 'stop', verdict: 'dropped', explanations: [] };
  const service = topo.endpointServices.get(ep.service.id)!;
  const svcComponent = { id: service.id, kind: 'endpointService' as const };
  const account = topo.vpcs.get(ep.vpc)?.accountId;
  // "Manage permissions" (AWS PrivateLink guide): only allowed principals may connect. AWS
  // keeps an accepted connection when a principal is removed later; the file cannot say
  // when, so vpcsim takes the stricter reading and refuses.
  if (!principalAllowed(service.allowedPrincipals, account)) {
    const who = account ? `account ${account}` : `VPC ${ep.vpc}, which names no account,`;
    const written = ep.state === 'available' ? '; the file says the endpoint is available, but vpcsim takes the stricter reading that a principal no longer allowed has no connection' : '';
    const also = ep.state !== 'available'
      ? [{ code: 'BAD_STATE' as const, message: `${ep.id} is ${ep.state} (${ep.stateReason})`, component: { id: ep.id, kind: 'endpoint' as const }, location: ep.span }]
      : [];
    return log.drop(svcComponent, 'dropped', 'PRINCIPAL_NOT_ALLOWED',
      `${who} is not in the allowedPrincipals of ${service.id} (${service.allowedPrincipals.join(', ') || 'none'})${written}`, service.span, packet,
      'A provider lets in only the principals it lists (an account root ARN, a role, or "*"); every other consumer\'s connection request is refused.', also);
  }
  if (ep.state !== 'available') return badState(log, ep, packet);
  if (service.state !== 'available') {
    return log.drop(svcComponent, 'dropped', 'BAD_STATE', `${service.id} is ${service.state}, not available`, service.span, packet);
  }
  const lb = topo.loadBalancers.get(service.loadBalancer);
  if (!lb) {
    return log.drop(svcComponent, 'dropped', 'CANNOT_ROUTE', `${service.id}'s load balancer ${service.loadBalancer} does not exist`, service.span, packet);
  }
  const nodes = lb.nodes.map((n) => topo.enis.get(n)).filter((n): n is Eni => n !== undefined);
  const node = nodes.find((n) => n.az === eni.az);
  if (!node) {
    return log.drop(svcComponent, 'dropped', 'VPCE_SERVICE_NOT_INSTALLED_IN_AZ',
      `${eni.id} is in ${eni.az}, but ${lb.id} behind ${service.id} has nodes only in ${nodes.map((n) => n.az).join(', ') || 'no zone'}`, lb.span, packet,
      "PrivateLink hands traffic to the load balancer node in the endpoint's own Availability Zone (matched by AZ ID across accounts); an endpoint in a zone the load balancer does not serve has nowhere to go.");
  }
  return { service, lb, node };
}
