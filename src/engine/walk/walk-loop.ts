// The packet walk: one loop over typed positions. Each position goes to the handler for its
// kind, which returns the hops it made and what comes next: another position, a stop, or a
// fork. The loop owns what no handler should: the hop limit, routing-loop detection, the
// connection tracking handlers ask it to remember, and forks (every option but the one
// taken is handed to `onFork` as a walk of its own, so each path is a trace).
import type { Span } from '../../model/span.js';
import type { EngineContext } from '../compile/engine-context.js';
import { viewPacket, type Packet } from '../packet.js';
import type { PolicyRequest } from '../policy/evaluate-policy.js';
import type { Component, Explanation, Hop } from '../trace.js';
import { appliance, natInstanceReply } from './appliance.js';
import { arriveAtEni } from './arrive-at-eni.js';
import { deliverInVpc } from './deliver-in-vpc.js';
import { egressOnlyGateway, egressOnlyInbound } from './egress-only-gateway.js';
import { gatewayEndpoint } from './gateway-endpoint.js';
import { gwlbAppliance, gwlbEndpoint } from './gateway-load-balancer.js';
import { endpointEni } from './interface-endpoint.js';
import { fromInternet, internetSource, toInternet } from './internet.js';
import { internetGateway } from './internet-gateway.js';
import { makeHop } from './hop-log.js';
import { leaveEni } from './leave-eni.js';
import { natGateway, natGatewayEni } from './nat-gateway.js';
import { loadBalancerNode, nlbListener, nlbReverse, nlbTarget, nlbTargetReply } from './network-load-balancer.js';
import { albListener, albTarget } from './application-load-balancer.js';
import { peering } from './peering.js';
import type { At, Delivery, LbConnection, Memo, NatEntry, Step, WalkEnv } from './position.js';
import { replyStart } from './reply-start.js';
import { routeFromSubnet } from './route-from-subnet.js';
import { onPremisesArrive, onPremisesRoute, onPremisesSource } from './on-premises.js';
import { vgwInbound, virtualPrivateGateway } from './virtual-private-gateway.js';
import { vpnConnection } from './vpn-connection.js';
import { directConnectGateway } from './direct-connect-gateway.js';
import { transitGateway, transitGatewayIngress } from './transit-gateway.js';

/** Most hops a walk may take before it is called a loop. */
export const HOP_LIMIT = 64;

/** The handler for a position. */
export function dispatch(env: WalkEnv, at: At): Step {
  switch (at.kind) {
    case 'leaveEni': return leaveEni(env, at);
    case 'routeFromSubnet': return routeFromSubnet(env, at);
    case 'deliverInVpc': return deliverInVpc(env, at);
    case 'arriveAtEni': return arriveAtEni(env, at);
    case 'internetGateway': return internetGateway(env, at);
    case 'natGateway': return natGateway(env, at);
    case 'natGatewayEni': return natGatewayEni(env, at);
    case 'peering': return peering(env, at);
    case 'gatewayEndpoint': return gatewayEndpoint(env, at);
    case 'gwlbEndpoint': return gwlbEndpoint(env, at);
    case 'gwlbAppliance': return gwlbAppliance(env, at);
    case 'appliance': return appliance(env, at);
    case 'natInstanceReply': return natInstanceReply(env, at);
    case 'egressOnlyGateway': return egressOnlyGateway(env, at);
    case 'egressOnlyInbound': return egressOnlyInbound(env, at);
    case 'toInternet': return toInternet(env, at);
    case 'fromInternet': return fromInternet(env, at);
    case 'internetSource': return internetSource(env, at);
    case 'endpointEni': return endpointEni(env, at);
    case 'loadBalancerNode': return loadBalancerNode(env, at);
    case 'nlbListener': return nlbListener(env, at);
    case 'nlbTarget': return nlbTarget(env, at);
    case 'nlbReverse': return nlbReverse(env, at);
    case 'nlbTargetReply': return nlbTargetReply(env, at);
    case 'albListener': return albListener(env, at);
    case 'albTarget': return albTarget(env, at);
    case 'replyStart': return replyStart(env, at);
    case 'onPremisesSource': return onPremisesSource(env, at);
    case 'onPremisesRoute': return onPremisesRoute(env, at);
    case 'onPremisesArrive': return onPremisesArrive(env, at);
    case 'virtualPrivateGateway': return virtualPrivateGateway(env, at);
    case 'vgwInbound': return vgwInbound(env, at);
    case 'vpnConnection': return vpnConnection(env, at);
    case 'directConnectGateway': return directConnectGateway(env, at);
    case 'transitGatewayIngress': return transitGatewayIngress(env, at);
    case 'transitGateway': return transitGateway(env, at);
    default: {
      const never: never = at;
      return never;
    }
  }
}

