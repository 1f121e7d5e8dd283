// To a gateway endpoint ("Gateway endpoints", AWS PrivateLink guide): the endpoint must be
// available; it carries TCP to its service, and only from its own VPC (not through peering,
// VPN or Direct Connect); the endpoint policy applies.
import { describePacket } from '../packet.js';
import { passEndpointPolicy } from './endpoint-policy.js';
import { crossSubnets } from './filters.js';
import { newHopLog } from './hop-log.js';
import { inVpcCidrs } from './in-vpc-cidrs.js';
import type { Handler } from './position.js';

/** A packet routed to an endpoint that is not a GWLB endpoint. */
export const gatewayEndpoint: Handler<'gatewayEndpoint'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { endpoint: ep, origin, fromSubnet, packet } = at;
  const component = { id: ep.id, kind: 'endpoint' as const };
  if (ep.type !== 'gateway' || ep.service.kind !== 'awsService') {
    return log.end(log.drop(component, 'dropped', 'CANNOT_ROUTE', `${ep.id} is an ${ep.type} endpoint, which is not a route target: clients reach it by its ENIs' addresses`, ep.span, packet));
  }
  if (ep.state !== 'available') {
    return log.end(log.drop(component, 'dropped', 'BAD_STATE', `${ep.id} is ${ep.state}, not available (${ep.stateReason})`, ep.span, packet));
  }
  if (packet.protocol !== 6) {
    return log.end(log.drop(component, 'dropped', 'VPCE_GATEWAY_PROTOCOL_RESTRICTION', `${ep.id} carries TCP only; this flow is ${describePacket(packet)}`, ep.span, packet));
  }
  if (origin.vpc !== ep.vpc || !inVpcCidrs(env.ctx, ep.vpc, packet, 'src')) {
    return log.end(log.drop(component, 'dropped', 'VPCE_INTRA_VPC_TRAFFIC', `${ep.id} serves traffic from VPC ${ep.vpc} only`, ep.span, packet));
  }
  const denied = crossSubnets(log, fromSubnet, undefined, packet) ?? passEndpointPolicy(log, ep, packet);
  if (denied) return log.end(denied);
  const service = ep.service.service;
  log.hop(component, 'forwarded', `${ep.id} carries ${describePacket(packet)} to ${service.name} inside the AWS network`, ep.span, packet,
    'A gateway endpoint is a route target: no interface, no security group of its own, and the traffic keeps its private source address.');
  log.hop({ id: service.name, kind: 'awsService' }, 'delivered', `${service.name} receives the request`, undefined, packet);
  return log.deliver({ kind: 'awsService', service, packet, via: 'gatewayEndpoint', endpoint: ep });
};
