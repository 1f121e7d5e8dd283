// The engine's entry point: resolve a query (asking DNS when `to` is a name), walk each
// concrete flow forward, then walk its reply back to the source. One trace per destination
// address and, where a load balancer could send the flow to several targets, per target
// (docs/trace.md, "Fan-out").
import { formatIp } from '../net/ip.js';
import { portProblem } from '../model/check-port.js';
import type { Topology } from '../model/topology.js';
import { engineContext, type EngineContext } from './compile/engine-context.js';
import type { DnsResolution } from './dns/resolve-name.js';
import { oneWayExplanation } from './explain-one-way.js';
import { describePacket, replyOf, viewPacket, type Packet } from './packet.js';
import type { PolicyRequest } from './policy/evaluate-policy.js';
import { DEFAULT_SOURCE_PORT, type FlowQuery, type QueryError, type TraceResult } from './query.js';
import { isError, resolveDestinations, resolveSource, sourceAddress, type Destination, type Source } from './resolve-query.js';
import type { Explanation, Hop, Trace, TracedFlow } from './trace.js';
import { NO_CARRY, type At, type Carry, type Delivery } from './walk/position.js';
import { makeHop } from './walk/hop-log.js';
import { returnsToSource } from './walk/reply-start.js';
import { newWalkRun, runWalk, type WalkRun } from './walk/walk-loop.js';

type Resolved = Extract<DnsResolution, { kind: 'resolved' }>;

const PROTOCOLS = { tcp: 6, udp: 17, icmp: 1, icmpv6: 58, all: -1 } as const;

/** Most traces one destination address may fan out into (targets behind load balancers). */
export const MAX_BRANCHES = 256;

/**
 * Trace a flow. A query that names nothing known is a QueryError (exit 2 at the CLI); a name
 * that does not resolve is an unreachable trace (DNS_NAME_NOT_RESOLVED).
 */
export function traceFlow(topology: Topology, query: FlowQuery): TraceResult | QueryError {
  return traceFlowIn(engineContext(topology), query);
}

/**
 * traceFlow over a compiled context. Internal (src/index.ts does not export it): the
 * benchmark passes its naive linear-scan context (bench/linear-baseline.ts) through it.
 */
export function traceFlowIn(ctx: EngineContext, query: FlowQuery): TraceResult | QueryError {
  const source = resolveSource(ctx, query.from);
  if (isError(source)) return source;
  const resolved = resolveDestinations(ctx, query.to, source);
  if (isError(resolved)) return resolved;
  const badPort = portProblem(query.protocol, query.port, 'destination port') ?? portProblem(query.protocol, query.sourcePort, 'source port');
  if (badPort) return { kind: 'queryError', message: badPort };
  if ((query.protocol === 'tcp' || query.protocol === 'udp') && query.port === undefined) {
    return { kind: 'queryError', message: `a ${query.protocol} flow needs a destination port (write ${query.to}:PORT)` };
  }
  if (resolved.kind === 'unresolved') return { query, reachable: false, traces: [unresolvedTrace(query, source, resolved.dns)] };
  const { destinations, dns } = resolved;
  const pinned = query.pinAddress !== undefined ? destinations.filter((d) => formatIp(d.ip) === query.pinAddress) : destinations;
  if (pinned.length === 0) {
    const have = destinations.map((d) => formatIp(d.ip)).join(', ');
    return { kind: 'queryError', message: `${query.to} does not resolve to ${query.pinAddress} (it resolves to ${have})` };
  }
  const traces: Trace[] = [];
  for (const d of pinned) {
    const t = traceBranches(ctx, query, source, d, dns);
    if (isError(t)) return t;
    traces.push(...t);
  }
  return { query, reachable: traces.length > 0 && traces.every((t) => t.reachable), traces };
}

function requestOf(query: FlowQuery): PolicyRequest | undefined {
  if (query.principal === undefined && query.action === undefined && query.resource === undefined) return undefined;
  return { principal: query.principal, action: query.action, resource: query.resource };
}

