// The topology file as written (format v1, ../docs/format.md): plain data that passed the
// JSON Schema, before references are resolved. Field names follow AWS's API.

/** A map of resources keyed by id. */
export type IdMap<T> = Readonly<Record<string, T>>;

/** A port or port range as written: 443, "1024-65535" or "443". */
export type RawPorts = number | string;

/** A security group rule as written. */
export interface RawSgRule {
  readonly protocol: string | number;
  readonly ports?: RawPorts;
  readonly cidr?: string;
  readonly ipv6Cidr?: string;
  readonly prefixList?: string;
  readonly securityGroup?: string;
  readonly description?: string;
}

/** A network ACL entry as written. */
export interface RawAclRule {
  readonly rule: number;
  readonly action: 'allow' | 'deny';
  readonly protocol: string | number;
  readonly ports?: RawPorts;
  readonly cidr?: string;
  readonly ipv6Cidr?: string;
}

/** A route as written. */
export interface RawRoute {
  readonly destination: string;
  readonly target: string;
}

/** A subnet as written. */
export interface RawSubnet {
  readonly az: string;
  readonly cidr: string;
  readonly ipv6Cidr?: string;
  readonly routeTable?: string;
  readonly networkAcl?: string;
}

/** A route table as written. */
export interface RawRouteTable {
  readonly main?: boolean;
  readonly gatewayAssociation?: string;
  readonly routes?: readonly RawRoute[];
}

/** A NAT gateway as written. */
export interface RawNatGateway {
  readonly subnet: string;
  readonly connectivity?: 'public' | 'private';
  readonly privateIp?: string;
  readonly publicIp?: string;
}

/** A security group as written. */
export interface RawSecurityGroup {
  readonly description?: string;
  readonly ingress?: readonly RawSgRule[];
  readonly egress?: readonly RawSgRule[];
}

/** A network ACL as written. */
export interface RawNetworkAcl {
  readonly ingress?: readonly RawAclRule[];
  readonly egress?: readonly RawAclRule[];
}

/** An EC2 instance as written (one primary network interface). */
export interface RawInstance {
  readonly subnet: string;
  readonly privateIp?: string;
  readonly publicIp?: string;
  readonly ipv6Ip?: string;
  readonly securityGroups?: readonly string[];
  readonly sourceDestCheck?: boolean;
}

/** A load balancer listener as written. */
export interface RawListener {
  readonly port: number;
  readonly protocol: string;
  readonly targetGroup: string;
}

/** A load balancer as written. */
export interface RawLoadBalancer {
  readonly type: 'network' | 'gateway';
  readonly scheme?: 'internal' | 'internet-facing';
  readonly subnets: readonly string[];
  readonly securityGroups?: readonly string[];
  readonly crossZone?: boolean;
  readonly enforceSecurityGroupInboundRulesOnPrivateLinkTraffic?: boolean;
  readonly listeners?: readonly RawListener[];
  readonly targetGroup?: string;
}

/** A load balancer target as written. */
export interface RawTarget {
  readonly instance?: string;
  readonly ip?: string;
  readonly port?: number;
  readonly healthy?: boolean;
}

/** A target group as written. */
export interface RawTargetGroup {
  readonly protocol: string;
  readonly port: number;
  readonly targetType?: 'instance' | 'ip';
  readonly preserveClientIp?: boolean;
  readonly targets?: readonly RawTarget[];
}

/** A PrivateLink endpoint service as written. */
export interface RawEndpointService {
  readonly loadBalancer: string;
  readonly serviceName?: string;
  readonly acceptanceRequired?: boolean;
  readonly allowedPrincipals?: readonly string[];
  readonly privateDnsName?: string;
  readonly privateDnsVerified?: boolean;
  readonly state?: string;
}

/** A VPC endpoint as written. */
export interface RawEndpoint {
  readonly type: 'interface' | 'gateway' | 'gatewayLoadBalancer';
  readonly service: string;
  readonly subnets?: readonly string[];
  readonly securityGroups?: readonly string[];
  readonly privateDns?: boolean;
  readonly routeTables?: readonly string[];
  readonly state?: string;
  readonly policy?: unknown;
  readonly privateDnsOnlyForInboundResolverEndpoint?: boolean;
}

/** A VPC as written, with everything it holds. */
export interface RawVpc {
  readonly account?: string;
  readonly region?: string;
  readonly cidr?: string;
  readonly cidrs?: readonly string[];
  readonly ipv6Cidr?: string;
  readonly enableDnsSupport?: boolean;
  readonly enableDnsHostnames?: boolean;
  readonly internetGateway?: string;
  readonly egressOnlyInternetGateway?: string;
  readonly subnets?: IdMap<RawSubnet>;
  readonly routeTables?: IdMap<RawRouteTable>;
  readonly natGateways?: IdMap<RawNatGateway>;
  readonly securityGroups?: IdMap<RawSecurityGroup>;
  readonly networkAcls?: IdMap<RawNetworkAcl>;
  readonly instances?: IdMap<RawInstance>;
  readonly loadBalancers?: IdMap<RawLoadBalancer>;
  readonly targetGroups?: IdMap<RawTargetGroup>;
  readonly endpointServices?: IdMap<RawEndpointService>;
  readonly endpoints?: IdMap<RawEndpoint>;
}

/** A VPC peering connection as written. */
export interface RawPeering {
  readonly requester: string;
  readonly accepter: string;
  readonly status?: string;
  readonly allowRemoteVpcDnsResolution?: { readonly requester?: boolean; readonly accepter?: boolean };
}

/** A customer-managed prefix list as written. */
export interface RawPrefixList {
  readonly name?: string;
  readonly maxEntries?: number;
  readonly entries: readonly (string | { readonly cidr: string; readonly description?: string })[];
}

/** A host on the public internet as written. */
export interface RawInternetHost {
  readonly ip: string;
  readonly dns?: string;
}

/** One end of a check: an id, an IP, a list of them, or a selector. */
export type RawSelector =
  | string
  | readonly string[]
  | { readonly subnet?: string; readonly vpc?: string; readonly securityGroup?: string };

/** A reachability check as written (run by `vpcsim check`). */
export interface RawCheck {
  readonly name: string;
  readonly from: RawSelector;
  readonly to: RawSelector;
  readonly port?: number;
  readonly sourcePort?: number;
  readonly protocol?: string;
  readonly expect?: 'reachable' | 'unreachable';
  readonly via?: readonly string[];
  readonly because?: string;
  readonly never?: readonly string[];
  readonly only?: readonly string[];
  readonly isolated?: boolean;
  readonly principal?: string;
  readonly action?: string;
  readonly resource?: string;
}

/** A whole topology file as written. */
export interface RawTopology {
  readonly version: 1;
  readonly name: string;
  readonly description?: string;
  readonly region?: string;
  readonly accounts?: IdMap<string>;
  readonly vpcs?: IdMap<RawVpc>;
  readonly peeringConnections?: IdMap<RawPeering>;
  readonly prefixLists?: IdMap<RawPrefixList>;
  readonly internet?: IdMap<RawInternetHost>;
  readonly onPremises?: null | IdMap<never>;
  readonly checks?: readonly RawCheck[];
}
