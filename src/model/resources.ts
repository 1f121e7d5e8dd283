// The resources of a topology as readonly data, one interface per kind, a union on `kind`.
// References are ids, resolved and checked at load; addresses are parsed values.
import type { Ip } from '../net/ip.js';
import type { Prefix } from '../net/prefix.js';
import type { AwsService } from './aws-services.js';
import type { AclRule, PortRange, Route, RouteDestination, SgRule } from './rules.js';
import type { Span } from './span.js';
import type { UnmodelledKind } from './unmodelled-kinds.js';

/** Fields every resource has. */
interface Base {
  readonly id: string;
  /** Where it was written; for implicit resources, where the thing that implies them is. */
  readonly span: Span;
  /** JSON pointer of the resource in the source document ('' for built-in ones). */
  readonly pointer: string;
  /** False for resources AWS creates by default (main route table, default SG and ACL). */
  readonly written: boolean;
}

/** An AWS account named in the file. */
export interface Account extends Base {
  readonly kind: 'account';
  readonly accountId: string;
}

/** A VPC. */
export interface Vpc extends Base {
  readonly kind: 'vpc';
  readonly accountId: string | undefined;
  readonly region: string;
  readonly cidrs: readonly Prefix[];
  readonly ipv6Cidrs: readonly Prefix[];
  readonly enableDnsSupport: boolean;
  readonly enableDnsHostnames: boolean;
  readonly internetGateway: string | undefined;
  readonly egressOnlyInternetGateway: string | undefined;
  readonly mainRouteTable: string;
  readonly defaultSecurityGroup: string;
  readonly defaultNetworkAcl: string;
  readonly subnets: readonly string[];
}

/** A subnet, with its effective route table and ACL (explicit or the VPC's defaults). */
export interface Subnet extends Base {
  readonly kind: 'subnet';
  readonly vpc: string;
  readonly az: string;
  readonly cidr: Prefix;
  readonly ipv6Cidr: Prefix | undefined;
  readonly routeTable: string;
  readonly networkAcl: string;
}

/** A route table; local routes for every VPC CIDR are in `routes` with origin 'local'. */
export interface RouteTable extends Base {
  readonly kind: 'routeTable';
  readonly vpc: string;
  readonly main: boolean;
  readonly gatewayAssociation: string | undefined;
  /** Virtual private gateways whose routes propagate into this table. */
  readonly propagatingVgws: readonly string[];
  readonly routes: readonly Route[];
}

/** An internet gateway attached to a VPC. */
export interface InternetGateway extends Base {
  readonly kind: 'internetGateway';
  readonly vpc: string;
}

/** An egress-only internet gateway: outbound-initiated IPv6 only ("Egress-only internet gateways", Amazon VPC guide). */
export interface EgressOnlyInternetGateway extends Base {
  readonly kind: 'egressOnlyInternetGateway';
  readonly vpc: string;
}

/** A route target vpcsim does not model (`unmodelled:`): a route to it ends a trace with UNMODELLED_TARGET. */
export interface UnmodelledTarget extends Base {
  readonly kind: 'unmodelled';
  readonly targetKind: UnmodelledKind;
  readonly description: string | undefined;
}

/** A NAT gateway and its network interface. */
export interface NatGateway extends Base {
  readonly kind: 'natGateway';
  readonly vpc: string;
  readonly name: string | undefined;
  readonly subnet: string;
  readonly connectivity: 'public' | 'private';
  readonly privateIp: Ip;
  readonly publicIp: Ip | undefined;
}

/** A security group. */
export interface SecurityGroup extends Base {
  readonly kind: 'securityGroup';
  readonly vpc: string;
  readonly ingress: readonly SgRule[];
  readonly egress: readonly SgRule[];
}

/** A network ACL; entries sorted by rule number. */
export interface NetworkAcl extends Base {
  readonly kind: 'networkAcl';
  readonly vpc: string;
  readonly ingress: readonly AclRule[];
  readonly egress: readonly AclRule[];
}

