// The kinds of component a trace hop can be at: one closed list, from which the type, the
// runtime list, the schema enum of a check's `never:`, the check validator and the table in
// docs/check.md are derived. A kind is listed only when the engine emits hops of it (a test
// finds every kind in a hop of some bundled scenario or engine fixture), so `never: [kind]`
// can never pass vacuously.

/** Every kind of component a hop can be at: the closed list. */
export const COMPONENT_KINDS = [
  'dns', 'instance', 'networkInterface', 'natGateway', 'endpointEni', 'loadBalancerNode', 'networkAcl', 'securityGroup', 'routeTable',
  'internetGateway', 'egressOnlyInternetGateway', 'peeringConnection', 'endpoint', 'endpointService', 'targetGroup',
  'vpc', 'awsService', 'internet', 'internetHost', 'unmodelled',
  'virtualPrivateGateway', 'vpnConnection', 'directConnectGateway', 'onPremisesNetwork', 'onPremisesHost',
  'transitGateway', 'transitGatewayAttachment', 'transitGatewayRouteTable',
] as const;

/** What kind of thing a hop is at. */
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

/** What a hop of each kind is, for docs/check.md (the compiler keeps it complete). */
export const COMPONENT_KIND_MEANINGS: Readonly<Record<ComponentKind, string>> = {
  dns: 'the Route 53 Resolver answering the name the flow was asked for',
  instance: 'an instance (or a secondary interface attached to one): where the flow starts, ends, or an appliance forwards it',
  networkInterface: 'a standalone network interface (`networkInterfaces`: a Lambda function\'s, an RDS instance\'s...): where the flow starts or ends',
  natGateway: 'a NAT gateway, which translates the source address',
  endpointEni: 'a network interface of an interface or Gateway Load Balancer endpoint (`<endpoint>/<subnet>`)',
  loadBalancerNode: 'the node of a load balancer in one zone (`<load balancer>/<subnet>`)',
  networkAcl: 'a network ACL, on the way out of or into a subnet',
  securityGroup: 'a security group of an interface, on the way out or in',
  routeTable: 'a route table, choosing the next hop',
  internetGateway: 'an internet gateway',
  egressOnlyInternetGateway: 'an egress-only internet gateway (IPv6)',
  peeringConnection: 'a VPC peering connection',
  endpoint: 'a VPC endpoint: its policy, its state, or a gateway endpoint route',
  endpointService: 'a PrivateLink endpoint service, handing the connection to its load balancer',
  targetGroup: 'a target group, choosing a target',
  vpc: 'a VPC, when no interface of it holds the destination address',
  awsService: 'an AWS service (S3, DynamoDB, KMS, ...) reached at its public or endpoint address',
  internet: 'the internet, outside every VPC, where no internet host of the file holds the address',
  internetHost: 'an internet host of the file (`internet:` section)',
  transitGateway: 'a transit gateway, when no attachment of it takes the packet (the sending VPC is not attached)',
  transitGatewayAttachment: 'a transit gateway attachment: where a packet enters or leaves the gateway (its VPC subnet and zone, or a peering)',
  transitGatewayRouteTable: 'a transit gateway route table, choosing the attachment a packet leaves by',
  unmodelled: 'a route target vpcsim does not model (the top-level `unmodelled:`): the trace stops there, and its verdict rests on it',
  virtualPrivateGateway: 'a virtual private gateway: the AWS side of site-to-site VPN and Direct Connect for one VPC',
  vpnConnection: 'a site-to-site VPN connection (two tunnels in AWS, one path in vpcsim)',
  directConnectGateway: 'a Direct Connect gateway',
  onPremisesNetwork: 'an on-premises network (`onPremises:`), routing into its connections or receiving an address with no host',
  onPremisesHost: 'a host of an on-premises network: where the flow starts or ends',
};

/** Whether a word is a component kind (`never: [natGateway]`). */
export function isComponentKind(x: string): x is ComponentKind {
  return (COMPONENT_KINDS as readonly string[]).includes(x);
}

/** The Markdown table of component kinds, as docs/check.md holds it. */
export function componentKindsTable(): string {
  const rows = COMPONENT_KINDS.map((k) => `| \`${k}\` | ${COMPONENT_KIND_MEANINGS[k]} |`);
  return ['| kind | a hop at |', '| --- | --- |', ...rows].join('\n');
}
