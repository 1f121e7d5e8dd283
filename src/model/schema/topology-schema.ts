// The JSON Schema (draft-07) of format v1: the machine-readable form of docs/format.md.
// schema/topology.schema.json is this object printed by `vpcsim schema` (a test keeps
// the two equal). The schema checks shape only; meaning (references, addresses) is checked
// by src/model/validate-*.ts with positioned, specific messages.
import { COMPONENT_KINDS } from '../component-kinds.js';
import { UNMODELLED_KINDS } from '../unmodelled-kinds.js';
import {
  bool,
  closed,
  ID_PATTERN,
  idMap,
  list,
  oneOfStrings,
  ref,
  refs,
  str,
  type JsonSchema,
} from './schema-helpers.js';
import { INTERFACE_TYPES, TGW_ATTACHMENT_STATES, TGW_ATTACHMENT_TYPES } from '../resources.js';

const alias = str('The AWS Name tag: flows and checks may name the resource by it (unique, or the query is refused naming the holders)');
const addresses = (description: string): JsonSchema => ({ type: 'array', items: { type: 'string' }, description });

const protocol: JsonSchema = {
  description: 'tcp | udp | icmp | icmpv6 | all, or an IP protocol number (-1 is all)',
  anyOf: [
    { type: 'string', enum: ['tcp', 'udp', 'icmp', 'icmpv6', 'all'] },
    { type: 'integer', minimum: -1, maximum: 255 },
  ],
};

const ports: JsonSchema = {
  description: 'A port (443) or an inclusive range ("1024-65535"); omitted means all ports',
  type: ['integer', 'string'],
};

const sgRule = closed(
  {
    protocol,
    ports,
    cidr: str('An IPv4 CIDR block'),
    ipv6Cidr: str('An IPv6 CIDR block'),
    prefixList: str('A prefix list id or name (customer-managed or AWS-managed)'),
    securityGroup: ref('A security group whose members (by ENI) the rule matches'),
    // "Up to 255 characters in length" (IpRange, UserIdGroupPair, PrefixListId: Description).
    description: str('Free text, at most 255 characters (AWS)', { maxLength: 255 }),
  },
  ['protocol'],
);

const aclRule = closed(
  {
    rule: { type: 'integer', minimum: 1, maximum: 32766, description: 'Rule number; lowest first' },
    action: oneOfStrings(['allow', 'deny'], 'What a match does'),
    protocol,
    ports,
    cidr: str('An IPv4 CIDR block'),
    ipv6Cidr: str('An IPv6 CIDR block'),
  },
  ['rule', 'action', 'protocol'],
);

const subnet = closed(
  {
    az: str('Availability Zone ID (use1-az1) or name (us-east-1a)', { pattern: '^[a-z0-9-]+$' }),
    cidr: str('IPv4 CIDR block inside the VPC'),
    ipv6Cidr: str('IPv6 /64 inside the VPC IPv6 block'),
    routeTable: ref("Route table; default: the VPC's main route table"),
    networkAcl: ref("Network ACL; default: the VPC's default ACL (allows all)"),
  },
  ['az', 'cidr'],
);

const route = closed(
  {
    destination: str('A CIDR block or a prefix list id or name'),
    target: str('An IGW, egress-only IGW, NAT gateway, GWLB endpoint, peering connection, instance, virtual private gateway id, "local" or "blackhole"'),
  },
  ['destination', 'target'],
);

const unmodelled = closed({
  kind: oneOfStrings(UNMODELLED_KINDS, 'What the resource is, as a route target kind of AWS'),
  description: str('What it is or why vpcsim does not follow it (free text, printed in traces)', { maxLength: 255 }),
}, ['kind']);

const routeTable = closed({
  main: bool("The VPC's main route table (at most one)", false),
  gatewayAssociation: ref('An internet gateway this edge route table is associated with'),
  propagatingVgws: refs("The VPC's virtual private gateway, whose VPN and Direct Connect routes propagate into this table"),
  routes: list(route, 'Routes besides the implicit local ones'),
});