/** An EC2 instance (its primary network interface is the ENI of the same id). */
export interface Instance extends Base {
  readonly kind: 'instance';
  readonly vpc: string;
  /** The AWS Name tag, an alias for the id in flows and checks. */
  readonly name: string | undefined;
  readonly subnet: string;
  readonly privateIp: Ip;
  /** Secondary private addresses of the primary interface. */
  readonly secondaryIps: readonly Ip[];
  /** Ids of its secondary network interfaces (networkInterfaces attached to it). */
  readonly secondaryInterfaces: readonly string[];
  readonly publicIp: Ip | undefined;
  readonly ipv6Ip: Ip | undefined;
  readonly securityGroups: readonly string[];
  /**
   * Source/destination checking (EC2, default true): the instance must be the source or
   * destination of all it sends and receives; off, it may forward (NAT, routing, firewalls).
   */
  readonly sourceDestCheck: boolean;
}

/** The interface types of `networkInterfaces` (AWS InterfaceType, or the service behind a requester-managed interface). */
export const INTERFACE_TYPES = [
  'interface', 'lambda', 'ecs', 'eks', 'rds', 'efs', 'elasticache', 'redshift', 'opensearch', 'fsx',
  'directory_service', 'workspaces', 'msk', 'mq', 'sagemaker', 'codebuild', 'glue', 'emr',
  'api_gateway_managed', 'quicksight', 'global_accelerator_managed', 'vpc_lattice', 'efa', 'trunk', 'branch',
  'transit_gateway', 'other',
] as const;

/** The type of a network interface that belongs to no other modelled resource. */
export type InterfaceType = (typeof INTERFACE_TYPES)[number];

/**
 * A network interface that belongs to no other modelled resource (a Lambda function's, an RDS
 * instance's, an ECS task's), or a secondary interface of an instance: an interface is a place
 * ("Elastic network interfaces", Amazon EC2 guide), with its subnet, addresses and groups.
 */
export interface NetworkInterface extends Base {
  readonly kind: 'networkInterface';
  readonly vpc: string;
  readonly name: string | undefined;
  readonly subnet: string;
  readonly privateIp: Ip;
  readonly secondaryIps: readonly Ip[];
  readonly publicIp: Ip | undefined;
  readonly ipv6Ip: Ip | undefined;
  readonly securityGroups: readonly string[];
  readonly sourceDestCheck: boolean;
  readonly type: InterfaceType;
  readonly description: string | undefined;
  /** The instance it is attached to as a secondary interface. */
  readonly instance: string | undefined;
  /** The device index written for a secondary interface (its Eni has the effective one). */
  readonly deviceIndex: number | undefined;
  readonly denyAllIgwTraffic: boolean;
}

/** A load balancer listener. */
export interface Listener {
  readonly port: number;
  readonly protocol: 'tcp' | 'udp' | 'tcp_udp' | 'tls' | 'http' | 'https';
  readonly targetGroup: string;
  readonly span: Span;
}

/** A Network, Gateway or Application Load Balancer. */
export interface LoadBalancer extends Base {
  readonly kind: 'loadBalancer';
  readonly vpc: string;
  readonly name: string | undefined;
  readonly type: 'network' | 'gateway' | 'application';
  readonly scheme: 'internal' | 'internet-facing';
  readonly subnets: readonly string[];
  readonly securityGroups: readonly string[];
  readonly crossZone: boolean;
  readonly enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: boolean;
  readonly listeners: readonly Listener[];
  readonly targetGroup: string | undefined;
  /** ENI ids of the load balancer's nodes, one per subnet (`<lb>/<subnet>`). */
  readonly nodes: readonly string[];
  /** Whether the file wrote subnetMappings (pinned node addresses) rather than subnets. */
  readonly subnetMappings: readonly SubnetMapping[] | undefined;
}

/** A load balancer node pinned in one subnet, as written (AWS SubnetMapping). */
export interface SubnetMapping {
  readonly subnet: string;
  readonly privateIpv4Address: Ip | undefined;
  readonly allocationId: string | undefined;
  readonly publicIp: Ip | undefined;
}

/** An interface endpoint's interface pinned in one subnet, as written (AWS SubnetConfiguration). */
export interface SubnetConfiguration {
  readonly subnet: string;
  readonly ipv4: Ip | undefined;
  readonly ipv6: Ip | undefined;
}

/** A registered load balancer target. */
export type Target =
  | { readonly kind: 'instance'; readonly instance: string; readonly port: number; readonly healthy: boolean; readonly span: Span }
  | { readonly kind: 'ip'; readonly ip: Ip; readonly port: number; readonly healthy: boolean; readonly span: Span }
  /** A Lambda function behind an ALB: invoked by the load balancer, not reached over the VPC. */
  | { readonly kind: 'lambda'; readonly function: string; readonly healthy: boolean; readonly span: Span }
  /** An Application Load Balancer behind an NLB: its nodes take the flow on `port`. */
  | { readonly kind: 'alb'; readonly loadBalancer: string; readonly port: number; readonly healthy: boolean; readonly span: Span };

