// A network interface used as a route target: an appliance ("Routing for a middlebox
// appliance", "Example routing options: middlebox", Amazon VPC guide). A route may name an
// instance (its primary interface) or a network interface (an instance's secondary interface,
// or a standalone one). EC2's source/destination check, kept per interface
// (ModifyNetworkInterfaceAttribute: SourceDestCheck; ModifyInstanceAttribute sets the primary
// interface's: "the instance is either the source or the destination of any traffic that it
// receives"; on by default), drops a packet not addressed to the receiving interface. With it off
// ("NAT instances": it must be off on an instance that routes, translates or filters) vpcsim
// assumes the common case of the appliance's own routing, and the hop says which it took:
//   - the receiving interface's security groups judge the packet in (statefully);
//   - it leaves out of the device's interface whose subnet holds the destination (delivered in
//     that subnet directly: traffic between interfaces of one subnet is not routed by the
//     route table, "Gateway route tables", rules and considerations), else out of device index
//     0 (the primary interface; a standalone interface is its own) into that subnet's route
//     table; the outgoing interface's security groups judge it out, and it is the sender the
//     next hop's group references see;
//   - when that table sends the packet to an internet gateway and its source is not the
//     outgoing interface's own address, the appliance is read as a NAT instance: it rewrites
//     the source to the outgoing interface's private address (the gateway maps it to that
//     interface's public IP) and remembers the connection for the reply.
import { ipEquals, type Ip } from '../../net/ip.js';
import { prefixContains } from '../../net/prefix.js';
import type { Eni } from '../../model/resources.js';
import type { Topology } from '../../model/topology.js';
import { viewPacket, type Packet } from '../packet.js';
import type { StepOf } from '../steps.js';
import { eniComponent } from './components.js';
import { crossSubnets, passSecurityGroups } from './filters.js';
import { newHopLog, type HopLog } from './hop-log.js';
import type { Carry, Handler, Step } from './position.js';

type ApplianceStep = StepOf<'appliance'>;

