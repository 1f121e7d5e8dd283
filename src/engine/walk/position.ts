// Positions of the packet walk: where the packet is and what travels with it. The walk loop
// (walk-loop.ts) hands each position to the handler of its kind, which returns the hops it
// made and what comes next: another position, a stop, or a fork (docs/architecture.md, "The
// walk"). Handlers import only these types from each other, never each other's functions.
import type { Ip } from '../../net/ip.js';
import type { AwsService } from '../../model/aws-services.js';
import type {
  EgressOnlyInternetGateway, Endpoint, EndpointService, Eni, InternetGateway, InternetHost,
  LoadBalancer, NatGateway, OnPremisesHost, OnPremisesNetwork, PeeringConnection, TargetGroup, TransitGateway, TransitGatewayAttachment,
  VirtualPrivateGateway, VpnConnection, DirectConnectGateway,
} from '../../model/resources.js';
import type { EngineContext } from '../compile/engine-context.js';
import type { Packet } from '../packet.js';
import type { PolicyRequest } from '../policy/evaluate-policy.js';
import type { ClientHintRecord } from '../steps.js';
import type { Explanation, Hop } from '../trace.js';
import type { ResolvedTarget } from './select-target.js';

/** A NAT's (or an egress-only gateway's) memory of a connection it carried out. */
export interface NatEntry {
  readonly originalSrc: Ip;
  readonly originalSrcPort: number | undefined;
}

/**
 * A load balancer node's memory of a connection it forwarded to a target (AWS Hyperplane
 * tracks flows the same way): the return walk finds it and translates the reply back.
 */
export interface LbConnection {
  readonly lb: string;
  readonly node: Eni;
  /** The packet as the client sent it: to the node, or to the endpoint ENI (PrivateLink). */
  readonly original: Packet;
  /** The packet as the node sent it to the target. */
  readonly forwarded: Packet;
  /** PrivateLink: the consumer's interface endpoint ENI the connection came in through. */
  readonly endpointEni: Eni | undefined;
}

/** The connection tracking of one trace: written on the way out, read by the reply. */
export interface Memory {
  /** NAT gateway, NAT instance interface or egress-only gateway id -> the connection it carried. */
  readonly nat: ReadonlyMap<string, NatEntry>;
  /** Load balancer node ENI id -> the connection it forwarded. */
  readonly conns: ReadonlyMap<string, LbConnection>;
  /** Gateway Load Balancer id -> the appliance ENI id the flow went through (flow stickiness). */
  readonly flows: ReadonlyMap<string, string>;
  /**
   * Transit gateway paths: `crossed` -> the first gateway the request crossed; `zone:<attachment>`
   * -> the subnet an appliance-mode attachment sent the flow by; `appliance:<instance>` -> an
   * appliance the request crossed.
   */
  readonly transit: ReadonlyMap<string, string>;
}

/** A connection a handler asks the loop to remember. */
export type Memo =
  | { readonly table: 'nat'; readonly key: string; readonly entry: NatEntry }
  | { readonly table: 'conns'; readonly key: string; readonly conn: LbConnection }
  | { readonly table: 'flows'; readonly key: string; readonly eni: string }
  | { readonly table: 'transit'; readonly key: string; readonly value: string };

/** The interface the query named as destination, by id, VPC and address. */
export interface Intended {
  readonly id: string;
  readonly vpc: string;
  readonly ip: Ip;
}

/**
 * What a target's security group refusing a load balancer node's address is told: the rule
 * that would allow the client's own address (the refusing step records it).
 */
export type ClientHint = ClientHintRecord;

/** What travels with the packet from position to position. */
export interface Carry {
  /**
   * The interface the query named: a packet for its address in another VPC is not for it.
   * Undefined once a load balancer re-addresses the flow to a target, and on the reply.
   */
  readonly intended: Intended | undefined;
  /** The load balancer connection the flow came through, given to the delivery. */
  readonly lb: LbConnection | undefined;
  /** Set by a load balancer that translated the source: a security group refusal says why. */
  readonly clientHint: ClientHint | undefined;
  /** Set by a transit gateway the packet left into this VPC. */
  readonly transit?: TransitCarry;
}

/** What a transit gateway hands the VPC it sends a packet into. */
export interface TransitCarry {
  readonly gateway: string;
  /**
   * The interface that sent the packet into the gateway, when security group referencing is on
   * for the gateway and both VPC attachments: the receiver's group references may match its
   * groups. Undefined otherwise: only CIDR and prefix list rules match.
   */
  readonly sender: Eni | undefined;
}

/** A carry with nothing in it. */
export const NO_CARRY: Carry = { intended: undefined, lb: undefined, clientHint: undefined };

