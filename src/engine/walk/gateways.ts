// Route targets that are gateways: internet gateway, NAT gateway, peering connection,
// gateway endpoint, and an instance used as an appliance. Each cites the AWS rule it follows.
import { formatIp } from '../../net/ip.js';
import { prefixContains } from '../../net/prefix.js';
import type { Endpoint, Eni, Instance, InternetGateway, NatGateway, PeeringConnection } from '../../model/resources.js';
import { eniAt } from '../compile/engine-context.js';
import { describePacket, type Packet } from '../packet.js';
import { deliverInVpc } from './deliver.js';
import { passEndpointPolicy } from './endpoint-policy.js';
import { crossSubnets } from './filters.js';
import { toInternet } from './internet.js';
import { routeFromSubnet } from './route-step.js';
import { drop, hop, type Outcome, type Walk } from './walk-state.js';

function inVpcCidrs(w: Walk, vpcId: string, packet: Packet, which: 'src' | 'dst'): boolean {
  const vpc = w.ctx.topology.vpcs.get(vpcId);
  const ip = which === 'src' ? packet.src : packet.dst;
  return vpc !== undefined && [...vpc.cidrs, ...vpc.ipv6Cidrs].some((c) => prefixContains(c, ip));
}

/**
 * Out through an internet gateway ("Enable internet access for a VPC using an internet
 * gateway", Amazon VPC guide): the IGW does 1:1 NAT of a private IPv4 address to its public
 * or Elastic IP; an address without one cannot use it.
 */
export function toInternetGateway(w: Walk, igw: InternetGateway, fromSubnet: string, packet: Packet): Outcome {
  if (!crossSubnets(w, fromSubnet, undefined, packet)) return { kind: 'dropped' };
  const component = { id: igw.id, kind: 'internetGateway' as const };
  if (packet.src.family === 6) {
    hop(w, component, 'forwarded', `${igw.id} forwards IPv6 ${describePacket(packet)} unchanged`, igw.span, packet);
    return toInternet(w, packet);
  }
  const eni = eniAt(w.ctx, igw.vpc, packet.src);
  if (!eni?.publicIp) {
    return drop(w, component, 'dropped', 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS',
      `${formatIp(packet.src)}${eni ? ` (${eni.id})` : ''} has no public IP, so ${igw.id} cannot translate it`, igw.span, packet,
      'An internet gateway only translates addresses that have a public or Elastic IP; a private instance needs a NAT gateway instead.');
  }
  const out: Packet = { ...packet, src: eni.publicIp };
  hop(w, component, 'translated', `${igw.id} translates source ${formatIp(packet.src)} to its public IP ${formatIp(eni.publicIp)}`, igw.span, out,
    'The internet gateway maps each public IP one-to-one to a private address; the instance itself never sees its public IP.');
  return toInternet(w, out);
}

/**
 * Into a NAT gateway ("NAT gateways", Amazon VPC guide): source NAT to the gateway's private
 * address (a public NAT's Elastic IP is applied by the internet gateway after it). Only
 * traffic from the gateway's own VPC is translated.
 */
export function toNatGateway(w: Walk, nat: NatGateway, fromSubnet: string, packet: Packet): Outcome {
  const component = { id: nat.id, kind: 'natGateway' as const };
  if (!inVpcCidrs(w, nat.vpc, packet, 'src')) {
    return drop(w, component, 'dropped', 'NGW_REQUIRES_SOURCE_IN_VPC', `${nat.id} only translates traffic from VPC ${nat.vpc}; ${formatIp(packet.src)} is not in it`, nat.span, packet);
  }
  if (!crossSubnets(w, fromSubnet, nat.subnet, packet)) return { kind: 'dropped' };
  const out: Packet = { ...packet, src: nat.privateIp };
  w.nat.set(nat.id, { originalSrc: packet.src, originalSrcPort: packet.srcPort });
  hop(w, component, 'translated', `${nat.id} translates source ${formatIp(packet.src)} to ${formatIp(nat.privateIp)} (${nat.connectivity} NAT)`, nat.span, out,
    'A NAT gateway rewrites the source to its own address and remembers the connection so that replies find their way back.');
  const eni = w.ctx.topology.enis.get(nat.id)!;
  return routeFromSubnet(w, nat.subnet, eni, out);
}

/** A packet addressed to a NAT gateway's own interface: a reply it translates back, or nothing. */
export function arriveAtNat(w: Walk, eni: Eni, packet: Packet): Outcome {
  const nat = w.ctx.topology.natGateways.get(eni.owner.id)!;
  const component = { id: nat.id, kind: 'natGateway' as const };
  const entry = w.reply ? w.nat.get(nat.id) : undefined;
  if (!entry) {
    return drop(w, component, 'dropped', 'NO_INBOUND_THROUGH_NAT', `${nat.id} does not accept connections initiated toward it`, nat.span, packet,
      'A NAT gateway lets instances start connections out; nothing outside can start a connection in through it.');
  }
  // Only TCP and UDP carry ports; an ICMP reply keeps its type (the echo reply stays type 0).
  const ported = packet.protocol === 6 || packet.protocol === 17;
  const back: Packet = { ...packet, dst: entry.originalSrc, dstPort: ported ? entry.originalSrcPort : packet.dstPort };
  hop(w, component, 'translated', `${nat.id} translates the reply's destination back to ${formatIp(entry.originalSrc)}`, nat.span, back);
  return routeFromSubnet(w, nat.subnet, eni, back);
}

