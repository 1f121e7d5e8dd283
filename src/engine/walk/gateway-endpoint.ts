// To a gateway endpoint ("Gateway endpoints", AWS PrivateLink guide): the endpoint must be
// available; it carries TCP to its service, and only from its own VPC (not through peering,
// VPN, Direct Connect or a transit gateway); the endpoint policy applies.
import { passEndpointPolicy } from './endpoint-policy.js';
import { crossSubnets } from './filters.js';
import { newHopLog } from './hop-log.js';
import { badState } from './privatelink.js';
import { inVpcCidrs } from './in-vpc-cidrs.js';
import type { Handler } from './position.js';

/** A packet routed to an endpoint that is not a GWLB endpoint. */
export const gatewayEndpoint: Handler<'gatewayEndpoint'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { endpoint: ep, origin, fromSubnet, packet, carry } = at;
  const component = { id: ep.id, kind: 'endpoint' as const };
  const step = { type: 'gatewayEndpoint', endpoint: ep.id, endpointType: ep.type, vpc: ep.vpc } as const;
  if (ep.type !== 'gateway' || ep.service.kind !== 'awsService') {
    return log.end(log.drop(component, 'dropped', 'CANNOT_ROUTE', { ...step, action: 'dropped', verdict: 'notRouteTarget' }, ep.span, packet));
  }
  if (ep.state !== 'available') return log.end(badState(log, ep, packet));
  if (packet.protocol !== 6) {
    return log.end(log.drop(component, 'dropped', 'VPCE_GATEWAY_PROTOCOL_RESTRICTION', { ...step, action: 'dropped', verdict: 'protocol' }, ep.span, packet));
  }
  // "Resources on the other side of a ... transit gateway ... can't use a gateway endpoint": a
  // packet a transit gateway brought into the VPC never uses one, whatever its source.
  if (origin === undefined || carry.transit !== undefined || origin.vpc !== ep.vpc || !inVpcCidrs(env.ctx, ep.vpc, packet, 'src')) {
    return log.end(log.drop(component, 'dropped', 'VPCE_INTRA_VPC_TRAFFIC', { ...step, action: 'dropped', verdict: 'otherVpc' }, ep.span, packet));
  }
  const denied = crossSubnets(log, fromSubnet, undefined, packet) ?? passEndpointPolicy(log, ep, packet);
  if (denied) return log.end(denied);
  const service = ep.service.service;
  log.hop(component, 'forwarded', { ...step, action: 'forwarded', verdict: 'carried', service: service.name }, ep.span, packet);
  log.hop({ id: service.name, kind: 'awsService' }, 'delivered', { type: 'delivered', action: 'delivered', receiver: service.name, to: 'awsService' }, undefined, packet);
  return log.deliver({ kind: 'awsService', service, packet, via: 'gatewayEndpoint', endpoint: ep });
};