/** Where a walk ended with the packet delivered. */
export type Delivery =
  | { readonly kind: 'eni'; readonly eni: Eni; readonly packet: Packet; readonly lb?: LbConnection }
  | { readonly kind: 'internet'; readonly packet: Packet; readonly host: InternetHost | undefined }
  | { readonly kind: 'awsService'; readonly service: AwsService; readonly packet: Packet; readonly via: 'internet' }
  | { readonly kind: 'awsService'; readonly service: AwsService; readonly packet: Packet; readonly via: 'gatewayEndpoint'; readonly endpoint: Endpoint }
  | { readonly kind: 'awsService'; readonly service: AwsService; readonly packet: Packet; readonly via: 'interfaceEndpoint'; readonly endpoint: Endpoint; readonly eni: Eni }
  /** In an on-premises network: at a host of the file, or at an address of the network with none. */
  | { readonly kind: 'onPremises'; readonly network: OnPremisesNetwork; readonly host: OnPremisesHost | undefined; readonly packet: Packet };

interface Base {
  readonly packet: Packet;
  readonly carry: Carry;
}

/** Where an NLB flow came to the node from: directly, or through a consumer's interface endpoint. */
export interface NlbEntry {
  /** The packet as the client sent it. */
  readonly original: Packet;
  readonly endpointEni: Eni | undefined;
}

/** A position of the walk: one case per thing a packet can be at. */
export type At =
  /** The packet leaves an interface; `announce`: the walk starts here, so the hop says it sends. */
  | Base & { readonly kind: 'leaveEni'; readonly eni: Eni; readonly announce: boolean }
  /** The subnet's route table picks the target; `origin` sent the packet (undefined: a transit gateway's interface). */
  | Base & { readonly kind: 'routeFromSubnet'; readonly subnet: string; readonly origin: Eni | undefined }
  /** Delivery to whatever interface holds packet.dst in a VPC; `fromSubnet` undefined: from a gateway. */
  | Base & { readonly kind: 'deliverInVpc'; readonly vpc: string; readonly fromSubnet: string | undefined; readonly sender: Eni | undefined }
  /** The packet arrives at an interface; `sender` sent it on its last hop (security group references). */
  | Base & { readonly kind: 'arriveAtEni'; readonly eni: Eni; readonly sender: Eni | undefined }
  | Base & { readonly kind: 'internetGateway'; readonly igw: InternetGateway; readonly fromSubnet: string }
  | Base & { readonly kind: 'natGateway'; readonly nat: NatGateway; readonly fromSubnet: string }
  /** A packet addressed to a NAT gateway's own interface. */
  | Base & { readonly kind: 'natGatewayEni'; readonly eni: Eni }
  | Base & { readonly kind: 'peering'; readonly pcx: PeeringConnection; readonly fromVpc: string; readonly fromSubnet: string; readonly sender: Eni | undefined }
  | Base & { readonly kind: 'gatewayEndpoint'; readonly endpoint: Endpoint; readonly origin: Eni | undefined; readonly fromSubnet: string }
  /** Routed to a transit gateway from a subnet; `sender` sent the packet. */
  | Base & { readonly kind: 'transitGatewayIngress'; readonly tgw: TransitGateway; readonly fromSubnet: string; readonly sender: Eni | undefined }
  /**
   * Inside a transit gateway, entered through `attachment` (in zone `az` for a VPC attachment):
   * its associated route table routes the packet. `sgReferencing`: the gateway and the entry
   * attachment let the receiver's group references match `sender`.
   */
  | Base & { readonly kind: 'transitGateway'; readonly tgw: TransitGateway; readonly attachment: TransitGatewayAttachment; readonly az: string | undefined; readonly sender: Eni | undefined; readonly sgReferencing: boolean }
  /** Routed to a GWLB endpoint from a subnet, or from an internet gateway's edge table (undefined). */
  | Base & { readonly kind: 'gwlbEndpoint'; readonly endpoint: Endpoint; readonly fromSubnet: string | undefined }
  /** A Gateway Load Balancer node sends the packet to the appliance it picked. */
  | Base & { readonly kind: 'gwlbAppliance'; readonly endpoint: Endpoint; readonly eni: Eni; readonly service: EndpointService; readonly lb: LoadBalancer; readonly node: Eni; readonly tg: TargetGroup; readonly appliance: ResolvedTarget }
  /** Routed to a network interface (an instance's, or a standalone one): an appliance (or NAT instance) when its source/destination check is off. */
  | Base & { readonly kind: 'appliance'; readonly eni: Eni; readonly fromSubnet: string; readonly sender: Eni | undefined }
  /** A reply reaches the NAT instance interface that translated its connection. */
  | Base & { readonly kind: 'natInstanceReply'; readonly eni: Eni; readonly entry: NatEntry }
  | Base & { readonly kind: 'egressOnlyGateway'; readonly gateway: EgressOnlyInternetGateway; readonly fromSubnet: string }
  /** From the internet into a VPC whose only gateway is egress-only; `vpc` holds packet.dst. */
  | Base & { readonly kind: 'egressOnlyInbound'; readonly gateway: EgressOnlyInternetGateway; readonly vpc: string }
  /** The packet is on the internet, headed for packet.dst. */
  | Base & { readonly kind: 'toInternet' }
  /** The packet comes from the internet toward a public address in the file (or beyond it). */
  | Base & { readonly kind: 'fromInternet' }
  /** A flow starts on the internet: `label` names the sender. */
  | Base & { readonly kind: 'internetSource'; readonly label: string; readonly host: InternetHost | undefined }
  /** A packet reaches an endpoint's interface. */
  | Base & { readonly kind: 'endpointEni'; readonly eni: Eni; readonly sender: Eni | undefined }
  /** A packet addressed to a load balancer node. */
  | Base & { readonly kind: 'loadBalancerNode'; readonly node: Eni; readonly sender: Eni | undefined }
  /** A flow enters an NLB node (security groups passed): the listener and target group take it. */
  | Base & { readonly kind: 'nlbListener'; readonly lb: LoadBalancer; readonly node: Eni; readonly entry: NlbEntry }
  /** The NLB node forwards the flow to the target it picked. */
  | Base & { readonly kind: 'nlbTarget'; readonly lb: LoadBalancer; readonly node: Eni; readonly tg: TargetGroup; readonly target: ResolvedTarget; readonly entry: NlbEntry }
  /** A reply reaches the NLB node that tracks its connection. */
  | Base & { readonly kind: 'nlbReverse'; readonly conn: LbConnection }
  /** A target's reply to a client it saw by its own address: the node takes it back anyway. */
  | Base & { readonly kind: 'nlbTargetReply'; readonly target: Eni; readonly conn: LbConnection }
  | Base & { readonly kind: 'albListener'; readonly lb: LoadBalancer; readonly node: Eni }
  | Base & { readonly kind: 'albTarget'; readonly lb: LoadBalancer; readonly node: Eni; readonly tg: TargetGroup; readonly target: ResolvedTarget }
  /** A flow starts in an on-premises network: `label` names the sender. */
  | Base & { readonly kind: 'onPremisesSource'; readonly network: OnPremisesNetwork; readonly host: OnPremisesHost | undefined; readonly label: string }
  /** The on-premises network's router sends packet.dst into one of its connections. */
  | Base & { readonly kind: 'onPremisesRoute'; readonly network: OnPremisesNetwork }
  /** A connection hands the packet to the on-premises side, toward packet.dst. */
  | Base & { readonly kind: 'onPremisesArrive'; readonly connection: string }
  /** Routed to a virtual private gateway from a subnet: toward on-premises. */
  | Base & { readonly kind: 'virtualPrivateGateway'; readonly vgw: VirtualPrivateGateway; readonly fromSubnet: string }
  /** A connection brings the packet to a virtual private gateway: into its VPC. */
  | Base & { readonly kind: 'vgwInbound'; readonly vgw: VirtualPrivateGateway; readonly via: string }
  | Base & { readonly kind: 'vpnConnection'; readonly vpn: VpnConnection; readonly toAws: boolean }
  | Base & { readonly kind: 'directConnectGateway'; readonly dxgw: DirectConnectGateway; readonly toAws: boolean }
  /** The reply starts where the forward walk delivered. */
  | Base & { readonly kind: 'replyStart'; readonly delivery: Delivery };

