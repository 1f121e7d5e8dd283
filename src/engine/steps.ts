// The typed steps of a hop (docs/trace.md, "Steps"), as batfish records them: what decided
// at the hop as data (the route matched, the filter rule with its direction and index, a
// translation with the packet before and after, a DNS answer, the target a load balancer
// chose, a policy statement), each with an action from one closed list. Every hop has one;
// its `detail` and `--explain` sentence are rendered from it in one place (render-step.ts).
// Tests and diagrams read these fields, never the hop's detail sentence.
import type { DnsRule } from './dns/dns-records.js';
import type { PacketView } from './trace.js';
import type { UnmodelledKind } from '../model/unmodelled-kinds.js';
import type { TgwAttachmentType } from '../model/resources.js';

/** Every step type, in the order docs/trace.md lists them. */
export const STEP_TYPES = [
  'send', 'dns', 'securityGroup', 'networkAcl', 'route', 'edgeRoute', 'loopGuard', 'vpc', 'delivered',
  'internetGateway', 'natGateway', 'appliance', 'egressOnlyGateway', 'internet', 'peering',
  'gatewayEndpoint', 'endpointPolicy', 'endpointState', 'interfaceEndpoint', 'privateLink',
  'listener', 'targetChoice', 'loadBalancerNode', 'gwlbEndpoint', 'geneve', 'serviceReply', 'unmodelled',
  'virtualPrivateGateway', 'vpnConnection', 'directConnectGateway', 'onPremises',
  'transitGatewayAttachment', 'transitGatewayRoute',
] as const;

/** A step type. */
export type StepType = (typeof STEP_TYPES)[number];

/** Every step action. */
export const STEP_ACTIONS = ['matched', 'dropped', 'allowed', 'denied', 'chosen', 'forwarded', 'translated', 'delivered', 'resolved'] as const;

/** What a step did. */
export type StepAction = (typeof STEP_ACTIONS)[number];

type S<T extends StepType, A extends StepAction, F> = { readonly type: T; readonly action: A } & F;

/** A route as a step records it. */
export interface RouteRecord {
  /** 1-based position among the table's routes. */
  readonly index: number;
  /** The CIDR or prefix list id written. */
  readonly destination: string;
  /** `local`, `blackhole`, or the target's id. */
  readonly target: string;
  readonly origin: 'written' | 'local' | 'gatewayEndpoint' | 'propagated';
  /** A propagated route: how the gateway learned the prefix, and the connections advertising it. */
  readonly propagation?: { readonly from: 'directConnect' | 'vpnStatic' | 'vpnBgp'; readonly connections: readonly string[] };
  /** The route in words (describe-rule.ts): "route 0.0.0.0/0 -> igw-main". */
  readonly text: string;
}

/** A transit gateway route as a step records it. */
export interface TgwRouteRecord {
  /** 1-based: written routes in file order, then propagated ones. */
  readonly index: number;
  /** The CIDR or prefix list id. */
  readonly destination: string;
  /** The attachment id, or `blackhole`. */
  readonly target: string;
  readonly origin: 'static' | 'prefixList' | 'propagated';
  /** The route in words (describe-rule.ts). */
  readonly text: string;
}

/** A route table matched a route (or dropped the packet by it, or for want of one). */
export interface RouteStep {
  readonly type: 'route';
  readonly action: Extract<StepAction, 'matched' | 'dropped'>;
  readonly table: string;
  /** The subnet whose table it is. */
  readonly subnet: string;
  /** The route matched; undefined when none matched. */
  readonly route: RouteRecord | undefined;
  /** The prefix that matched (a prefix list's entry), with its length. */
  readonly prefix: string | undefined;
  /** The prefix-list route this static route beats for the same prefix, by destination. */
  readonly over?: string;
  /** That prefix-list route in words. */
  readonly overText?: string;
  /** `noRoute`: nothing matched; `blackhole`: a blackhole route; `cannotCarry`: the target carries nothing. */
  readonly verdict: 'matched' | 'noRoute' | 'blackhole' | 'cannotCarry';
}

/** A security group rule as a step records it. */
export interface SgRuleRecord {
  /** 1-based position in the group's rules of this direction. */
  readonly index: number;
  /** False for AWS's implicit rules (default egress). */
  readonly written: boolean;
  readonly direction: 'ingress' | 'egress';
  readonly ports: { readonly from: number; readonly to: number };
  /** The rule in words (describe-rule.ts). */
  readonly text: string;
}

