// Over a VPC peering connection ("VPC peering limitations", VPC Peering guide): the
// connection must be active, and it carries only traffic addressed to the peer VPC's own
// CIDR blocks: no transit to a third VPC, the peer's internet gateway, NAT or endpoints.
import { crossSubnets } from './filters.js';
import { newHopLog } from './hop-log.js';
import { inVpcCidrs } from './in-vpc-cidrs.js';
import type { Handler } from './position.js';

/** A packet routed to a peering connection. */
export const peering: Handler<'peering'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { pcx, fromVpc, fromSubnet, packet, sender, carry } = at;
  const component = { id: pcx.id, kind: 'peeringConnection' as const };
  const peer = pcx.requester === fromVpc ? pcx.accepter : pcx.requester;
  const step = { type: 'peering', connection: pcx.id, status: pcx.status, fromVpc, peer } as const;
  if (pcx.status !== 'active') {
    return log.end(log.drop(component, 'dropped', 'BAD_STATE', { ...step, action: 'dropped', verdict: 'notActive' }, pcx.span, packet));
  }
  if (!inVpcCidrs(env.ctx, peer, packet, 'dst')) {
    return log.end(log.drop(component, 'dropped', 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', { ...step, action: 'dropped', verdict: 'notPeerCidr' }, pcx.span, packet));
  }
  const denied = crossSubnets(log, fromSubnet, undefined, packet);
  if (denied) return log.end(denied);
  log.hop(component, 'forwarded', { ...step, action: 'forwarded', verdict: 'carried' }, pcx.span, packet);
  return log.go({ kind: 'deliverInVpc', vpc: peer, fromSubnet: undefined, packet, sender, carry });
};