/** A target group. */
export interface TargetGroup extends Base {
  readonly kind: 'targetGroup';
  readonly vpc: string;
  readonly protocol: 'tcp' | 'udp' | 'tcp_udp' | 'tls' | 'geneve' | 'http' | 'https';
  /** The group's port (0 for a Lambda group, which has none). */
  readonly port: number;
  readonly targetType: 'instance' | 'ip' | 'lambda' | 'alb';
  readonly preserveClientIp: boolean;
  readonly targets: readonly Target[];
}

/** A PrivateLink endpoint service. */
export interface EndpointService extends Base {
  readonly kind: 'endpointService';
  readonly vpc: string;
  readonly loadBalancer: string;
  readonly serviceName: string;
  readonly acceptanceRequired: boolean;
  readonly allowedPrincipals: readonly string[];
  readonly privateDnsName: string | undefined;
  readonly privateDnsVerified: boolean;
  readonly state: 'pending' | 'available' | 'failed' | 'deleting' | 'deleted';
}

/** The lifecycle states of a VPC endpoint (AWS API spelling). */
export type EndpointState =
  | 'available'
  | 'pendingAcceptance'
  | 'pending'
  | 'rejected'
  | 'expired'
  | 'failed'
  | 'deleting'
  | 'deleted';

/** What an endpoint connects to: one of ours, or an AWS service from the catalogue. */
export type EndpointTarget =
  | { readonly kind: 'endpointService'; readonly id: string }
  | { readonly kind: 'awsService'; readonly service: AwsService };

/** A VPC endpoint of any of the three types. */
export interface Endpoint extends Base {
  readonly kind: 'endpoint';
  readonly vpc: string;
  readonly name: string | undefined;
  readonly type: 'interface' | 'gateway' | 'gatewayLoadBalancer';
  readonly service: EndpointTarget;
  readonly subnets: readonly string[];
  readonly securityGroups: readonly string[];
  readonly privateDns: boolean;
  readonly routeTables: readonly string[];
  readonly state: EndpointState;
  /**
   * Interface endpoints of services that also have gateway endpoints (S3): private DNS answers
   * only queries through an inbound Resolver endpoint, so the VPC's own clients use the gateway
   * endpoint (DnsOptions, EC2 API reference).
   */
  readonly privateDnsOnlyForInboundResolverEndpoint: boolean;
  /** How the state was decided: written in the file, or derived (and why). */
  readonly stateReason: string;
  readonly policy: unknown;
  /** ENI ids, one per subnet (`<endpoint>/<subnet>`). */
  readonly enis: readonly string[];
  /** Whether the file wrote subnetConfigurations (pinned addresses) rather than subnets. */
  readonly subnetConfigurations: readonly SubnetConfiguration[] | undefined;
  /** Interface endpoints: the addresses of its interfaces (IpAddressType); ipv4 for the other types. */
  readonly ipAddressType: 'ipv4' | 'dualstack' | 'ipv6';
  /** Interface endpoints: which records its DNS names answer (DnsRecordIpType). */
  readonly dnsRecordIpType: 'ipv4' | 'dualstack' | 'ipv6' | 'service-defined';
}

/** A VPC peering connection. */
export interface PeeringConnection extends Base {
  readonly kind: 'peeringConnection';
  readonly requester: string;
  readonly accepter: string;
  readonly status: string;
  /**
   * AllowDnsResolutionFromRemoteVpc per side: the public DNS hostnames of that side's
   * instances resolve to private addresses when queried from the other side's VPC.
   */
  readonly allowRemoteVpcDnsResolution: { readonly requester: boolean; readonly accepter: boolean };
}

/** The attachment states of a transit gateway (TransitGatewayAttachmentState, EC2 API). */
export const TGW_ATTACHMENT_STATES = [
  'initiating', 'initiatingRequest', 'pendingAcceptance', 'rollingBack', 'pending', 'available', 'modifying',
  'deleting', 'deleted', 'failed', 'rejected', 'rejecting', 'failing',
] as const;

