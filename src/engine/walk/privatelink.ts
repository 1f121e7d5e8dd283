// Interface endpoints and the PrivateLink hop ("Access an AWS service using an interface VPC
// endpoint", "Share your services through AWS PrivateLink", AWS PrivateLink guide). A
// packet that reaches an interface endpoint's ENI (after its security groups) goes to the
// AWS service, or crosses PrivateLink to the endpoint service's load balancer node in the
// endpoint's own Availability Zone. Only an available endpoint carries traffic; the
// consumer's account must be an allowed principal; the provider never sees the consumer's
// VPC, so overlapping CIDRs are fine and nothing flows the other way.
import { formatIp } from '../../net/ip.js';
import type { Endpoint, EndpointService, Eni, LoadBalancer } from '../../model/resources.js';
import { principalAllowed } from '../../model/allowed-principals.js';
import { describePacket, type Packet } from '../packet.js';
import { eniComponent } from './components.js';
import { passEndpointPolicy } from './endpoint-policy.js';
import { passSecurityGroups } from './filters.js';
import { throughNlb } from './network-load-balancer.js';
import { drop, hop, type Outcome, type Walk } from './walk-state.js';

/** An endpoint service's load balancer and the node serving the endpoint's zone. */
export interface PrivateLinkHop {
  readonly service: EndpointService;
  readonly lb: LoadBalancer;
  readonly node: Eni;
}

function badState(w: Walk, ep: Endpoint, packet: Packet): Outcome {
  const waiting = ep.state === 'pendingAcceptance' ? ' The provider must accept the connection request before the endpoint carries anything.' : '';
  return drop(w, { id: ep.id, kind: 'endpoint' }, 'dropped', 'BAD_STATE', `${ep.id} is ${ep.state}, not available (${ep.stateReason})`, ep.span, packet,
    `Only an available endpoint carries traffic.${waiting}`);
}

/**
 * The checks on the way into PrivateLink, shared by interface and GWLB endpoints: allowed
 * principals, the endpoint's state, the service's state, a load balancer node in the zone.
 */
export function enterPrivateLink(w: Walk, ep: Endpoint, eni: Eni, packet: Packet): PrivateLinkHop | undefined {
  const topo = w.ctx.topology;
  if (ep.service.kind !== 'endpointService') return undefined;
  const service = topo.endpointServices.get(ep.service.id)!;
  const svcComponent = { id: service.id, kind: 'endpointService' as const };
  const account = topo.vpcs.get(ep.vpc)?.accountId;
  // "Manage permissions" (AWS PrivateLink guide): only allowed principals may connect. AWS
  // keeps an accepted connection when a principal is removed later; the file cannot say
  // when, so vpcsim takes the stricter reading and refuses.
  if (!principalAllowed(service.allowedPrincipals, account)) {
    const who = account ? `account ${account}` : `VPC ${ep.vpc}, which names no account,`;
    const written = ep.state === 'available' ? '; the file says the endpoint is available, but vpcsim takes the stricter reading that a principal no longer allowed has no connection' : '';
    drop(w, svcComponent, 'dropped', 'PRINCIPAL_NOT_ALLOWED',
      `${who} is not in the allowedPrincipals of ${service.id} (${service.allowedPrincipals.join(', ') || 'none'})${written}`, service.span, packet,
      'A provider lets in only the principals it lists (an account root ARN, a role, or "*"); every other consumer\'s connection request is refused.');
    if (ep.state !== 'available') w.explanations.push({ code: 'BAD_STATE', message: `${ep.id} is ${ep.state} (${ep.stateReason})`, component: { id: ep.id, kind: 'endpoint' }, location: ep.span });
    return undefined;
  }
  if (ep.state !== 'available') {
    badState(w, ep, packet);
    return undefined;
  }
  if (service.state !== 'available') {
    drop(w, svcComponent, 'dropped', 'BAD_STATE', `${service.id} is ${service.state}, not available`, service.span, packet);
    return undefined;
  }
  const lb = topo.loadBalancers.get(service.loadBalancer);
  if (!lb) {
    drop(w, svcComponent, 'dropped', 'CANNOT_ROUTE', `${service.id}'s load balancer ${service.loadBalancer} does not exist`, service.span, packet);
    return undefined;
  }
  const nodes = lb.nodes.map((n) => topo.enis.get(n)).filter((n): n is Eni => n !== undefined);
  const node = nodes.find((n) => n.az === eni.az);
  if (!node) {
    drop(w, svcComponent, 'dropped', 'VPCE_SERVICE_NOT_INSTALLED_IN_AZ',
      `${eni.id} is in ${eni.az}, but ${lb.id} behind ${service.id} has nodes only in ${nodes.map((n) => n.az).join(', ') || 'no zone'}`, lb.span, packet,
      "PrivateLink hands traffic to the load balancer node in the endpoint's own Availability Zone (matched by AZ ID across accounts); an endpoint in a zone the load balancer does not serve has nowhere to go.");
    return undefined;
  }
  return { service, lb, node };
}