/**
 * Over a VPC peering connection ("VPC peering limitations", VPC Peering guide): the
 * connection must be active, and it carries only traffic addressed to the peer VPC's own
 * CIDR blocks: no transit to a third VPC, the peer's internet gateway, NAT or endpoints.
 */
export function toPeering(w: Walk, pcx: PeeringConnection, fromVpc: string, fromSubnet: string, packet: Packet): Outcome {
  const component = { id: pcx.id, kind: 'peeringConnection' as const };
  if (pcx.status !== 'active') {
    return drop(w, component, 'dropped', 'BAD_STATE', `${pcx.id} is ${pcx.status}, not active`, pcx.span, packet);
  }
  const peer = pcx.requester === fromVpc ? pcx.accepter : pcx.requester;
  if (!inVpcCidrs(w, peer, packet, 'dst')) {
    return drop(w, component, 'dropped', 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
      `${formatIp(packet.dst)} is not in VPC ${peer}'s CIDR blocks; ${pcx.id} does not carry transit traffic`, pcx.span, packet,
      'Peering is not transitive: a peer VPC never forwards your traffic to its internet gateway, NAT gateway, endpoints or other peers.');
  }
  if (!crossSubnets(w, fromSubnet, undefined, packet)) return { kind: 'dropped' };
  hop(w, component, 'forwarded', `${pcx.id} carries ${describePacket(packet)} from ${fromVpc} to ${peer}`, pcx.span, packet);
  return deliverInVpc(w, peer, undefined, packet);
}

/**
 * To a gateway endpoint ("Gateway endpoints", AWS PrivateLink guide): the endpoint must be
 * available; it carries TCP to its service, and only from its own VPC (not through peering,
 * VPN or Direct Connect).
 */
export function toGatewayEndpoint(w: Walk, ep: Endpoint, origin: Eni, fromSubnet: string, packet: Packet): Outcome {
  const component = { id: ep.id, kind: 'endpoint' as const };
  if (ep.type !== 'gateway' || ep.service.kind !== 'awsService') {
    return drop(w, component, 'dropped', 'CANNOT_ROUTE', `${ep.id} is an ${ep.type} endpoint, which is not a route target: clients reach it by its ENIs' addresses`, ep.span, packet);
  }
  if (ep.state !== 'available') {
    return drop(w, component, 'dropped', 'BAD_STATE', `${ep.id} is ${ep.state}, not available (${ep.stateReason})`, ep.span, packet);
  }
  if (packet.protocol !== 6) {
    return drop(w, component, 'dropped', 'VPCE_GATEWAY_PROTOCOL_RESTRICTION', `${ep.id} carries TCP only; this flow is ${describePacket(packet)}`, ep.span, packet);
  }
  if (origin.vpc !== ep.vpc || !inVpcCidrs(w, ep.vpc, packet, 'src')) {
    return drop(w, component, 'dropped', 'VPCE_INTRA_VPC_TRAFFIC', `${ep.id} serves traffic from VPC ${ep.vpc} only`, ep.span, packet);
  }
  if (!crossSubnets(w, fromSubnet, undefined, packet)) return { kind: 'dropped' };
  if (!passEndpointPolicy(w, ep, packet)) return { kind: 'dropped' };
  const service = ep.service.service;
  hop(w, component, 'forwarded', `${ep.id} carries ${describePacket(packet)} to ${service.name} inside the AWS network`, ep.span, packet,
    'A gateway endpoint is a route target: no interface, no security group of its own, and the traffic keeps its private source address.');
  hop(w, { id: service.name, kind: 'awsService' }, 'delivered', `${service.name} receives the request`, undefined, packet);
  return { kind: 'delivered', at: { kind: 'awsService', service, packet, via: 'gatewayEndpoint', endpoint: ep } };
}

/** To an instance used as a route target (an appliance). Forwarding by appliances is not modelled. */
export function toAppliance(w: Walk, instance: Instance, fromSubnet: string, packet: Packet): Outcome {
  if (!crossSubnets(w, fromSubnet, instance.subnet, packet)) return { kind: 'dropped' };
  return drop(w, { id: instance.id, kind: 'instance' }, 'dropped', 'CANNOT_ROUTE',
    `the route sends the packet to instance ${instance.id} as an appliance; vpcsim does not model what an appliance forwards, so the strict reading is that the packet stops there`,
    instance.span, packet);
}
