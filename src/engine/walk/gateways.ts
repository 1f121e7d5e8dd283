// Route targets that are gateways: internet gateway, NAT gateway, peering connection,
// gateway endpoint, and an instance used as an appliance. Each cites the AWS rule it follows.
import { formatIp, ipEquals } from '../../net/ip.js';
import { prefixContains } from '../../net/prefix.js';
import type { Endpoint, Eni, Instance, InternetGateway, NatGateway, PeeringConnection } from '../../model/resources.js';
import { eniAt } from '../compile/engine-context.js';
import { lookupRoute } from '../compile/route-index.js';
import { describePacket, type Packet } from '../packet.js';
import { deliverInVpc } from './deliver.js';
import { passEndpointPolicy } from './endpoint-policy.js';
import { crossSubnets, passSecurityGroups } from './filters.js';
import { toInternet } from './internet.js';
import { routeFromSubnet } from './route-step.js';
import { drop, hop, type NatEntry, type Outcome, type Walk } from './walk-state.js';

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
export function toPeering(w: Walk, pcx: PeeringConnection, fromVpc: string, fromSubnet: string, packet: Packet, sender: Eni): Outcome {
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
  return deliverInVpc(w, peer, undefined, packet, sender);
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

/**
 * To an instance used as a route target: an appliance ("Routing for a middlebox appliance",
 * Amazon VPC guide). EC2's source/destination check (ModifyInstanceAttribute: it ensures "the
 * instance is either the source or the destination of any traffic that it receives"; on by
 * default) drops a packet not addressed to it. With the check off ("NAT instances": it must be
 * off on an instance that routes, translates or filters) vpcsim assumes the common case: the
 * appliance's software forwards the packet out of its interface by the route table of that
 * interface's subnet, its security groups judging it in and out (statefully, as on any
 * interface); when that table sends the packet to an internet gateway and the source is not
 * its own, the appliance is read as a NAT instance and rewrites the source to its own private
 * address (the gateway maps it to the public IP), remembering the connection for the reply.
 * The hop says which assumption it made.
 */
export function toAppliance(w: Walk, instance: Instance, fromSubnet: string, packet: Packet, sender: Eni): Outcome {
  const eni = w.ctx.topology.enis.get(instance.id)!;
  if (!crossSubnets(w, fromSubnet, eni.subnet, packet)) return { kind: 'dropped' };
  const component = { id: instance.id, kind: 'instance' as const };
  if (instance.sourceDestCheck) {
    return drop(w, component, 'dropped', 'CANNOT_ROUTE',
      `the route sends ${describePacket(packet)} to instance ${instance.id}, which is not its destination; source/destination checking is on (sourceDestCheck, EC2's default), so the instance drops it`,
      instance.span, packet,
      'An instance forwards traffic that is not addressed to it only with source/destination checking turned off, as NAT instances, routers and firewalls need.');
  }
  if (!passSecurityGroups(w, eni, 'ingress', packet, { sender })) return { kind: 'dropped' };
  const table = w.ctx.topology.subnets.get(eni.subnet)!.routeTable;
  const hit = lookupRoute(w.ctx.routes.get(table)!, packet.dst);
  const next = hit?.route.target.kind === 'resource' ? w.ctx.topology.byId.get(hit.route.target.id) : undefined;
  const nat = !w.reply && next?.kind === 'internetGateway' && packet.src.family === 4 && !ipEquals(packet.src, eni.privateIp);
  const out: Packet = nat ? { ...packet, src: eni.privateIp } : packet;
  if (nat) {
    w.nat.set(instance.id, { originalSrc: packet.src, originalSrcPort: packet.srcPort });
    hop(w, component, 'translated',
      `${instance.id} (sourceDestCheck off) forwards toward the internet gateway; vpcsim reads it as a NAT instance and assumes it translates source ${formatIp(packet.src)} to its own address ${formatIp(eni.privateIp)}`,
      instance.span, out, 'A NAT instance rewrites the source to its own address, which the internet gateway maps to its public IP; the reply comes back to it and it rewrites the destination back.');
  } else {
    hop(w, component, 'forwarded',
      `${instance.id} (sourceDestCheck off) forwards ${describePacket(packet)} unchanged by the route table of ${eni.subnet}; vpcsim assumes the appliance lets the flow pass`,
      instance.span, out, 'An appliance forwards by the route table of its own subnet; what its software allows is outside the file, so vpcsim assumes it passes the flow.');
  }
  if (!passSecurityGroups(w, eni, 'egress', out)) return { kind: 'dropped' };
  return routeFromSubnet(w, eni.subnet, eni, out);
}

/** A reply reaches the NAT instance that translated its connection: the destination goes back to the original source. */
export function natInstanceReply(w: Walk, eni: Eni, packet: Packet, entry: NatEntry): Outcome {
  const ported = packet.protocol === 6 || packet.protocol === 17;
  const back: Packet = { ...packet, dst: entry.originalSrc, dstPort: ported ? entry.originalSrcPort : packet.dstPort };
  hop(w, { id: eni.owner.id, kind: 'instance' }, 'translated', `${eni.owner.id} (NAT instance) translates the reply's destination back to ${formatIp(entry.originalSrc)}`, eni.span, back);
  if (!passSecurityGroups(w, eni, 'egress', back)) return { kind: 'dropped' };
  return routeFromSubnet(w, eni.subnet, eni, back);
}
