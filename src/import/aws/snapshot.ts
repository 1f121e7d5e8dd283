// The snapshot as read: one typed record per AWS resource in the describe output, each
// with its source (file, folder layout, JSON path). Parsers (the parse* functions of the
// map-*.ts files) fill it; mappers read it. Nothing here is in format v1 yet.
import type { Src } from './json-reader.js';
import type { VpnRecs } from './vpn-records.js';
import { emptyTgwSnapshot, type TgwSnapshot } from './tgw-records.js';

/** A VPC (describe-vpcs), with DNS attributes when the snapshot has them. */
export interface VpcRec {
  readonly id: string;
  /** Associated IPv4 blocks, the primary first. */
  readonly cidrs: string[];
  readonly ipv6Cidrs: string[];
  readonly ownerId: string | undefined;
  readonly isDefault: boolean;
  dnsSupport: boolean | undefined;
  dnsHostnames: boolean | undefined;
  readonly src: Src;
}

/** VPC DNS attributes (describe-vpc-attribute, or a list of them). */
export interface VpcAttrRec {
  readonly vpcId: string;
  readonly dnsSupport: boolean | undefined;
  readonly dnsHostnames: boolean | undefined;
  readonly src: Src;
}

/** A subnet (describe-subnets). */
export interface SubnetRec {
  readonly id: string;
  readonly vpcId: string;
  readonly cidr: string;
  readonly ipv6Cidrs: string[];
  readonly azId: string | undefined;
  readonly azName: string | undefined;
  readonly arnRegion: string | undefined;
  readonly src: Src;
}

/** An Availability Zone (describe-availability-zones): name -> zone id. */
export interface AzRec {
  readonly name: string;
  readonly id: string | undefined;
  readonly region: string | undefined;
  readonly src: Src;
}

/** One route of a route table. */
export interface RouteRec {
  readonly destCidr: string | undefined;
  readonly destIpv6: string | undefined;
  readonly destPrefixList: string | undefined;
  readonly gatewayId: string | undefined;
  readonly natGatewayId: string | undefined;
  readonly peeringId: string | undefined;
  readonly transitGatewayId: string | undefined;
  readonly instanceId: string | undefined;
  readonly eniId: string | undefined;
  readonly egressOnlyIgwId: string | undefined;
  /** Carrier, local or core-network targets, none of which vpcsim models. */
  readonly otherTarget: string | undefined;
  readonly state: string | undefined;
  /** CreateRoute, CreateRouteTable, EnableVgwRoutePropagation. */
  readonly origin: string | undefined;
  readonly path: string;
}

/** A route table association. */
export interface RtAssocRec {
  readonly main: boolean;
  readonly subnetId: string | undefined;
  readonly gatewayId: string | undefined;
  readonly state: string | undefined;
  readonly path: string;
}

/** A route table (describe-route-tables). */
export interface RouteTableRec {
  readonly id: string;
  readonly vpcId: string;
  readonly associations: RtAssocRec[];
  readonly routes: RouteRec[];
  readonly propagatingVgws: string[];
  readonly src: Src;
}

/** One peer of a security group permission. */
export type PermPeer =
  | { readonly kind: 'cidr'; readonly cidr: string; readonly description: string | undefined; readonly path: string }
  | { readonly kind: 'ipv6'; readonly cidr: string; readonly description: string | undefined; readonly path: string }
  | { readonly kind: 'prefixList'; readonly id: string; readonly description: string | undefined; readonly path: string }
  | {
      readonly kind: 'group';
      readonly groupId: string | undefined;
      readonly groupName: string | undefined;
      readonly userId: string | undefined;
      readonly vpcId: string | undefined;
      readonly peeringStatus: string | undefined;
      readonly description: string | undefined;
      readonly path: string;
    };

/** A security group permission (one entry of IpPermissions / IpPermissionsEgress). */
export interface PermRec {
  readonly protocol: string;
  readonly fromPort: number | undefined;
  readonly toPort: number | undefined;
  readonly peers: PermPeer[];
  readonly path: string;
}

