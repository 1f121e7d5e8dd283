// The one place a step becomes words: a hop's `detail` and its `--explain` sentence (`why`)
// are rendered here from the step's fields and the packet as it leaves the hop, so the prose
// cannot drift from the data. Handlers record steps, never sentences.
import { describeView as p } from './packet.js';
import type { DnsLink, HopStep, StepOf } from './steps.js';
import { MAX_DNS_CHAIN } from './dns/dns-domains.js';
import type { PacketView } from './trace.js';
import { UNMODELLED_KIND_WORDS } from '../model/unmodelled-kinds.js';
import { transitAttachmentDetail, transitAttachmentWhy, transitRouteDetail, transitRouteWhy } from './render-transit-step.js';

/** What a step is rendered with besides its own fields. */
export interface RenderContext {
  /** The packet as it leaves the hop. */
  readonly packet: PacketView;
  /** Whether the hop is on the return walk. */
  readonly reply: boolean;
}

/** A hop's words. */
export interface Rendered {
  readonly detail: string;
  readonly why: string | undefined;
}

/** The words of a step: its detail and its `--explain` sentence. */
export function renderStep(s: HopStep, c: RenderContext): Rendered {
  return { detail: renderDetail(s, c), why: renderWhy(s, c) };
}

const SG_DEFAULT_DENY = 'Security groups only allow: traffic that no rule of any group on the interface allows is dropped.';
const GENEVE_SG = 'The appliance\'s security group must allow GENEVE (UDP 6081) from the Gateway Load Balancer\'s address; it sees only the GWLB as the source.';
const PRIVATELINK_NLB_SG = "An NLB's security groups judge PrivateLink traffic by the consumer client's private IP (or turn that off with enforceSecurityGroupInboundRulesOnPrivateLinkTraffic); they cannot reference the consumer's security groups.";

function never(x: never): never {
  throw new Error(`unrendered step ${JSON.stringify(x)}`);
}

function sgDetail(s: StepOf<'securityGroup'>, c: RenderContext): string {
  const names = s.groups.join(', ');
  const note = s.context === 'privateLinkNlb' ? ` (for PrivateLink traffic ${s.loadBalancer ?? ''}'s inbound rules see the client's private IP ${s.clientIp ?? ''}, not the endpoint's)` : '';
  switch (s.verdict) {
    case 'tracked': return `${names}: reply of a tracked connection (security groups are stateful)`;
    case 'rule': return `${s.group} ${s.rule?.text ?? ''} allows ${p(c.packet)}${note}`;
    case 'notEvaluated': return `${names}: inbound rules are not evaluated for PrivateLink traffic (enforceSecurityGroupInboundRulesOnPrivateLinkTraffic is off on ${s.loadBalancer ?? ''})`;
    case 'noRule': {
      const h = s.clientHint;
      const hint = h
        ? `; ${h.group} ${h.rule} would allow the client's own address ${h.clientSrc}, but the target sees ${h.seenSrc}, the load balancer node's address: allow the node's subnets or VPC CIDR instead`
        : '';
      return `no ${s.direction} rule of ${names} allows ${p(c.packet)} ${s.direction === 'egress' ? 'out of' : 'into'} ${s.interface}${note}${hint}`;
    }
    default: return never(s.verdict);
  }
}

function sgWhy(s: StepOf<'securityGroup'>): string | undefined {
  const contextual = s.context === 'geneve' ? GENEVE_SG : s.context === 'privateLinkNlb' ? PRIVATELINK_NLB_SG : undefined;
  switch (s.verdict) {
    case 'tracked': return 'Security groups are stateful: once a connection is allowed one way, its replies pass whatever the rules say.';
    case 'rule': return contextual;
    case 'notEvaluated': return 'With enforcement off, a Network Load Balancer\'s inbound rules judge only traffic that reaches it directly; PrivateLink traffic passes them by.';
    case 'noRule':
      if (s.clientHint) return `The target never sees the client's address here: the load balancer translated the source to its own ${s.clientHint.seenSrc}. A rule for the consumer's CIDR matches nothing; a rule for the load balancer's subnets (or its security group) does.`;
      return contextual ?? SG_DEFAULT_DENY;
    default: return never(s.verdict);
  }
}

function aclDetail(s: StepOf<'networkAcl'>, c: RenderContext): string {
  const where = s.direction === 'egress' ? `leaving ${s.subnet}` : `entering ${s.subnet}`;
  if (s.rule.text === undefined) return `${s.acl}: no ${s.direction} rule matches ${p(c.packet)} ${where}; the implicit deny (*) applies`;
  return `${s.acl} ${s.rule.text} ${s.action === 'allowed' ? 'lets' : 'blocks'} ${p(c.packet)} ${where}`;
}

function prefixLength(prefix: string | undefined): string {
  return prefix?.slice(prefix.indexOf('/') + 1) ?? '';
}

function routeDetail(s: StepOf<'route'>, c: RenderContext): string {
  if (s.verdict === 'noRoute' || !s.route) return `${s.table} (route table of ${s.subnet}) has no route that matches ${c.packet.dst}`;
  const matched = s.route.destination !== s.prefix ? `, matched entry ${s.prefix ?? ''}` : '';
  const shadow = s.overText !== undefined ? `; it wins over ${s.overText} for the same prefix (a static route beats a prefix-list route)` : '';
  const text = `${s.route.text}: longest match /${prefixLength(s.prefix)}${matched}${shadow}`;
  switch (s.verdict) {
    case 'matched': return text;
    case 'blackhole': return `${text}: a blackhole route drops the packet`;
    case 'cannotCarry': return `${text}: the target cannot carry traffic`;
    default: return never(s.verdict);
  }
}

function edgeDetail(s: StepOf<'edgeRoute'>, c: RenderContext): string {
  const route = s.route?.text ?? '';
  switch (s.verdict) {
    case 'noRoute': return `edge route table ${s.table} has no route for ${c.packet.dst}`;
    case 'toGwlbEndpoint': return `edge route table ${s.table}: ${route} steers the ingress traffic to the Gateway Load Balancer endpoint`;
    case 'unsupported': return `edge route table ${s.table}: ${route} redirects ingress traffic; only local and GWLB endpoint targets are modelled`;
    case 'local': return `edge route table ${s.table}: ${route}`;
    default: return never(s.verdict);
  }
}

