// The return walk: the reply leaves wherever the forward walk delivered the packet, and goes
// back through the connection tracking the forward walk left (NAT gateways, load balancer
// nodes, PrivateLink, the same appliance behind a Gateway Load Balancer). Security groups let
// the reply pass by connection tracking ("Security group connection tracking", EC2 guide);
// network ACLs and routes judge it like any packet.
import { describePacket, replyOf, type Packet } from '../packet.js';
import type { Source } from '../resolve-query.js';
import { eniComponent } from './components.js';
import { deliverInVpc } from './deliver.js';
import { fromInternet } from './internet.js';
import { replyAddressedToNode, replyThroughNlb } from './network-load-balancer.js';
import { leaveEni } from './route-step.js';
import { hop, type Delivery, type Outcome, type Walk } from './walk-state.js';

/** Walk the reply of a delivered packet back toward its sender. */
export function walkReply(w: Walk, at: Delivery): Outcome {
  const reply = replyOf(at.packet);
  switch (at.kind) {
    case 'eni':
      if (at.lb && !replyAddressedToNode(at.lb)) return replyThroughNlb(w, at.eni, at.lb, reply);
      return leaveEni(w, at.eni, reply);
    case 'internet': {
      const component = at.host ? { id: at.host.id, kind: 'internetHost' as const } : { id: 'internet', kind: 'internet' as const };
      hop(w, component, 'forwarded', `the reply ${describePacket(reply)} crosses the internet`, at.host?.span, reply);
      return fromInternet(w, reply);
    }
    case 'awsService':
      hop(w, { id: at.service.name, kind: 'awsService' }, 'forwarded', `${at.service.name} replies ${describePacket(reply)}`, undefined, reply);
      switch (at.via) {
        case 'internet':
          return fromInternet(w, reply);
        case 'gatewayEndpoint':
          hop(w, { id: at.endpoint.id, kind: 'endpoint' }, 'forwarded', `${at.endpoint.id} carries the reply back into VPC ${at.endpoint.vpc}`, at.endpoint.span, reply);
          return deliverInVpc(w, at.endpoint.vpc, undefined, reply);
        case 'interfaceEndpoint':
          hop(w, eniComponent(at.eni), 'forwarded', `${at.eni.id} returns the reply into VPC ${at.endpoint.vpc}`, at.endpoint.span, reply);
          return leaveEni(w, at.eni, reply);
        default: {
          const never: never = at;
          return never;
        }
      }
    default: {
      const never: never = at;
      return never;
    }
  }
}

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
  return at.kind === 'internet' && p.dst.value === forward.src.value;
}