/** A security group (describe-security-groups). */
export interface SecurityGroupRec {
  readonly id: string;
  readonly vpcId: string | undefined;
  readonly name: string | undefined;
  readonly description: string | undefined;
  readonly ownerId: string | undefined;
  readonly ingress: PermRec[];
  readonly egress: PermRec[];
  readonly src: Src;
}

/** A network ACL entry. */
export interface AclEntryRec {
  readonly rule: number;
  readonly egress: boolean;
  readonly action: string;
  readonly protocol: string;
  readonly cidr: string | undefined;
  readonly ipv6Cidr: string | undefined;
  readonly from: number | undefined;
  readonly to: number | undefined;
  readonly icmpType: number | undefined;
  readonly icmpCode: number | undefined;
  readonly path: string;
}

/** A network ACL (describe-network-acls). */
export interface NetworkAclRec {
  readonly id: string;
  readonly vpcId: string;
  readonly isDefault: boolean;
  readonly entries: AclEntryRec[];
  readonly subnetIds: { readonly id: string; readonly path: string }[];
  readonly src: Src;
}

/** An internet gateway (describe-internet-gateways). */
export interface IgwRec {
  readonly id: string;
  readonly attachments: { readonly vpcId: string; readonly state: string | undefined }[];
  readonly src: Src;
}

/** A network interface (describe-network-interfaces, or inside an instance). */
export interface EniRec {
  readonly id: string;
  readonly type: string | undefined;
  readonly subnetId: string | undefined;
  readonly vpcId: string | undefined;
  readonly privateIp: string | undefined;
  readonly secondaryIps: string[];
  readonly publicIp: string | undefined;
  readonly ipv6: string[];
  readonly instanceId: string | undefined;
  readonly deviceIndex: number | undefined;
  readonly groups: string[];
  readonly description: string | undefined;
  readonly requesterId: string | undefined;
  readonly requesterManaged: boolean | undefined;
  readonly sourceDestCheck: boolean | undefined;
  readonly status: string | undefined;
  readonly src: Src;
}

/** An EC2 instance (describe-instances: Reservations[].Instances[]). */
export interface InstanceRec {
  readonly id: string;
  readonly state: string | undefined;
  readonly vpcId: string | undefined;
  readonly subnetId: string | undefined;
  readonly privateIp: string | undefined;
  readonly publicIp: string | undefined;
  readonly groups: string[];
  readonly enis: EniRec[];
  readonly src: Src;
}

/** An Elastic IP (describe-addresses). */
export interface AddressRec {
  readonly publicIp: string;
  readonly allocationId: string | undefined;
  readonly associationId: string | undefined;
  readonly instanceId: string | undefined;
  readonly eniId: string | undefined;
  readonly src: Src;
}

/** A NAT gateway (describe-nat-gateways). */
export interface NatRec {
  readonly id: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly state: string | undefined;
  readonly connectivity: string | undefined;
  readonly addresses: { readonly privateIp: string | undefined; readonly publicIp: string | undefined; readonly eniId: string | undefined; readonly primary: boolean | undefined }[];
  readonly src: Src;
}

/** A VPC endpoint (describe-vpc-endpoints). */
export interface EndpointRec {
  readonly id: string;
  readonly vpcId: string;
  readonly type: string;
  readonly serviceName: string;
  readonly state: string | undefined;
  readonly subnetIds: string[];
  readonly groupIds: string[];
  readonly routeTableIds: string[];
  readonly privateDns: boolean | undefined;
  readonly policy: string | undefined;
  readonly eniIds: string[];
  readonly ownerId: string | undefined;
  /** DnsEntries[].DnsName: the regional name first, then the zonal ones. */
  readonly dnsNames: string[];
  readonly src: Src;
}

/** An endpoint service of the estate (describe-vpc-endpoint-service-configurations). */
export interface ServiceConfigRec {
  readonly id: string;
  readonly name: string | undefined;
  readonly types: string[];
  readonly acceptanceRequired: boolean | undefined;
  readonly nlbArns: string[];
  readonly gwlbArns: string[];
  readonly privateDnsName: string | undefined;
  readonly privateDnsState: string | undefined;
  readonly state: string | undefined;
  readonly src: Src;
}