function deliveredDetail(s: StepOf<'delivered'>, c: RenderContext): string {
  switch (s.to) {
    case 'interface': return `${s.receiver} receives ${p(c.packet)}`;
    case 'internetHost': return `internet host ${s.receiver} receives ${p(c.packet)}`;
    case 'awsServicePublic': return `${s.receiver} receives ${p(c.packet)} on its public address`;
    case 'internet': return `exits to the internet toward ${c.packet.dst} (an address not in the file)`;
    case 'awsService': return `${s.receiver} receives the request`;
    case 'onPremisesHost': return `on-premises host ${s.receiver} receives ${p(c.packet)}`;
    case 'onPremises': return `on-premises network ${s.receiver} receives ${p(c.packet)} (an address of the network with no host in the file)`;
    default: return never(s.to);
  }
}

function igwDetail(s: StepOf<'internetGateway'>): string {
  switch (s.verdict) {
    case 'ipv6Out': return `${s.gateway} forwards IPv6 ${p(s.before)} unchanged`;
    case 'noPublicIp': return `${s.before.src}${s.interface !== undefined ? ` (${s.interface})` : ''} has no public IP, so ${s.gateway} cannot translate it`;
    case 'sourceNat': return `${s.gateway} translates source ${s.before.src} to its public IP ${s.after.src}`;
    case 'ipv6In': return `${s.gateway} forwards ${p(s.before)} to ${s.interface ?? ''} (IPv6, no translation)`;
    case 'destinationNat': return `${s.gateway} translates destination ${s.before.dst} to ${s.after.dst} (${s.interface ?? ''})`;
    case 'denyAllIgwTraffic': return `${s.interface ?? ''} has denyAllIgwTraffic: traffic from ${s.gateway} to it, ${p(s.before)}, is dropped (the stricter reading: replies too)`;
    default: return never(s.verdict);
  }
}

function natDetail(s: StepOf<'natGateway'>): string {
  switch (s.verdict) {
    case 'sourceOutsideVpc': return `${s.gateway} only translates traffic from VPC ${s.vpc}; ${s.before.src} is not in it`;
    case 'sourceNat': return `${s.gateway} translates source ${s.before.src} to ${s.after.src} (${s.connectivity} NAT)`;
    case 'noInbound': return `${s.gateway} does not accept connections initiated toward it`;
    case 'replyBack': return `${s.gateway} translates the reply's destination back to ${s.after.dst}`;
    default: return never(s.verdict);
  }
}

/** Where an appliance sends a packet, and what vpcsim assumed to decide it. */
function applianceEgress(s: StepOf<'appliance'>): string {
  const via = s.interfaces > 1 ? ` out of ${s.outInterface === s.instance ? `its primary interface ${s.outInterface}` : s.outInterface}` : '';
  if (s.egress === 'destinationSubnet') {
    return s.interfaces > 1
      ? `${via}, its interface in ${s.subnet}, which holds ${s.after.dst} (vpcsim assumes the device sends out of the interface in the destination's subnet)`
      : ` into its own subnet ${s.subnet}, which holds ${s.after.dst}`;
  }
  return s.interfaces > 1
    ? `${via} (device index 0: no interface of ${s.instance} is in ${s.after.dst}'s subnet, so vpcsim assumes the device's default route leaves there) by the route table of ${s.subnet}`
    : ` by the route table of ${s.subnet}`;
}

function applianceDetail(s: StepOf<'appliance'>): string {
  const on = s.interface !== s.instance ? ` on ${s.interface}` : '';
  switch (s.verdict) {
    case 'sourceDestCheck': return `the route sends ${p(s.before)} to ${s.interface !== s.instance ? `network interface ${s.interface} of ${s.instance}` : `${s.instance}`}, which is not its destination; source/destination checking is on for that interface (sourceDestCheck, EC2's default), so it drops it`;
    case 'natInstance': return `${s.instance} (sourceDestCheck off${on}) forwards${applianceEgress(s)} toward the internet gateway; vpcsim reads it as a NAT instance and assumes it translates source ${s.before.src} to ${s.interfaces > 1 ? `the address of ${s.outInterface}, the interface it sends from,` : 'its own address'} ${s.after.src}`;
    case 'forward': return `${s.instance} (sourceDestCheck off${on}) forwards ${p(s.before)} unchanged${applianceEgress(s)}; vpcsim assumes the appliance lets the flow pass`;
    case 'natInstanceReply': return `${s.instance} (NAT instance) translates the reply's destination back to ${s.after.dst} and forwards it${applianceEgress(s)}`;
    case 'asymmetricReply': return `the reply ${p(s.before)} reaches appliance ${s.instance}, which the request did not cross: a stateful appliance that saw one direction only drops it (the stricter reading; vpcsim cannot see the appliance's software)`;
    default: return never(s.verdict);
  }
}

function applianceWhy(s: StepOf<'appliance'>): string | undefined {
  switch (s.verdict) {
    case 'sourceDestCheck': return 'An interface forwards traffic that is not addressed to it only with source/destination checking turned off (EC2 keeps the setting per network interface), as NAT instances, routers and firewalls need.';
    case 'natInstance': return 'A NAT instance rewrites the source to the address of the interface it sends from, which the internet gateway maps to that interface\'s public IP; the reply comes back to it and it rewrites the destination back.';
    case 'forward': return s.interfaces > 1
      ? 'An appliance with several interfaces forwards by its own routing, which the file does not hold: vpcsim assumes the common case, out of the interface in the destination\'s subnet, else out of device index 0 by its subnet\'s route table, and that its software passes the flow.'
      : 'An appliance forwards by the route table of its own subnet; what its software allows is outside the file, so vpcsim assumes it passes the flow.';
    case 'natInstanceReply': return undefined;
    case 'asymmetricReply': return 'Without appliance mode a transit gateway keeps each direction in the zone it entered by, so the reply can come back through another zone\'s appliance; turn on appliance mode on the appliance VPC\'s attachment ("Example: Appliance in a shared services VPC").';
    default: return never(s.verdict);
  }
}

