// Over a VPC peering connection ("VPC peering limitations", VPC Peering guide): the
// connection must be active, and it carries only traffic addressed to the peer VPC's own
// CIDR blocks: no transit to a third VPC, the peer's internet gateway, NAT or endpoints.
import { formatIp } from '../../net/ip.js';
import { describePacket } from '../packet.js';
import { crossSubnets } from './filters.js';
import { newHopLog } from './hop-log.js';
import { inVpcCidrs } from './in-vpc-cidrs.js';
import type { Handler } from './position.js';

/** A packet routed to a peering connection. */
export const peering: Handler<'peering'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { pcx, fromVpc, fromSubnet, packet, sender, carry } = at;
  const component = { id: pcx.id, kind: 'peeringConnection' as const };
  if (pcx.status !== 'active') {
    return log.end(log.drop(component, 'dropped', 'BAD_STATE', `${pcx.id} is ${pcx.status}, not active`, pcx.span, packet));
  }
  const peer = pcx.requester === fromVpc ? pcx.accepter : pcx.requester;
  if (!inVpcCidrs(env.ctx, peer, packet, 'dst')) {
    return log.end(log.drop(component, 'dropped', 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
      `${formatIp(packet.dst)} is not in VPC ${peer}'s CIDR blocks; ${pcx.id} does not carry transit traffic`, pcx.span, packet,
      'Peering is not transitive: a peer VPC never forwards your traffic to its internet gateway, NAT gateway, endpoints or other peers.'));
  }
  const denied = crossSubnets(log, fromSubnet, undefined, packet);
  if (denied) return log.end(denied);
  log.hop(component, 'forwarded', `${pcx.id} carries ${describePacket(packet)} from ${fromVpc} to ${peer}`, pcx.span, packet);
  return log.go({ kind: 'deliverInVpc', vpc: peer, fromSubnet: undefined, packet, sender, carry });
};
