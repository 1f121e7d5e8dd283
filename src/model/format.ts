// The topology file as written (format v1, ../docs/format.md): plain data that passed the
// JSON Schema, before references are resolved. Field names follow AWS's API.
import type { UnmodelledKind } from './unmodelled-kinds.js';

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
  /** Virtual private gateways whose routes propagate into this table (EnableVgwRoutePropagation). */
  readonly propagatingVgws?: readonly string[];
  readonly routes?: readonly RawRoute[];
}

/** A NAT gateway as written. */
export interface RawNatGateway {
  readonly name?: string;
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

/** The fields every network interface is written with: an instance's primary one and any other. */
export interface RawInterfaceFields {
  /** The AWS Name tag: an alias flows and checks may use instead of the id. */
  readonly name?: string;
  readonly subnet: string;
  readonly privateIp?: string;
  /** Secondary private IPv4 addresses of the interface (AssignPrivateIpAddresses). */
  readonly secondaryPrivateIps?: readonly string[];
  readonly publicIp?: string;
  readonly ipv6Ip?: string;
  readonly securityGroups?: readonly string[];
  readonly sourceDestCheck?: boolean;
}

/** An EC2 instance as written (its primary network interface; more attach as networkInterfaces). */
export type RawInstance = RawInterfaceFields;

/**
 * A network interface as written that belongs to no other resource of the file: a Lambda
 * function's, an RDS instance's, an ECS task's..., or a secondary interface of an instance.
 */
export interface RawNetworkInterface extends RawInterfaceFields {
  /** Who the interface is for (docs/format.md lists the types). */
  readonly type?: string;
  readonly description?: string;
  /** An instance this interface is attached to as a secondary interface. */
  readonly instance?: string;
  /** Its device index on that instance (1 and up; 0 is the primary interface). */
  readonly deviceIndex?: number;
  /** DenyAllIgwTraffic: nothing from the internet gateway reaches the interface. */
  readonly denyAllIgwTraffic?: boolean;
}

/** A load balancer node pinned in one subnet (AWS SubnetMapping). */
export interface RawSubnetMapping {
  readonly subnet: string;
  readonly privateIpv4Address?: string;
  readonly allocationId?: string;
  readonly publicIp?: string;
}

/** An interface endpoint's interface pinned in one subnet (AWS SubnetConfiguration). */
export interface RawSubnetConfiguration {
  readonly subnet: string;
  readonly ipv4?: string;
  readonly ipv6?: string;
}

/** A load balancer listener as written. */
export interface RawListener {
  readonly port: number;
  readonly protocol: string;
  readonly targetGroup: string;
}

/** A load balancer as written. */
export interface RawLoadBalancer {
  readonly name?: string;
  readonly type: 'network' | 'gateway' | 'application';
  readonly scheme?: 'internal' | 'internet-facing';
  /** One subnet per AZ; or subnetMappings, which also pin the node addresses. */
  readonly subnets?: readonly string[];
  readonly subnetMappings?: readonly RawSubnetMapping[];
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
  /** A Lambda function (its ARN or name): targetType lambda. */
  readonly lambda?: string;
  /** An Application Load Balancer of the same VPC: targetType alb (an NLB's target group). */
  readonly loadBalancer?: string;
  readonly port?: number;
  readonly healthy?: boolean;
}

/** A target group as written. */
export interface RawTargetGroup {
  readonly protocol: string;
  /** Required but for targetType lambda, which has no port. */
  readonly port?: number;
  readonly targetType?: 'instance' | 'ip' | 'lambda' | 'alb';
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
  readonly name?: string;
  readonly type: 'interface' | 'gateway' | 'gatewayLoadBalancer';
  readonly service: string;
  readonly subnets?: readonly string[];
  readonly subnetConfigurations?: readonly RawSubnetConfiguration[];
  readonly securityGroups?: readonly string[];
  readonly privateDns?: boolean;
  readonly routeTables?: readonly string[];
  readonly state?: string;
  readonly policy?: unknown;
  readonly privateDnsOnlyForInboundResolverEndpoint?: boolean;
  /** Interface endpoints: IpAddressType (ipv4, dualstack, ipv6). */
  readonly ipAddressType?: 'ipv4' | 'dualstack' | 'ipv6';
  /** Interface endpoints: DnsOptions DnsRecordIpType. */
  readonly dnsRecordIpType?: 'ipv4' | 'dualstack' | 'ipv6' | 'service-defined';
}

/** A route target vpcsim does not model (the top-level `unmodelled:`). */
export interface RawUnmodelled {
  readonly kind: UnmodelledKind;
  readonly description?: string;
}

/** A record of a private hosted zone as written (ResourceRecordSet: simple routing). */
export interface RawDnsRecord {
  /** The full name, inside the zone (`db.corp.internal`, `*.corp.internal` for a wildcard). */
  readonly name: string;
  readonly type: 'A' | 'AAAA' | 'CNAME';
  /** A / AAAA: the addresses. */
  readonly values?: readonly string[];
  /** CNAME: the one name it points at. */
  readonly value?: string;
  /** A / AAAA alias: an interface endpoint (regional, or zonal with `az`), a load balancer, or another record of the zone. */
  readonly alias?: { readonly endpoint?: string; readonly az?: string; readonly loadBalancer?: string; readonly record?: string };
}

/** A Route 53 private hosted zone as written. */
export interface RawHostedZone {
  readonly name: string;
  readonly private: true;
  /** The account (a name of `accounts:`) that owns the zone; its VPCs may be in others. */
  readonly account?: string;
  /** The VPCs associated with the zone, in any account and region. */
  readonly vpcs: readonly string[];
  readonly records?: readonly RawDnsRecord[];
}

/** A Route 53 Resolver endpoint as written: its IP addresses in subnets of one VPC. */
export interface RawResolverEndpoint {
  readonly direction: 'inbound' | 'outbound';
  readonly vpc: string;
  readonly ipAddresses: readonly { readonly subnet: string; readonly ip?: string }[];
  readonly securityGroups?: readonly string[];
}

/** A Route 53 Resolver rule as written: forward (through an outbound endpoint) or system. */
export interface RawResolverRule {
  readonly domain: string;
  readonly type?: 'forward' | 'system';
  readonly endpoint?: string;
  /** forward: the DNS servers on your network, "ip" or "ip:port". */
  readonly targets?: readonly string[];
  /** The VPCs the rule is associated with (shared to their accounts). */
  readonly vpcs?: readonly string[];
}

/** A DNS server outside AWS (on premises) as written: its records and conditional forwarders. */
export interface RawDnsServer {
  readonly ip: string;
  readonly records?: readonly RawDnsRecord[];
  /** Domains it forwards to a Resolver inbound endpoint. */
  readonly forward?: readonly { readonly domain: string; readonly endpoint: string }[];
  /** On-premises networks whose hosts use it as their resolver (it answers their hosts' dns names). */
  readonly networks?: readonly string[];
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
  readonly networkInterfaces?: IdMap<RawNetworkInterface>;
}

/** A VPC peering connection as written. */
export interface RawPeering {
  readonly requester: string;
  readonly accepter: string;
  readonly status?: string;
  readonly allowRemoteVpcDnsResolution?: { readonly requester?: boolean; readonly accepter?: boolean };
}

/** A transit gateway's options as written (TransitGatewayOptions). */
export interface RawTransitGatewayOptions {
  readonly defaultRouteTableAssociation?: boolean;
  readonly associationDefaultRouteTable?: string;
  readonly defaultRouteTablePropagation?: boolean;
  readonly propagationDefaultRouteTable?: string;
  readonly dnsSupport?: boolean;
  readonly securityGroupReferencingSupport?: boolean;
}

/**
 * A transit gateway attachment as written: one closed shape whose `type` says which fields
 * belong (the builder refuses the others, positioned).
 */
export interface RawTgwAttachment {
  readonly type: string;
  readonly state?: string;
  /** type vpc */
  readonly vpc?: string;
  readonly subnets?: readonly string[];
  readonly applianceMode?: boolean;
  readonly securityGroupReferencingSupport?: boolean;
  /** type peering: the accepter transit gateway */
  readonly peer?: string;
}

/** A transit gateway route as written: to an attachment, or a blackhole. */
export interface RawTgwRoute {
  readonly destination: string;
  readonly attachment?: string;
  readonly blackhole?: boolean;
}

/** A transit gateway route table as written. */
export interface RawTgwRouteTable {
  readonly associations?: readonly string[];
  readonly propagations?: readonly string[];
  readonly routes?: readonly RawTgwRoute[];
}

/** A transit gateway as written. */
export interface RawTransitGateway {
  readonly account?: string;
  readonly region?: string;
  readonly asn?: number;
  readonly options?: RawTransitGatewayOptions;
  readonly attachments?: IdMap<RawTgwAttachment>;
  readonly routeTables?: IdMap<RawTgwRouteTable>;
}

/** A prefix list as written: customer-managed, or (awsManaged) an AWS-managed list of a region. */
export interface RawPrefixList {
  readonly name?: string;
  readonly maxEntries?: number;
  readonly awsManaged?: boolean;
  readonly entries: readonly (string | { readonly cidr: string; readonly description?: string })[];
}

/** An AWS service the file declares (one the catalogue lacks, or an override). */
export interface RawAwsService {
  readonly endpointTypes: readonly ('interface' | 'gateway')[];
  readonly dnsName?: string;
  readonly publicRanges?: readonly string[];
  /** Gateway services: the id of their AWS-managed prefix list (in `prefixLists`). */
  readonly prefixList?: string;
}

/** A host on the public internet as written. */
export interface RawInternetHost {
  readonly ip: string;
  readonly dns?: string;
}

/** A virtual private gateway as written: the VPN concentrator on the AWS side of one VPC. */
export interface RawVirtualPrivateGateway {
  /** The VPC it is attached to; a detached gateway carries nothing. */
  readonly vpc?: string;
  readonly amazonSideAsn?: number;
}

/** A customer gateway as written: the on-premises VPN device, by its outside address. */
export interface RawCustomerGateway {
  readonly ip: string;
  readonly bgpAsn?: number;
}

/** A site-to-site VPN connection as written. */
export interface RawVpnConnection {
  readonly customerGateway: string;
  readonly virtualPrivateGateway?: string;
  /** Static routing (AWS StaticRoutesOnly); default false: BGP. */
  readonly staticRoutesOnly?: boolean;
  /** The on-premises CIDRs of a static VPN (CreateVpnConnectionRoute). */
  readonly staticRoutes?: readonly string[];
  readonly state?: 'pending' | 'available' | 'deleting' | 'deleted';
}

/** A Direct Connect gateway's association with a virtual private gateway, as written. */
export interface RawDxAssociation {
  readonly gateway: string;
  /** AllowedPrefixesToDirectConnectGateway; default: the VPC's CIDR blocks. */
  readonly allowedPrefixes?: readonly string[];
}

/** A Direct Connect gateway as written. */
export interface RawDirectConnectGateway {
  readonly amazonSideAsn?: number;
  readonly associations?: readonly RawDxAssociation[];
}

/** A route of an on-premises router into one of its connections, beyond what AWS advertises. */
export interface RawOnPremisesRoute {
  readonly destination: string;
  readonly connection: string;
}

/** A host of an on-premises network as written. */
export interface RawOnPremisesHost {
  readonly ip: string;
  readonly dns?: string;
}

/** An on-premises network as written: its address blocks, the connections that reach it, its hosts. */
export interface RawOnPremisesNetwork {
  readonly cidrs: readonly string[];
  readonly connections?: readonly string[];
  readonly routes?: readonly RawOnPremisesRoute[];
  readonly hosts?: IdMap<RawOnPremisesHost>;
}

/** One end of a check: an id, an IP, a list of them, or a selector. */
export type RawSelector =
  | string
  | readonly string[]
  | { readonly subnet?: string; readonly vpc?: string; readonly securityGroup?: string; readonly interfaceType?: string; readonly onPremises?: string };

/** `only: { ports: [443, "udp/53", "8000-8010"] }`: nothing is reachable but these. */
export interface RawOnlyPorts {
  readonly ports: readonly (number | string)[];
}

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
  /** Ids every path crosses one of, or the only ports a flow may be reachable on. */
  readonly only?: readonly string[] | RawOnlyPorts;
  readonly isolated?: boolean;
  readonly principal?: string;
  readonly action?: string;
  readonly resource?: string;
}