function eigwDetail(s: StepOf<'egressOnlyGateway'>, c: RenderContext): string {
  switch (s.verdict) {
    case 'ipv4': return `${s.gateway} is an egress-only internet gateway: it carries IPv6 only, and ${p(c.packet)} is IPv4`;
    case 'out': return `${s.gateway} forwards IPv6 ${p(c.packet)} to the internet unchanged, and tracks the connection for its replies`;
    case 'replyIn': return `${s.gateway} lets the reply ${p(c.packet)} of a connection it carried out back in`;
    case 'noInbound': return `${s.gateway} is egress-only: it drops ${p(c.packet)}, a connection started from the internet`;
    default: return never(s.verdict);
  }
}

function internetDetail(s: StepOf<'internet'>, c: RenderContext): string {
  switch (s.verdict) {
    case 'notPublic': return `${c.packet.dst} is not a public address; the internet has no route to it`;
    case 'privateAddress': return `${c.packet.dst} is a private address; nothing on the internet can reach it`;
    case 'noGateway': return `${c.packet.dst} belongs to ${s.interface ?? ''}, but VPC ${s.vpc ?? ''} has no internet gateway`;
    case 'replyCrosses': return `the reply ${p(c.packet)} crosses the internet`;
    default: return never(s.verdict);
  }
}

function peeringDetail(s: StepOf<'peering'>, c: RenderContext): string {
  switch (s.verdict) {
    case 'notActive': return `${s.connection} is ${s.status}, not active`;
    case 'notPeerCidr': return `${c.packet.dst} is not in VPC ${s.peer}'s CIDR blocks; ${s.connection} does not carry transit traffic`;
    case 'carried': return `${s.connection} carries ${p(c.packet)} from ${s.fromVpc} to ${s.peer}`;
    default: return never(s.verdict);
  }
}

function gatewayEndpointDetail(s: StepOf<'gatewayEndpoint'>, c: RenderContext): string {
  switch (s.verdict) {
    case 'notRouteTarget': return `${s.endpoint} is an ${s.endpointType} endpoint, which is not a route target: clients reach it by its ENIs' addresses`;
    case 'protocol': return `${s.endpoint} carries TCP only; this flow is ${p(c.packet)}`;
    case 'otherVpc': return `${s.endpoint} serves traffic from VPC ${s.vpc} only`;
    case 'carried': return `${s.endpoint} carries ${p(c.packet)} to ${s.service ?? ''} inside the AWS network`;
    case 'replyBack': return `${s.endpoint} carries the reply back into VPC ${s.vpc}`;
    default: return never(s.verdict);
  }
}

function interfaceEndpointDetail(s: StepOf<'interfaceEndpoint'>, c: RenderContext): string {
  switch (s.verdict) {
    case 'gwlbNotAddressable': return `${c.packet.dst} is the address of ${s.interface}, a Gateway Load Balancer endpoint: it forwards what routes send to it, and takes no traffic addressed to itself`;
    case 'protocol': return `${s.service} behind ${s.interface} answers TCP; this flow is ${p(c.packet)}`;
    case 'toAwsService': return `${s.interface} (interface endpoint ${s.endpoint}, available) hands ${p(c.packet)} to ${s.service} over PrivateLink`;
    case 'toEndpointService': {
      const policy = s.policyIgnored ? '; its endpoint policy does not apply (AWS allows full access through endpoints to services that are not AWS services)' : '';
      return `${s.interface} (interface endpoint ${s.endpoint}, available) takes the connection into PrivateLink toward ${s.service}${policy}`;
    }
    case 'replyBack': return `${s.interface} returns the reply into VPC ${s.vpc}`;
    case 'returnIntoVpc': return `${s.interface} returns the reply into VPC ${s.vpc} from its own address ${s.address ?? ''}`;
    default: return never(s.verdict);
  }
}

function interfaceEndpointWhy(s: StepOf<'interfaceEndpoint'>): string | undefined {
  switch (s.verdict) {
    case 'protocol': return 'An interface endpoint of an AWS service carries the service\'s API, which is TCP; vpcsim takes the stricter reading that nothing else gets through.';
    case 'toAwsService': return 'An interface endpoint is a network interface of the service in your subnet: no internet gateway, NAT gateway or public IP is involved.';
    case 'toEndpointService': return 'An interface endpoint is an address in your own VPC; PrivateLink carries what reaches it to the provider\'s load balancer without joining the two VPCs\' routing.';
    case 'gwlbNotAddressable': case 'replyBack': case 'returnIntoVpc': return undefined;
    default: return never(s.verdict);
  }
}

function privateLinkDetail(s: StepOf<'privateLink'>): string {
  switch (s.verdict) {
    case 'principalNotAllowed': {
      const who = s.account !== undefined ? `account ${s.account}` : `VPC ${s.endpointVpc ?? ''}, which names no account,`;
      const written = s.writtenAvailable ? '; the file says the endpoint is available, but vpcsim takes the stricter reading that a principal no longer allowed has no connection' : '';
      return `${who} is not in the allowedPrincipals of ${s.service} (${(s.allowedPrincipals ?? []).join(', ') || 'none'})${written}`;
    }
    case 'serviceState': return `${s.service} is ${s.state ?? ''}, not available`;
    case 'noLoadBalancer': return `${s.service}'s load balancer ${s.loadBalancer ?? ''} does not exist`;
    case 'notInAz': return `${s.interface ?? ''} is in ${s.az ?? ''}, but ${s.loadBalancer ?? ''} behind ${s.service} has nodes only in ${(s.nodeZones ?? []).join(', ') || 'no zone'}`;
    case 'toNode': return `${s.service} hands the connection to ${s.loadBalancer ?? ''}'s node ${s.node ?? ''} in ${s.az ?? ''}, the endpoint's zone`;
    case 'replyBack': return `${s.service} carries the reply back over PrivateLink to ${s.interface ?? ''}`;
    case 'gwlbToNode': return `${s.service} hands it to ${s.loadBalancer ?? ''}'s node ${s.node ?? ''} in ${s.az ?? ''}`;
    case 'gwlbBack': return `${s.node ?? ''} returns the packet over PrivateLink to ${s.interface ?? ''}`;
    default: return never(s.verdict);
  }
}

