// Delivery inside a VPC: the interface holding the destination address, after the network
// ACLs of the subnets crossed and the security groups of the receiving interface. The local
// route delivers to whatever interface holds the address ("Configure route tables": local
// route); an address no interface holds goes nowhere.
import { formatIp, ipEquals } from '../../net/ip.js';
import type { Eni } from '../../model/resources.js';
import { eniAt } from '../compile/engine-context.js';
import { describePacket, type Packet } from '../packet.js';
import { eniComponent } from './components.js';
import { crossSubnets, passSecurityGroups } from './filters.js';
import { arriveAtNat, natInstanceReply } from './gateways.js';
import { arriveAtLoadBalancer } from './network-load-balancer.js';
import { arriveAtEndpointEni } from './privatelink.js';
import { drop, hop, type Outcome, type Walk } from './walk-state.js';

/**
 * Deliver to the interface that holds packet.dst in `vpc`, coming from `fromSubnet` (undefined:
 * from a gateway); `sender` is the interface that sent it on its last hop (undefined: none).
 */
export function deliverInVpc(w: Walk, vpc: string, fromSubnet: string | undefined, packet: Packet, sender?: Eni): Outcome {
  const eni = eniAt(w.ctx, vpc, packet.dst);
  // VPCs may share addresses (PrivateLink needs no unique CIDRs): a packet for the named
  // destination's address, delivered in another VPC, is not delivered to it.
  const intended = w.run.intended;
  if (!w.reply && intended && intended.vpc !== vpc && ipEquals(intended.ip, packet.dst)) {
    const holder = eni ? `${eni.id} holds that address there` : 'nothing holds that address there';
    return drop(w, { id: vpc, kind: 'vpc' }, 'dropped', 'UNKNOWN_DESTINATION',
      `the packet for ${formatIp(packet.dst)} stays in VPC ${vpc} (${holder}); ${intended.id} has that address in VPC ${intended.vpc}, which this path never reaches`,
      w.ctx.topology.vpcs.get(vpc)?.span, packet,
      'An address means something only inside its own VPC: with overlapping CIDRs the same address can be two different interfaces.');
  }
  if (!eni) {
    const v = w.ctx.topology.vpcs.get(vpc)!;
    return drop(w, { id: vpc, kind: 'vpc' }, 'dropped', 'UNKNOWN_DESTINATION',
      `no interface in VPC ${vpc} holds ${formatIp(packet.dst)}`, v.span, packet);
  }
  if (!crossSubnets(w, fromSubnet, eni.subnet, packet)) return { kind: 'dropped' };
  return arriveAtEni(w, eni, packet, sender);
}

/** A packet arrives at an interface: what happens depends on who owns it. */
export function arriveAtEni(w: Walk, eni: Eni, packet: Packet, sender: Eni | undefined): Outcome {
  switch (eni.owner.kind) {
    case 'natGateway':
      return arriveAtNat(w, eni, packet);
    case 'endpoint':
      return arriveAtEndpointEni(w, eni, packet, sender);
    case 'loadBalancer':
      return arriveAtLoadBalancer(w, eni, packet, sender);
    case 'instance': {
      if (!passSecurityGroups(w, eni, 'ingress', packet, { sender })) return { kind: 'dropped' };
      const natBack = w.reply ? w.nat.get(eni.owner.id) : undefined;
      if (natBack && ipEquals(packet.dst, eni.privateIp)) return natInstanceReply(w, eni, packet, natBack);
      hop(w, eniComponent(eni), 'delivered', `${eni.id} receives ${describePacket(packet)}`, eni.span, packet);
      return { kind: 'delivered', at: { kind: 'eni', eni, packet } };
    }
    default: {
      const never: never = eni.owner;
      return never;
    }
  }
}
