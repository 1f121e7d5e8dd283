// The loaded topology: immutable, indexed by id, references resolved, addresses parsed.
// Built by load-topology.ts, read by the engine. The graph of what joins its VPCs is built on
// first use (vpc-graph.ts), never on load.
import type { Ip } from '../net/ip.js';
import type { AwsService } from './aws-services.js';
import type { Check } from './check.js';
import type { ProtectRule } from './protect.js';
import type { Segments } from './segments.js';
import type {
  Account,
  DnsServer,
  Endpoint,
  EndpointService,
  Eni,
  HostedZone,
  Instance,
  EgressOnlyInternetGateway,
  InternetGateway,
  InternetHost,
  LoadBalancer,
  NatGateway,
  NetworkAcl,
  NetworkInterface,
  PeeringConnection,
  PrefixList,
  ResolverEndpoint,
  ResolverRule,
  Resource,
  ResourceKind,
  RouteTable,
  SecurityGroup,
  Subnet,
  TargetGroup,
  TransitGateway,
  TransitGatewayAttachment,
  TransitGatewayRouteTable,
  UnmodelledTarget,
  Vpc,
  VirtualPrivateGateway,
  CustomerGateway,
  VpnConnection,
  DirectConnectGateway,
  OnPremisesNetwork,
  OnPremisesHost,
} from './resources.js';
import type { Span } from './span.js';

/** A loaded topology. Maps iterate in a deterministic order (sorted by id). */
export interface Topology {
  readonly file: string;
  readonly name: string;
  readonly description: string | undefined;
  readonly region: string;
  readonly span: Span;
  readonly accounts: ReadonlyMap<string, Account>;
  readonly vpcs: ReadonlyMap<string, Vpc>;
  readonly subnets: ReadonlyMap<string, Subnet>;
  readonly routeTables: ReadonlyMap<string, RouteTable>;
  readonly internetGateways: ReadonlyMap<string, InternetGateway>;
  readonly egressOnlyInternetGateways: ReadonlyMap<string, EgressOnlyInternetGateway>;
  /** Route targets vpcsim does not model (`unmodelled:`). */
  readonly unmodelledTargets: ReadonlyMap<string, UnmodelledTarget>;
  readonly natGateways: ReadonlyMap<string, NatGateway>;
  readonly securityGroups: ReadonlyMap<string, SecurityGroup>;
  readonly networkAcls: ReadonlyMap<string, NetworkAcl>;
  readonly instances: ReadonlyMap<string, Instance>;
  readonly networkInterfaces: ReadonlyMap<string, NetworkInterface>;
  readonly loadBalancers: ReadonlyMap<string, LoadBalancer>;
  readonly targetGroups: ReadonlyMap<string, TargetGroup>;
  readonly endpointServices: ReadonlyMap<string, EndpointService>;
  readonly endpoints: ReadonlyMap<string, Endpoint>;
  readonly peeringConnections: ReadonlyMap<string, PeeringConnection>;
  readonly transitGateways: ReadonlyMap<string, TransitGateway>;
  readonly transitGatewayAttachments: ReadonlyMap<string, TransitGatewayAttachment>;
  readonly transitGatewayRouteTables: ReadonlyMap<string, TransitGatewayRouteTable>;
  /** Customer-managed lists by id, and AWS-managed lists of the regions in use by id and name. */
  readonly prefixLists: ReadonlyMap<string, PrefixList>;
  readonly internetHosts: ReadonlyMap<string, InternetHost>;
  readonly virtualPrivateGateways: ReadonlyMap<string, VirtualPrivateGateway>;
  readonly customerGateways: ReadonlyMap<string, CustomerGateway>;
  readonly vpnConnections: ReadonlyMap<string, VpnConnection>;
  readonly directConnectGateways: ReadonlyMap<string, DirectConnectGateway>;
  /** On-premises networks (`onPremises:`) and their hosts. */
  readonly onPremisesNetworks: ReadonlyMap<string, OnPremisesNetwork>;
  readonly onPremisesHosts: ReadonlyMap<string, OnPremisesHost>;
  /** AWS services of every catalogued region (their public names resolve from anywhere), by full name. */
  readonly awsServices: ReadonlyMap<string, AwsService>;
  /** Route 53 private hosted zones (docs/dns.md). */
  readonly hostedZones: ReadonlyMap<string, HostedZone>;
  readonly resolverEndpoints: ReadonlyMap<string, ResolverEndpoint>;
  readonly resolverRules: ReadonlyMap<string, ResolverRule>;
  /** DNS servers on your network (`dnsServers:`). */
  readonly dnsServers: ReadonlyMap<string, DnsServer>;
  /** Every network interface, by ENI id. */
  readonly enis: ReadonlyMap<string, Eni>;
  /** Every resource by id (ENIs are separate: see `enis`). */
  readonly byId: ReadonlyMap<string, Resource>;
  readonly checks: readonly Check[];
  /** The `protect:` entries, for `check --baseline`. */
  readonly protect: readonly ProtectRule[];
  /** The `segments:` block, run by `vpcsim check` as checks of its own. */
  readonly segments: Segments | undefined;
}

/** The resource of an id when it has the wanted kind. */
export function resourceOfKind<K extends ResourceKind>(
  topology: Topology,
  id: string,
  kind: K,
): Extract<Resource, { kind: K }> | undefined {
  const r = topology.byId.get(id);
  return r?.kind === kind ? (r as Extract<Resource, { kind: K }>) : undefined;
}

/** ENIs indexed by VPC and private address, for local delivery. */
export type EniAddressIndex = ReadonlyMap<string, ReadonlyMap<bigint, Eni>>;

export type { Ip };
