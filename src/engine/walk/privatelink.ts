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
  return log.drop({ id: ep.id, kind: 'endpoint' }, 'dropped', 'BAD_STATE',
    { type: 'endpointState', action: 'dropped', endpoint: ep.id, state: ep.state, stateReason: ep.stateReason }, ep.span, packet);
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
  const step = { type: 'privateLink', action: 'dropped', service: service.id, endpoint: ep.id, interface: eni.id } as const;
  const account = topo.vpcs.get(ep.vpc)?.accountId;
  // "Manage permissions" (AWS PrivateLink guide): only allowed principals may connect. AWS
  // keeps an accepted connection when a principal is removed later; the file cannot say
  // when, so vpcsim takes the stricter reading and refuses.
  if (!principalAllowed(service.allowedPrincipals, account)) {
    const also = ep.state !== 'available'
      ? [{ code: 'BAD_STATE' as const, message: `${ep.id} is ${ep.state} (${ep.stateReason})`, component: { id: ep.id, kind: 'endpoint' as const }, location: ep.span }]
      : [];
    return log.drop(svcComponent, 'dropped', 'PRINCIPAL_NOT_ALLOWED', {
      ...step, verdict: 'principalNotAllowed', ...(account ? { account } : {}), endpointVpc: ep.vpc,
      allowedPrincipals: service.allowedPrincipals, writtenAvailable: ep.state === 'available',
    }, service.span, packet, also);
  }
  if (ep.state !== 'available') return badState(log, ep, packet);
  if (service.state !== 'available') {
    return log.drop(svcComponent, 'dropped', 'BAD_STATE', { ...step, verdict: 'serviceState', state: service.state }, service.span, packet);
  }
  const lb = topo.loadBalancers.get(service.loadBalancer);
  if (!lb) {
    return log.drop(svcComponent, 'dropped', 'CANNOT_ROUTE', { ...step, verdict: 'noLoadBalancer', loadBalancer: service.loadBalancer }, service.span, packet);
  }
  const nodes = lb.nodes.map((n) => topo.enis.get(n)).filter((n): n is Eni => n !== undefined);
  const node = nodes.find((n) => n.az === eni.az);
  if (!node) {
    return log.drop(svcComponent, 'dropped', 'VPCE_SERVICE_NOT_INSTALLED_IN_AZ',
      { ...step, verdict: 'notInAz', az: eni.az, loadBalancer: lb.id, nodeZones: nodes.map((n) => n.az) }, lb.span, packet);
  }
  return { service, lb, node };
}