function privateLinkWhy(s: StepOf<'privateLink'>): string | undefined {
  switch (s.verdict) {
    case 'principalNotAllowed': return 'A provider lets in only the principals it lists (an account root ARN, a role, or "*"); every other consumer\'s connection request is refused.';
    case 'notInAz': return "PrivateLink hands traffic to the load balancer node in the endpoint's own Availability Zone (matched by AZ ID across accounts); an endpoint in a zone the load balancer does not serve has nowhere to go.";
    case 'toNode': return 'PrivateLink joins each endpoint ENI to the load balancer node in the same Availability Zone (by AZ ID, the same in every account).';
    case 'replyBack': return 'PrivateLink returns the reply the way the connection came: the consumer only ever talks to its own endpoint\'s address.';
    case 'gwlbToNode': return 'PrivateLink joins the Gateway Load Balancer endpoint to the GWLB node in the same Availability Zone.';
    case 'serviceState': case 'noLoadBalancer': case 'gwlbBack': return undefined;
    default: return never(s.verdict);
  }
}

function listenerDetail(s: StepOf<'listener'>): string {
  switch (s.verdict) {
    case 'none': return `${s.loadBalancer} has no listener for ${s.protocol} port ${s.port ?? '(none)'} (listeners: ${s.listeners.join(', ') || 'none'})`;
    case 'matched': return `${s.node}: listener ${s.protocol} ${s.port ?? ''} forwards to target group ${s.targetGroup ?? ''}`;
    case 'noTargetGroup': return `target group ${s.targetGroup ?? ''} does not exist`;
    case 'lambdaTarget': return `${s.node}: listener ${s.protocol} ${s.port ?? ''} invokes Lambda function ${s.function ?? '(none registered)'} (target group ${s.targetGroup ?? ''}); vpcsim does not model a Lambda target beyond the load balancer, so this trace ends here without a verdict past it`;
    default: return never(s.verdict);
  }
}

function listenerWhy(s: StepOf<'listener'>): string | undefined {
  if (s.application) {
    switch (s.verdict) {
      case 'none': return 'An Application Load Balancer accepts only TCP connections to a port one of its HTTP or HTTPS listeners is on.';
      case 'matched': return 'An Application Load Balancer takes the client\'s connection at a listener and forwards each request to a target of the listener\'s target group.';
      case 'lambdaTarget': return 'An Application Load Balancer invokes a Lambda target through the Lambda service, not over the VPC: whether the function answers is outside what vpcsim models. The flow reached the load balancer; the stricter reading gives no reachable verdict.';
      case 'noTargetGroup': return undefined;
      default: return never(s.verdict);
    }
  }
  if (s.verdict === 'none') return 'A Network Load Balancer accepts only what a listener takes, by protocol and port; anything else goes nowhere.';
  return s.verdict === 'matched' ? 'A listener is the only way into a Network Load Balancer: it matches the protocol and port and hands the flow to its target group.' : undefined;
}

function targetList(ts: readonly string[] | undefined): string {
  return (ts ?? []).join(', ');
}

function targetDetail(s: StepOf<'targetChoice'>): string {
  switch (s.verdict) {
    case 'chosen': {
      const zonal = s.crossZone ? 'cross-zone load balancing on: any enabled zone' : `cross-zone load balancing off: only targets in ${s.nodeAz}`;
      const others = s.candidates.length > 1 ? `; each of ${s.candidates.join(', ')} gets a trace of its own` : '';
      const skipped = s.skipped.length > 0 ? `; not used: ${s.skipped.join(', ')}` : '';
      return `${s.targetGroup} (${zonal}) sends this flow to ${s.chosen?.name ?? ''}:${s.chosen?.port ?? ''} in ${s.chosen?.az ?? ''}${others}${skipped}`;
    }
    case 'sticky': return `${s.loadBalancer} sends the return traffic of this flow to the same appliance, ${s.chosen?.name ?? ''} (flow stickiness)`;
    case 'noTargets': return `${s.targetGroup} has no registered targets`;
    case 'notCrossZone': return `${s.node} is in ${s.nodeAz}, but the healthy targets of ${s.targetGroup} are only in other zones: ${targetList(s.elsewhere)}; cross-zone load balancing is off on ${s.loadBalancer}`;
    case 'noHealthy': {
      const why = [
        (s.unhealthy ?? []).length > 0 ? `unhealthy: ${targetList(s.unhealthy)}` : '',
        (s.outside ?? []).length > 0 ? `in zones ${s.loadBalancer} is not enabled in: ${targetList(s.outside)}` : '',
      ].filter(Boolean).join('; ');
      const failOpen = s.failOpen ? '. AWS fails open when every target is unhealthy and sends to them anyway; vpcsim takes the stricter reading that an unhealthy target does not answer' : '';
      return `${s.node} (${s.nodeAz}) has no healthy target to send to in ${s.targetGroup} (${why})${failOpen}`;
    }
    default: return never(s.verdict);
  }
}

function targetWhy(s: StepOf<'targetChoice'>): string | undefined {
  switch (s.verdict) {
    case 'chosen': return s.candidates.length > 1
      ? 'A load balancer node sends each new flow to one of its healthy targets, by a hash of the flow; any of them may get it, so vpcsim follows each.'
      : 'A load balancer node sends only to healthy targets it may use: its own zone, or every enabled zone with cross-zone load balancing.';
    case 'notCrossZone': return 'With cross-zone load balancing off (the default for Network and Gateway Load Balancers), each node sends only to targets in its own Availability Zone.';
    case 'noHealthy': return 'A load balancer node sends only to healthy targets in the zones it may use; with none, the flow has nowhere to go.';
    case 'sticky': case 'noTargets': return undefined;
    default: return never(s.verdict);
  }
}

