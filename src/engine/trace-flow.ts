// The engine's entry point: resolve a query, walk each concrete flow forward, then walk
// its reply back to the source, and return one trace per destination address.
import type { Topology } from '../model/topology.js';
import { engineContext, type EngineContext, type LookupMode } from './compile/engine-context.js';
import { describePacket, replyOf, type Packet } from './packet.js';
import { DEFAULT_SOURCE_PORT, type FlowQuery, type QueryError, type TraceResult } from './query.js';
import { isError, resolveDestinations, resolveSource, sourceAddress, type Destination, type Source } from './resolve-query.js';
import type { Explanation, Trace } from './trace.js';
import { deliverInVpc } from './walk/deliver.js';
import { fromInternet } from './walk/internet.js';
import { leaveEni } from './walk/route-step.js';
import { hop, newWalk, type Delivery, type NatEntry, type Outcome, type Walk } from './walk/walk-state.js';
import { formatIp } from '../net/ip.js';

const PROTOCOLS = { tcp: 6, udp: 17, icmp: 1, icmpv6: 58, all: -1 } as const;

/**
 * Trace a flow. A query that names nothing known is a QueryError (exit 2 at the CLI).
 * `mode` 'linear' answers lookups by scanning, for the benchmark's baseline only.
 */
export function traceFlow(topology: Topology, query: FlowQuery, mode: LookupMode = 'indexed'): TraceResult | QueryError {
  const ctx = engineContext(topology, mode);
  const source = resolveSource(ctx, query.from);
  if (isError(source)) return source;
  const destinations = resolveDestinations(ctx, query.to, source);
  if (isError(destinations)) return destinations;
  if ((query.protocol === 'tcp' || query.protocol === 'udp') && query.port === undefined) {
    return { kind: 'queryError', message: `a ${query.protocol} flow needs a destination port (write ${query.to}:PORT)` };
  }
  const pinned = query.pinAddress !== undefined ? destinations.filter((d) => formatIp(d.ip) === query.pinAddress) : destinations;
  if (pinned.length === 0) return { kind: 'queryError', message: `${query.to} does not resolve to ${query.pinAddress}` };
  const traces: Trace[] = [];
  for (const d of pinned) {
    const t = traceOne(ctx, query, source, d);
    if (isError(t)) return t;
    traces.push(t);
  }
  return { query, reachable: traces.length > 0 && traces.every((t) => t.reachable), traces };
}

function traceOne(ctx: EngineContext, query: FlowQuery, source: Source, dest: Destination): Trace | QueryError {
  const src = sourceAddress(source, dest.ip);
  if (isError(src)) return src;
  const protocol = PROTOCOLS[query.protocol];
  const ported = protocol === 6 || protocol === 17;
  const packet: Packet = {
    src,
    dst: dest.ip,
    protocol,
    srcPort: ported ? query.sourcePort ?? DEFAULT_SOURCE_PORT : undefined,
    dstPort: protocol === -1 ? undefined : query.port ?? (protocol === 1 ? 8 : protocol === 58 ? 128 : undefined),
  };
  const flow = {
    from: source.label, to: dest.label, protocol: query.protocol,
    srcIp: formatIp(packet.src), dstIp: formatIp(packet.dst), srcPort: packet.srcPort, dstPort: packet.dstPort,
  };
  const nat = new Map<string, NatEntry>();
  const forward = newWalk(ctx, false, nat);
  const out = start(forward, source, packet);
  if (out.kind === 'dropped') {
    return { flow, reachable: false, hops: forward.hops, returnHops: [], explanations: forward.explanations };
  }
  const back = newWalk(ctx, true, nat);
  const reply = walkReply(back, out.at);
  const explanations: Explanation[] = back.explanations.map((e) => ({ ...e, message: `on the way back: ${e.message}` }));
  let reachable = reply.kind === 'delivered';
  if (reply.kind === 'delivered' && !returnsToSource(reply.at, source, packet)) {
    reachable = false;
    explanations.push({ code: 'NO_PATH', message: 'the reply is delivered somewhere other than the source (asymmetric path)', component: undefined, location: undefined });
  }
  return { flow, reachable, hops: forward.hops, returnHops: back.hops, explanations };
}

function start(w: Walk, source: Source, packet: Packet): Outcome {
  if (source.kind === 'eni') return leaveEni(w, source.eni, packet);
  const component = source.host ? { id: source.host.id, kind: 'internetHost' as const } : { id: 'internet', kind: 'internet' as const };
  hop(w, component, 'forwarded', `${source.label} sends ${describePacket(packet)}`, source.host?.span, packet);
  return fromInternet(w, packet);
}

function walkReply(w: Walk, at: Delivery): Outcome {
  const reply = replyOf(at.packet);
  switch (at.kind) {
    case 'eni':
      return leaveEni(w, at.eni, reply);
    case 'internet': {
      const component = at.host ? { id: at.host.id, kind: 'internetHost' as const } : { id: 'internet', kind: 'internet' as const };
      hop(w, component, 'forwarded', `the reply ${describePacket(reply)} crosses the internet`, at.host?.span, reply);
      return fromInternet(w, reply);
    }
    case 'awsService':
      hop(w, { id: at.service.name, kind: 'awsService' }, 'forwarded', `${at.service.name} replies ${describePacket(reply)}`, undefined, reply);
      if (at.via === 'internet') return fromInternet(w, reply);
      hop(w, { id: at.endpoint.id, kind: 'endpoint' }, 'forwarded', `${at.endpoint.id} carries the reply back into VPC ${at.endpoint.vpc}`, at.endpoint.span, reply);
      return deliverInVpc(w, at.endpoint.vpc, undefined, reply);
    default: {
      const never: never = at;
      return never;
    }
  }
}

function returnsToSource(at: Delivery, source: Source, forward: Packet): boolean {
  if (source.kind === 'eni') return at.kind === 'eni' && at.eni.id === source.eni.id;
  return at.kind === 'internet' && at.packet.dst.value === forward.src.value;
}

/** Whether an answer is a query error. */
export function isQueryError(r: TraceResult | QueryError): r is QueryError {
  return (r as QueryError).kind === 'queryError';
}