/** Security groups judged the packet at an interface. */
export interface SecurityGroupStep {
  readonly type: 'securityGroup';
  readonly action: Extract<StepAction, 'allowed' | 'denied'>;
  readonly direction: 'ingress' | 'egress';
  /** The group that allowed it (the first group of the interface otherwise). */
  readonly group: string;
  /** Every group of the interface. */
  readonly groups: readonly string[];
  /** The interface judged. */
  readonly interface: string;
  /**
   * `rule`: a rule allowed it; `tracked`: the reply of a tracked connection; `noRule`: no
   * rule allows it; `notEvaluated`: the rules do not apply (PrivateLink traffic to an NLB).
   */
  readonly verdict: 'rule' | 'tracked' | 'noRule' | 'notEvaluated';
  readonly rule: SgRuleRecord | undefined;
  /** Whose rules these are, beyond the plain case: GENEVE to an appliance, PrivateLink traffic at an NLB. */
  readonly context?: 'geneve' | 'privateLinkNlb';
  /** The NLB (privateLinkNlb, notEvaluated). */
  readonly loadBalancer?: string;
  /** privateLinkNlb: the consumer client's private IP the rules judge. */
  readonly clientIp?: string;
  /** Behind a load balancer that translated the source: a rule that would allow the client's own address. */
  readonly clientHint?: ClientHintRecord;
}

/** A target's group rule that allows the client's address, though the target sees the node's. */
export interface ClientHintRecord {
  readonly group: string;
  readonly rule: string;
  readonly clientSrc: string;
  readonly seenSrc: string;
}

/** A network ACL judged the packet at a subnet boundary. */
export interface NetworkAclStep {
  readonly type: 'networkAcl';
  readonly action: Extract<StepAction, 'allowed' | 'denied'>;
  readonly direction: 'ingress' | 'egress';
  readonly acl: string;
  readonly subnet: string;
  /** The rule that decided; `*` is the implicit final deny (no text). */
  readonly rule: { readonly rule: number | '*'; readonly action: 'allow' | 'deny'; readonly text?: string };
}

/** A target as a step records it. */
export interface TargetRecord {
  /** Instance id, or the IP for IP targets. */
  readonly name: string;
  readonly port: number;
  readonly az: string;
}

/** A load balancer node chose the target of a flow (or found none). */
export type TargetChoiceStep = S<'targetChoice', 'chosen' | 'dropped', {
  readonly targetGroup: string;
  readonly loadBalancer: string;
  readonly node: string;
  readonly nodeAz: string;
  readonly crossZone: boolean;
  /**
   * `chosen`: one of the candidates; `sticky`: the reply's appliance (GWLB flow stickiness);
   * `noTargets`: none registered; `notCrossZone`: healthy targets only in other zones;
   * `noHealthy`: none healthy in a zone it may use.
   */
  readonly verdict: 'chosen' | 'sticky' | 'noTargets' | 'notCrossZone' | 'noHealthy';
  /** The target taken (chosen, sticky). */
  readonly chosen?: TargetRecord;
  /** Every target that could take the flow; each gets a trace of its own. */
  readonly candidates: readonly string[];
  /** Registered targets not used: "name (az)" or "name (unhealthy)". */
  readonly skipped: readonly string[];
  /** notCrossZone: the healthy targets elsewhere; noHealthy: the unhealthy ones, those in zones not enabled. */
  readonly elsewhere?: readonly string[];
  readonly unhealthy?: readonly string[];
  readonly outside?: readonly string[];
  /** Every target is unhealthy (AWS would fail open). */
  readonly failOpen?: boolean;
}>;

/**
 * One link of how a DNS answer was reached (docs/dns.md, "The resolver, in order"): the
 * Resolver rule, private hosted zone, DNS server or inbound endpoint the query met, and the
 * CNAME and alias records it followed, in order.
 */