function nodeDetail(s: StepOf<'loadBalancerNode'>): string {
  const t = s.target;
  const to = t ? `${t.name} at ${t.ip}:${t.port}` : '';
  switch (s.verdict) {
    case 'privateLinkSource': return `${s.node} forwards to ${to} from its own address ${s.after.src}: PrivateLink always translates the source, whatever client IP preservation says`;
    case 'preserveClient': return `${s.node} forwards to ${to} keeping the client's address ${s.before.src} (client IP preservation on for ${s.targetGroup ?? ''})`;
    case 'nodeSource': return `${s.node} forwards to ${to} from its own address ${s.after.src} (client IP preservation off for ${s.targetGroup ?? ''})`;
    case 'hairpin': return `${t?.name ?? ''} is both the client and the target ${s.loadBalancer} picks; with client IP preservation the packet comes back to its own sender, which drops it (no hairpinning)`;
    case 'proxy': return `${s.node} opens its own connection to ${to} from ${s.after.src} (${s.targetGroup ?? ''}); the target never sees the client ${s.before.src}`;
    case 'reverse': return `${s.node} matches ${p(s.before)} to its tracked connection and sends it back as ${p(s.after)}`;
    case 'noConnection': return `${s.node} has no tracked connection for ${p(s.before)}`;
    case 'gatewayNotAddressable': return `${s.node} belongs to Gateway Load Balancer ${s.loadBalancer}, which takes traffic only from its endpoints, not addressed to itself`;
    case 'noTargetGroup': return `${s.loadBalancer} has no target group`;
    default: return never(s.verdict);
  }
}

function nodeWhy(s: StepOf<'loadBalancerNode'>): string | undefined {
  switch (s.verdict) {
    case 'privateLinkSource': return `The provider's target sees ${s.after.src}, the NLB's address, not your instance's: PrivateLink always translates the source, so the target's security group must allow the NLB's address (its subnets or VPC CIDR), never the consumer's CIDR.`;
    case 'preserveClient': return 'With client IP preservation (the default for instance targets) the target sees the real client address, so its security group must allow the clients, not only the load balancer.';
    case 'nodeSource': return 'Without client IP preservation (the default for IP targets over TCP) the target sees the node\'s private address as the source.';
    case 'reverse': return 'A load balancer tracks every flow it forwards; the reply goes back through the same node, which restores the addresses the client used.';
    case 'gatewayNotAddressable': return 'A Gateway Load Balancer sits in the path through GWLB endpoints that routes point at; it has no listeners of its own.';
    case 'proxy': return `An Application Load Balancer is a proxy: the target sees ${s.after.src}, the load balancer node's address, as the source (the client's address is only in the X-Forwarded-For header), so the target's security group must allow the load balancer's security group or subnets.`;
    case 'hairpin': case 'noConnection': case 'noTargetGroup': return undefined;
    default: return never(s.verdict);
  }
}

function gwlbEndpointDetail(s: StepOf<'gwlbEndpoint'>, c: RenderContext): string {
  switch (s.verdict) {
    case 'noInterface': return `${s.endpoint} has no network interface`;
    case 'toService': return `${s.interface ?? ''} (Gateway Load Balancer endpoint ${s.endpoint}) takes ${p(c.packet)} as a route target and sends it, unchanged, over PrivateLink to ${s.service ?? ''}`;
    case 'release': return `${s.interface ?? ''} releases ${p(c.packet)} into ${s.subnet ?? ''}, whose route table takes it on`;
    default: return never(s.verdict);
  }
}

function geneveDetail(s: StepOf<'geneve'>): string {
  switch (s.verdict) {
    case 'encapsulate': return `${s.node} wraps ${p(s.inner)} in GENEVE: ${s.outer.src} -> ${s.outer.dst} udp ${s.outer.dstPort ?? ''} to appliance ${s.appliance}; the inner packet keeps its addresses`;
    case 'inspect': return `${s.appliance} inspects the inner packet and returns it to ${s.loadBalancer} in GENEVE (vpcsim assumes the appliance lets the flow pass)`;
    case 'noAppliance': return `no interface holds appliance address ${s.outer.dst}`;
    default: return never(s.verdict);
  }
}

function dnsLinkWords(l: DnsLink): string {
  switch (l.kind) {
    case 'resolverRule': return l.ruleType === 'forward'
      ? `Resolver rule ${l.rule} (${l.domain || '.'}, associated with ${l.vpc}) forwards it to ${l.targets.join(', ')}`
      : `system rule ${l.rule} (${l.domain || '.'}) keeps it with Resolver`;
    case 'hostedZone': return `private hosted zone ${l.zone} (${l.zoneName}, associated with ${l.vpc})${l.record !== undefined ? ` has ${l.record}` : ' has no record for it'}`;
    case 'endpointZone': return `the private DNS zone of interface endpoint ${l.endpoint} (${l.zoneName}) in ${l.vpc}`;
    case 'dnsServer': return l.record !== undefined ? `DNS server ${l.server} has ${l.record}` : `DNS server ${l.server} forwards it`;
    case 'inboundEndpoint': return `to Resolver inbound endpoint ${l.endpoint} (${l.domain || '.'}), which asks VPC ${l.vpc}'s resolver`;
    case 'cname': return `CNAME ${l.name} -> ${l.target}`;
    case 'alias': return `alias ${l.name} -> ${l.target}`;
    default: return never(l);
  }
}

