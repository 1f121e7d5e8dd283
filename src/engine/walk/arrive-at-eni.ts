// A packet arrives at an interface: what happens depends on who owns it. An instance's
// security groups judge it on the way in; the other owners have handlers of their own.
import { ipEquals } from '../../net/ip.js';
import { eniComponent } from './components.js';
import { passSecurityGroups } from './filters.js';
import { newHopLog } from './hop-log.js';
import type { Handler } from './position.js';

/** The interface's owner decides: NAT gateway, endpoint, load balancer node, or an instance or network interface that receives. */
export const arriveAtEni: Handler<'arriveAtEni'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { eni, packet, sender, carry } = at;
  switch (eni.owner.kind) {
    case 'natGateway':
      return log.go({ kind: 'natGatewayEni', eni, packet, carry });
    case 'endpoint':
      return log.go({ kind: 'endpointEni', eni, packet, sender, carry });
    case 'loadBalancer':
      return log.go({ kind: 'loadBalancerNode', node: eni, packet, sender, carry });
    case 'instance':
    case 'networkInterface': {
      const denied = passSecurityGroups(log, eni, 'ingress', packet, { sender, acrossTgw: sender !== undefined && sender.vpc !== eni.vpc && carry.transit?.sender === sender });
      if (denied) return log.end(denied);
      // A NAT instance remembers a connection by the interface it translated to.
      const natBack = env.reply ? env.memory.nat.get(eni.id) : undefined;
      if (natBack && ipEquals(packet.dst, eni.privateIp)) return log.go({ kind: 'natInstanceReply', eni, packet, entry: natBack, carry });
      log.hop(eniComponent(eni), 'delivered', { type: 'delivered', action: 'delivered', receiver: eni.id, to: 'interface' }, eni.span, packet);
      return log.deliver(carry.lb ? { kind: 'eni', eni, packet, lb: carry.lb } : { kind: 'eni', eni, packet });
    }
    default: {
      const never: never = eni.owner;
      return never;
    }
  }
};