export type DnsLink =
  | { readonly kind: 'resolverRule'; readonly rule: string; readonly domain: string; readonly ruleType: 'forward' | 'system'; readonly vpc: string; readonly targets: readonly string[] }
  | { readonly kind: 'hostedZone'; readonly zone: string; readonly zoneName: string; readonly vpc: string; readonly record?: string }
  | { readonly kind: 'endpointZone'; readonly endpoint: string; readonly zoneName: string; readonly vpc: string }
  | { readonly kind: 'dnsServer'; readonly server: string; readonly record?: string }
  | { readonly kind: 'inboundEndpoint'; readonly endpoint: string; readonly vpc: string; readonly domain: string }
  | { readonly kind: 'cname'; readonly name: string; readonly target: string }
  | { readonly kind: 'alias'; readonly name: string; readonly target: string };

/** A DNS answer (or none), as the resolver of the source gave it. */
export type DnsStep = S<'dns', 'resolved' | 'dropped', {
  readonly name: string;
  /** The VPC whose resolver was asked, `internet` for public DNS, or a DNS server of your network (`at: dnsServer`). */
  readonly vantage: string;
  readonly at?: 'dnsServer';
  /**
   * `answered`: a record; `dnsSupportOff`: the VPC's resolver is off; `noRecord`: nothing
   * matches; `nxdomain`: a private hosted zone (or the endpoint private DNS zone) matching
   * the name has no record for it, so Resolver answers NXDOMAIN and asks no one else;
   * `chainLimit`: CNAMEs, aliases and forwards went past the bound (a loop, most likely);
   * `forwardedUnmodelled`: a Resolver rule forwards the name to DNS servers the file does not
   * declare, so the answer is not known.
   */
  readonly verdict: 'answered' | 'dnsSupportOff' | 'noRecord' | 'nxdomain' | 'chainLimit' | 'forwardedUnmodelled';
  /** The rule of the record that answered (docs/dns.md). */
  readonly rule?: DnsRule;
  /** Where the record comes from, in words ("private DNS of vpce-api"). */
  readonly source?: string;
  readonly addresses: readonly string[];
  /** The address this trace follows, when there are several. */
  readonly followed?: string;
  /** The private hosted zone (id) that answered, or answered NXDOMAIN. */
  readonly zone?: string;
  /** The record ("name TYPE") of a zone or DNS server that answered. */
  readonly record?: string;
  /** The Resolver rule (id) that forwarded the query. */
  readonly resolverRule?: string;
  /** The DNS server of your network (id) that answered. */
  readonly dnsServer?: string;
  /** Every rule, zone, server and record on the way, in order. */
  readonly chain?: readonly DnsLink[];
  /** Why an endpoint's private DNS did not answer here. */
  readonly privateDns?:
    | { readonly reason: 'inboundResolverOnly' | 'privateDnsOff'; readonly endpoint: string; readonly vpcAttributesMissing?: boolean }
    | { readonly reason: 'otherVpcs'; readonly endpoints: readonly { readonly endpoint: string; readonly vpc: string }[] };
}>;

