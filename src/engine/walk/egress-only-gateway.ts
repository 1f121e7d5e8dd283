// Egress-only internet gateways ("Egress-only internet gateways", Amazon VPC guide): the IPv6
// counterpart of a NAT gateway, without translation. Out: it carries IPv6 that instances send
// to the internet, and tracks the connection so its replies come back in. In: a connection
// started from the internet is dropped.
import { describePacket } from '../packet.js';
import { crossSubnets } from './filters.js';
import { newHopLog } from './hop-log.js';
import type { Handler } from './position.js';

/** A packet routed to an egress-only internet gateway, on its way to the internet. */
export const egressOnlyGateway: Handler<'egressOnlyGateway'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { gateway, fromSubnet, packet, carry } = at;
  const denied = crossSubnets(log, fromSubnet, undefined, packet);
  if (denied) return log.end(denied);
  const component = { id: gateway.id, kind: 'egressOnlyInternetGateway' as const };
  if (packet.dst.family !== 6) {
    return log.end(log.drop(component, 'dropped', 'PROTOCOL_RESTRICTION', `${gateway.id} is an egress-only internet gateway: it carries IPv6 only, and ${describePacket(packet)} is IPv4`, gateway.span, packet));
  }
  // The connection is tracked (the NAT memory, keyed by the gateway, with nothing translated).
  log.remember.push({ table: 'nat', key: gateway.id, entry: { originalSrc: packet.src, originalSrcPort: packet.srcPort } });
  log.hop(component, 'forwarded', `${gateway.id} forwards IPv6 ${describePacket(packet)} to the internet unchanged, and tracks the connection for its replies`, gateway.span, packet,
    'An egress-only internet gateway lets instances start IPv6 connections out and lets their replies back, but nothing on the internet can start a connection in.');
  return log.go({ kind: 'toInternet', packet, carry });
};

/** A packet from the internet to an IPv6 address of a VPC whose only gateway to the internet is egress-only. */
export const egressOnlyInbound: Handler<'egressOnlyInbound'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { gateway, vpc, packet, carry } = at;
  const component = { id: gateway.id, kind: 'egressOnlyInternetGateway' as const };
  if (env.reply && env.memory.nat.has(gateway.id)) {
    log.hop(component, 'forwarded', `${gateway.id} lets the reply ${describePacket(packet)} of a connection it carried out back in`, gateway.span, packet);
    return log.go({ kind: 'deliverInVpc', vpc, fromSubnet: undefined, packet, sender: undefined, carry });
  }
  return log.end(log.drop(component, 'dropped', 'NO_INBOUND_THROUGH_EGRESS_ONLY_IGW', `${gateway.id} is egress-only: it drops ${describePacket(packet)}, a connection started from the internet`, gateway.span, packet,
    'An egress-only internet gateway carries only IPv6 connections that instances start; for inbound IPv6 the VPC needs an internet gateway.'));
};