function dnsDetail(s: StepOf<'dns'>): string {
  const where = s.at === 'dnsServer' ? `at DNS server ${s.vantage}` : s.vantage === 'internet' ? 'on the internet' : `in VPC ${s.vantage}`;
  const pd = s.privateDns;
  let hint = '';
  if (pd?.reason === 'inboundResolverOnly') {
    hint = `; interface endpoint ${pd.endpoint} here answers this name only for queries through an inbound Resolver endpoint (privateDnsOnlyForInboundResolverEndpoint), so clients in the VPC get the public answer and use the gateway endpoint`;
  } else if (pd?.reason === 'privateDnsOff') {
    const attrs = pd.vpcAttributesMissing ? ' (the VPC lacks enableDnsSupport or enableDnsHostnames, which private DNS needs)' : '';
    hint = `; interface endpoint ${pd.endpoint} here has private DNS off${attrs}, so its ENIs do not answer this name`;
  } else if (pd?.reason === 'otherVpcs') {
    hint = `; the private DNS of ${pd.endpoints.map((e) => `${e.endpoint} (VPC ${e.vpc})`).join(', ')} answers only inside its own VPC and does not cross peering`;
  }
  const chain = s.chain !== undefined && s.chain.length > 0 ? ` (${s.chain.map(dnsLinkWords).join('; ')})` : '';
  switch (s.verdict) {
    case 'dnsSupportOff': return `VPC ${s.vantage} has enableDnsSupport false, so the Amazon-provided DNS server does not answer ${s.name} (vpcsim models no other resolver)${chain}`;
    case 'noRecord': return `${s.name} does not resolve ${where}: no private hosted zone, Resolver rule, interface endpoint's private DNS, endpoint-specific name, load balancer, internet host or AWS service name matches${chain}${hint}`;
    case 'nxdomain': return `${s.name} is NXDOMAIN ${where}: ${s.zone !== undefined ? `private hosted zone ${s.zone}` : 'the private zone'} matches the name but holds no record for it, and Resolver does not fall back to public DNS${chain}${hint}`;
    case 'chainLimit': return `${s.name} does not resolve ${where}: the query followed more than ${MAX_DNS_CHAIN} CNAMEs, aliases and forwards (a loop?)${chain}`;
    case 'forwardedUnmodelled': return `${s.name} is forwarded ${where} by Resolver rule ${s.resolverRule ?? ''} to DNS servers the file does not declare (dnsServers:), so its answer is not modelled${chain}`;
    case 'answered': {
      const many = s.followed !== undefined && s.addresses.length > 1 ? `; this trace follows ${s.followed}` : '';
      return `${s.name} resolves ${where} to ${s.addresses.join(', ')} by ${s.source ?? ''}${chain}${hint}${many}`;
    }
    default: return never(s.verdict);
  }
}

const DNS_WHY = {
  privateDns: 'Private DNS puts the service\'s own name in a private hosted zone of this VPC, so unchanged clients reach the endpoint\'s ENIs; other VPCs, even peered ones, still get the public answer.',
  endpointRegional: 'Endpoint-specific names are public DNS records: they answer the endpoint\'s private ENI addresses from anywhere, whatever private DNS says.',
  endpointZonal: 'A zonal endpoint-specific name answers only the endpoint\'s ENI in that Availability Zone.',
  loadBalancer: 'A load balancer\'s DNS name is public; an internal one answers its nodes\' private addresses, usable only by clients with a path into its VPC. With cross-zone load balancing off, a zone whose node has no healthy target is left out.',
  loadBalancerZonal: 'A load balancer\'s zonal name answers the node in that zone only, whatever the health of its targets.',
  instanceHostname: 'An instance\'s public DNS hostname answers its public IP outside its VPC (and outside peered VPCs that do not allow DNS resolution from the remote VPC).',
  instanceHostnamePrivate: 'Inside its own VPC, and from a peered VPC allowed to resolve it, an instance\'s public DNS hostname answers its private IP, so traffic stays off the internet.',
  internetHost: 'Public DNS answers the same everywhere.',
  hostedZone: 'A private hosted zone answers the VPCs associated with it (in any account), the most specific zone first; nothing outside those VPCs sees its records.',
  dnsServer: 'A Resolver forward rule sends the query out through its outbound endpoint to a DNS server of your network, whose record answers.',
  awsService: 'Without an interface endpoint with private DNS in this VPC, an AWS service\'s name resolves to its public addresses, reachable only through an internet gateway, a NAT gateway or a gateway endpoint.',
} as const;

/** The words of a DNS answer (the resolve command prints them without a trace). */
export function renderDns(s: StepOf<'dns'>): { readonly detail: string; readonly why: string } {
  return { detail: dnsDetail(s), why: dnsWhy(s) };
}

function dnsWhy(s: StepOf<'dns'>): string {
  switch (s.verdict) {
    case 'dnsSupportOff': return 'With enableDnsSupport off, the Amazon DNS server at the VPC base address plus two is disabled: nothing resolves, not even public names.';
    case 'noRecord': return 'A name resolves only where a record for it exists; vpcsim knows the records the file implies and nothing else.';
    case 'nxdomain': return 'When a private hosted zone associated with the VPC matches the name but has no record for it, Resolver answers NXDOMAIN instead of asking public DNS (Route 53, "Considerations when working with a private hosted zone").';
    case 'chainLimit': return 'Each CNAME restarts the query; records that point at each other never end, so resolvers stop after a bounded chain.';
    case 'forwardedUnmodelled': return 'A forward rule hands the name to DNS servers on your network; the file declares none of its targets, so what they answer is unknown and the verdict rests on it.';
    case 'answered': return s.rule !== undefined ? DNS_WHY[s.rule] : '';
    default: return never(s.verdict);
  }
}

const LEARNED_WORDS = { directConnect: 'Direct Connect BGP', vpnStatic: 'a VPN static route', vpnBgp: 'VPN BGP' } as const;

function vgwDetail(s: StepOf<'virtualPrivateGateway'>, c: RenderContext): string {
  switch (s.verdict) {
    case 'toConnection': return `${s.gateway} sends ${c.packet.dst} over ${s.connection ?? ''}: ${s.prefix ?? ''}, learned from ${LEARNED_WORDS[s.learnedFrom ?? 'vpnBgp']}${s.passedOver ? ` (preferred over ${s.passedOver.join(', ')} for the same prefix)` : ''}`;
    case 'noRoute': return `${s.gateway} knows no on-premises prefix holding ${c.packet.dst} (no VPN static route, BGP prefix or Direct Connect prefix)`;
    case 'ipv6': return `${s.gateway} carries IPv4 only; ${c.packet.dst} is IPv6`;
    case 'intoVpc': return `${s.gateway} delivers ${p(c.packet)} from ${s.via ?? ''} into VPC ${s.vpc ?? ''}`;
    case 'notVpcCidr': return s.vpc === undefined
      ? `${s.gateway} is attached to no VPC: traffic from ${s.via ?? ''} goes nowhere`
      : `${c.packet.dst} is not in a CIDR block of VPC ${s.vpc}: ${s.gateway} delivers traffic from ${s.via ?? ''} only into its VPC (no transit)`;
    case 'gatewayEndpoint': return `${c.packet.dst} is served by gateway endpoint ${s.endpoint ?? ''} of VPC ${s.vpc ?? ''}, which carries only traffic from inside its VPC: not from ${s.via ?? ''}`;
    default: return never(s.verdict);
  }
}