/** The state of a transit gateway attachment; only `available` carries traffic. */
export type TgwAttachmentState = (typeof TGW_ATTACHMENT_STATES)[number];

/**
 * A transit gateway: a regional router between its attachments ("How AWS Transit Gateway
 * works", Transit Gateways guide). Routing is by the route table each attachment is
 * associated with; the options are recorded as AWS holds them (the default association and
 * propagation act when an attachment is created, so the file writes their result: the tables'
 * associations and propagations).
 */
export interface TransitGateway extends Base {
  readonly kind: 'transitGateway';
  /** The owner's account id (from `accounts`), when the file names one. */
  readonly accountId: string | undefined;
  readonly region: string;
  readonly asn: number;
  readonly defaultRouteTableAssociation: boolean;
  readonly associationDefaultRouteTable: string | undefined;
  readonly defaultRouteTablePropagation: boolean;
  readonly propagationDefaultRouteTable: string | undefined;
  readonly dnsSupport: boolean;
  /** Security group referencing across its VPC attachments (TransitGatewayOptions; default off). */
  readonly securityGroupReferencingSupport: boolean;
  /** Ids of its attachments (a peering attachment is listed by the gateway that requested it). */
  readonly attachments: readonly string[];
  readonly routeTables: readonly string[];
}

/** The attachment types a transit gateway has (a closed list; the type, schema enum and docs come from it). */
export const TGW_ATTACHMENT_TYPES = ['vpc', 'peering'] as const;

/** The type of a transit gateway attachment. */
export type TgwAttachmentType = (typeof TGW_ATTACHMENT_TYPES)[number];

interface TgwAttachmentBase extends Base {
  readonly kind: 'transitGatewayAttachment';
  /** The gateway it belongs to (a peering attachment: the requester's). */
  readonly transitGateway: string;
  readonly state: TgwAttachmentState;
}

/**
 * A VPC attachment ("Amazon VPC attachments in AWS Transit Gateway"): one subnet per
 * Availability Zone, where the gateway puts its interface.
 */
export interface TgwVpcAttachment extends TgwAttachmentBase {
  readonly type: 'vpc';
  readonly vpc: string;
  readonly subnets: readonly string[];
  /** Appliance mode: one AZ's interface for both directions of a flow (default off). */
  readonly applianceMode: boolean;
  /** Security group referencing on this attachment (CreateTransitGatewayVpcAttachment: default on). */
  readonly securityGroupReferencingSupport: boolean;
}

/** A peering attachment between two transit gateways ("Transit gateway peering attachments"): static routes only. */
export interface TgwPeeringAttachment extends TgwAttachmentBase {
  readonly type: 'peering';
  /** The accepter gateway. */
  readonly peer: string;
}

/** A transit gateway attachment: a union on `type`. */
export type TransitGatewayAttachment = TgwVpcAttachment | TgwPeeringAttachment;

/** Where a transit gateway route sends matching packets. */
export type TgwRouteTarget =
  | { readonly kind: 'attachment'; readonly attachment: string }
  | { readonly kind: 'blackhole' };

/**
 * A route of a transit gateway route table: written (a static route or a prefix list
 * reference), or propagated from an attachment (a VPC's CIDR blocks).
 */
export interface TgwRoute {
  /** 1-based: written routes in file order, then propagated ones. */
  readonly index: number;
  readonly destination: RouteDestination;
  readonly target: TgwRouteTarget;
  readonly origin: 'static' | 'prefixList' | 'propagated';
  /** Propagated routes: the type of the attachment that propagated them (route priority). */
  readonly propagatedFrom?: TgwAttachmentType;
  readonly span: Span;
}

/** A transit gateway route table with its associations and propagations. */
export interface TransitGatewayRouteTable extends Base {
  readonly kind: 'transitGatewayRouteTable';
  readonly transitGateway: string;
  /** Attachments whose traffic this table routes (each attachment is associated with one table per gateway). */
  readonly associations: readonly string[];
  readonly propagations: readonly string[];
  readonly routes: readonly TgwRoute[];
}

/** A prefix list: customer-managed from the file, or AWS-managed from the catalogue. */
export interface PrefixList extends Base {
  readonly kind: 'prefixList';
  readonly name: string | undefined;
  readonly entries: readonly Prefix[];
  readonly managed: boolean;
}

/** A host on the public internet. */
export interface InternetHost extends Base {
  readonly kind: 'internetHost';
  readonly ip: Ip;
  readonly dns: string | undefined;
}