/** A path not yet walked to its end: its walk so far and where it stands. */
type Pending =
  | { readonly phase: 'forward'; readonly run: WalkRun; readonly at: At }
  | { readonly phase: 'reply'; readonly forward: Forward; readonly run: WalkRun; readonly at: At };

/** A forward walk that delivered. */
interface Forward {
  readonly hops: readonly Hop[];
  readonly delivery: Delivery;
}

/**
 * Every path of one destination: where the walk forks (a load balancer's targets), it takes
 * the first option and queues the others, each walked on to a trace of its own.
 */
function traceBranches(ctx: EngineContext, query: FlowQuery, source: Source, dest: Destination, dns: Resolved | undefined): Trace[] | QueryError {
  const src = sourceAddress(source, dest.ip);
  if (isError(src)) return src;
  const intended = dest.eni ? { id: dest.eni.id, vpc: dest.eni.vpc, ip: dest.eni.privateIp } : undefined;
  const request = requestOf(query);
  const packet = firstPacket(query, src, dest);
  const carry: Carry = { ...NO_CARRY, intended };
  const start: At = source.kind === 'eni'
    ? { kind: 'leaveEni', eni: source.eni, packet, announce: true, carry }
    : source.kind === 'onPremises'
      ? { kind: 'onPremisesSource', label: source.label, network: source.network, host: source.host, packet, carry }
      : { kind: 'internetSource', label: source.label, host: source.host, packet, carry };
  const pending: Pending[] = [{ phase: 'forward', run: newWalkRun(false), at: start }];
  const out: Trace[] = [];
  while (pending.length > 0) {
    // A verdict over some of the paths would pass for one over all of them: refuse instead.
    if (out.length >= MAX_BRANCHES) {
      return { kind: 'queryError', message: `the flow to ${formatIp(dest.ip)} fans out into more than ${MAX_BRANCHES} paths (load balancer targets); trace a single target or node address instead` };
    }
    out.push(finish(ctx, query, source, dest, dns, packet, request, pending.shift()!, (p) => pending.push(p)));
  }
  return out;
}

function firstPacket(query: FlowQuery, src: Packet['src'], dest: Destination): Packet {
  const protocol = PROTOCOLS[query.protocol];
  const ported = protocol === 6 || protocol === 17;
  return {
    src,
    dst: dest.ip,
    protocol,
    srcPort: ported ? query.sourcePort ?? DEFAULT_SOURCE_PORT : undefined,
    dstPort: protocol === -1 ? undefined : query.port ?? (protocol === 1 ? 8 : protocol === 58 ? 128 : undefined),
  };
}