const natGateway = closed(
  {
    name: alias,
    subnet: ref('The subnet the NAT gateway lives in'),
    connectivity: oneOfStrings(['public', 'private'], 'Public (needs an IGW) or private NAT'),
    privateIp: str('Private address; default: deterministic (docs/addressing.md)'),
    publicIp: str('Elastic IP of a public NAT gateway; default: deterministic'),
  },
  ['subnet'],
);

const securityGroup = closed({
  // CreateSecurityGroup: a description of up to 255 characters.
  description: str('Free text, at most 255 characters (AWS)', { maxLength: 255 }),
  ingress: list(sgRule, 'Inbound rules; none by default'),
  egress: list(sgRule, 'Outbound rules; when omitted, allow all (the AWS default)'),
});

const networkAcl = closed({
  ingress: list(aclRule, 'Inbound entries, then an implicit deny'),
  egress: list(aclRule, 'Outbound entries, then an implicit deny'),
});

const instance = closed(
  {
    name: alias,
    subnet: ref('The subnet of the primary network interface'),
    privateIp: str('Primary private IPv4; default: deterministic (docs/addressing.md)'),
    secondaryPrivateIps: addresses('Secondary private IPv4 addresses of the primary interface, in its subnet'),
    publicIp: str('Public or Elastic IPv4'),
    ipv6Ip: str('An IPv6 address in the subnet'),
    securityGroups: refs("Security groups; default: the VPC's default security group"),
    sourceDestCheck: bool('Source/destination checking; off lets the instance forward (NAT, routing, firewalls)', true),
  },
  ['subnet'],
);

const networkInterface = closed(
  {
    name: alias,
    subnet: ref('The subnet the interface lives in'),
    privateIp: str('Primary private IPv4; default: deterministic (docs/addressing.md)'),
    secondaryPrivateIps: addresses('Secondary private IPv4 addresses, in the subnet'),
    publicIp: str('Public or Elastic IPv4'),
    ipv6Ip: str('An IPv6 address in the subnet'),
    securityGroups: refs("Security groups; default: the VPC's default security group"),
    sourceDestCheck: bool('Source/destination checking', true),
    type: oneOfStrings(INTERFACE_TYPES, 'Who the interface is for (AWS InterfaceType, or the service of a requester-managed interface); default interface'),
    description: str('Free text (AWS Description)'),
    instance: ref('An instance the interface is attached to as a secondary interface (same AZ)'),
    denyAllIgwTraffic: bool('DenyAllIgwTraffic: traffic from the internet gateway to the interface is dropped (no public IPv4 with it)', false),
    deviceIndex: { type: 'integer', minimum: 1, maximum: 255, description: 'Device index on the instance (1 and up; 0 is the primary); default: the next free one, in file order' },
  },
  ['subnet'],
);

const subnetMapping = closed(
  {
    subnet: ref('A subnet (one per AZ)'),
    privateIpv4Address: str("The node's private IPv4 address in the subnet; default: deterministic"),
    allocationId: str('Internet-facing NLB: the Elastic IP allocation (eipalloc-...)'),
    publicIp: str("Internet-facing NLB: the node's Elastic IP address; default: deterministic"),
  },
  ['subnet'],
);

const subnetConfiguration = closed(
  {
    subnet: ref('A subnet (one per AZ)'),
    ipv4: str("The endpoint interface's private IPv4 address in the subnet; default: deterministic"),
    ipv6: str("The endpoint interface's IPv6 address in the subnet's IPv6 block"),
  },
  ['subnet'],
);

const listener = closed(
  {
    port: { type: 'integer', minimum: 1, maximum: 65535 },
    protocol: oneOfStrings(['tcp', 'udp', 'tcp_udp', 'tls', 'http', 'https'], 'Listener protocol: tcp, udp, tcp_udp, tls (NLB); http, https (ALB)'),
    targetGroup: ref('Target group the listener forwards to'),
  },
  ['port', 'protocol', 'targetGroup'],
);