/** One allowed principal of an endpoint service (describe-vpc-endpoint-service-permissions). */
export interface PermissionRec {
  readonly serviceId: string;
  readonly principal: string;
  readonly src: Src;
}

/** A connection to an endpoint service, seen by its provider (describe-vpc-endpoint-connections). */
export interface ConnectionRec {
  readonly serviceId: string;
  readonly endpointId: string;
  readonly owner: string | undefined;
  readonly state: string | undefined;
  readonly src: Src;
}

/** One side of a peering connection. */
export interface PeerSideRec {
  readonly vpcId: string;
  readonly ownerId: string | undefined;
  readonly region: string | undefined;
}

/** A VPC peering connection (describe-vpc-peering-connections). */
export interface PeeringRec {
  readonly id: string;
  readonly requester: PeerSideRec;
  readonly accepter: PeerSideRec;
  readonly status: string | undefined;
  readonly src: Src;
}

/** A prefix list (describe-prefix-lists, describe-managed-prefix-lists, or its entries). */
export interface PrefixListRec {
  readonly id: string;
  readonly name: string | undefined;
  /** 'AWS' for AWS-managed lists; an account id for customer-managed ones. */
  readonly owner: string | undefined;
  /** Entries when the snapshot has them. */
  cidrs: { readonly cidr: string; readonly description: string | undefined }[] | undefined;
  readonly src: Src;
}

/** A load balancer (elbv2 describe-load-balancers). */
export interface LoadBalancerRec {
  readonly arn: string;
  readonly name: string;
  readonly type: string;
  readonly scheme: string | undefined;
  readonly vpcId: string | undefined;
  readonly zones: { readonly subnetId: string; readonly zoneName: string | undefined; readonly addresses: { readonly ip: string | undefined; readonly privateIp: string | undefined; readonly allocationId: string | undefined }[]; readonly path: string }[];
  readonly groups: string[];
  readonly state: string | undefined;
  readonly enforceSgOnPrivateLink: string | undefined;
  /** DNSName of the load balancer. */
  readonly dnsName: string | undefined;
  readonly src: Src;
}

/** A listener (elbv2 describe-listeners, or wrapped per load balancer). */
export interface ListenerRec {
  readonly lbArn: string;
  readonly arn: string | undefined;
  readonly port: number | undefined;
  readonly protocol: string | undefined;
  /** Forward targets, with weights when a weighted forward action gives them. */
  readonly targetGroups: { readonly arn: string; readonly weight: number | undefined }[];
  readonly src: Src;
}

/** Attributes of a load balancer or target group (key -> value). */
export interface AttributesRec {
  readonly arn: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly src: Src;
}

/** A target group (elbv2 describe-target-groups). */
export interface TargetGroupRec {
  readonly arn: string;
  readonly name: string;
  readonly protocol: string | undefined;
  readonly port: number | undefined;
  readonly targetType: string | undefined;
  readonly vpcId: string | undefined;
  readonly lbArns: string[];
  readonly src: Src;
}

/** Registered targets and their health (elbv2 describe-target-health, per target group). */
export interface TargetHealthRec {
  readonly tgArn: string;
  readonly targets: { readonly id: string; readonly port: number | undefined; readonly az: string | undefined; readonly state: string | undefined; readonly path: string }[];
  readonly src: Src;
}

/** A resource vpcsim does not model, kept to be named in a warning. */
export interface UnmodelledRec {
  /** Human name of the kind: 'transit gateway', 'VPN connection'... */
  readonly kind: string;
  readonly id: string;
  /** The resource it belongs to (a TGW attachment's transit gateway), when known. */
  readonly parent: string | undefined;
  /** A short description: what it connects, its state. */
  readonly detail: string | undefined;
  readonly src: Src;
}