/** The kinds of position. */
export type AtKind = At['kind'];

/** One option at a fork: the hops it makes and where it goes. */
export interface ForkOption {
  readonly name: string;
  readonly hops: readonly Hop[];
  readonly at: At;
}

/** What comes after a handler. */
export type Next =
  | { readonly kind: 'go'; readonly at: At }
  | { readonly kind: 'stop'; readonly verdict: 'delivered'; readonly delivery: Delivery }
  | { readonly kind: 'stop'; readonly verdict: 'dropped'; readonly explanations: readonly Explanation[] }
  /** Several equally valid next positions (a load balancer's healthy targets); each is a trace. */
  | { readonly kind: 'fork'; readonly key: string; readonly options: readonly ForkOption[] };

/** A stop. */
export type Stop = Extract<Next, { kind: 'stop' }>;

/** What a handler returns. */
export interface Step {
  readonly hops: readonly Hop[];
  readonly next: Next;
  /** Connections to remember (applied by the loop before the next position). */
  readonly remember: readonly Memo[];
}

/** What every handler may read. */
export interface WalkEnv {
  readonly ctx: EngineContext;
  /** The return walk. */
  readonly reply: boolean;
  readonly memory: Memory;
  /** The API request the flow carries, for endpoint policies; undefined when none was given. */
  readonly request: PolicyRequest | undefined;
}

/** A handler: one position kind in, hops and the next thing out. */
export type Handler<K extends AtKind> = (env: WalkEnv, at: Extract<At, { kind: K }>) => Step;