const loadBalancer = closed(
  {
    name: alias,
    type: oneOfStrings(['network', 'gateway', 'application'], 'NLB, GWLB or ALB'),
    scheme: oneOfStrings(['internal', 'internet-facing'], 'Default internal'),
    subnets: refs('One subnet per AZ; the load balancer has a node in each (or subnetMappings)'),
    subnetMappings: list(subnetMapping, 'Instead of subnets: one per AZ, with the node addresses AWS gave (SubnetMappings)'),
    securityGroups: refs('Security groups: optional for an NLB, required for an ALB'),
    crossZone: { type: 'boolean', description: 'Cross-zone load balancing; default false (NLB and GWLB); always true for an ALB' },
    enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: bool(
      "Whether the NLB's inbound rules apply to PrivateLink traffic",
      true,
    ),
    listeners: list(listener, 'NLB and ALB listeners'),
    targetGroup: ref('GWLB: the target group of appliances'),
  },
  ['type'],
);

const target = closed({
  instance: ref('An instance target'),
  ip: str('An IP target'),
  lambda: str('A Lambda function target (ARN or name; targetType lambda)'),
  loadBalancer: ref('An Application Load Balancer target of an NLB target group (targetType alb)'),
  port: { type: 'integer', minimum: 1, maximum: 65535, description: "Default: the group's port" },
  healthy: bool('Health check state', true),
});

const targetGroup = closed(
  {
    protocol: oneOfStrings(['tcp', 'udp', 'tcp_udp', 'tls', 'geneve', 'http', 'https'], 'Target protocol (http, https: an ALB\'s)'),
    port: { type: 'integer', minimum: 1, maximum: 65535, description: 'Required but for targetType lambda' },
    targetType: oneOfStrings(['instance', 'ip', 'lambda', 'alb'], 'Default instance; lambda for an ALB, alb for an NLB'),
    preserveClientIp: { type: 'boolean', description: 'Default: true for instance, false for ip' },
    targets: list(target, 'Registered targets'),
  },
  ['protocol'],
);

const endpointService = closed(
  {
    loadBalancer: ref('NLB (interface endpoints) or GWLB (GWLB endpoints)'),
    serviceName: str('Default: com.amazonaws.vpce.<region>.vpce-svc-<derived>'),
    acceptanceRequired: bool('Whether the provider must accept each connection', true),
    allowedPrincipals: { type: 'array', items: { type: 'string' }, description: 'ARNs or "*"' },
    privateDnsName: str('A name consumers resolve to their endpoint'),
    privateDnsVerified: bool('Whether domain ownership is verified', true),
    state: oneOfStrings(['pending', 'available', 'failed', 'deleting', 'deleted'], 'Default available'),
  },
  ['loadBalancer'],
);

const endpointStates = [
  'available',
  'pendingAcceptance',
  'pending',
  'rejected',
  'expired',
  'failed',
  'deleting',
  'deleted',
];

const endpoint = closed(
  {
    name: alias,
    type: oneOfStrings(['interface', 'gateway', 'gatewayLoadBalancer'], 'Endpoint type'),
    service: str('An endpoint service id, or an AWS service name (com.amazonaws.<region>.s3)'),
    subnets: refs('Interface and GWLB endpoints: one subnet per AZ (or subnetConfigurations)'),
    subnetConfigurations: list(subnetConfiguration, 'Instead of subnets: one per AZ, with the interface addresses AWS gave (SubnetConfigurations)'),
    securityGroups: refs("Interface endpoints; default: the VPC's default SG"),
    privateDns: { type: 'boolean', description: 'Interface endpoints; default true for AWS services' },
    routeTables: refs('Gateway endpoints: route tables that get the prefix-list route'),
    state: oneOfStrings(endpointStates, 'Default: from acceptance and allowed principals'),
    policy: { type: 'object', description: 'IAM policy document; default allows all' },
    privateDnsOnlyForInboundResolverEndpoint: bool(
      'Interface endpoints of services with gateway endpoints too (S3): private DNS answers only through inbound Resolver endpoints',
      false,
    ),
    ipAddressType: oneOfStrings(['ipv4', 'dualstack', 'ipv6'], 'Interface endpoints: the addresses of its interfaces (IpAddressType); default dualstack when a subnetConfiguration gives an ipv6 address, else ipv4'),
    dnsRecordIpType: oneOfStrings(['ipv4', 'dualstack', 'ipv6', 'service-defined'], 'Interface endpoints: A and/or AAAA records of its DNS names (DnsOptions DnsRecordIpType); default: as ipAddressType'),
  },
  ['type', 'service'],
);

