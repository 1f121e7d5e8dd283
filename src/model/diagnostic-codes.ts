// The closed list of diagnostic codes, each with the one-line meaning that
// docs/diagnostics.md prints. Tests match on these codes, never on message text.

/** Every diagnostic code vpcsim can report, with its meaning. */
export const DIAGNOSTIC_CODES = {
  // The file as text
  FILE_UNREADABLE: 'The file could not be read (missing, a folder, or no permission).',
  FILE_TOO_LARGE: 'The file is larger than vpcsim reads (2 MiB); split the topology.',
  NOT_TEXT: 'The file is not YAML text: invalid UTF-8, or a control character such as NUL that YAML does not allow.',
  YAML_SYNTAX: 'The text is not valid YAML.',
  DUPLICATE_KEY: 'A mapping has the same key twice; YAML would silently keep one of them.',
  ALIAS_LIMIT: 'The file expands too many YAML aliases (an alias bomb: more than 100 expansions, or more than 200,000 nodes once expanded), or an alias names a node that contains it (a cycle).',
  NESTING_TOO_DEEP: 'The YAML nests deeper than any topology needs (64 levels).',
  TOO_MANY_NODES: 'The YAML has more nodes (values, keys, collections) than vpcsim composes (200,000), counted before composing: split the topology.',
  IMPORT_FAILED: 'An AWS snapshot folder or a Terraform plan could not be imported; the message names the file and the JSON path (for a plan, the position is in the plan).',
  IMPORT_WARNING: 'A Terraform plan was imported with a loss, an assumption or a fallback (docs/terraform.md); verdicts do not account for what it names.',
  // The shape, checked against schema/topology.schema.json
  UNSUPPORTED_VERSION: 'The `version` is not one this vpcsim reads (only 1).',
  UNKNOWN_KEY: 'A key the format does not have; a typo must not silently change a verdict.',
  MISSING_FIELD: 'A required key is missing.',
  WRONG_TYPE: 'A value has the wrong type (a string where a number belongs, and the like).',
  BAD_VALUE: 'A value is not one of those allowed (an enum, a range or a pattern).',
  // References between resources
  DUPLICATE_ID: 'An id is used twice; ids are unique across the whole file.',
  UNKNOWN_REFERENCE: 'A reference names an id that does not exist.',
  WRONG_REFERENCE_KIND: 'A reference names a resource of the wrong kind (a route target that is a subnet).',
  CROSS_VPC_REFERENCE: 'A reference crosses into another VPC (for an AWS service, another region) where AWS requires the same one.',
  // Addresses
  INVALID_CIDR: 'Not a CIDR block (address/length).',
  CIDR_HOST_BITS: 'A CIDR block has host bits set; the message names the network address.',
  INVALID_IP: 'Not an IP address.',
  SUBNET_OUTSIDE_VPC: "A subnet's CIDR is not inside any of its VPC's CIDR blocks.",
  SUBNET_OVERLAP: 'Two subnets of one VPC overlap.',
  SUBNET_SIZE: 'A subnet is smaller than /28 or larger than /16 (IPv4), or not /64 (IPv6): AWS refuses it.',
  VPC_CIDR_SIZE: 'An IPv4 block of a VPC is smaller than /28 or larger than /16: AWS refuses it.',
  AZ_NOT_IN_REGION: "A subnet's Availability Zone (ID or name) is not one of its VPC's region.",
  IP_OUTSIDE_SUBNET: "An address is not inside its subnet's CIDR.",
  IP_RESERVED: 'An address is one of the five AWS reserves in every subnet.',
  IP_IN_USE: 'Two resources hold the same address.',
  SUBNET_FULL: 'A subnet has no free address left for a resource that needs one.',
  PORT_RANGE: 'A port range is reversed or outside 0-65535 (for ICMP, a type or code outside 0-255).',
  NO_SECURITY_GROUP: 'An instance, network interface or interface endpoint has `securityGroups: []`; AWS gives every network interface at least one security group (leave the key out for the VPC default group).',
  // Rules and routes
  RULE_PEER: 'A rule needs exactly one peer: cidr, ipv6Cidr, prefixList or securityGroup (ACL entries: cidr or ipv6Cidr).',
  DUPLICATE_RULE_NUMBER: 'A network ACL uses the same rule number twice in one direction.',
  DUPLICATE_ROUTE: 'A route table has two routes to the same destination; AWS refuses the second.',
  SG_REFERENCE_NOT_PEERED: 'A security group rule references a group of another VPC that is not peered with its own by an active peering connection in the same region; AWS refuses it.',
  PREFIX_LIST_MAX_ENTRIES: 'A prefix list holds more entries than its maxEntries (at most 1000, the AWS quota).',
  MULTIPLE_MAIN_ROUTE_TABLES: 'A VPC has more than one main route table.',
  ROUTE_FAMILY_MISMATCH: 'A route, rule or target mixes IPv4 and IPv6.',
  ROUTE_TARGET_TYPE: 'A route target AWS does not take: an endpoint that is not a GWLB endpoint, or in a gateway route table anything but local, a GWLB endpoint or an instance.',
  ROUTE_DESTINATION: 'A route destination AWS refuses: in a range AWS reserves (169.254.168.0/22, fd00:ec2::/32), or in a gateway route table a prefix list or anything but a whole VPC or subnet block.',
  EDGE_ASSOCIATION: 'A gateway route table that is also the main route table, or a gateway associated with two route tables.',
  // PrivateLink and endpoints
  GWLB_ENDPOINT_ROUTE_PREFIX_LIST: 'A route to a Gateway Load Balancer endpoint uses a prefix list as its destination; AWS needs a CIDR.',
  DUPLICATE_AZ: 'An endpoint or load balancer has two subnets in one Availability Zone, or a VPC has two GWLB endpoints of one service in one AZ.',
  ENDPOINT_AZ_NOT_SERVED: "An interface endpoint has a subnet in an Availability Zone its service's load balancer is not in; AWS refuses to create it.",
  ENDPOINT_SERVICE_TYPE: "An endpoint's type does not fit its service (NLB service for interface, GWLB for gatewayLoadBalancer).",
  ENDPOINT_FIELD_FOR_TYPE: 'An endpoint sets a field its type does not have (subnets on a gateway endpoint).',
  UNKNOWN_AWS_SERVICE: 'An AWS service name that is not in the built-in catalogue.',
  PRIVATE_DNS_NEEDS_VPC_DNS: 'Private DNS needs enableDnsSupport and enableDnsHostnames on the VPC; AWS refuses the endpoint.',
  PRIVATE_DNS_UNAVAILABLE: 'Private DNS is asked for on an endpoint whose service has no verified private DNS name; AWS refuses the endpoint.',
  PRIVATE_DNS_CONFLICT: 'Two interface endpoints of one VPC ask for private DNS for the same name; AWS refuses the second.',
  SUBNET_MAPPING_SHAPE: 'A load balancer or endpoint writes both subnets and subnetMappings / subnetConfigurations, or a mapping a load balancer cannot have (a public address on an internal one).',
  AWS_MANAGED_SHAPE: 'An awsManaged prefix list or a declared AWS service AWS could not have: an id that is not pl-…, a name that is not com.amazonaws.<region>.<service>, a gateway service without its awsManaged prefix list.',
  ATTACHMENT_ZONE: "A network interface is attached to an instance in another Availability Zone; AWS attaches interfaces only within the instance's AZ.",
  LOAD_BALANCER_SHAPE: 'A load balancer has fields its type does not take (listeners, security groups or a scheme on a GWLB, a target group on an NLB or ALB), or lacks one it needs (an ALB without security groups, or with cross-zone load balancing off).',
  LISTENER_PROTOCOL: "A listener's protocol does not fit its load balancer: HTTP or HTTPS for an Application Load Balancer; TCP, UDP, TCP_UDP or TLS for a Network Load Balancer.",
  DUPLICATE_LISTENER: 'A load balancer has two listeners on one port; AWS refuses the second (use tcp_udp for TCP and UDP).',
  TARGET_GROUP_PROTOCOL: "A target group's protocol, port or target type does not fit its load balancer (GENEVE on port 6081 for a GWLB, never GENEVE for an NLB; HTTP or HTTPS with instance, ip or lambda targets for an ALB; an NLB's alb group over TCP).",
  TARGET_IP_RANGE: 'An IP target is outside the VPC and the private ranges (RFC 1918, RFC 6598); AWS refuses publicly routable targets.',
  NEEDS_INTERNET_GATEWAY: 'An internet-facing load balancer in a VPC without an internet gateway; AWS refuses it.',
  PEERING_CIDR_OVERLAP: 'Peered VPCs have overlapping CIDR blocks; AWS fails the peering connection.',
  TARGET_SHAPE: 'A target names none or several of instance, ip, lambda and loadBalancer, or does not fit its target type (one Lambda function or one ALB per group, an ALB target on a port the ALB listens on, a port on every group but a lambda one).',
  PEERING_SELF: 'A peering connection joins a VPC to itself.',
  PEERING_DUPLICATE: 'Two live peering connections join the same two VPCs; AWS allows one.',
  // Transit gateways
  TGW_ATTACHMENT_SHAPE: 'A transit gateway attachment has a field its type does not take, or lacks one it needs (vpc and subnets for a VPC attachment, peer for a peering one), peers with its own gateway, or attaches a VPC the gateway already has.',
  TGW_ASSOCIATION: 'An attachment is associated with two route tables of one transit gateway; AWS associates an attachment with exactly one.',
  TGW_FOREIGN_ATTACHMENT: "A transit gateway route table (or a default route table option) names an attachment or table of another transit gateway; a table routes only its own gateway's attachments (and the peering attachments of its gateway).",
  TGW_PEERING_PROPAGATION: 'A peering attachment propagates into a transit gateway route table; transit gateway peering carries static routes only.',
  TGW_ROUTE_TARGET: 'A transit gateway route names both or neither of attachment and blackhole.',
  GATEWAY_ATTACHMENT: 'A virtual private gateway is attached to a VPC that already has one, a route or propagation names one not attached to its VPC, or a Direct Connect gateway association names one attached to no VPC or associated with another Direct Connect gateway.',
  ON_PREMISES_ADDRESS: "An on-premises host's address is outside its network's CIDR blocks or held by another host, or an on-premises route names a connection its network does not list.",
  // Route 53 private hosted zones and Resolver (docs/dns.md)
  DNS_RECORD_SHAPE: "A record AWS refuses: a name outside its zone, a CNAME at the zone apex or with addresses, an A / AAAA record with neither or both of values and alias, an alias naming no single target, an alias on an on-premises DNS server's record.",
  DNS_RECORD_CONFLICT: 'Two record sets of one name and type in a zone, or a CNAME record beside another record of its name; Route 53 refuses the second.',
  DNS_ALIAS_TARGET: 'An alias record points at nothing: a record its zone does not hold (of the same type), an endpoint that is not an interface endpoint or has no interface in the alias `az`, a Gateway Load Balancer (no DNS name); Route 53 refuses it.',
  DNS_ZONE_CONFLICT: "Two private hosted zones of one name associated with one VPC, or a zone named as an interface endpoint's private DNS name in the endpoint's VPC (ConflictingDomainExists).",
  RESOLVER_SHAPE: 'A Resolver rule or endpoint AWS refuses: a forward rule without an outbound endpoint or targets, a system rule with them, a rule associated with a VPC of another region, an on-premises forwarder to an outbound endpoint.',
  RESOLVER_RULE_CONFLICT: 'Two Resolver rules for one domain are associated with one VPC; AWS refuses the second association.',
  // Warnings
  DNS_HOSTNAMES_OFF: 'A VPC with enableDnsHostnames false (the AWS API default) holds interface endpoints.',
  NAT_GATEWAY_NO_IGW: 'A public NAT gateway in a VPC without an internet gateway: AWS puts it in the failed state, so nothing passes through it.',
  UNUSED_RESOURCE: 'A resource nothing refers to (a target group no load balancer forwards to).',
  DUPLICATE_SG_RULE: 'A security group has the same rule twice in one direction; it changes no verdict, and the AWS API refuses the second (InvalidPermission.Duplicate).',
  DUPLICATE_PREFIX_LIST_ENTRY: 'A prefix list has the same CIDR block twice; it changes no verdict.',
  GATEWAY_ENDPOINT_NO_ROUTE_TABLES: 'A gateway endpoint lists no route tables: it adds no route, so it carries nothing.',
  AZ_NAME_ACROSS_ACCOUNTS: 'PrivateLink zone matching between two accounts rests on AZ names, which differ per account; write AZ IDs (use1-az1).',
  OVERLAPPING_HOSTED_ZONES: "Two private zones of one VPC overlap (one is a parent of the other; an interface endpoint's private DNS is a zone too): the most specific zone answers every name under it, and a name it lacks is NXDOMAIN, never the parent's record.",
  DNS_CNAME_DANGLING: 'A CNAME record points at a name no resolver of the file answers; a flow to it does not resolve.',
  DNS_CNAME_LOOP: 'CNAME records point at each other in a loop; a query for them ends at the CNAME chain bound, unresolved.',
  HOSTED_ZONE_VPC_DNS_OFF: 'A private hosted zone is associated with a VPC whose enableDnsSupport or enableDnsHostnames is false; Route 53 needs both to answer from it there.',
} as const;

/** A diagnostic code from the closed list. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** The codes reported as warnings (advice that leaves a file valid); every other is an error. */
export const WARNING_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'DNS_HOSTNAMES_OFF', 'NAT_GATEWAY_NO_IGW', 'UNUSED_RESOURCE',
  'DUPLICATE_SG_RULE', 'DUPLICATE_PREFIX_LIST_ENTRY', 'GATEWAY_ENDPOINT_NO_ROUTE_TABLES', 'AZ_NAME_ACROSS_ACCOUNTS',
  'OVERLAPPING_HOSTED_ZONES', 'DNS_CNAME_DANGLING', 'DNS_CNAME_LOOP', 'HOSTED_ZONE_VPC_DNS_OFF',
]);