/** A packet reaches an endpoint's ENI. */
export function arriveAtEndpointEni(w: Walk, eni: Eni, packet: Packet, sender: Eni | undefined): Outcome {
  const ep = w.ctx.topology.endpoints.get(eni.owner.id)!;
  if (ep.type !== 'interface') {
    return drop(w, eniComponent(eni), 'dropped', 'CANNOT_ROUTE',
      `${formatIp(packet.dst)} is the address of ${eni.id}, a Gateway Load Balancer endpoint: it forwards what routes send to it, and takes no traffic addressed to itself`, ep.span, packet);
  }
  if (!passSecurityGroups(w, eni, 'ingress', packet, { sender })) return { kind: 'dropped' };
  if (w.reply) {
    hop(w, eniComponent(eni), 'delivered', `${eni.id} receives ${describePacket(packet)}`, eni.span, packet);
    return { kind: 'delivered', at: { kind: 'eni', eni, packet } };
  }
  return ep.service.kind === 'awsService' ? toAwsService(w, ep, eni, packet) : toEndpointService(w, ep, eni, packet);
}

// "Access an AWS service using an interface VPC endpoint": the endpoint's ENI is the
// service's front door in your subnet. AWS services answer their HTTPS APIs, so vpcsim takes
// the stricter reading that only TCP is carried.
function toAwsService(w: Walk, ep: Endpoint, eni: Eni, packet: Packet): Outcome {
  if (ep.service.kind !== 'awsService') return { kind: 'dropped' };
  const service = ep.service.service;
  if (ep.state !== 'available') return badState(w, ep, packet);
  if (packet.protocol !== 6) {
    return drop(w, eniComponent(eni), 'dropped', 'PROTOCOL_RESTRICTION', `${service.name} behind ${eni.id} answers TCP; this flow is ${describePacket(packet)}`, ep.span, packet,
      'An interface endpoint of an AWS service carries the service\'s API, which is TCP; vpcsim takes the stricter reading that nothing else gets through.');
  }
  if (!passEndpointPolicy(w, ep, packet)) return { kind: 'dropped' };
  hop(w, eniComponent(eni), 'forwarded', `${eni.id} (interface endpoint ${ep.id}, available) hands ${describePacket(packet)} to ${service.name} over PrivateLink`, ep.span, packet,
    'An interface endpoint is a network interface of the service in your subnet: no internet gateway, NAT gateway or public IP is involved.');
  hop(w, { id: service.name, kind: 'awsService' }, 'delivered', `${service.name} receives the request`, undefined, packet);
  return { kind: 'delivered', at: { kind: 'awsService', service, packet, via: 'interfaceEndpoint', endpoint: ep, eni } };
}

function toEndpointService(w: Walk, ep: Endpoint, eni: Eni, packet: Packet): Outcome {
  const pl = enterPrivateLink(w, ep, eni, packet);
  if (!pl) return { kind: 'dropped' };
  const { service, lb, node } = pl;
  // "Control access to VPC endpoints using endpoint policies": full access to services other than AWS services.
  const policy = ep.policy !== undefined ? '; its endpoint policy does not apply (AWS allows full access through endpoints to services that are not AWS services)' : '';
  hop(w, eniComponent(eni), 'forwarded', `${eni.id} (interface endpoint ${ep.id}, available) takes the connection into PrivateLink toward ${service.id}${policy}`, ep.span, packet,
    'An interface endpoint is an address in your own VPC; PrivateLink carries what reaches it to the provider\'s load balancer without joining the two VPCs\' routing.');
  const seen: Packet = { ...packet, dst: node.privateIp };
  hop(w, { id: service.id, kind: 'endpointService' }, 'forwarded',
    `${service.id} hands the connection to ${lb.id}'s node ${node.id} in ${node.az}, the endpoint's zone`, service.span, seen,
    'PrivateLink joins each endpoint ENI to the load balancer node in the same Availability Zone (by AZ ID, the same in every account).');
  if (node.filtered) {
    if (!lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic) {
      hop(w, { id: node.securityGroups[0]!, kind: 'securityGroup' }, 'allowed',
        `${node.securityGroups.join(', ')}: inbound rules are not evaluated for PrivateLink traffic (enforceSecurityGroupInboundRulesOnPrivateLinkTraffic is off on ${lb.id})`, lb.span, seen,
        'With enforcement off, a Network Load Balancer\'s inbound rules judge only traffic that reaches it directly; PrivateLink traffic passes them by.');
    } else {
      // "Update the security groups for your Network Load Balancer": with inbound rules
      // enforced on PrivateLink traffic, the source they see is the client's private IP,
      // not the endpoint's interface.
      const ok = passSecurityGroups(w, node, 'ingress', seen, {
        remoteOutside: true,
        note: `for PrivateLink traffic ${lb.id}'s inbound rules see the client's private IP ${formatIp(packet.src)}, not the endpoint's`,
        why: "An NLB's security groups judge PrivateLink traffic by the consumer client's private IP (or turn that off with enforceSecurityGroupInboundRulesOnPrivateLinkTraffic); they cannot reference the consumer's security groups.",
      });
      if (!ok) return { kind: 'dropped' };
    }
  }
  return throughNlb(w, lb, node, seen, { original: packet, endpointEni: eni });
}
