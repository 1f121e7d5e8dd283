// Delivery inside a VPC: the interface holding the destination address, after the network
// ACLs of the subnets crossed. The local route delivers to whatever interface holds the
// address ("Configure route tables": local route); an address no interface holds goes nowhere.
import { formatIp, ipEquals } from '../../net/ip.js';
import { eniAt } from '../compile/engine-context.js';
import { crossSubnets } from './filters.js';
import { newHopLog } from './hop-log.js';
import type { Handler } from './position.js';

/** Deliver to the interface that holds packet.dst in the VPC. */
export const deliverInVpc: Handler<'deliverInVpc'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { vpc, fromSubnet, packet, sender, carry } = at;
  const eni = eniAt(env.ctx, vpc, packet.dst);
  // VPCs may share addresses (PrivateLink needs no unique CIDRs): a packet for the named
  // destination's address, delivered in another VPC, is not delivered to it.
  const intended = carry.intended;
  if (!env.reply && intended && intended.vpc !== vpc && ipEquals(intended.ip, packet.dst)) {
    const holder = eni ? `${eni.id} holds that address there` : 'nothing holds that address there';
    return log.end(log.drop({ id: vpc, kind: 'vpc' }, 'dropped', 'UNKNOWN_DESTINATION',
      `the packet for ${formatIp(packet.dst)} stays in VPC ${vpc} (${holder}); ${intended.id} has that address in VPC ${intended.vpc}, which this path never reaches`,
      env.ctx.topology.vpcs.get(vpc)?.span, packet,
      'An address means something only inside its own VPC: with overlapping CIDRs the same address can be two different interfaces.'));
  }
  if (!eni) {
    const v = env.ctx.topology.vpcs.get(vpc)!;
    return log.end(log.drop({ id: vpc, kind: 'vpc' }, 'dropped', 'UNKNOWN_DESTINATION',
      `no interface in VPC ${vpc} holds ${formatIp(packet.dst)}`, v.span, packet));
  }
  const denied = crossSubnets(log, fromSubnet, eni.subnet, packet);
  if (denied) return log.end(denied);
  return log.go({ kind: 'arriveAtEni', eni, packet, sender, carry });
};