function vpnDetail(s: StepOf<'vpnConnection'>, c: RenderContext): string {
  const ends = s.direction === 'toAws' ? `${s.customerGateway} to ${s.gateway ?? 'no gateway'}` : `${s.gateway ?? ''} to ${s.customerGateway}`;
  if (s.verdict === 'notAvailable') return `VPN connection ${s.connection} is ${s.state}${s.gateway === undefined ? ' with no gateway' : ''}: only an available connection carries traffic`;
  return `VPN connection ${s.connection} (${s.routing === 'static' ? 'static routes' : 'BGP'}) carries ${p(c.packet)} from ${ends}; one path here, AWS has ${s.tunnels} tunnels`;
}

function dxDetail(s: StepOf<'directConnectGateway'>, c: RenderContext): string {
  switch (s.verdict) {
    case 'toGateway': return `Direct Connect gateway ${s.gateway} sends ${c.packet.dst} to associated gateway ${s.associated ?? ''}`;
    case 'toOnPremises': return `Direct Connect gateway ${s.gateway} carries ${p(c.packet)} to on-premises`;
    case 'noRoute': return `no gateway associated with Direct Connect gateway ${s.gateway} advertises ${c.packet.dst} (allowed prefixes and VPC blocks)`;
    default: return never(s.verdict);
  }
}

function onPremisesDetail(s: StepOf<'onPremises'>, c: RenderContext): string {
  switch (s.verdict) {
    case 'toConnection': return s.origin === 'written'
      ? `on-premises network ${s.network ?? ''} sends ${c.packet.dst} into ${s.connection ?? ''} by its route ${s.route ?? ''} (${s.prefix ?? ''})`
      : `on-premises network ${s.network ?? ''} sends ${c.packet.dst} into ${s.connection ?? ''}: ${s.prefix ?? ''} is advertised over it by ${s.gateway ?? ''}`;
    case 'noRoute': return `on-premises network ${s.network ?? ''} has no route to ${c.packet.dst}: none of its connections advertises it, and no route of its own holds it`;
    case 'local': return `${c.packet.dst} is an address of on-premises network ${s.network ?? ''} itself`;
    case 'notInNetwork': return `no on-premises network reached by ${s.connection ?? ''} holds ${c.packet.dst}`;
    case 'notIntended': return `the packet for ${c.packet.dst} arrives in on-premises network ${s.network ?? ''}, not at the VPC interface the query named`;
    case 'replyLeaves': return `${s.network ?? ''} sends the reply ${p(c.packet)}`;
    default: return never(s.verdict);
  }
}

/** A hop's detail: what decided, in words. */
export function renderDetail(s: HopStep, c: RenderContext): string {
  switch (s.type) {
    case 'send': return `${s.sender} sends ${p(c.packet)}`;
    case 'dns': return dnsDetail(s);
    case 'securityGroup': return sgDetail(s, c);
    case 'networkAcl': return aclDetail(s, c);
    case 'route': return routeDetail(s, c);
    case 'edgeRoute': return edgeDetail(s, c);
    case 'loopGuard': return s.reason === 'loop' ? `the packet reaches ${s.table} a second time for ${c.packet.dst}: a routing loop` : `more than ${s.limit} hops without arriving`;
    case 'vpc': return s.verdict === 'noInterface'
      ? `no interface in VPC ${s.vpc} holds ${c.packet.dst}`
      : `the packet for ${c.packet.dst} stays in VPC ${s.vpc} (${s.holder !== undefined ? `${s.holder} holds that address there` : 'nothing holds that address there'}); ${s.intended?.id ?? ''} has that address in VPC ${s.intended?.vpc ?? ''}, which this path never reaches`;
    case 'delivered': return deliveredDetail(s, c);
    case 'internetGateway': return igwDetail(s);
    case 'natGateway': return natDetail(s);
    case 'appliance': return applianceDetail(s);
    case 'egressOnlyGateway': return eigwDetail(s, c);
    case 'internet': return internetDetail(s, c);
    case 'peering': return peeringDetail(s, c);
    case 'gatewayEndpoint': return gatewayEndpointDetail(s, c);
    case 'endpointPolicy': return `${s.endpoint} endpoint policy: ${s.reason}${s.caveats.length > 0 ? ` (${s.caveats.join('; ')})` : ''}`;
    case 'endpointState': return `${s.endpoint} is ${s.state}, not available (${s.stateReason})`;
    case 'interfaceEndpoint': return interfaceEndpointDetail(s, c);
    case 'privateLink': return privateLinkDetail(s);
    case 'listener': return listenerDetail(s);
    case 'targetChoice': return targetDetail(s);
    case 'loadBalancerNode': return nodeDetail(s);
    case 'gwlbEndpoint': return gwlbEndpointDetail(s, c);
    case 'geneve': return geneveDetail(s);
    case 'serviceReply': return `${s.service} replies ${p(c.packet)}`;
    case 'virtualPrivateGateway': return vgwDetail(s, c);
    case 'vpnConnection': return vpnDetail(s, c);
    case 'directConnectGateway': return dxDetail(s, c);
    case 'onPremises': return onPremisesDetail(s, c);
    case 'transitGatewayAttachment': return transitAttachmentDetail(s, c);
    case 'transitGatewayRoute': return transitRouteDetail(s, c);
    case 'unmodelled': return `the route sends ${p(c.packet)} to ${UNMODELLED_KIND_WORDS[s.kind]} ${s.target}${s.description !== undefined ? ` (${s.description})` : ''}, which vpcsim does not model: the trace ends here, so its verdict (unreachable) rests on an unmodelled part, and AWS may deliver the flow`;
    default: return never(s);
  }
}