const vpc = closed(
  {
    account: ref('Account name from `accounts`'),
    region: str('Default: the top-level region', { pattern: '^[a-z]{2}(-[a-z]+)+-\\d$' }),
    cidr: str('Primary IPv4 CIDR block'),
    cidrs: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'All IPv4 blocks' },
    ipv6Cidr: str('IPv6 CIDR block'),
    enableDnsSupport: bool('Amazon DNS server on', true),
    enableDnsHostnames: bool('DNS hostnames on (needed for private DNS)', false),
    internetGateway: ref('An internet gateway attached to this VPC'),
    egressOnlyInternetGateway: ref('An egress-only internet gateway attached to this VPC (IPv6, outbound-initiated only)'),
    subnets: idMap(subnet, 'Subnets'),
    routeTables: idMap(routeTable, 'Route tables'),
    natGateways: idMap(natGateway, 'NAT gateways'),
    securityGroups: idMap(securityGroup, 'Security groups'),
    networkAcls: idMap(networkAcl, 'Network ACLs'),
    instances: idMap(instance, 'EC2 instances'),
    loadBalancers: idMap(loadBalancer, 'Network, Gateway and Application Load Balancers'),
    targetGroups: idMap(targetGroup, 'Target groups'),
    endpointServices: idMap(endpointService, 'PrivateLink endpoint services'),
    endpoints: idMap(endpoint, 'VPC endpoints'),
    networkInterfaces: idMap(networkInterface, 'Network interfaces of no other resource here (Lambda, RDS, ECS tasks...), and secondary interfaces of instances'),
  },
  [],
);

const selector: JsonSchema = {
  description: 'An id or name, an IP, "internet", a list of them, or { subnet | vpc | securityGroup | onPremises: id } or { interfaceType: type }',
  anyOf: [
    { type: 'string' },
    { type: 'array', items: { type: 'string' }, minItems: 1 },
    closed(
      {
        subnet: ref('Every instance and network interface in the subnet'),
        vpc: ref('Every instance and network interface in the VPC'),
        securityGroup: ref('Every member ENI'),
        interfaceType: oneOfStrings(INTERFACE_TYPES, 'Every network interface of the type (instances are interface)'),
        onPremises: ref('Every host of the on-premises network'),
      },
      [],
      { minProperties: 1, maxProperties: 1 },
    ),
  ],
};

const portList: JsonSchema = {
  type: 'array',
  minItems: 1,
  description: 'Ports (443), ranges ("8000-8010") or protocol/ports ("udp/53", "icmp/8"); without a protocol, the check\'s (tcp)',
  items: { type: ['integer', 'string'] },
};

const onlyPorts = closed({ ports: portList }, ['ports']);

