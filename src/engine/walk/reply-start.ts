// Where the return walk starts: the reply leaves wherever the forward walk delivered the
// packet, and goes back through the connection tracking the forward walk left (NAT gateways,
// load balancer nodes, PrivateLink, the same appliance behind a Gateway Load Balancer).
// Security groups let the reply pass by connection tracking ("Security group connection
// tracking", EC2 guide); network ACLs and routes judge it like any packet.
import type { Packet } from '../packet.js';
import type { Source } from '../resolve-query.js';
import { eniComponent } from './components.js';
import { newHopLog } from './hop-log.js';
import { ipEquals } from '../../net/ip.js';
import type { Delivery, Handler, LbConnection } from './position.js';

/** Whether a target's reply goes to the node by address (source translated) rather than to the client. */
function replyAddressedToNode(conn: LbConnection): boolean {
  return ipEquals(conn.forwarded.src, conn.node.privateIp);
}

/** The first position of the reply to a delivered packet (packet: the reply). */
export const replyStart: Handler<'replyStart'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { delivery, packet: reply, carry } = at;
  switch (delivery.kind) {
    case 'eni':
      if (delivery.lb && !replyAddressedToNode(delivery.lb)) return log.go({ kind: 'nlbTargetReply', target: delivery.eni, conn: delivery.lb, packet: reply, carry });
      return log.go({ kind: 'leaveEni', eni: delivery.eni, packet: reply, announce: true, carry });
    case 'internet': {
      const component = delivery.host ? { id: delivery.host.id, kind: 'internetHost' as const } : { id: 'internet', kind: 'internet' as const };
      log.hop(component, 'forwarded', { type: 'internet', action: 'forwarded', verdict: 'replyCrosses' }, delivery.host?.span, reply);
      return log.go({ kind: 'fromInternet', packet: reply, carry });
    }
    case 'awsService':
      log.hop({ id: delivery.service.name, kind: 'awsService' }, 'forwarded', { type: 'serviceReply', action: 'forwarded', service: delivery.service.name }, undefined, reply);
      switch (delivery.via) {
        case 'internet':
          return log.go({ kind: 'fromInternet', packet: reply, carry });
        case 'gatewayEndpoint':
          log.hop({ id: delivery.endpoint.id, kind: 'endpoint' }, 'forwarded', {
            type: 'gatewayEndpoint', action: 'forwarded', endpoint: delivery.endpoint.id, endpointType: delivery.endpoint.type, vpc: delivery.endpoint.vpc,
            service: delivery.service.name, verdict: 'replyBack',
          }, delivery.endpoint.span, reply);
          return log.go({ kind: 'deliverInVpc', vpc: delivery.endpoint.vpc, fromSubnet: undefined, packet: reply, sender: undefined, carry });
        case 'interfaceEndpoint':
          log.hop(eniComponent(delivery.eni), 'forwarded', {
            type: 'interfaceEndpoint', action: 'forwarded', endpoint: delivery.endpoint.id, interface: delivery.eni.id, service: delivery.service.name,
            vpc: delivery.endpoint.vpc, verdict: 'replyBack',
          }, delivery.endpoint.span, reply);
          return log.go({ kind: 'leaveEni', eni: delivery.eni, packet: reply, announce: false, carry });
        default: {
          const never: never = delivery;
          return never;
        }
      }
    case 'onPremises': {
      const component = delivery.host ? { id: delivery.host.id, kind: 'onPremisesHost' as const } : { id: delivery.network.id, kind: 'onPremisesNetwork' as const };
      log.hop(component, 'forwarded', { type: 'onPremises', action: 'forwarded', network: delivery.network.id, verdict: 'replyLeaves' }, delivery.host?.span ?? delivery.network.span, reply);
      return log.go({ kind: 'onPremisesRoute', network: delivery.network, packet: reply, carry });
    }
    default: {
      const never: never = delivery;
      return never;
    }
  }
};

/**
 * Whether the reply came back to the flow's source, from the address and port the source
 * sent to: a reply from any other address (a NAT gateway's, on an asymmetric path) belongs
 * to no connection the source knows, and its TCP/IP stack drops it.
 */
export function returnsToSource(at: Delivery, source: Source, forward: Packet): boolean {
  const p = at.packet;
  const ported = forward.protocol === 6 || forward.protocol === 17;
  const fromDestination = p.src.family === forward.dst.family && p.src.value === forward.dst.value && (!ported || p.srcPort === forward.dstPort);
  if (!fromDestination) return false;
  if (source.kind === 'eni') return at.kind === 'eni' && at.eni.id === source.eni.id;
  if (source.kind === 'onPremises') return at.kind === 'onPremises' && at.network.id === source.network.id && p.dst.value === forward.src.value;
  return at.kind === 'internet' && p.dst.value === forward.src.value;
}
