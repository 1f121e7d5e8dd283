// Egress-only internet gateways ("Egress-only internet gateways", Amazon VPC guide): the IPv6
// counterpart of a NAT gateway, without translation. Out: it carries IPv6 that instances send
// to the internet, and tracks the connection so its replies come back in. In: a connection
// started from the internet is dropped.
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
    return log.end(log.drop(component, 'dropped', 'PROTOCOL_RESTRICTION', { type: 'egressOnlyGateway', action: 'dropped', gateway: gateway.id, verdict: 'ipv4' }, gateway.span, packet));
  }
  // The connection is tracked (the NAT memory, keyed by the gateway, with nothing translated).
  log.remember.push({ table: 'nat', key: gateway.id, entry: { originalSrc: packet.src, originalSrcPort: packet.srcPort } });
  log.hop(component, 'forwarded', { type: 'egressOnlyGateway', action: 'forwarded', gateway: gateway.id, verdict: 'out' }, gateway.span, packet);
  return log.go({ kind: 'toInternet', packet, carry });
};

/** A packet from the internet to an IPv6 address of a VPC whose only gateway to the internet is egress-only. */
export const egressOnlyInbound: Handler<'egressOnlyInbound'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { gateway, vpc, packet, carry } = at;
  const component = { id: gateway.id, kind: 'egressOnlyInternetGateway' as const };
  if (env.reply && env.memory.nat.has(gateway.id)) {
    log.hop(component, 'forwarded', { type: 'egressOnlyGateway', action: 'forwarded', gateway: gateway.id, verdict: 'replyIn' }, gateway.span, packet);
    return log.go({ kind: 'deliverInVpc', vpc, fromSubnet: undefined, packet, sender: undefined, carry });
  }
  return log.end(log.drop(component, 'dropped', 'NO_INBOUND_THROUGH_EGRESS_ONLY_IGW', { type: 'egressOnlyGateway', action: 'dropped', gateway: gateway.id, verdict: 'noInbound' }, gateway.span, packet));
};