const check = closed(
  {
    name: str('What the check asserts, in words'),
    from: selector,
    to: { ...selector, description: 'As from; a single id, IP or name may end with :port' },
    port: { type: 'integer', minimum: 0, maximum: 65535 },
    sourcePort: { type: 'integer', minimum: 0, maximum: 65535 },
    protocol: oneOfStrings(['tcp', 'udp', 'icmp', 'icmpv6', 'all'], 'Default tcp'),
    expect: oneOfStrings(['reachable', 'unreachable'], 'The expected verdict'),
    via: refs('Ids the forward path must cross'),
    because: str('With unreachable: an expected explanation code'),
    never: {
      type: 'array',
      description: 'Ids or component kinds no path may cross',
      // The enum is for editors to offer the kinds; any other string is an id, checked by the runner.
      items: { type: 'string', anyOf: [oneOfStrings(COMPONENT_KINDS, 'A component kind (docs/check.md)'), { description: 'An id' }] },
    },
    only: {
      description: 'Ids every path must cross one of, or { ports }: the only protocols and ports a flow may be reachable on',
      anyOf: [refs('Every path must cross one of these'), onlyPorts],
    },
    isolated: { type: 'boolean', description: 'No flow on any port between from and to' },
    principal: str('Endpoint policy evaluation: the calling principal ARN'),
    action: str('Endpoint policy evaluation: the API action (s3:GetObject)'),
    resource: str('Endpoint policy evaluation: the resource ARN'),
  },
  ['name', 'from', 'to'],
);

// Transit gateways ("How AWS Transit Gateway works", Transit Gateways guide). An attachment is
// one closed shape for every type; which fields a type takes is the builder's check.
const tgwAttachment = closed(
  {
    type: oneOfStrings(TGW_ATTACHMENT_TYPES, 'What is attached: a VPC, or a peering to another transit gateway'),
    state: oneOfStrings(TGW_ATTACHMENT_STATES, 'Default available; only an available attachment carries traffic'),
    vpc: ref('type vpc: the attached VPC'),
    subnets: { ...refs('type vpc: one subnet per Availability Zone, where the gateway places its interface'), minItems: 1 },
    applianceMode: bool('type vpc: both directions of a flow use one Availability Zone of this attachment', false),
    securityGroupReferencingSupport: bool('type vpc: security group references across the gateway (the gateway must enable it too)', true),
    peer: ref('type peering: the accepter transit gateway'),
  },
  ['type'],
);

const tgwRoute = closed(
  {
    destination: str('A CIDR block, or a prefix list id or name (a prefix list reference)'),
    attachment: ref('The attachment the route sends to'),
    blackhole: { const: true, description: 'Drop what matches (instead of attachment)' },
  },
  ['destination'],
);

const tgwRouteTable = closed({
  associations: refs('Attachments whose traffic this table routes (an attachment is associated with one table of a gateway)'),
  propagations: refs('Attachments whose routes propagate into this table (VPC attachments: their CIDR blocks; never a peering attachment)'),
  routes: list(tgwRoute, 'Static routes and prefix list references'),
});

const transitGateway = closed({
  account: ref('Owner: an account name from `accounts`'),
  region: str('Default: the top-level region', { pattern: '^[a-z]{2}(-[a-z]+)+-\\d$' }),
  asn: { type: 'integer', minimum: 1, maximum: 4294967295, description: 'Amazon side ASN; default 64512' },
  options: closed({
    defaultRouteTableAssociation: bool('New attachments are associated with associationDefaultRouteTable (AWS acts on it at creation; write the associations it made)', true),
    associationDefaultRouteTable: ref('The default association route table (one of this gateway\'s)'),
    defaultRouteTablePropagation: bool('New attachments propagate to propagationDefaultRouteTable (AWS acts on it at creation; write the propagations it made)', true),
    propagationDefaultRouteTable: ref('The default propagation route table (one of this gateway\'s)'),
    dnsSupport: bool('DNS resolution across the gateway', true),
    securityGroupReferencingSupport: bool('Security group references across the gateway\'s VPC attachments (each attachment must enable it too)', false),
  }),
  attachments: idMap(tgwAttachment, 'Attachments by id'),
  routeTables: idMap(tgwRouteTable, 'Transit gateway route tables by id'),
});

const asn = { type: 'integer', minimum: 1, maximum: 4294967295, description: 'BGP autonomous system number' };
const ipv4Cidrs = (description: string): JsonSchema => ({ type: 'array', items: { type: 'string' }, description });

