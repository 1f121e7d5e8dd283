// The state of one walk (forward or return): hops recorded so far, explanations, loop
// detection, and the NAT translations the forward walk made (the return walk undoes them,
// as a NAT gateway's connection tracking does). A TraceRun holds what both walks of one
// trace share: load balancer connection tracking, the branch taken at each fork, the request.
import type { Ip } from '../../net/ip.js';
import type { AwsService } from '../../model/aws-services.js';
import type { Endpoint, Eni, InternetHost } from '../../model/resources.js';
import type { Span } from '../../model/span.js';
import type { EngineContext } from '../compile/engine-context.js';
import type { ExplanationCode } from '../explanation-codes.js';
import type { PolicyRequest } from '../policy/evaluate-policy.js';
import { viewPacket, type Packet } from '../packet.js';
import type { Component, Explanation, Hop, HopAction, PacketView } from '../trace.js';

/** Most hops a walk may take before it is called a loop. */
export const HOP_LIMIT = 64;

/** A NAT gateway's memory of a translated connection. */
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

/** A branch point met by a walk: several equally valid next hops (a load balancer's targets). */
export interface Fork {
  readonly key: string;
  readonly options: readonly string[];
}

/** What the forward and return walks of one trace share. */
export interface TraceRun {
  /** Load balancer node ENI id -> the connection it forwarded. */
  readonly conns: Map<string, LbConnection>;
  /** Gateway Load Balancer id -> the appliance ENI id a flow went through (flow stickiness). */
  readonly flows: Map<string, string>;
  /** Fork key -> index of the option to take (0 when absent). */
  readonly choices: ReadonlyMap<string, number>;
  /** Forks met, in order, for the caller that enumerates branches. */
  readonly forks: Fork[];
  /** The choices made where there were several options, in words ("tg-api: api-2"). */
  readonly picks: string[];
  /** The API request the flow carries, for endpoint policies; undefined when none was given. */
  readonly request: PolicyRequest | undefined;
  /**
   * The interface the query named as destination: a packet for its address in another VPC
   * is not for it. Cleared once a load balancer re-addresses the flow to a target.
   */
  intended: { readonly id: string; readonly vpc: string; readonly ip: Ip } | undefined;
}

/** A fresh trace run. */
export function newTraceRun(fields: Partial<Pick<TraceRun, 'choices' | 'request' | 'intended'>> = {}): TraceRun {
  return { conns: new Map(), flows: new Map(), choices: fields.choices ?? new Map(), forks: [], picks: [], request: fields.request, intended: fields.intended };
}

/** Where a walk ended with the packet delivered. */
export type Delivery =
  | { readonly kind: 'eni'; readonly eni: Eni; readonly packet: Packet; readonly lb?: LbConnection }
  | { readonly kind: 'internet'; readonly packet: Packet; readonly host: InternetHost | undefined }
  | { readonly kind: 'awsService'; readonly service: AwsService; readonly packet: Packet; readonly via: 'internet' }
  | { readonly kind: 'awsService'; readonly service: AwsService; readonly packet: Packet; readonly via: 'gatewayEndpoint'; readonly endpoint: Endpoint }
  | { readonly kind: 'awsService'; readonly service: AwsService; readonly packet: Packet; readonly via: 'interfaceEndpoint'; readonly endpoint: Endpoint; readonly eni: Eni };

/** How a walk ended. */
export type Outcome = { readonly kind: 'delivered'; readonly at: Delivery } | { readonly kind: 'dropped' };

/** Mutable state of one walk; never shared between walks. */
export interface Walk {
  readonly ctx: EngineContext;
  readonly reply: boolean;
  readonly hops: Hop[];
  readonly explanations: Explanation[];
  /** Route table id -> the (src, dst) pairs already routed by it, for loop detection. */
  readonly visited: Map<string, Packet[]>;
  /** NAT gateway id -> translation, written forward, read on return. */
  readonly nat: Map<string, NatEntry>;
  /** Shared with the other walk of the same trace. */
  readonly run: TraceRun;
  /** The last packet shown in a hop and its view: consecutive hops mostly share one packet. */
  lastPacket: Packet | undefined;
  lastView: PacketView | undefined;
}

/** A fresh walk. */
export function newWalk(ctx: EngineContext, reply: boolean, nat: Map<string, NatEntry>, run: TraceRun = newTraceRun()): Walk {
  return { ctx, reply, hops: [], explanations: [], visited: new Map(), nat, run, lastPacket: undefined, lastView: undefined };
}

/** Remember that a table routed this packet; true when it had routed the same addresses before (a loop). */
export function seenBefore(w: Walk, tableId: string, packet: Packet): boolean {
  const seen = w.visited.get(tableId);
  if (!seen) {
    w.visited.set(tableId, [packet]);
    return false;
  }
  if (seen.some((p) => p.src.value === packet.src.value && p.dst.value === packet.dst.value && p.src.family === packet.src.family)) return true;
  seen.push(packet);
  return false;
}

/** Record a hop. */
export function hop(w: Walk, component: Component, action: HopAction, detail: string, location: Span | undefined, packet: Packet, why?: string): void {
  if (w.lastPacket !== packet || !w.lastView) {
    w.lastPacket = packet;
    w.lastView = viewPacket(packet);
  }
  const h: Hop = why === undefined
    ? { component, action, detail, location, packet: w.lastView }
    : { component, action, detail, location, packet: w.lastView, why };
  w.hops.push(h);
}

/** Record a hop that stops the packet, with its explanation, and return the dropped outcome. */
export function drop(
  w: Walk,
  component: Component,
  action: 'denied' | 'dropped',
  code: ExplanationCode,
  detail: string,
  location: Span | undefined,
  packet: Packet,
  why?: string,
): Outcome {
  hop(w, component, action, detail, location, packet, why);
  w.explanations.push({ code, message: detail, component, location });
  return { kind: 'dropped' };
}
