// Delivery inside a VPC: the interface holding the destination address, after the network
// ACLs of the subnets crossed and the security groups of the receiving interface.
import { formatIp } from '../../net/ip.js';
import type { Eni } from '../../model/resources.js';
import { eniAt } from '../compile/engine-context.js';
import { describePacket, type Packet } from '../packet.js';
import { eniComponent } from './components.js';
import { crossSubnets, passSecurityGroups } from './filters.js';
import { arriveAtNat } from './gateways.js';
import { drop, hop, type Outcome, type Walk } from './walk-state.js';

/** Deliver to the interface that holds packet.dst in `vpc`, coming from `fromSubnet` (undefined: from a gateway). */
export function deliverInVpc(w: Walk, vpc: string, fromSubnet: string | undefined, packet: Packet): Outcome {
  const eni = eniAt(w.ctx, vpc, packet.dst);
  if (!eni) {
    const v = w.ctx.topology.vpcs.get(vpc)!;
    return drop(w, { id: vpc, kind: 'subnet' }, 'dropped', 'UNKNOWN_DESTINATION',
      `no interface in VPC ${vpc} holds ${formatIp(packet.dst)}`, v.span, packet);
  }
  if (!crossSubnets(w, fromSubnet, eni.subnet, packet)) return { kind: 'dropped' };
  return arriveAtEni(w, eni, packet);
}

/** A packet arrives at an interface: what happens depends on who owns it. */
export function arriveAtEni(w: Walk, eni: Eni, packet: Packet): Outcome {
  switch (eni.owner.kind) {
    case 'natGateway':
      return arriveAtNat(w, eni, packet);
    case 'instance':
    case 'endpoint':
    case 'loadBalancer': {
      if (!passSecurityGroups(w, eni, 'ingress', packet)) return { kind: 'dropped' };
      hop(w, eniComponent(eni), 'delivered', `${eni.id} receives ${describePacket(packet)}`, eni.span, packet);
      return { kind: 'delivered', at: { kind: 'eni', eni, packet } };
    }
    default: {
      const never: never = eni.owner;
      return never;
    }
  }
}