/** One typed step of a hop. */
export type HopStep =
  | S<'send', 'forwarded', { readonly sender: string }>
  | DnsStep
  | SecurityGroupStep
  | NetworkAclStep
  | RouteStep
  | S<'edgeRoute', 'forwarded' | 'dropped', {
    readonly table: string; readonly gateway: string;
    /** `local`: on to the subnet; `toGwlbEndpoint`: ingress routing to an inspection endpoint; `unsupported`: another target; `noRoute`. */
    readonly verdict: 'local' | 'toGwlbEndpoint' | 'unsupported' | 'noRoute';
    readonly route: RouteRecord | undefined;
  }>
  | S<'loopGuard', 'dropped', { readonly table: string; readonly reason: 'loop' | 'hopLimit'; readonly limit: number }>
  | S<'vpc', 'dropped', {
    readonly vpc: string; readonly verdict: 'noInterface' | 'otherVpc';
    /** otherVpc: what holds the address here, and the interface the query named elsewhere. */
    readonly holder?: string; readonly intended?: { readonly id: string; readonly vpc: string };
  }>
  | S<'delivered', 'delivered', { readonly receiver: string; readonly to: 'interface' | 'internetHost' | 'internet' | 'awsServicePublic' | 'awsService' | 'onPremisesHost' | 'onPremises' }>
  | S<'internetGateway', 'forwarded' | 'translated' | 'dropped', {
    readonly gateway: string;
    /** Out: `ipv6Out`, `sourceNat`, `noPublicIp`; in: `ipv6In`, `destinationNat`, `denyAllIgwTraffic` (the interface refuses all traffic from the gateway: dropped). */
    readonly verdict: 'ipv6Out' | 'sourceNat' | 'noPublicIp' | 'ipv6In' | 'destinationNat' | 'denyAllIgwTraffic';
    readonly interface?: string;
    readonly before: PacketView; readonly after: PacketView;
  }>
  | S<'natGateway', 'translated' | 'dropped', {
    readonly gateway: string; readonly vpc: string;
    readonly verdict: 'sourceNat' | 'replyBack' | 'sourceOutsideVpc' | 'noInbound';
    readonly connectivity: 'public' | 'private';
    readonly before: PacketView; readonly after: PacketView;
  }>
  | S<'appliance', 'forwarded' | 'translated' | 'dropped', {
    /** The device: the instance, or a standalone network interface. */
    readonly instance: string;
    /** The subnet the packet leaves into (the outgoing interface's). */
    readonly subnet: string;
    /** The interface that received the packet (whose sourceDestCheck decides). */
    readonly interface: string;
    /** The interface the device sends it out of (the receiving one when dropped). */
    readonly outInterface: string;
    /**
     * `sourceDestCheck`: on, so dropped; `forward`: unchanged; `natInstance` / `natInstanceReply`:
     * read as a NAT instance; `asymmetricReply`: a reply through an appliance its request did not
     * cross, after a transit gateway (the stricter reading: the appliance is stateful).
     */
    readonly verdict: 'sourceDestCheck' | 'forward' | 'natInstance' | 'natInstanceReply' | 'asymmetricReply';
    /**
     * What vpcsim assumed of the device's own routing: `destinationSubnet`, out of its interface
     * in the destination's subnet (delivered there); `deviceIndexZero`, out of device index 0
     * into its subnet's route table. Absent when dropped.
     */
    readonly egress?: 'destinationSubnet' | 'deviceIndexZero';
    /** How many interfaces the device has. */
    readonly interfaces: number;
    readonly before: PacketView; readonly after: PacketView;
  }>
  | S<'egressOnlyGateway', 'forwarded' | 'dropped', { readonly gateway: string; readonly verdict: 'out' | 'replyIn' | 'ipv4' | 'noInbound' }>
  | S<'internet', 'forwarded' | 'dropped', {
    /** `notPublic` / `privateAddress`: no route on the internet; `noGateway`: the VPC has no IGW; `replyCrosses`. */
    readonly verdict: 'notPublic' | 'privateAddress' | 'noGateway' | 'replyCrosses';
    readonly interface?: string; readonly vpc?: string;
  }>
  | S<'peering', 'forwarded' | 'dropped', {
    readonly connection: string; readonly status: string; readonly fromVpc: string; readonly peer: string;
    readonly verdict: 'carried' | 'notActive' | 'notPeerCidr';
  }>
  | S<'gatewayEndpoint', 'forwarded' | 'dropped', {
    readonly endpoint: string; readonly endpointType: string; readonly vpc: string; readonly service?: string;
    readonly verdict: 'carried' | 'replyBack' | 'notRouteTarget' | 'protocol' | 'otherVpc';
  }>
  | S<'endpointPolicy', 'allowed' | 'denied', {
    readonly endpoint: string;
    /** The deciding statement; absent for the default policy and the implicit deny. */
    readonly statement?: { readonly index: number; readonly sid?: string; readonly effect: 'Allow' | 'Deny' };
    /** `default`: no policy; `allow`; `deny`: an explicit Deny; `implicitDeny`: nothing allows. */
    readonly verdict: 'default' | 'allow' | 'deny' | 'implicitDeny';
    /** The policy evaluator's sentence and the stricter readings it took (policy/evaluate-policy.ts). */
    readonly reason: string;
    readonly caveats: readonly string[];
  }>
  | S<'endpointState', 'dropped', { readonly endpoint: string; readonly state: string; readonly stateReason: string }>
  | S<'interfaceEndpoint', 'forwarded' | 'dropped', {
    readonly endpoint: string; readonly interface: string; readonly service: string; readonly vpc: string;
    readonly verdict: 'toAwsService' | 'toEndpointService' | 'replyBack' | 'returnIntoVpc' | 'protocol' | 'gwlbNotAddressable';
    /** toEndpointService: a written policy that does not apply (not an AWS service). */
    readonly policyIgnored?: boolean;
    /** returnIntoVpc: the endpoint's own address the reply comes from. */
    readonly address?: string;
  }>
  | S<'privateLink', 'forwarded' | 'dropped', {
    readonly service: string;
    readonly verdict: 'toNode' | 'replyBack' | 'gwlbToNode' | 'gwlbBack' | 'principalNotAllowed' | 'serviceState' | 'noLoadBalancer' | 'notInAz';
    readonly endpoint?: string; readonly interface?: string; readonly loadBalancer?: string; readonly node?: string; readonly az?: string;
    /** principalNotAllowed: the consumer's account (absent when its VPC names none), the list, the endpoint's written state. */
    readonly account?: string; readonly endpointVpc?: string; readonly allowedPrincipals?: readonly string[]; readonly writtenAvailable?: boolean;
    readonly state?: string; readonly nodeZones?: readonly string[];
  }>
  | S<'listener', 'forwarded' | 'dropped', {
    readonly loadBalancer: string; readonly node: string;
    /**
     * `matched`; `none`: no listener takes the protocol and port; `noTargetGroup`: its target
     * group does not exist; `lambdaTarget`: an ALB listener invokes a Lambda function, which
     * vpcsim does not model beyond the load balancer.
     */
    readonly verdict: 'matched' | 'none' | 'noTargetGroup' | 'lambdaTarget';
    readonly protocol: string; readonly port: number | undefined;
    readonly targetGroup?: string;
    /** An Application Load Balancer's listener (absent for an NLB's). */
    readonly application?: boolean;
    /** lambdaTarget: the function registered. */
    readonly function?: string;
    /** Every listener, "tcp 443". */
    readonly listeners: readonly string[];
  }>
  | TargetChoiceStep
  | S<'loadBalancerNode', 'translated' | 'dropped', {
    readonly node: string; readonly loadBalancer: string;
    /**
     * To a target: `privateLinkSource`, `preserveClient`, `nodeSource` (what source the target
     * sees), `hairpin`; `proxy`: an ALB opens its own connection to the target; back:
     * `reverse`; `noConnection`, `gatewayNotAddressable`, `noTargetGroup`.
     */
    readonly verdict: 'privateLinkSource' | 'preserveClient' | 'nodeSource' | 'hairpin' | 'proxy' | 'reverse' | 'noConnection' | 'gatewayNotAddressable' | 'noTargetGroup';
    readonly targetGroup?: string;
    readonly target?: TargetRecord & { readonly ip: string };
    readonly before: PacketView; readonly after: PacketView;
  }>
  | S<'gwlbEndpoint', 'forwarded' | 'dropped', { readonly endpoint: string; readonly interface?: string; readonly service?: string; readonly subnet?: string; readonly verdict: 'toService' | 'release' | 'noInterface' }>
  | S<'geneve', 'translated' | 'forwarded' | 'dropped', {
    readonly loadBalancer: string; readonly node: string; readonly appliance: string;
    readonly verdict: 'encapsulate' | 'inspect' | 'noAppliance';
    readonly inner: PacketView; readonly outer: PacketView;
  }>
  | S<'serviceReply', 'forwarded', { readonly service: string }>
  | S<'unmodelled', 'dropped', { readonly target: string; readonly kind: UnmodelledKind; readonly description?: string }>
  | S<'virtualPrivateGateway', 'forwarded' | 'dropped', {
    readonly gateway: string; readonly vpc: string | undefined;
    /**
     * Toward on-premises: `toConnection` (the connection its route priority picked), `noRoute`
     * (no on-premises prefix it knows holds the address), `ipv6`; into the VPC: `intoVpc`,
     * `notVpcCidr` (not one of the VPC's blocks: the gateway routes nothing else),
     * `gatewayEndpoint` (an address a gateway endpoint of the VPC serves: not from on-premises).
     */
    readonly verdict: 'toConnection' | 'noRoute' | 'ipv6' | 'intoVpc' | 'notVpcCidr' | 'gatewayEndpoint';
    readonly connection?: string;
    /** toConnection: the prefix that matched and how the gateway learned it; the others of that length it passed over. */
    readonly prefix?: string; readonly learnedFrom?: 'directConnect' | 'vpnStatic' | 'vpnBgp'; readonly passedOver?: readonly string[];
    /** intoVpc / notVpcCidr: the connection the packet came in by. */
    readonly via?: string;
    readonly endpoint?: string;
  }>
  | S<'vpnConnection', 'forwarded' | 'dropped', {
    readonly connection: string; readonly customerGateway: string; readonly gateway: string | undefined;
    readonly direction: 'toAws' | 'toOnPremises'; readonly routing: 'static' | 'bgp'; readonly state: string;
    /** `carried`; `notAvailable`: only an available connection carries traffic. */
    readonly verdict: 'carried' | 'notAvailable';
    /** AWS gives every connection two tunnels; vpcsim walks one path. */
    readonly tunnels: 2;
  }>
  | S<'directConnectGateway', 'forwarded' | 'dropped', {
    readonly gateway: string; readonly direction: 'toAws' | 'toOnPremises';
    /** `toGateway`: to the associated gateway whose VPC block the allowed prefixes let through; `toOnPremises`. */
    readonly verdict: 'toGateway' | 'toOnPremises' | 'noRoute';
    readonly associated?: string; readonly network?: string;
  }>
  | S<'onPremises', 'forwarded' | 'dropped', {
    /** The network (absent for notInNetwork: no network of the connection holds the address). */
    readonly network?: string;
    /**
     * Out of the network: `toConnection` (the route into a connection), `noRoute` (nothing its
     * connections advertise, and no route of its own, holds the address), `local` (an address of
     * the network itself); arriving: `notInNetwork` (no network of the connection holds the
     * address), `notIntended` (the interface the query named is elsewhere), `replyLeaves`.
     */
    readonly verdict: 'toConnection' | 'noRoute' | 'local' | 'notInNetwork' | 'notIntended' | 'replyLeaves';
    readonly connection?: string; readonly prefix?: string;
    /** toConnection: `advertised` by AWS over the connection (to `gateway`), or `written` in the network's routes (`route` 1-based). */
    readonly origin?: 'advertised' | 'written'; readonly gateway?: string; readonly route?: number;
  }>
  | S<'transitGatewayAttachment', 'forwarded' | 'dropped', {
    readonly transitGateway: string;
    /** Undefined when the sending VPC has no attachment to the gateway. */
    readonly attachment?: string;
    readonly attachmentType?: TgwAttachmentType;
    /** `in`: from a VPC into the gateway; `out`: from the gateway into a VPC or across a peering. */
    readonly direction: 'in' | 'out';
    /**
     * in: `entered`, `noAttachment` (the VPC is not attached), `azRestriction` (no attachment
     * subnet in the sender's zone); `notAvailable` (either way); out: `exited` (into the VPC by
     * `subnet`), `peering` (on to the `peer` gateway).
     */
    readonly verdict: 'entered' | 'noAttachment' | 'notAvailable' | 'azRestriction' | 'exited' | 'peering';
    readonly vpc?: string;
    /** in: the sender's subnet (entered: the attachment subnet); out: the attachment subnet. */
    readonly subnet?: string;
    readonly az?: string;
    /** azRestriction: the zones the attachment has subnets in. */
    readonly zones?: readonly string[];
    readonly state?: string;
    readonly peer?: string;
    /**
     * out: how the zone was chosen: `sourceZone` (the zone the packet entered by),
     * `destinationZone`, `firstZone` (neither is the attachment's), `applianceMode` (chosen for
     * the flow), `applianceModeReply` (the zone the request used).
     */
    readonly zoneChoice?: 'sourceZone' | 'destinationZone' | 'firstZone' | 'applianceMode' | 'applianceModeReply';
    readonly applianceMode?: boolean;
    /** out: whether the receiver's security group references may match the sender's groups. */
    readonly securityGroupReferencing?: boolean;
  }>
  | S<'transitGatewayRoute', 'matched' | 'dropped', {
    readonly transitGateway: string;
    /** The attachment the packet entered by. */
    readonly attachment: string;
    /** The route table associated with it (undefined: none). */
    readonly table: string | undefined;
    readonly route: TgwRouteRecord | undefined;
    readonly prefix: string | undefined;
    readonly verdict: 'matched' | 'blackhole' | 'noRoute' | 'noAssociation';
  }>;

/** The step of one type. */
export type StepOf<T extends StepType> = Extract<HopStep, { readonly type: T }>;
