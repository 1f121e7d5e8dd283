// The topology being built: format v1 values (src/model/format.ts shapes), plus what the
// YAML writer turns into comments: the source files of each resource, notes on it, and a
// note on single routes or rules. Maps are keyed by id and sorted only when written.
import type {
  RawHostedZone,
  RawAclRule, RawEndpoint, RawEndpointService, RawInstance, RawListener, RawLoadBalancer, RawNatGateway,
  RawNetworkInterface, RawPeering, RawRoute, RawSgRule, RawSubnet, RawTarget, RawTargetGroup, RawTransitGateway, RawUnmodelled,
  RawVirtualPrivateGateway, RawCustomerGateway, RawVpnConnection, RawOnPremisesNetwork,
} from '../../model/format.js';

/** A list item (a route, a rule) with an optional trailing comment. */
export class Noted<T extends object> {
  constructor(
    readonly value: T,
    readonly note: string | undefined = undefined,
  ) {}
}

/** A resource being emitted: its format v1 value, where it came from, and notes. */
export interface Emitted<T> {
  readonly value: T;
  /** Snapshot files it was read from, relative to the snapshot folder. */
  readonly sources: string[];
  /** Comments written above it (inferred values, AWS addresses, ARNs). */
  readonly notes: string[];
  /** The AWS Name tag, shown in the comment. */
  readonly name?: string | undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A route table as emitted. */
export interface OutRouteTable {
  main?: boolean;
  gatewayAssociation?: string;
  propagatingVgws?: string[];
  routes: Noted<RawRoute>[];
}

/** A security group as emitted: both directions always written (an empty egress denies). */
export interface OutSecurityGroup {
  description?: string;
  ingress: Noted<RawSgRule>[];
  egress: Noted<RawSgRule>[];
}

/** A network ACL as emitted. */
export interface OutNetworkAcl {
  ingress: Noted<RawAclRule>[];
  egress: Noted<RawAclRule>[];
}

/** A load balancer as emitted. */
export type OutLoadBalancer = Mutable<Omit<RawLoadBalancer, 'listeners'>> & { listeners?: Noted<RawListener>[] };

/** A target group as emitted. */
export type OutTargetGroup = Mutable<Omit<RawTargetGroup, 'targets'>> & { targets?: Noted<RawTarget>[] };

/** The VPC-level keys of a VPC, in the order they are written. */
export interface OutVpcFields {
  account?: string;
  region?: string;
  cidr?: string;
  cidrs?: string[];
  ipv6Cidr?: string;
  enableDnsSupport?: boolean;
  enableDnsHostnames?: boolean;
  internetGateway?: string;
  egressOnlyInternetGateway?: string;
}

/** A VPC as emitted, with everything it holds. */
export interface OutVpc {
  readonly fields: OutVpcFields;
  readonly sources: string[];
  readonly notes: string[];
  readonly name: string | undefined;
  readonly subnets: Map<string, Emitted<Mutable<RawSubnet>>>;
  readonly routeTables: Map<string, Emitted<OutRouteTable>>;
  readonly natGateways: Map<string, Emitted<Mutable<RawNatGateway>>>;
  readonly securityGroups: Map<string, Emitted<OutSecurityGroup>>;
  readonly networkAcls: Map<string, Emitted<OutNetworkAcl>>;
  readonly instances: Map<string, Emitted<Mutable<RawInstance>>>;
  readonly loadBalancers: Map<string, Emitted<OutLoadBalancer>>;
  readonly targetGroups: Map<string, Emitted<OutTargetGroup>>;
  readonly endpointServices: Map<string, Emitted<Mutable<RawEndpointService>>>;
  readonly endpoints: Map<string, Emitted<Mutable<RawEndpoint>>>;
  readonly networkInterfaces: Map<string, Emitted<Mutable<RawNetworkInterface>>>;
}

/** A customer-managed prefix list as emitted. */
export interface OutPrefixList {
  name?: string;
  awsManaged?: boolean;
  entries: (string | { cidr: string; description: string })[];
}

/** The whole topology as emitted. */
export interface OutTopology {
  name: string;
  description: string;
  region: string;
  /** Account name (the 12-digit id itself) -> where it was seen. */
  readonly accounts: Map<string, Emitted<string>>;
  readonly vpcs: Map<string, OutVpc>;
  readonly peeringConnections: Map<string, Emitted<Mutable<RawPeering>>>;
  readonly transitGateways: Map<string, Emitted<RawTransitGateway>>;
  readonly prefixLists: Map<string, Emitted<OutPrefixList>>;
  /** Route targets vpcsim does not model or the input does not hold (`unmodelled:`). */
  readonly unmodelled: Map<string, Emitted<Mutable<RawUnmodelled>>>;
  readonly virtualPrivateGateways: Map<string, Emitted<RawVirtualPrivateGateway>>;
  readonly customerGateways: Map<string, Emitted<RawCustomerGateway>>;
  readonly vpnConnections: Map<string, Emitted<RawVpnConnection>>;
  readonly onPremises: Map<string, Emitted<RawOnPremisesNetwork>>;
  /** Route 53 private hosted zones (`hostedZones:`). */
  readonly hostedZones: Map<string, Emitted<RawHostedZone>>;
}

/** Replace one key of an emitted value by another, in its place (the format's key order). */
export function replaceKey(value: object, key: string, by: string, v: unknown): void {
  const o = value as Record<string, unknown>;
  const entries = Object.entries(o).map(([k, x]): [string, unknown] => (k === key ? [by, v] : [k, x]));
  for (const k of Object.keys(o)) delete o[k];
  Object.assign(o, Object.fromEntries(entries));
}

/** A new, empty VPC. */
export function newVpc(sources: string[], name: string | undefined): OutVpc {
  return {
    fields: {}, sources, notes: [], name, subnets: new Map(), routeTables: new Map(), natGateways: new Map(),
    securityGroups: new Map(), networkAcls: new Map(), instances: new Map(), loadBalancers: new Map(),
    targetGroups: new Map(), endpointServices: new Map(), endpoints: new Map(), networkInterfaces: new Map(),
  };
}

/** A new emitted resource. */
export function emitted<T>(value: T, source: string, notes: string[] = [], name?: string): Emitted<T> {
  return { value, sources: [source], notes, name };
}