const virtualPrivateGateway = closed({
  vpc: ref('The VPC it is attached to (one gateway per VPC); a detached gateway carries nothing'),
  amazonSideAsn: asn,
});

const customerGateway = closed({ ip: str("The device's outside IPv4 address"), bgpAsn: asn }, ['ip']);

const vpnConnection = closed(
  {
    customerGateway: ref('The customer gateway on the on-premises side'),
    virtualPrivateGateway: ref('The virtual private gateway on the AWS side'),
    staticRoutesOnly: bool('Static routing; default false: BGP, with the prefixes of the on-premises networks that name the connection', false),
    staticRoutes: ipv4Cidrs('Static routing: the on-premises CIDR blocks (CreateVpnConnectionRoute)'),
    state: oneOfStrings(['pending', 'available', 'deleting', 'deleted'], 'Default available; only an available connection carries traffic'),
  },
  ['customerGateway'],
);

const directConnectGateway = closed({
  amazonSideAsn: asn,
  associations: list(
    closed(
      {
        gateway: ref('A virtual private gateway attached to a VPC'),
        allowedPrefixes: ipv4Cidrs('Allowed prefixes (a filter: VPC blocks they cover are advertised); default the VPC blocks'),
      },
      ['gateway'],
    ),
    'Gateways associated with the Direct Connect gateway',
  ),
});

const onPremisesNetwork = closed(
  {
    cidrs: { ...ipv4Cidrs('The IPv4 blocks of the network'), minItems: 1 },
    connections: refs('The VPN connections and Direct Connect gateways that reach it'),
    routes: list(
      closed({ destination: str('An IPv4 CIDR block'), connection: ref('One of the network\'s connections') }, ['destination', 'connection']),
      'Routes the on-premises router has into a connection beyond what AWS advertises over it',
    ),
    hosts: idMap(closed({ ip: str('An IPv4 address in the network'), dns: str('Its DNS name') }, ['ip']), 'Hosts: flow sources and destinations'),
  },
  ['cidrs'],
);

const ids = (description: string): JsonSchema => ({ anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }], description });

const protect = closed(
  {
    name: str('What the entry protects, in words'),
    from: ids('Sources (as reach --from): ids, subnets, VPCs, security groups, or internet; default every source'),
    to: ids('Protected destinations (as reach --to): ends, subnets, VPCs, security groups, endpoints, load balancers'),
    protocol: oneOfStrings(['tcp', 'udp', 'icmp', 'icmpv6', 'all'], 'Default: every protocol diff compares'),
    ports: { anyOf: [{ type: 'integer', minimum: 0, maximum: 65535 }, { type: 'string' }], description: 'A port or a range "from-to"; default every port' },
  },
  ['to'],
);

// Route 53 names: labels of letters, digits, '-' and '_', a leading "*." for a wildcard
// record, an optional trailing dot; "." alone is the root (a rule for every name).
const DNS_NAME_PATTERN = '^(\\.|(\\*\\.)?[A-Za-z0-9_]([A-Za-z0-9_-]{0,62})(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,62}))*\\.?)$';
const dnsName = (description: string): JsonSchema => str(description, { pattern: DNS_NAME_PATTERN, maxLength: 254 });

const dnsRecord = closed(
  {
    name: dnsName('The full name, inside the zone (a leading "*." makes a wildcard record)'),
    type: oneOfStrings(['A', 'AAAA', 'CNAME'], 'Record type'),
    values: { ...addresses('A / AAAA: the addresses'), minItems: 1 },
    value: dnsName('CNAME: the name it points at'),
    alias: closed(
      {
        endpoint: ref('An interface endpoint: its regional DNS name (every interface), or with az its zonal name'),
        az: str('With endpoint: the Availability Zone of its zonal name'),
        loadBalancer: ref("A load balancer: its DNS name's answer"),
        record: dnsName('Another record of the same zone and type'),
      },
      [],
      { description: 'A / AAAA alias record: exactly one target', minProperties: 1 },
    ),
  },
  ['name', 'type'],
);