/** The connection tracking of one trace, as the loop keeps it. */
export interface Tracking {
  readonly nat: Map<string, NatEntry>;
  readonly conns: Map<string, LbConnection>;
  readonly flows: Map<string, string>;
  readonly transit: Map<string, string>;
}

/** One walk in progress (forward or return); a fork copies it. */
export interface WalkRun {
  readonly reply: boolean;
  readonly hops: Hop[];
  /** Route table id -> the (src, dst) pairs already routed by it, for loop detection. */
  readonly visited: Map<string, Packet[]>;
  /** Shared by the forward walk and the reply of one path. */
  readonly tracking: Tracking;
  /** The option taken at each fork met so far, by key ("return:" first on the reply). */
  readonly chosen: Map<string, number>;
  /** The choices made where there were several options, in words ("nlb-a/node tg-api -> api-2"). */
  readonly picks: string[];
}

/** A fresh walk; the reply of a path continues its forward walk's tracking and choices. */
export function newWalkRun(reply: boolean, from?: WalkRun): WalkRun {
  return {
    reply, hops: [], visited: new Map(),
    tracking: from?.tracking ?? { nat: new Map(), conns: new Map(), flows: new Map(), transit: new Map() },
    chosen: from?.chosen ?? new Map(), picks: from?.picks ?? [],
  };
}

function copyRun(r: WalkRun): WalkRun {
  return {
    reply: r.reply, hops: [...r.hops], visited: new Map([...r.visited].map(([k, v]) => [k, [...v]])),
    tracking: { nat: new Map(r.tracking.nat), conns: new Map(r.tracking.conns), flows: new Map(r.tracking.flows), transit: new Map(r.tracking.transit) },
    chosen: new Map(r.chosen), picks: [...r.picks],
  };
}

/** How a walk ended. */
export type WalkEnd =
  | { readonly verdict: 'delivered'; readonly delivery: Delivery }
  | { readonly verdict: 'dropped'; readonly explanations: readonly Explanation[] };

function remember(t: Tracking, memos: readonly Memo[]): void {
  for (const m of memos) {
    switch (m.table) {
      case 'nat': t.nat.set(m.key, m.entry); break;
      case 'conns': t.conns.set(m.key, m.conn); break;
      case 'flows': t.flows.set(m.key, m.eni); break;
      // The first value stays: `crossed` names the first gateway, a zone is chosen once.
      case 'transit': if (!t.transit.has(m.key)) t.transit.set(m.key, m.value); break;
      default: {
        const never: never = m;
        return never;
      }
    }
  }
}

/**
 * Where the loop guards against loops: a route table routing a packet it routed before. A
 * transit gateway's table counts as one, so that a chain of gateway peerings (or a gateway and
 * a VPC sending a packet back and forth) ends at the loop or hop limit.
 */