/** Walk a pending path to its end (forward, then the reply) and make its trace. */
function finish(
  ctx: EngineContext, query: FlowQuery, source: Source, dest: Destination, dns: Resolved | undefined,
  packet: Packet, request: PolicyRequest | undefined, p: Pending, queue: (p: Pending) => void,
): Trace {
  const flowOf = (run: WalkRun): TracedFlow => ({
    from: source.label, to: dest.label, protocol: query.protocol,
    srcIp: formatIp(packet.src), dstIp: formatIp(packet.dst), srcPort: packet.srcPort, dstPort: packet.dstPort,
    ...(run.picks.length > 0 ? { branch: [...run.picks] } : {}),
  });
  let forward: Forward;
  let back: WalkRun;
  let replyAt: At;
  if (p.phase === 'forward') {
    const run = p.run;
    const end = runWalk(ctx, request, run, p.at, (r, at) => queue({ phase: 'forward', run: r, at }));
    const hops = dns ? [dnsHop(dns, packet, dest), ...run.hops] : run.hops;
    if (end.verdict === 'dropped') {
      const oneWay = source.kind === 'eni' && dest.eni ? oneWayExplanation(ctx.topology, source.eni.vpc, dest.eni.vpc) : undefined;
      return { flow: flowOf(run), reachable: false, hops, returnHops: [], explanations: oneWay ? [...end.explanations, oneWay] : [...end.explanations] };
    }
    forward = { hops, delivery: end.delivery };
    back = newWalkRun(true, run);
    replyAt = { kind: 'replyStart', delivery: end.delivery, packet: replyOf(end.delivery.packet), carry: NO_CARRY };
  } else {
    forward = p.forward;
    back = p.run;
    replyAt = p.at;
  }
  const fwd = forward;
  const reply = runWalk(ctx, request, back, replyAt, (r, at) => queue({ phase: 'reply', forward: fwd, run: r, at }));
  const explanations: Explanation[] = reply.verdict === 'dropped' ? reply.explanations.map((e) => ({ ...e, message: `on the way back: ${e.message}` })) : [];
  let reachable = reply.verdict === 'delivered';
  if (reply.verdict === 'delivered' && !returnsToSource(reply.delivery, source, packet)) {
    reachable = false;
    const rp = reply.delivery.packet;
    const expected = `${formatIp(packet.dst)}${packet.dstPort !== undefined && packet.protocol !== 1 && packet.protocol !== 58 ? `:${packet.dstPort}` : ''}`;
    // Point at what rewrote the reply's source, the place to fix (often a NAT gateway route).
    // The first hop that gives the reply a source that is neither where the reply started
    // nor the address the client sent to (an IGW mapping back to that address is fine).
    const legit = new Set([formatIp(forward.delivery.packet.dst), formatIp(packet.dst)]);
    const culprit = back.hops.find((h) => h.action === 'translated' && !legit.has(h.packet.src));
    explanations.push({
      code: 'NO_PATH',
      message: `the reply arrives as ${describePacket(rp)}, not from ${expected} to the source: an asymmetric path${culprit ? ` (${culprit.component.id} rewrote its source)` : ''}, which the source drops`,
      component: culprit?.component,
      location: culprit?.location,
    });
  }
  if (reachable === false && reply.verdict === 'dropped' && explanations.length === 0) {
    explanations.push({ code: 'NO_PATH', message: 'the reply does not come back', component: undefined, location: undefined });
  }
  return { flow: flowOf(back), reachable, hops: [...forward.hops], returnHops: back.hops, explanations };
}

function dnsHop(dns: Resolved, packet: Packet, dest: Destination): Hop {
  const step = dns.record.addresses.length > 1 ? { ...dns.step, followed: formatIp(dest.ip) } : dns.step;
  return makeHop({ id: dns.name, kind: 'dns' }, 'resolved', step, dns.record.location, viewPacket(packet), false);
}

function unresolvedTrace(query: FlowQuery, source: Source, dns: Extract<DnsResolution, { kind: 'notResolved' }>): Trace {
  const srcIp = source.kind === 'eni' ? formatIp(source.eni.privateIp) : formatIp(source.ip);
  const ported = query.protocol === 'tcp' || query.protocol === 'udp';
  const srcPort = ported ? query.sourcePort ?? DEFAULT_SOURCE_PORT : undefined;
  const flow: TracedFlow = { from: source.label, to: dns.name, protocol: query.protocol, srcIp, dstIp: '', srcPort, dstPort: query.port };
  const component = { id: dns.name, kind: 'dns' as const };
  const h = makeHop(component, 'dropped', dns.step, dns.location, { src: srcIp, dst: '', protocol: query.protocol, srcPort, dstPort: query.port }, false);
  return { flow, reachable: false, hops: [h], returnHops: [], explanations: [{ code: dns.step.verdict === 'forwardedUnmodelled' ? 'DNS_ANSWER_UNMODELLED' : 'DNS_NAME_NOT_RESOLVED', message: dns.detail, component, location: dns.location }] };
}

/** Whether an answer is a query error. */
export function isQueryError(r: TraceResult | QueryError): r is QueryError {
  return (r as QueryError).kind === 'queryError';
}
