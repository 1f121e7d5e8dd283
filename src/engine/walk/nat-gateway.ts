// NAT gateways ("NAT gateways", Amazon VPC guide): source NAT to the gateway's private
// address (a public NAT's Elastic IP is applied by the internet gateway after it). Only
// traffic from the gateway's own VPC is translated; the gateway remembers the connection so
// the reply is translated back, and accepts no connection started toward it.
import { viewPacket, type Packet } from '../packet.js';
import type { NatGateway } from '../../model/resources.js';
import type { StepOf } from '../steps.js';
import { crossSubnets } from './filters.js';
import { newHopLog } from './hop-log.js';
import { inVpcCidrs } from './in-vpc-cidrs.js';
import type { Handler } from './position.js';

/** The step of a NAT gateway hop: the packet before and after it. */
function natStep(nat: NatGateway, action: 'translated' | 'dropped', verdict: StepOf<'natGateway'>['verdict'], before: Packet, after: Packet): StepOf<'natGateway'> {
  return { type: 'natGateway', action, gateway: nat.id, vpc: nat.vpc, verdict, connectivity: nat.connectivity, before: viewPacket(before), after: viewPacket(after) };
}

/** A packet routed into a NAT gateway. */
export const natGateway: Handler<'natGateway'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { nat, fromSubnet, packet, carry } = at;
  const component = { id: nat.id, kind: 'natGateway' as const };
  if (!inVpcCidrs(env.ctx, nat.vpc, packet, 'src')) {
    return log.end(log.drop(component, 'dropped', 'NGW_REQUIRES_SOURCE_IN_VPC', natStep(nat, 'dropped', 'sourceOutsideVpc', packet, packet), nat.span, packet));
  }
  const denied = crossSubnets(log, fromSubnet, nat.subnet, packet);
  if (denied) return log.end(denied);
  const out: Packet = { ...packet, src: nat.privateIp };
  log.remember.push({ table: 'nat', key: nat.id, entry: { originalSrc: packet.src, originalSrcPort: packet.srcPort } });
  log.hop(component, 'translated', natStep(nat, 'translated', 'sourceNat', packet, out), nat.span, out);
  const eni = env.ctx.topology.enis.get(nat.id)!;
  return log.go({ kind: 'routeFromSubnet', subnet: nat.subnet, origin: eni, packet: out, carry });
};

/** A packet addressed to a NAT gateway's own interface: a reply it translates back, or nothing. */
export const natGatewayEni: Handler<'natGatewayEni'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { eni, packet, carry } = at;
  const nat = env.ctx.topology.natGateways.get(eni.owner.id)!;
  const component = { id: nat.id, kind: 'natGateway' as const };
  const entry = env.reply ? env.memory.nat.get(nat.id) : undefined;
  if (!entry) {
    return log.end(log.drop(component, 'dropped', 'NO_INBOUND_THROUGH_NAT', natStep(nat, 'dropped', 'noInbound', packet, packet), nat.span, packet));
  }
  // Only TCP and UDP carry ports; an ICMP reply keeps its type (the echo reply stays type 0).
  const ported = packet.protocol === 6 || packet.protocol === 17;
  const back: Packet = { ...packet, dst: entry.originalSrc, dstPort: ported ? entry.originalSrcPort : packet.dstPort };
  log.hop(component, 'translated', natStep(nat, 'translated', 'replyBack', packet, back), nat.span, back);
  return log.go({ kind: 'routeFromSubnet', subnet: nat.subnet, origin: eni, packet: back, carry });
};
