// The closed list of explanation codes a trace can carry, each with its one-line meaning
// (printed in docs/explanation-codes.md). Names follow AWS Reachability Analyzer where one
// fits, so users who know one know the other; ours are marked in the comment.

/**
 * Every explanation code, with its meaning. Each is emitted by the engine somewhere; a test
 * (test/engine/explanation-codes-emitted.test.ts) names a flow for each, so a code nothing
 * emits cannot stay in the list (or in what `because:` accepts).
 */
export const EXPLANATION_CODES = {
  NO_ROUTE_TO_DESTINATION: 'No route in the route table matches the destination.',
  ENI_SG_RULES_MISMATCH: 'No security group rule of the network interface allows the traffic.',
  SUBNET_ACL_RESTRICTION: 'A network ACL rule (or its implicit deny) blocks the traffic at a subnet boundary.',
  BAD_STATE: 'A component is not in a state that carries traffic (endpoint pending, peering not active, ...).',
  VPCE_SERVICE_NOT_INSTALLED_IN_AZ: "The endpoint's Availability Zone is not one of the service load balancer's.",
  ELBV2_LISTENER_PORT_RESTRICTION: 'No listener of the load balancer takes this protocol and port.',
  ELBV2_NO_TARGETS_IN_AZ: 'The load balancer node has no healthy target it may send to.',
  ELB_NOT_CROSSZONE: 'Targets exist only in other Availability Zones and cross-zone load balancing is off.',
  IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS: 'Traffic leaves through an internet gateway from an interface with no public IP.',
  NGW_REQUIRES_SOURCE_IN_VPC: "A NAT gateway only translates traffic from its own VPC's addresses.",
  PCX_REQUIRES_ADDRESS_IN_VPC_CIDR: "Traffic over a peering connection must be addressed to the peer VPC's CIDR blocks (no transit).",
  VPCE_GATEWAY_PROTOCOL_RESTRICTION: 'A gateway endpoint carries only TCP traffic addressed to its service.',
  VPCE_INTRA_VPC_TRAFFIC: 'A gateway endpoint is used only by traffic from its own VPC (not through peering, a transit gateway, VPN or Direct Connect).',
  CANNOT_ROUTE: 'The route sends the traffic somewhere it cannot go (blackhole, or a target that does not forward it).',
  UNKNOWN_DESTINATION: 'Nothing in the model holds the destination address.',
  PROTOCOL_RESTRICTION: 'The component does not carry this protocol.',
  NO_PATH: 'No path exists; the trace says where it stopped.',
  IGW_NOT_ATTACHED: "Traffic from the internet arrives at an address whose VPC has no internet gateway (ours).",
  NO_INBOUND_THROUGH_NAT: 'A NAT gateway does not accept connections initiated from outside (ours).',
  DENY_ALL_IGW_TRAFFIC: 'The destination interface has DenyAllIgwTraffic (an interface endpoint\'s with an IPv6 address, or where the file says so): nothing from the internet gateway reaches it (ours).',
  NO_INBOUND_THROUGH_EGRESS_ONLY_IGW: 'An egress-only internet gateway does not accept IPv6 connections started from the internet (ours).',
  NOT_ADDRESSABLE_FROM_INTERNET: 'The destination has no public IP, so the internet cannot reach it (ours).',
  ROUTING_LOOP: 'The packet came back to a hop it had already crossed (ours).',
  HOP_LIMIT: 'The walk passed the hop limit without an end (ours).',
  DNS_NAME_NOT_RESOLVED: 'The name does not resolve in the source VPC (ours).',
  DNS_ANSWER_UNMODELLED: 'A Route 53 Resolver rule forwards the name to DNS servers on your network that the file does not declare (`dnsServers:`): what they answer is unknown, and the verdict rests on it (ours).',
  ENDPOINT_POLICY_DENY: 'The endpoint policy denies the request (ours).',
  PRINCIPAL_NOT_ALLOWED: "The consumer's account is not in the endpoint service's allowed principals (ours).",
  PRIVATELINK_ONE_WAY: 'PrivateLink carries connections from consumer to provider only (ours).',
  UNMODELLED_TARGET: 'The route sends the traffic to a resource vpcsim does not model (or the snapshot or plan does not hold): the verdict rests on an unmodelled part, and AWS may deliver the flow (ours).',
  BAD_STATE_VPN: 'The VPN connection is not in a functional state (only an available connection carries traffic).',
  VGW_REQUIRES_ADDRESS_IN_VPC_CIDR: "A virtual private gateway delivers traffic from on-premises only to its VPC's CIDR blocks: no transit to peers, gateways or endpoints (ours).",
  BAD_STATE_ATTACHMENT: 'A transit gateway attachment is not available (pending acceptance, deleted, ...), so it carries nothing.',
  TGW_ATTACH_NOT_FOUND: 'The route sends the traffic to a transit gateway the VPC has no attachment to (the name of Network Manager Route Analyzer\'s reason).',
  TGW_ROUTE_AZ_RESTRICTION: "The VPC attachment has no subnet in the sender's Availability Zone, so traffic from that zone cannot reach the transit gateway.",
  TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION: 'The transit gateway attachment the traffic entered by is associated with no route table.',
  TGW_RTB_CANNOT_ROUTE: "No route of the transit gateway route table matches the destination.",
  TGW_RTB_BAD_STATE_ROUTE: 'The transit gateway route that matches is a blackhole.',
  ASYMMETRIC_APPLIANCE_PATH: 'The reply crosses a stateful appliance the request did not cross (a path through a transit gateway without appliance mode): it drops the reply, in the stricter reading (ours).',
  TARGET_NOT_MODELLED: 'The load balancer hands the flow to a target vpcsim does not model beyond it (a Lambda function behind an ALB): no verdict past the load balancer (ours).',
} as const;

/** An explanation code from the closed list. */
export type ExplanationCode = keyof typeof EXPLANATION_CODES;

/** Whether a string is a known explanation code. */
export function isExplanationCode(s: string): s is ExplanationCode {
  return Object.prototype.hasOwnProperty.call(EXPLANATION_CODES, s);
}
