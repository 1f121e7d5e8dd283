// Egress-only internet gateways ("Egress-only internet gateways", Amazon VPC guide): the IPv6
// counterpart of a NAT gateway, without translation. Out: it carries IPv6 that instances send
// to the internet, and tracks the connection so its replies come back in. In: a connection
// started from the internet is dropped.
import type { EgressOnlyInternetGateway, Vpc } from '../../model/resources.js';
import { describePacket, type Packet } from '../packet.js';
import { crossSubnets } from './filters.js';
import { toInternet } from './internet.js';
import { drop, hop, type Outcome, type Walk } from './walk-state.js';

/** A packet routed to an egress-only internet gateway, on its way to the internet. */
export function toEgressOnlyGateway(w: Walk, gateway: EgressOnlyInternetGateway, fromSubnet: string, packet: Packet): Outcome {
  if (!crossSubnets(w, fromSubnet, undefined, packet)) return { kind: 'dropped' };
  const component = { id: gateway.id, kind: 'egressOnlyInternetGateway' as const };
  if (packet.dst.family !== 6) {
    return drop(w, component, 'dropped', 'PROTOCOL_RESTRICTION', `${gateway.id} is an egress-only internet gateway: it carries IPv6 only, and ${describePacket(packet)} is IPv4`, gateway.span, packet);
  }
  // The connection is tracked (the walk's NAT memory, keyed by the gateway, with nothing translated).
  w.nat.set(gateway.id, { originalSrc: packet.src, originalSrcPort: packet.srcPort });
  hop(w, component, 'forwarded', `${gateway.id} forwards IPv6 ${describePacket(packet)} to the internet unchanged, and tracks the connection for its replies`, gateway.span, packet,
    'An egress-only internet gateway lets instances start IPv6 connections out and lets their replies back, but nothing on the internet can start a connection in.');
  return toInternet(w, packet);
}

/** A packet from the internet to an IPv6 address of a VPC whose only gateway to the internet is egress-only. */
export function intoEgressOnlyGateway(w: Walk, vpc: Vpc, packet: Packet): { readonly ok: true } | { readonly ok: false; readonly out: Outcome } {
  const gateway = w.ctx.topology.egressOnlyInternetGateways.get(vpc.egressOnlyInternetGateway!)!;
  const component = { id: gateway.id, kind: 'egressOnlyInternetGateway' as const };
  if (w.reply && w.nat.has(gateway.id)) {
    hop(w, component, 'forwarded', `${gateway.id} lets the reply ${describePacket(packet)} of a connection it carried out back in`, gateway.span, packet);
    return { ok: true };
  }
  return {
    ok: false,
    out: drop(w, component, 'dropped', 'NO_INBOUND_THROUGH_EGRESS_ONLY_IGW', `${gateway.id} is egress-only: it drops ${describePacket(packet)}, a connection started from the internet`, gateway.span, packet,
      'An egress-only internet gateway carries only IPv6 connections that instances start; for inbound IPv6 the VPC needs an internet gateway.'),
  };
}
