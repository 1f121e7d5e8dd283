// Out through an internet gateway ("Enable internet access for a VPC using an internet
// gateway", Amazon VPC guide): the IGW does 1:1 NAT of a private IPv4 address to its public
// or Elastic IP; an address without one cannot use it. IPv6 passes unchanged.
import { viewPacket, type Packet } from '../packet.js';
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
    log.hop(component, 'forwarded', { type: 'internetGateway', action: 'forwarded', gateway: igw.id, verdict: 'ipv6Out', before: viewPacket(packet), after: viewPacket(packet) }, igw.span, packet);
    return log.go({ kind: 'toInternet', packet, carry });
  }
  const eni = env.ctx.eniAt(igw.vpc, packet.src);
  if (!eni?.publicIp) {
    return log.end(log.drop(component, 'dropped', 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS',
      { type: 'internetGateway', action: 'dropped', gateway: igw.id, verdict: 'noPublicIp', ...(eni ? { interface: eni.id } : {}), before: viewPacket(packet), after: viewPacket(packet) }, igw.span, packet));
  }
  const out: Packet = { ...packet, src: eni.publicIp };
  log.hop(component, 'translated', { type: 'internetGateway', action: 'translated', gateway: igw.id, verdict: 'sourceNat', interface: eni.id, before: viewPacket(packet), after: viewPacket(out) }, igw.span, out);
  return log.go({ kind: 'toInternet', packet: out, carry });
};
