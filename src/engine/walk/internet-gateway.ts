// Out through an internet gateway ("Enable internet access for a VPC using an internet
// gateway", Amazon VPC guide): the IGW does 1:1 NAT of a private IPv4 address to its public
// or Elastic IP; an address without one cannot use it. IPv6 passes unchanged.
import { formatIp } from '../../net/ip.js';
import { eniAt } from '../compile/engine-context.js';
import { describePacket, type Packet } from '../packet.js';
import { crossSubnets } from './filters.js';
import { newHopLog } from './hop-log.js';
import type { Handler } from './position.js';

/** A packet routed to an internet gateway, on its way to the internet. */
export const internetGateway: Handler<'internetGateway'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { igw, fromSubnet, packet, carry } = at;
  const denied = crossSubnets(log, fromSubnet, undefined, packet);
  if (denied) return log.end(denied);
  const component = { id: igw.id, kind: 'internetGateway' as const };
  if (packet.src.family === 6) {
    log.hop(component, 'forwarded', `${igw.id} forwards IPv6 ${describePacket(packet)} unchanged`, igw.span, packet);
    return log.go({ kind: 'toInternet', packet, carry });
  }
  const eni = eniAt(env.ctx, igw.vpc, packet.src);
  if (!eni?.publicIp) {
    return log.end(log.drop(component, 'dropped', 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS',
      `${formatIp(packet.src)}${eni ? ` (${eni.id})` : ''} has no public IP, so ${igw.id} cannot translate it`, igw.span, packet,
      'An internet gateway only translates addresses that have a public or Elastic IP; a private instance needs a NAT gateway instead.'));
  }
  const out: Packet = { ...packet, src: eni.publicIp };
  log.hop(component, 'translated', `${igw.id} translates source ${formatIp(packet.src)} to its public IP ${formatIp(eni.publicIp)}`, igw.span, out,
    'The internet gateway maps each public IP one-to-one to a private address; the instance itself never sees its public IP.');
  return log.go({ kind: 'toInternet', packet: out, carry });
};
