// Interface endpoints ("Access an AWS service using an interface VPC endpoint", "Share your
// services through AWS PrivateLink", AWS PrivateLink guide). A packet that reaches an
// interface endpoint's ENI (after its security groups) goes to the AWS service, or crosses
// PrivateLink to the endpoint service's load balancer node in the endpoint's own
// Availability Zone. The provider never sees the consumer's VPC, so overlapping CIDRs are
// fine and nothing flows the other way.
import { formatIp } from '../../net/ip.js';
import type { Endpoint, Eni } from '../../model/resources.js';
import { describePacket, type Packet } from '../packet.js';
import { eniComponent } from './components.js';
import { passEndpointPolicy } from './endpoint-policy.js';
import { passSecurityGroups } from './filters.js';
import { newHopLog, type HopLog } from './hop-log.js';
import type { Handler, Step } from './position.js';
import { badState, enterPrivateLink, isPrivateLinkStop } from './privatelink.js';

/** A packet reaches an endpoint's ENI. */
export const endpointEni: Handler<'endpointEni'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { eni, packet, sender } = at;
  const ep = env.ctx.topology.endpoints.get(eni.owner.id)!;
  if (ep.type !== 'interface') {
    return log.end(log.drop(eniComponent(eni), 'dropped', 'CANNOT_ROUTE',
      `${formatIp(packet.dst)} is the address of ${eni.id}, a Gateway Load Balancer endpoint: it forwards what routes send to it, and takes no traffic addressed to itself`, ep.span, packet));
  }
  const denied = passSecurityGroups(log, eni, 'ingress', packet, { sender });
  if (denied) return log.end(denied);
  if (env.reply) {
    log.hop(eniComponent(eni), 'delivered', `${eni.id} receives ${describePacket(packet)}`, eni.span, packet);
    return log.deliver({ kind: 'eni', eni, packet });
  }
  return ep.service.kind === 'awsService' ? toAwsService(log, ep, eni, packet) : toEndpointService(log, ep, eni, packet);
};

// "Access an AWS service using an interface VPC endpoint": the endpoint's ENI is the
// service's front door in your subnet. AWS services answer their HTTPS APIs, so vpcsim takes
// the stricter reading that only TCP is carried.
function toAwsService(log: HopLog, ep: Endpoint, eni: Eni, packet: Packet): Step {
  if (ep.service.kind !== 'awsService') return log.end({ kind: 'stop', verdict: 'dropped', explanations: [] });
  const service = ep.service.service;
  if (ep.state !== 'available') return log.end(badState(log, ep, packet));
  if (packet.protocol !== 6) {
    return log.end(log.drop(eniComponent(eni), 'dropped', 'PROTOCOL_RESTRICTION', `${service.name} behind ${eni.id} answers TCP; this flow is ${describePacket(packet)}`, ep.span, packet,
      'An interface endpoint of an AWS service carries the service\'s API, which is TCP; vpcsim takes the stricter reading that nothing else gets through.'));
  }
  const denied = passEndpointPolicy(log, ep, packet);
  if (denied) return log.end(denied);
  log.hop(eniComponent(eni), 'forwarded', `${eni.id} (interface endpoint ${ep.id}, available) hands ${describePacket(packet)} to ${service.name} over PrivateLink`, ep.span, packet,
    'An interface endpoint is a network interface of the service in your subnet: no internet gateway, NAT gateway or public IP is involved.');
  log.hop({ id: service.name, kind: 'awsService' }, 'delivered', `${service.name} receives the request`, undefined, packet);
  return log.deliver({ kind: 'awsService', service, packet, via: 'interfaceEndpoint', endpoint: ep, eni });
}

function toEndpointService(log: HopLog, ep: Endpoint, eni: Eni, packet: Packet): Step {
  const pl = enterPrivateLink(log, ep, eni, packet);
  if (isPrivateLinkStop(pl)) return log.end(pl);
  const { service, lb, node } = pl;
  // "Control access to VPC endpoints using endpoint policies": full access to services other than AWS services.
  const policy = ep.policy !== undefined ? '; its endpoint policy does not apply (AWS allows full access through endpoints to services that are not AWS services)' : '';
  log.hop(eniComponent(eni), 'forwarded', `${eni.id} (interface endpoint ${ep.id}, available) takes the connection into PrivateLink toward ${service.id}${policy}`, ep.span, packet,
    'An interface endpoint is an address in your own VPC; PrivateLink carries what reaches it to the provider\'s load balancer without joining the two VPCs\' routing.');
  const seen: Packet = { ...packet, dst: node.privateIp };
  log.hop({ id: service.id, kind: 'endpointService' }, 'forwarded',
    `${service.id} hands the connection to ${lb.id}'s node ${node.id} in ${node.az}, the endpoint's zone`, service.span, seen,
    'PrivateLink joins each endpoint ENI to the load balancer node in the same Availability Zone (by AZ ID, the same in every account).');
  if (node.filtered) {
    if (!lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic) {
      log.hop({ id: node.securityGroups[0]!, kind: 'securityGroup' }, 'allowed',
        `${node.securityGroups.join(', ')}: inbound rules are not evaluated for PrivateLink traffic (enforceSecurityGroupInboundRulesOnPrivateLinkTraffic is off on ${lb.id})`, lb.span, seen,
        'With enforcement off, a Network Load Balancer\'s inbound rules judge only traffic that reaches it directly; PrivateLink traffic passes them by.',
        [{ type: 'securityGroup', action: 'allowed', direction: 'ingress', group: node.securityGroups[0]!, verdict: 'notEvaluated', rule: undefined }]);
    } else {
      // "Update the security groups for your Network Load Balancer": with inbound rules
      // enforced on PrivateLink traffic, the source they see is the client's private IP,
      // not the endpoint's interface.
      const denied = passSecurityGroups(log, node, 'ingress', seen, {
        remoteOutside: true,
        note: `for PrivateLink traffic ${lb.id}'s inbound rules see the client's private IP ${formatIp(packet.src)}, not the endpoint's`,
        why: "An NLB's security groups judge PrivateLink traffic by the consumer client's private IP (or turn that off with enforceSecurityGroupInboundRulesOnPrivateLinkTraffic); they cannot reference the consumer's security groups.",
      });
      if (denied) return log.end(denied);
    }
  }
  return log.go({ kind: 'nlbListener', lb, node, packet: seen, entry: { original: packet, endpointEni: eni }, carry: log.carry });
}