/** The interfaces of the device a network interface belongs to, by device index (a standalone interface alone). */
export function deviceInterfaces(t: Topology, eni: Eni): Eni[] {
  if (eni.owner.kind !== 'instance') return [eni];
  const instance = t.instances.get(eni.owner.id);
  if (!instance) return [eni];
  const all = [instance.id, ...instance.secondaryInterfaces].map((id) => t.enis.get(id)).filter((e): e is Eni => e !== undefined);
  return all.sort((a, b) => (a.deviceIndex ?? 0) - (b.deviceIndex ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The device's id and hop component: the instance, or the standalone interface. */
function deviceOf(eni: Eni): { readonly id: string; readonly component: ReturnType<typeof eniComponent> } {
  return eni.owner.kind === 'instance' ? { id: eni.owner.id, component: { id: eni.owner.id, kind: 'instance' } } : { id: eni.id, component: eniComponent(eni) };
}

/** The interface whose subnet holds `dst` (lowest device index first), if any. */
function inDestinationSubnet(t: Topology, device: readonly Eni[], dst: Ip): Eni | undefined {
  return device.find((e) => {
    const s = t.subnets.get(e.subnet);
    const block = dst.family === 4 ? s?.cidr : s?.ipv6Cidr;
    return block !== undefined && prefixContains(block, dst);
  });
}

/** The appliance step of a hop. */
function step(
  device: string, received: Eni, out: Eni, action: ApplianceStep['action'], verdict: ApplianceStep['verdict'],
  egress: ApplianceStep['egress'], interfaces: number, before: Packet, after: Packet,
): ApplianceStep {
  return {
    type: 'appliance', action, instance: device, subnet: out.subnet, interface: received.id, outInterface: out.id,
    verdict, ...(egress !== undefined ? { egress } : {}), interfaces, before: viewPacket(before), after: viewPacket(after),
  };
}

/**
 * Send `packet` on out of the device by its routing (above): the outgoing interface, a NAT
 * instance's translation where the route goes to an internet gateway, the outgoing interface's
 * security groups, then delivery in its subnet or its subnet's route table.
 */
function forwardOut(log: HopLog, received: Eni, before: Packet, packet: Packet, carry: Carry, reply: { readonly natReply: boolean }): Step {
  const topo = log.env.ctx.topology;
  const device = deviceInterfaces(topo, received);
  const { id, component } = deviceOf(received);
  const local = inDestinationSubnet(topo, device, packet.dst);
  const out = local ?? device[0] ?? received;
  const egress = local ? 'destinationSubnet' : 'deviceIndexZero';
  const table = topo.subnets.get(out.subnet)!.routeTable;
  const hit = local ? undefined : log.env.ctx.routeFor(table, packet.dst);
  const next = hit?.route.target.kind === 'resource' ? topo.byId.get(hit.route.target.id) : undefined;
  const nat = !reply.natReply && !log.env.reply && next?.kind === 'internetGateway' && packet.src.family === 4 && !ipEquals(packet.src, out.privateIp);
  const sent: Packet = nat ? { ...packet, src: out.privateIp } : packet;
  if (reply.natReply) {
    log.hop(component, 'translated', step(id, received, out, 'translated', 'natInstanceReply', egress, device.length, before, sent), received.span, sent);
  } else if (nat) {
    log.remember.push({ table: 'nat', key: out.id, entry: { originalSrc: packet.src, originalSrcPort: packet.srcPort } });
    log.hop(component, 'translated', step(id, received, out, 'translated', 'natInstance', egress, device.length, packet, sent), received.span, sent);
  } else {
    log.hop(component, 'forwarded', step(id, received, out, 'forwarded', 'forward', egress, device.length, packet, sent), received.span, sent);
  }
  const denied = passSecurityGroups(log, out, 'egress', sent);
  if (denied) return log.end(denied);
  if (local) return log.go({ kind: 'deliverInVpc', vpc: out.vpc, fromSubnet: out.subnet, packet: sent, sender: out, carry });
  return log.go({ kind: 'routeFromSubnet', subnet: out.subnet, origin: out, packet: sent, carry });
}

/** A packet routed to a network interface (an instance's, or a standalone one). */
export const appliance: Handler<'appliance'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { eni, fromSubnet, packet, sender, carry } = at;
  const crossed = crossSubnets(log, fromSubnet, eni.subnet, packet);
  if (crossed) return log.end(crossed);
  if (eni.sourceDestCheck) {
    const { id, component } = deviceOf(eni);
    const interfaces = deviceInterfaces(env.ctx.topology, eni).length;
    return log.end(log.drop(component, 'dropped', 'CANNOT_ROUTE', step(id, eni, eni, 'dropped', 'sourceDestCheck', undefined, interfaces, packet, packet), eni.span, packet));
  }
  // A stateful appliance drops a reply whose request it never saw: after a transit gateway
  // without appliance mode the two directions can cross different zones' appliances
  // ("Example: Appliance in a shared services VPC"). vpcsim cannot see the appliance's software,
  // so it takes the stricter reading that every appliance tracks connections, and says so.
  const device = deviceOf(eni);
  if (!env.reply) {
    log.remember.push({ table: 'transit', key: `appliance:${device.id}`, value: device.id });
  } else if (env.memory.transit.has('crossed') && !env.memory.transit.has(`appliance:${device.id}`)) {
    const interfaces = deviceInterfaces(env.ctx.topology, eni).length;
    return log.end(log.drop(device.component, 'dropped', 'ASYMMETRIC_APPLIANCE_PATH', step(device.id, eni, eni, 'dropped', 'asymmetricReply', undefined, interfaces, packet, packet), eni.span, packet));
  }
  const refused = passSecurityGroups(log, eni, 'ingress', packet, { sender, acrossTgw: sender !== undefined && sender.vpc !== eni.vpc && carry.transit?.sender === sender });
  if (refused) return log.end(refused);
  return forwardOut(log, eni, packet, packet, carry, { natReply: false });
};

/** A reply reaches the NAT instance interface that translated its connection: the destination goes back to the original source, and the device forwards it. */
export const natInstanceReply: Handler<'natInstanceReply'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { eni, packet, entry, carry } = at;
  const ported = packet.protocol === 6 || packet.protocol === 17;
  const back: Packet = { ...packet, dst: entry.originalSrc, dstPort: ported ? entry.originalSrcPort : packet.dstPort };
  return forwardOut(log, eni, packet, back, carry, { natReply: true });
};
