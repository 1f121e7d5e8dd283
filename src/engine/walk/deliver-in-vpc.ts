// Delivery inside a VPC: the interface holding the destination address, after the network
// ACLs of the subnets crossed. The local route delivers to whatever interface holds the
// address ("Configure route tables": local route); an address no interface holds goes nowhere.
import { ipEquals } from '../../net/ip.js';
import { crossSubnets } from './filters.js';
import { newHopLog } from './hop-log.js';
import type { Handler } from './position.js';

/** Deliver to the interface that holds packet.dst in the VPC. */
export const deliverInVpc: Handler<'deliverInVpc'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { vpc, fromSubnet, packet, sender, carry } = at;
  const eni = env.ctx.eniAt(vpc, packet.dst);
  // VPCs may share addresses (PrivateLink needs no unique CIDRs): a packet for the named
  // destination's address, delivered in another VPC, is not delivered to it.
  const intended = carry.intended;
  if (!env.reply && intended && intended.vpc !== vpc && ipEquals(intended.ip, packet.dst)) {
    return log.end(log.drop({ id: vpc, kind: 'vpc' }, 'dropped', 'UNKNOWN_DESTINATION',
      { type: 'vpc', action: 'dropped', vpc, verdict: 'otherVpc', ...(eni ? { holder: eni.id } : {}), intended: { id: intended.id, vpc: intended.vpc } },
      env.ctx.topology.vpcs.get(vpc)?.span, packet));
  }
  if (!eni) {
    const v = env.ctx.topology.vpcs.get(vpc)!;
    return log.end(log.drop({ id: vpc, kind: 'vpc' }, 'dropped', 'UNKNOWN_DESTINATION', { type: 'vpc', action: 'dropped', vpc, verdict: 'noInterface' }, v.span, packet));
  }
  const denied = crossSubnets(log, fromSubnet, eni.subnet, packet);
  if (denied) return log.end(denied);
  return log.go({ kind: 'arriveAtEni', eni, packet, sender, carry });
};