/**
 * A virtual private gateway ("What is AWS Site-to-Site VPN?", Site-to-Site VPN guide): the
 * VPN concentrator on the AWS side, attached to at most one VPC; IPv4 only.
 */
export interface VirtualPrivateGateway extends Base {
  readonly kind: 'virtualPrivateGateway';
  readonly vpc: string | undefined;
  readonly amazonSideAsn: number | undefined;
}

/** A customer gateway: the on-premises VPN device, by its outside IPv4 address. */
export interface CustomerGateway extends Base {
  readonly kind: 'customerGateway';
  readonly ip: Ip;
  readonly bgpAsn: number | undefined;
}

/** A static route of a VPN connection (CreateVpnConnectionRoute), where it is written. */
export interface VpnStaticRoute {
  readonly prefix: Prefix;
  readonly span: Span;
}

/** The states of a VPN connection (AWS spelling). */
export const VPN_STATES = ['pending', 'available', 'deleting', 'deleted'] as const;

/**
 * A site-to-site VPN connection between a customer gateway and a virtual private gateway:
 * two tunnels in AWS, one path in vpcsim (the trace says so).
 */
export interface VpnConnection extends Base {
  readonly kind: 'vpnConnection';
  readonly customerGateway: string;
  readonly virtualPrivateGateway: string | undefined;
  readonly staticRoutesOnly: boolean;
  readonly staticRoutes: readonly VpnStaticRoute[];
  readonly state: (typeof VPN_STATES)[number];
}

/** A Direct Connect gateway's association with a virtual private gateway. */
export interface DxAssociation {
  readonly gateway: string;
  /** AllowedPrefixesToDirectConnectGateway; undefined: the VPC's CIDR blocks. */
  readonly allowedPrefixes: readonly Prefix[] | undefined;
  readonly span: Span;
}

/** A Direct Connect gateway: on-premises networks reach the gateways associated with it. */
export interface DirectConnectGateway extends Base {
  readonly kind: 'directConnectGateway';
  readonly amazonSideAsn: number | undefined;
  readonly associations: readonly DxAssociation[];
}

/** A route of an on-premises router into one of its connections, as written. */
export interface OnPremisesRoute {
  readonly index: number;
  readonly prefix: Prefix;
  readonly connection: string;
  readonly span: Span;
}

/** An on-premises network: address blocks, reached over VPN connections and Direct Connect gateways. */
export interface OnPremisesNetwork extends Base {
  readonly kind: 'onPremisesNetwork';
  readonly cidrs: readonly Prefix[];
  /** VPN connection and Direct Connect gateway ids, in the order written. */
  readonly connections: readonly string[];
  readonly routes: readonly OnPremisesRoute[];
  /** Host ids, in the order written. */
  readonly hosts: readonly string[];
}

/** A host of an on-premises network: a flow source or destination. */
export interface OnPremisesHost extends Base {
  readonly kind: 'onPremisesHost';
  readonly network: string;
  readonly ip: Ip;
  readonly dns: string | undefined;
}

/** What an alias record points at ("Choosing between alias and non-alias records", Route 53 guide). */
export type DnsAliasTarget =
  | { readonly kind: 'endpoint'; readonly endpoint: string; readonly az: string | undefined }
  | { readonly kind: 'loadBalancer'; readonly loadBalancer: string }
  | { readonly kind: 'record'; readonly name: string };

/** A record set of a private hosted zone or an on-premises DNS server (simple routing). */
export interface DnsZoneRecord {
  /** Normalised full name (lower case, no trailing dot); `*.x` for a wildcard. */
  readonly name: string;
  readonly type: 'A' | 'AAAA' | 'CNAME';
  readonly values: readonly Ip[];
  /** CNAME: the normalised name it points at. */
  readonly cname: string | undefined;
  readonly alias: DnsAliasTarget | undefined;
  readonly span: Span;
}

/** A Route 53 private hosted zone and the VPCs associated with it. */
export interface HostedZone extends Base {
  readonly kind: 'hostedZone';
  /** Normalised zone name. */
  readonly name: string;
  readonly account: string | undefined;
  readonly vpcs: readonly string[];
  /** Each VPC association's source position, by VPC id. */
  readonly vpcSpans: ReadonlyMap<string, Span>;
  readonly records: readonly DnsZoneRecord[];
}

