// Interface endpoints ("Access an AWS service using an interface VPC endpoint", "Share your
// services through AWS PrivateLink", AWS PrivateLink guide). A packet that reaches an
// interface endpoint's ENI (after its security groups) goes to the AWS service, or crosses
// PrivateLink to the endpoint service's load balancer node in the endpoint's own
// Availability Zone. The provider never sees the consumer's VPC, so overlapping CIDRs are
// fine and nothing flows the other way.
import { formatIp } from '../../net/ip.js';
import type { Endpoint, Eni } from '../../model/resources.js';
import type { Packet } from '../packet.js';
import type { StepOf } from '../steps.js';
import { eniComponent } from './components.js';
import { passEndpointPolicy } from './endpoint-policy.js';
import { passSecurityGroups } from './filters.js';
import { newHopLog, type HopLog } from './hop-log.js';
import type { Handler, Step } from './position.js';
import { badState, enterPrivateLink, isPrivateLinkStop } from './privatelink.js';

function endpointStep(ep: Endpoint, eni: Eni, service: string, action: 'forwarded' | 'dropped', verdict: StepOf<'interfaceEndpoint'>['verdict']): StepOf<'interfaceEndpoint'> {
  return { type: 'interfaceEndpoint', action, endpoint: ep.id, interface: eni.id, service, vpc: ep.vpc, verdict };
}

function serviceName(ep: Endpoint): string {
  return ep.service.kind === 'awsService' ? ep.service.service.name : ep.service.id;
}

/** A packet reaches an endpoint's ENI. */
export const endpointEni: Handler<'endpointEni'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { eni, packet, sender } = at;
  const ep = env.ctx.topology.endpoints.get(eni.owner.id)!;
  if (ep.type !== 'interface') {
    return log.end(log.drop(eniComponent(eni), 'dropped', 'CANNOT_ROUTE', endpointStep(ep, eni, serviceName(ep), 'dropped', 'gwlbNotAddressable'), ep.span, packet));
  }
  const denied = passSecurityGroups(log, eni, 'ingress', packet, { sender });
  if (denied) return log.end(denied);
  if (env.reply) {
    log.hop(eniComponent(eni), 'delivered', { type: 'delivered', action: 'delivered', receiver: eni.id, to: 'interface' }, eni.span, packet);
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
    return log.end(log.drop(eniComponent(eni), 'dropped', 'PROTOCOL_RESTRICTION', endpointStep(ep, eni, service.name, 'dropped', 'protocol'), ep.span, packet));
  }
  const denied = passEndpointPolicy(log, ep, packet);
  if (denied) return log.end(denied);
  log.hop(eniComponent(eni), 'forwarded', endpointStep(ep, eni, service.name, 'forwarded', 'toAwsService'), ep.span, packet);
  log.hop({ id: service.name, kind: 'awsService' }, 'delivered', { type: 'delivered', action: 'delivered', receiver: service.name, to: 'awsService' }, undefined, packet);
  return log.deliver({ kind: 'awsService', service, packet, via: 'interfaceEndpoint', endpoint: ep, eni });
}

function toEndpointService(log: HopLog, ep: Endpoint, eni: Eni, packet: Packet): Step {
  const pl = enterPrivateLink(log, ep, eni, packet);
  if (isPrivateLinkStop(pl)) return log.end(pl);
  const { service, lb, node } = pl;
  // "Control access to VPC endpoints using endpoint policies": full access to services other than AWS services.
  log.hop(eniComponent(eni), 'forwarded', { ...endpointStep(ep, eni, service.id, 'forwarded', 'toEndpointService'), ...(ep.policy !== undefined ? { policyIgnored: true } : {}) }, ep.span, packet);
  const seen: Packet = { ...packet, dst: node.privateIp };
  log.hop({ id: service.id, kind: 'endpointService' }, 'forwarded',
    { type: 'privateLink', action: 'forwarded', service: service.id, verdict: 'toNode', endpoint: ep.id, interface: eni.id, loadBalancer: lb.id, node: node.id, az: node.az }, service.span, seen);
  if (node.filtered) {
    if (!lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic) {
      log.hop({ id: node.securityGroups[0]!, kind: 'securityGroup' }, 'allowed', {
        type: 'securityGroup', action: 'allowed', direction: 'ingress', group: node.securityGroups[0]!, groups: node.securityGroups, interface: node.id,
        verdict: 'notEvaluated', rule: undefined, loadBalancer: lb.id,
      }, lb.span, seen);
    } else {
      // "Update the security groups for your Network Load Balancer": with inbound rules
      // enforced on PrivateLink traffic, the source they see is the client's private IP,
      // not the endpoint's interface.
      const denied = passSecurityGroups(log, node, 'ingress', seen, {
        remoteOutside: true,
        context: { kind: 'privateLinkNlb', loadBalancer: lb.id, clientIp: formatIp(packet.src) },
      });
      if (denied) return log.end(denied);
    }
  }
  return log.go({ kind: 'nlbListener', lb, node, packet: seen, entry: { original: packet, endpointEni: eni }, carry: log.carry });
}