const hostedZone = closed(
  {
    name: dnsName('The zone name (corp.internal, kms.us-east-1.amazonaws.com)'),
    private: { const: true, description: 'A private hosted zone (public hosted zones are not modelled)' },
    account: ref('The account (a name of accounts:) that owns the zone'),
    vpcs: { ...refs('VPCs associated with the zone, in any account and region'), minItems: 1 },
    records: list(dnsRecord, 'Record sets (simple routing)'),
  },
  ['name', 'private', 'vpcs'],
);

const resolverEndpoint = closed(
  {
    direction: oneOfStrings(['inbound', 'outbound'], 'inbound: your network forwards queries to it; outbound: forward rules send queries out through it'),
    vpc: ref('The VPC it is in'),
    // "For each Resolver endpoint, you specify two or more IP addresses" (Route 53 guide).
    ipAddresses: { ...list(closed({ subnet: ref('A subnet of the VPC'), ip: str('Its address in the subnet; default: one AWS picks') }, ['subnet']), 'Its IP addresses, at least two (AWS)'), minItems: 2 },
    securityGroups: refs('Security groups of its interfaces'),
  },
  ['direction', 'vpc', 'ipAddresses'],
);

const resolverRule = closed(
  {
    domain: dnsName('The domain it applies to, and every name under it ("." for every name)'),
    type: oneOfStrings(['forward', 'system'], 'forward (default): send queries to targets; system: Resolver answers them itself'),
    endpoint: ref('forward: the outbound Resolver endpoint queries leave through'),
    targets: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'forward: DNS servers on your network, "ip" or "ip:port"' },
    vpcs: refs('VPCs the rule is associated with (shared to other accounts through AWS RAM)'),
  },
  ['domain'],
);

const dnsServer = closed(
  {
    ip: str('Its address on your network'),
    records: list(dnsRecord, 'Records it answers (A, AAAA, CNAME; no aliases)'),
    forward: list(closed({ domain: dnsName('A domain it forwards'), endpoint: ref('The inbound Resolver endpoint it forwards to') }, ['domain', 'endpoint']), 'Conditional forwarders to Resolver inbound endpoints'),
    networks: refs("On-premises networks whose hosts use it as their resolver; it answers their hosts' dns names"),
  },
  ['ip'],
);