/** Everything read from the snapshot. */
export interface Snapshot {
  readonly vpcs: VpcRec[];
  readonly vpcAttributes: VpcAttrRec[];
  readonly subnets: SubnetRec[];
  readonly zones: AzRec[];
  readonly routeTables: RouteTableRec[];
  readonly securityGroups: SecurityGroupRec[];
  readonly networkAcls: NetworkAclRec[];
  readonly internetGateways: IgwRec[];
  /** describe-egress-only-internet-gateways, in the same shape. */
  readonly egressOnlyIgws: IgwRec[];
  readonly enis: EniRec[];
  readonly instances: InstanceRec[];
  readonly addresses: AddressRec[];
  readonly natGateways: NatRec[];
  readonly endpoints: EndpointRec[];
  readonly serviceConfigs: ServiceConfigRec[];
  readonly permissions: PermissionRec[];
  readonly connections: ConnectionRec[];
  readonly peerings: PeeringRec[];
  readonly prefixLists: PrefixListRec[];
  readonly loadBalancers: LoadBalancerRec[];
  readonly listeners: ListenerRec[];
  readonly lbAttributes: AttributesRec[];
  readonly targetGroups: TargetGroupRec[];
  readonly tgAttributes: AttributesRec[];
  readonly targetHealth: TargetHealthRec[];
  readonly unmodelled: UnmodelledRec[];
  /** Virtual private gateways, VPN connections and customer gateways (map-vpn.ts). */
  readonly vpn: VpnRecs;
  /** Route 53 hosted zones (list-hosted-zones, get-hosted-zone) and their record sets (map-hosted-zones.ts). */
  readonly hostedZones: import('./map-hosted-zones.js').HostedZoneRec[];
  readonly recordSets: import('./map-hosted-zones.js').RecordSetsRec[];
  /** Transit gateways, their attachments and route tables. */
  readonly tgw: TgwSnapshot;
  /** `${dir}\u0000${family}` for every describe call present, per folder. */
  readonly captured: Set<string>;
  /** Number of files read. */
  fileCount: number;
}

/** An empty snapshot. */
export function emptySnapshot(): Snapshot {
  return {
    vpcs: [], vpcAttributes: [], subnets: [], zones: [], routeTables: [], securityGroups: [], networkAcls: [],
    internetGateways: [], egressOnlyIgws: [], enis: [], instances: [], addresses: [], natGateways: [], endpoints: [], serviceConfigs: [],
    permissions: [], connections: [], peerings: [], prefixLists: [], loadBalancers: [], listeners: [], lbAttributes: [],
    targetGroups: [], tgAttributes: [], targetHealth: [], unmodelled: [], tgw: emptyTgwSnapshot(), hostedZones: [], recordSets: [], vpn: { gateways: [], connections: [], customerGateways: [] }, captured: new Set(), fileCount: 0,
  };
}

/** The describe calls whose presence the importer tracks (for reference errors and gaps). */
export type Family =
  | 'vpcs' | 'subnets' | 'routeTables' | 'securityGroups' | 'networkAcls' | 'internetGateways' | 'egressOnlyIgws' | 'instances'
  | 'enis' | 'natGateways' | 'endpoints' | 'serviceConfigs' | 'servicePermissions' | 'peerings' | 'prefixLists' | 'managedPrefixLists'
  | 'loadBalancers' | 'listeners' | 'lbAttributes' | 'targetGroups' | 'targetHealth' | 'transitGateways' | 'vpnGateways';

/** Record that a folder holds a describe call. */
export function markCaptured(s: Snapshot, dir: string, family: Family): void {
  s.captured.add(`${dir}\u0000${family}`);
}

/** Whether a folder holds a describe call. */
export function isCaptured(s: Snapshot, dir: string, family: Family): boolean {
  return s.captured.has(`${dir}\u0000${family}`);
}

/** Whether any folder holds a describe call. */
export function capturedAnywhere(s: Snapshot, family: Family): boolean {
  for (const k of s.captured) if (k.endsWith(`\u0000${family}`)) return true;
  return false;
}