/** A Route 53 Resolver endpoint: the path for queries from your network (inbound) or to it (outbound). */
export interface ResolverEndpoint extends Base {
  readonly kind: 'resolverEndpoint';
  readonly direction: 'inbound' | 'outbound';
  readonly vpc: string;
  readonly subnets: readonly string[];
  readonly ips: readonly (Ip | undefined)[];
  readonly securityGroups: readonly string[];
}

/** A Route 53 Resolver rule associated with VPCs. */
export interface ResolverRule extends Base {
  readonly kind: 'resolverRule';
  /** Normalised domain; '' for the root ("."). */
  readonly domain: string;
  readonly ruleType: 'forward' | 'system';
  readonly endpoint: string | undefined;
  readonly targets: readonly { readonly ip: Ip; readonly port: number; readonly text: string }[];
  readonly vpcs: readonly string[];
}

/** A DNS server on your network: the records it holds and the domains it forwards to inbound endpoints. */
export interface DnsServer extends Base {
  readonly kind: 'dnsServer';
  readonly ip: Ip;
  readonly records: readonly DnsZoneRecord[];
  readonly forward: readonly { readonly domain: string; readonly endpoint: string; readonly span: Span }[];
  /** On-premises networks whose hosts ask it. */
  readonly networks: readonly string[];
}

/** Every kind of resource in the model. */
export type Resource =
  | Account
  | Vpc
  | Subnet
  | RouteTable
  | InternetGateway
  | EgressOnlyInternetGateway
  | UnmodelledTarget
  | NatGateway
  | SecurityGroup
  | NetworkAcl
  | Instance
  | NetworkInterface
  | LoadBalancer
  | TargetGroup
  | EndpointService
  | Endpoint
  | PeeringConnection
  | PrefixList
  | InternetHost
  | TransitGateway
  | TransitGatewayAttachment
  | TransitGatewayRouteTable
  | VirtualPrivateGateway
  | CustomerGateway
  | VpnConnection
  | DirectConnectGateway
  | OnPremisesNetwork
  | OnPremisesHost
  | HostedZone
  | ResolverEndpoint
  | ResolverRule
  | DnsServer;

/** The `kind` tag of a resource. */
export type ResourceKind = Resource['kind'];

/** Who owns a network interface. */
export type EniOwner =
  /** An instance's interface, primary or secondary (id: the instance). */
  | { readonly kind: 'instance'; readonly id: string }
  /**
   * A standalone network interface (a Lambda function's, an RDS instance's: id, its own),
   * which sends and receives like an instance's: security groups, then delivered.
   */
  | { readonly kind: 'networkInterface'; readonly id: string }
  | { readonly kind: 'natGateway'; readonly id: string }
  | { readonly kind: 'endpoint'; readonly id: string }
  | { readonly kind: 'loadBalancer'; readonly id: string };

/** A network interface: where packets start, stop and get filtered by security groups. */
export interface Eni {
  readonly id: string;
  readonly owner: EniOwner;
  readonly vpc: string;
  readonly subnet: string;
  readonly az: string;
  readonly privateIp: Ip;
  /** Secondary private IPv4 addresses; the interface receives on them as on privateIp. */
  readonly secondaryIps: readonly Ip[];
  readonly publicIp: Ip | undefined;
  readonly ipv6Ip: Ip | undefined;
  readonly securityGroups: readonly string[];
  /** What the interface is: instance and networkInterfaces types, or the managed owner's. */
  readonly interfaceType: string;
  /** Whether security groups filter this ENI (false for NAT gateways and SG-less NLBs). */
  readonly filtered: boolean;
  /**
   * Source/destination checking, which EC2 keeps per interface (ModifyNetworkInterfaceAttribute:
   * SourceDestCheck): off, the interface may receive and send packets not addressed to or from
   * it (an appliance). Managed interfaces (NAT gateway, endpoint, load balancer node): true.
   */
  readonly sourceDestCheck: boolean;
  /** An instance's interface: its device index (0 the primary, the instance's own id); else undefined. */
  readonly deviceIndex: number | undefined;
  /**
   * DenyAllIgwTraffic (EC2 NetworkInterface): "inbound traffic from the internet is dropped";
   * true for interface endpoints' interfaces with an IPv6 address and where the file says so.
   */
  readonly denyAllIgwTraffic: boolean;
  readonly span: Span;
}

export type { AclRule, PortRange, Route, SgRule };