function guardOf(ctx: EngineContext, at: At): { readonly key: string; readonly component: Component; readonly span: Span | undefined } | undefined {
  if (at.kind === 'transitGateway') {
    const table = ctx.tgw.association.get(`${at.tgw.id} ${at.attachment.id}`);
    const rt = table !== undefined ? ctx.topology.transitGatewayRouteTables.get(table) : undefined;
    return rt ? { key: rt.id, component: { id: rt.id, kind: 'transitGatewayRouteTable' }, span: rt.span } : undefined;
  }
  if (at.kind !== 'routeFromSubnet') return undefined;
  const table = ctx.topology.routeTables.get(ctx.topology.subnets.get(at.subnet)!.routeTable)!;
  return { key: table.id, component: { id: table.id, kind: 'routeTable' }, span: table.span };
}

/** Remember that `key` saw this packet; true when it had seen the same addresses before (a loop). */
function seenBefore(run: WalkRun, key: string, packet: Packet): boolean {
  const seen = run.visited.get(key);
  if (!seen) {
    run.visited.set(key, [packet]);
    return false;
  }
  if (seen.some((p) => p.src.value === packet.src.value && p.dst.value === packet.dst.value && p.src.family === packet.src.family)) return true;
  seen.push(packet);
  return false;
}

function stopHere(run: WalkRun, component: Component, code: 'ROUTING_LOOP' | 'HOP_LIMIT', span: Span | undefined, packet: Packet): WalkEnd {
  const step = { type: 'loopGuard', action: 'dropped', table: component.id, reason: code === 'ROUTING_LOOP' ? 'loop' : 'hopLimit', limit: HOP_LIMIT } as const;
  const hop = makeHop(component, 'dropped', step, span, viewPacket(packet), run.reply);
  run.hops.push(hop);
  return { verdict: 'dropped', explanations: [{ code, message: hop.detail, component, location: span }] };
}

/**
 * Walk from `start` until the packet is delivered or dropped, appending hops to `run`.
 * At a fork the walk takes the first option (or the one `run.chosen` fixed) and hands every
 * other option to `onFork` as a copy of the walk standing at that option.
 */
export function runWalk(
  ctx: EngineContext, request: PolicyRequest | undefined, run: WalkRun, start: At,
  onFork: (run: WalkRun, at: At) => void,
): WalkEnd {
  const env: WalkEnv = { ctx, reply: run.reply, memory: run.tracking, request };
  let at = start;
  for (;;) {
    const guard = guardOf(ctx, at);
    if (guard) {
      if (seenBefore(run, guard.key, at.packet)) {
        return stopHere(run, guard.component, 'ROUTING_LOOP', guard.span, at.packet);
      }
      if (run.hops.length > HOP_LIMIT) return stopHere(run, guard.component, 'HOP_LIMIT', guard.span, at.packet);
    }
    const step = dispatch(env, at);
    run.hops.push(...step.hops);
    remember(run.tracking, step.remember);
    const next = step.next;
    switch (next.kind) {
      case 'go':
        at = next.at;
        break;
      case 'stop':
        return next.verdict === 'delivered' ? { verdict: 'delivered', delivery: next.delivery } : { verdict: 'dropped', explanations: next.explanations };
      case 'fork': {
        const [first] = next.options;
        if (!first) return { verdict: 'dropped', explanations: [] };
        if (next.options.length === 1) {
          run.hops.push(...first.hops);
          at = first.at;
          break;
        }
        const key = `${run.reply ? 'return:' : ''}${next.key}`;
        let index = run.chosen.get(key);
        if (index === undefined) {
          index = 0;
          run.chosen.set(key, 0);
          next.options.forEach((o, i) => {
            if (i === 0) return;
            const other = copyRun(run);
            other.chosen.set(key, i);
            other.picks.push(`${next.key} -> ${o.name}`);
            other.hops.push(...o.hops);
            onFork(other, o.at);
          });
        }
        const pick = next.options[Math.min(index, next.options.length - 1)]!;
        run.picks.push(`${next.key} -> ${pick.name}`);
        run.hops.push(...pick.hops);
        at = pick.at;
        break;
      }
      default: {
        const never: never = next;
        return never;
      }
    }
  }
}
