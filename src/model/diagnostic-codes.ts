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
  ALIAS_LIMIT: 'The file expands too many YAML aliases (an alias bomb or a mistake).',
  NESTING_TOO_DEEP: 'The YAML nests deeper than any topology needs (64 levels).',
  IMPORT_FAILED: 'An AWS snapshot folder could not be imported; the message names the file and the JSON path.',
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
  CROSS_VPC_REFERENCE: 'A reference crosses into another VPC where AWS requires the same VPC.',
  // Addresses
  INVALID_CIDR: 'Not a CIDR block (address/length).',
  CIDR_HOST_BITS: 'A CIDR block has host bits set; the message names the network address.',
  INVALID_IP: 'Not an IP address.',
  SUBNET_OUTSIDE_VPC: "A subnet's CIDR is not inside any of its VPC's CIDR blocks.",
  SUBNET_OVERLAP: 'Two subnets of one VPC overlap.',
  SUBNET_SIZE: 'A subnet is smaller than /28 or larger than /16 (IPv4), or not /64 (IPv6): AWS refuses it.',
  IP_OUTSIDE_SUBNET: "An address is not inside its subnet's CIDR.",
  IP_RESERVED: 'An address is one of the five AWS reserves in every subnet.',
  IP_IN_USE: 'Two resources hold the same address.',
  SUBNET_FULL: 'A subnet has no free address left for a resource that needs one.',
  PORT_RANGE: 'A port range is reversed or outside 0-65535.',
  // Rules and routes
  RULE_PEER: 'A rule needs exactly one peer: cidr, ipv6Cidr, prefixList or securityGroup (ACL entries: cidr or ipv6Cidr).',
  DUPLICATE_RULE_NUMBER: 'A network ACL uses the same rule number twice in one direction.',
  DUPLICATE_ROUTE: 'A route table has two routes to the same destination; AWS refuses the second.',
  MULTIPLE_MAIN_ROUTE_TABLES: 'A VPC has more than one main route table.',
  ROUTE_FAMILY_MISMATCH: 'A route, rule or target mixes IPv4 and IPv6.',
  // PrivateLink and endpoints
  GWLB_ENDPOINT_ROUTE_PREFIX_LIST: 'A route to a Gateway Load Balancer endpoint uses a prefix list as its destination; AWS needs a CIDR.',
  DUPLICATE_AZ: 'An endpoint or load balancer has two subnets in one Availability Zone.',
  ENDPOINT_SERVICE_TYPE: "An endpoint's type does not fit its service (NLB service for interface, GWLB for gatewayLoadBalancer).",
  ENDPOINT_FIELD_FOR_TYPE: 'An endpoint sets a field its type does not have (subnets on a gateway endpoint).',
  UNKNOWN_AWS_SERVICE: 'An AWS service name that is not in the built-in catalogue.',
  PRIVATE_DNS_NEEDS_VPC_DNS: 'Private DNS needs enableDnsSupport and enableDnsHostnames on the VPC; AWS refuses the endpoint.',
  PRIVATE_DNS_UNAVAILABLE: 'Private DNS is asked for on an endpoint whose service has no verified private DNS name; AWS refuses the endpoint.',
  LOAD_BALANCER_SHAPE: 'A load balancer has fields its type does not take (listeners on a GWLB, a target group on an NLB).',
  PEERING_CIDR_OVERLAP: 'Peered VPCs have overlapping CIDR blocks; AWS fails the peering connection.',
  TARGET_SHAPE: 'A target names both or neither of instance and ip, or does not fit its target type.',
  PEERING_SELF: 'A peering connection joins a VPC to itself.',
  // Warnings
  DNS_HOSTNAMES_OFF: 'A VPC with enableDnsHostnames false (the AWS API default) holds interface endpoints.',
  UNUSED_RESOURCE: 'A resource nothing refers to (a target group with no load balancer).',
} as const;

/** A diagnostic code from the closed list. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