/** The topology JSON Schema, draft-07. */
export const topologySchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://vpcsim.dev/schema/topology.schema.json',
  title: 'vpcsim topology, format v1',
  ...closed(
    {
      version: { const: 1, description: 'Format version; only 1 exists' },
      name: str('Name of the topology'),
      description: str('What the topology shows; printed by trace --explain and reports'),
      region: str('Default region of every VPC', { pattern: '^[a-z]{2}(-[a-z]+)+-\\d$' }),
      accounts: {
        type: 'object',
        description: 'Account name -> 12-digit account id',
        additionalProperties: { type: 'string', pattern: '^\\d{12}$' },
      },
      vpcs: idMap(vpc, 'VPCs'),
      peeringConnections: idMap(
        closed(
          {
            requester: ref('Requester VPC'),
            accepter: ref('Accepter VPC'),
            status: oneOfStrings(
              ['active', 'pending-acceptance', 'initiating-request', 'provisioning', 'rejected', 'failed', 'expired', 'deleting', 'deleted'],
              'Default active',
            ),
            allowRemoteVpcDnsResolution: closed({
              requester: bool("The requester VPC's public DNS hostnames resolve to private IPs from the accepter VPC", false),
              accepter: bool("The accepter VPC's public DNS hostnames resolve to private IPs from the requester VPC", false),
            }),
          },
          ['requester', 'accepter'],
        ),
        'VPC peering connections',
      ),
      transitGateways: idMap(transitGateway, 'Transit gateways, with their attachments and route tables'),
      prefixLists: idMap(
        closed(
          {
            name: str('Prefix list name; for an AWS-managed list, its service name (com.amazonaws.<region>.s3)'),
            awsManaged: bool("An AWS-managed list with its real pl- id and entries; one named after a gateway service replaces the catalogue's", false),
            // "Amazon VPC quotas", customer-managed prefix lists: at most 1,000 entries.
            maxEntries: { type: 'integer', minimum: 1, maximum: 1000, description: 'Most entries the list may hold (AWS MaxEntries); default and quota 1000' },
            entries: list(
              { anyOf: [{ type: 'string' }, closed({ cidr: str('CIDR'), description: str('Free text, at most 255 characters (AWS)', { maxLength: 255 }) }, ['cidr'])] },
              'CIDR blocks',
            ),
          },
          ['entries'],
        ),
        'Customer-managed prefix lists, and AWS-managed ones the catalogue lacks (awsManaged)',
      ),
      awsServices: {
        type: 'object',
        description: 'AWS services the built-in catalogue lacks, or replacements of its entries, by full name',
        propertyNames: { pattern: '^com\\.amazonaws\\.[a-z]{2}(-[a-z]+)+-\\d\\.[a-z0-9][a-z0-9.-]*$' },
        additionalProperties: closed(
          {
            endpointTypes: { type: 'array', items: { type: 'string', enum: ['interface', 'gateway'] }, minItems: 1, description: 'Endpoint types the service offers' },
            dnsName: str('Regional public DNS name; default <service>.<region>.amazonaws.com'),
            publicRanges: { ...addresses('Public CIDR blocks the service answers on'), minItems: 1 },
            prefixList: ref('Gateway services: the id of their AWS-managed prefix list (an awsManaged entry of prefixLists)'),
          },
          ['endpointTypes', 'publicRanges'],
        ),
      },
      internet: idMap(
        closed({ ip: str('Public IP address'), dns: str('Public DNS name') }, ['ip']),
        'Hosts on the public internet',
      ),
      onPremises: { ...idMap(onPremisesNetwork, 'Networks behind VPN connections and Direct Connect gateways, with their hosts'), type: ['object', 'null'] },
      virtualPrivateGateways: idMap(virtualPrivateGateway, 'Virtual private gateways (the AWS side of site-to-site VPN and Direct Connect)'),
      customerGateways: idMap(customerGateway, 'Customer gateways (on-premises VPN devices)'),
      vpnConnections: idMap(vpnConnection, 'Site-to-site VPN connections'),
      directConnectGateways: idMap(directConnectGateway, 'Direct Connect gateways'),
      hostedZones: idMap(hostedZone, 'Route 53 private hosted zones and their VPC associations'),
      resolverEndpoints: idMap(resolverEndpoint, 'Route 53 Resolver inbound and outbound endpoints'),
      resolverRules: idMap(resolverRule, 'Route 53 Resolver forward and system rules, with the VPCs they are associated with'),
      dnsServers: idMap(dnsServer, 'DNS servers on your network that Resolver rules forward to'),
      unmodelled: idMap(unmodelled, 'Route targets vpcsim does not model: a route to one ends the trace with UNMODELLED_TARGET'),
      checks: list(check, 'Reachability checks run by `vpcsim check`'),
      protect: list(protect, 'Destinations no change may open flows toward: `vpcsim check --baseline OLD` fails on such flows'),
      segments: closed(
        {
          groups: {
            type: 'object',
            description: 'Segment name -> the ends it holds (a selector, as a check\'s from / to); an end is in one segment at most',
            propertyNames: { pattern: ID_PATTERN },
            minProperties: 2,
            additionalProperties: selector,
          },
          allow: list(
            closed(
              {
                from: str('A segment name', { pattern: ID_PATTERN }),
                to: str('Another segment name', { pattern: ID_PATTERN }),
                ports: { ...portList, description: 'The only ports allowed (443, "8000-8010", "udp/53"); omitted: any protocol and port' },
              },
              ['from', 'to'],
            ),
            'Directions allowed between two segments; every other pair of two segments must be isolated',
          ),
        },
        ['groups'],
      ),
    },
    ['version', 'name'],
  ),
};