/** A `protect:` entry as written. */
export interface RawProtect {
  readonly name?: string;
  readonly from?: string | readonly string[];
  readonly to: string | readonly string[];
  readonly protocol?: string;
  readonly ports?: number | string;
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
  readonly transitGateways?: IdMap<RawTransitGateway>;
  /** Route targets vpcsim does not model, so routes to them are written as in AWS. */
  readonly unmodelled?: IdMap<RawUnmodelled>;
  readonly prefixLists?: IdMap<RawPrefixList>;
  /** Declared AWS services, by full name (com.amazonaws.<region>.<service>). */
  readonly awsServices?: IdMap<RawAwsService>;
  readonly internet?: IdMap<RawInternetHost>;
  readonly onPremises?: null | IdMap<RawOnPremisesNetwork>;
  readonly virtualPrivateGateways?: IdMap<RawVirtualPrivateGateway>;
  readonly customerGateways?: IdMap<RawCustomerGateway>;
  readonly vpnConnections?: IdMap<RawVpnConnection>;
  readonly directConnectGateways?: IdMap<RawDirectConnectGateway>;
  /** Route 53 private hosted zones. */
  readonly hostedZones?: IdMap<RawHostedZone>;
  readonly resolverEndpoints?: IdMap<RawResolverEndpoint>;
  readonly resolverRules?: IdMap<RawResolverRule>;
  /** DNS servers on your network that Resolver rules forward to. */
  readonly dnsServers?: IdMap<RawDnsServer>;
  readonly checks?: readonly RawCheck[];
  readonly protect?: readonly RawProtect[];
  readonly segments?: RawSegments;
}

/** `segments:` as written: named selectors, and the allowed segment-to-segment directions. */
export interface RawSegments {
  readonly groups: IdMap<RawSelector>;
  readonly allow?: readonly RawSegmentRule[];
}

/** One allowed direction: from one segment to another, on any port or only on `ports`. */
export interface RawSegmentRule {
  readonly from: string;
  readonly to: string;
  readonly ports?: readonly (number | string)[];
}