/** A hop's `--explain` sentence: why AWS behaves so; undefined when the hop teaches nothing. */
export function renderWhy(s: HopStep, c: RenderContext): string | undefined {
  switch (s.type) {
    case 'dns': return dnsWhy(s);
    case 'securityGroup': return sgWhy(s);
    case 'networkAcl':
      if (s.action === 'allowed') return undefined;
      return c.reply
        ? 'Network ACLs are stateless: the reply is a packet of its own and needs a rule that allows it, usually on ephemeral ports 1024-65535.'
        : 'Network ACLs check rules in number order; the first match decides and no match is the implicit deny.';
    case 'route': return s.verdict === 'noRoute' ? 'A subnet sends traffic only where its route table says; with no matching route the packet is dropped.' : undefined;
    case 'edgeRoute': return s.verdict === 'toGwlbEndpoint' ? 'An edge route table associated with the internet gateway (ingress routing) can send traffic arriving from the internet through an inspection endpoint before it reaches the subnet.' : undefined;
    case 'vpc': return s.verdict === 'otherVpc' ? 'An address means something only inside its own VPC: with overlapping CIDRs the same address can be two different interfaces.' : undefined;
    case 'internetGateway':
      if (s.verdict === 'noPublicIp') return 'An internet gateway only translates addresses that have a public or Elastic IP; a private instance needs a NAT gateway instead.';
      if (s.verdict === 'denyAllIgwTraffic') return 'IPv6 addresses are global, but an interface with DenyAllIgwTraffic (an interface endpoint\'s, with an IPv6 address) is unreachable from the internet: only its VPC, peered VPCs and private connections reach it.';
      return s.verdict === 'sourceNat' ? 'The internet gateway maps each public IP one-to-one to a private address; the instance itself never sees its public IP.' : undefined;
    case 'natGateway':
      if (s.verdict === 'sourceNat') return 'A NAT gateway rewrites the source to its own address and remembers the connection so that replies find their way back.';
      return s.verdict === 'noInbound' ? 'A NAT gateway lets instances start connections out; nothing outside can start a connection in through it.' : undefined;
    case 'appliance': return applianceWhy(s);
    case 'egressOnlyGateway':
      if (s.verdict === 'out') return 'An egress-only internet gateway lets instances start IPv6 connections out and lets their replies back, but nothing on the internet can start a connection in.';
      return s.verdict === 'noInbound' ? 'An egress-only internet gateway carries only IPv6 connections that instances start; for inbound IPv6 the VPC needs an internet gateway.' : undefined;
    case 'internet': return s.verdict === 'privateAddress' ? 'Only public or Elastic IPs are reachable from the internet; a private address needs a load balancer or another path in.' : undefined;
    case 'peering': return s.verdict === 'notPeerCidr' ? 'Peering is not transitive: a peer VPC never forwards your traffic to its internet gateway, NAT gateway, endpoints or other peers.' : undefined;
    case 'gatewayEndpoint': return s.verdict === 'carried' ? 'A gateway endpoint is a route target: no interface, no security group of its own, and the traffic keeps its private source address.' : undefined;
    case 'endpointPolicy': return s.action === 'allowed'
      ? 'An endpoint policy is checked for every request through the endpoint; it allows nothing that IAM and the resource\'s own policies deny.'
      : 'An endpoint policy limits what may be done through the endpoint: a request it does not allow, or that a Deny matches, is refused even when the network path is open.';
    case 'endpointState': return `Only an available endpoint carries traffic.${s.state === 'pendingAcceptance' ? ' The provider must accept the connection request before the endpoint carries anything.' : ''}`;
    case 'interfaceEndpoint': return interfaceEndpointWhy(s);
    case 'privateLink': return privateLinkWhy(s);
    case 'listener': return listenerWhy(s);
    case 'targetChoice': return targetWhy(s);
    case 'loadBalancerNode': return nodeWhy(s);
    case 'gwlbEndpoint':
      if (s.verdict === 'toService') return 'A Gateway Load Balancer endpoint is a route target, not a destination: it carries the packet as it is to the inspection service and brings it back.';
      return s.verdict === 'release' ? 'After inspection the packet continues by the route table of the endpoint\'s subnet: that table, not the original one, decides where it goes next.' : undefined;
    case 'geneve':
      if (s.verdict === 'encapsulate') return 'A Gateway Load Balancer does not rewrite the packet: it encapsulates it in GENEVE (UDP 6081) so the appliance sees the original addresses and ports.';
      return s.verdict === 'inspect' ? 'The appliance sees the original packet inside GENEVE and sends it back to the GWLB to continue; what it allows is its own configuration, outside the file.' : undefined;
    case 'unmodelled': return 'vpcsim follows only the resources it models; a route to anything else is named, not guessed at.';
    case 'virtualPrivateGateway':
      if (s.verdict === 'gatewayEndpoint') return 'Gateway endpoints are not usable from on-premises: traffic arriving over VPN or Direct Connect reaches only addresses inside the VPC, such as an interface endpoint\'s.';
      if (s.verdict === 'notVpcCidr') return 'A virtual private gateway is no transit router: traffic from on-premises reaches only the VPC it is attached to.';
      return s.verdict === 'toConnection' ? 'A virtual private gateway prefers a healthy tunnel, then the longest prefix, then Direct Connect BGP over VPN static routes over VPN BGP.' : undefined;
    case 'vpnConnection': return s.verdict === 'carried' ? 'AWS terminates every site-to-site VPN connection on two tunnels in different zones; vpcsim follows one path, as both carry the same routes.' : 'Only an available VPN connection carries traffic.';
    case 'onPremises':
      if (s.verdict === 'noRoute') return 'An on-premises network reaches AWS only where its connections advertise a route (the VPC blocks of the gateway) or its own routes send it.';
      return undefined;
    case 'directConnectGateway': return undefined;
    case 'transitGatewayAttachment': return transitAttachmentWhy(s);
    case 'transitGatewayRoute': return transitRouteWhy(s);
    case 'send': case 'loopGuard': case 'delivered': case 'serviceReply': return undefined;
    default: return never(s);
  }
}
