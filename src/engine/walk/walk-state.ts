// The state of one walk (forward or return): hops recorded so far, explanations, loop
// detection, and the NAT translations the forward walk made (the return walk undoes them,
// as a NAT gateway's connection tracking does).
import type { Ip } from '../../net/ip.js';
import type { AwsService } from '../../model/aws-services.js';
import type { Endpoint, Eni, InternetHost } from '../../model/resources.js';
import type { Span } from '../../model/span.js';
import type { EngineContext } from '../compile/engine-context.js';
import type { ExplanationCode } from '../explanation-codes.js';
import { viewPacket, type Packet } from '../packet.js';
import type { Component, Explanation, Hop, HopAction } from '../trace.js';

/** Most hops a walk may take before it is called a loop. */
export const HOP_LIMIT = 64;

/** A NAT gateway's memory of a translated connection. */
export interface NatEntry {
  readonly originalSrc: Ip;
  readonly originalSrcPort: number | undefined;
}

/** Where a walk ended with the packet delivered. */
export type Delivery =
  | { readonly kind: 'eni'; readonly eni: Eni; readonly packet: Packet }
  | { readonly kind: 'internet'; readonly packet: Packet; readonly host: InternetHost | undefined }
  | { readonly kind: 'awsService'; readonly service: AwsService; readonly packet: Packet; readonly via: 'internet' }
  | { readonly kind: 'awsService'; readonly service: AwsService; readonly packet: Packet; readonly via: 'gatewayEndpoint'; readonly endpoint: Endpoint };

/** How a walk ended. */
export type Outcome = { readonly kind: 'delivered'; readonly at: Delivery } | { readonly kind: 'dropped' };

/** Mutable state of one walk; never shared between walks. */
export interface Walk {
  readonly ctx: EngineContext;
  readonly reply: boolean;
  readonly hops: Hop[];
  readonly explanations: Explanation[];
  readonly visited: Set<string>;
  /** NAT gateway id -> translation, written forward, read on return. */
  readonly nat: Map<string, NatEntry>;
}

/** A fresh walk. */
export function newWalk(ctx: EngineContext, reply: boolean, nat: Map<string, NatEntry>): Walk {
  return { ctx, reply, hops: [], explanations: [], visited: new Set(), nat };
}

/** Record a hop. */
export function hop(w: Walk, component: Component, action: HopAction, detail: string, location: Span | undefined, packet: Packet, why?: string): void {
  w.hops.push({ component, action, detail, location, packet: viewPacket(packet), ...(why !== undefined ? { why } : {}) });
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
