// Which target a load balancer node sends a flow to ("Health checks for Network Load
// Balancer target groups" and "Cross-zone load balancing", Elastic Load Balancing guide):
// only healthy targets, in Availability Zones the load balancer is enabled in; with
// cross-zone load balancing off, only those in the node's own zone. Every candidate is a
// branch of the walk (one trace each). AWS fails open when every target is unhealthy and
// sends to them anyway; vpcsim takes the stricter reading that an unhealthy target does not
// answer, and says so.
import { formatIp, type Ip } from '../../net/ip.js';
import { prefixContains } from '../../net/prefix.js';
import type { Eni, LoadBalancer, Target, TargetGroup } from '../../model/resources.js';
import { eniAt } from '../compile/engine-context.js';
import type { EngineContext } from '../compile/engine-context.js';
import type { Packet } from '../packet.js';
import { newHopLog, type HopLog } from './hop-log.js';
import type { At, Next } from './position.js';

/** A registered target with its address, zone and interface. */
export interface ResolvedTarget {
  readonly target: Target;
  /** The instance id, or the IP text for IP targets. */
  readonly name: string;
  readonly ip: Ip;
  readonly port: number;
  /** The target's AZ; 'all' for IP targets outside the load balancer's VPC (AWS's "all" zone). */
  readonly az: string;
  readonly eni: Eni | undefined;
}

function resolveTarget(ctx: EngineContext, tg: TargetGroup, t: Target): ResolvedTarget | undefined {
  const topo = ctx.topology;
  if (t.kind === 'instance') {
    const eni = topo.enis.get(t.instance);
    return eni ? { target: t, name: t.instance, ip: eni.privateIp, port: t.port, az: eni.az, eni } : undefined;
  }
  const subnet = topo.vpcs.get(tg.vpc)?.subnets.map((s) => topo.subnets.get(s)).find((s) => s && prefixContains(s.cidr, t.ip));
  return { target: t, name: formatIp(t.ip), ip: t.ip, port: t.port, az: subnet?.az ?? 'all', eni: eniAt(ctx, tg.vpc, t.ip) };
}

/** The targets of a group with their addresses and zones (targets whose instance is unknown are left out). */
export function resolveTargets(ctx: EngineContext, tg: TargetGroup): ResolvedTarget[] {
  return tg.targets.map((t) => resolveTarget(ctx, tg, t)).filter((t): t is ResolvedTarget => t !== undefined);
}

function list(ts: readonly ResolvedTarget[]): string {
  return ts.map((t) => `${t.name} (${t.az})`).join(', ');
}

/**
 * The targets a flow at `node` may go to: a fork with one option per candidate (its target
 * group hop, then the position `at` makes of it), or the stop when none may take it.
 */
export function selectTarget(log: HopLog, lb: LoadBalancer, tg: TargetGroup, node: Eni, packet: Packet, at: (t: ResolvedTarget) => At): Next {
  const w = log.env;
  const component = { id: tg.id, kind: 'targetGroup' as const };
  const all = resolveTargets(w.ctx, tg);
  const zones = new Set(lb.nodes.map((n) => w.ctx.topology.enis.get(n)?.az));
  const healthy = all.filter((t) => t.target.healthy);
  const enabled = healthy.filter((t) => t.az === 'all' || zones.has(t.az));
  const candidates = lb.crossZone ? enabled : enabled.filter((t) => t.az === 'all' || t.az === node.az);
  const zonal = lb.crossZone ? 'cross-zone load balancing on: any enabled zone' : `cross-zone load balancing off: only targets in ${node.az}`;
  if (candidates.length === 0) {
    if (all.length === 0) {
      return log.drop(component, 'dropped', 'ELBV2_NO_TARGETS_IN_AZ', `${tg.id} has no registered targets`, tg.span, packet);
    }
    if (!lb.crossZone && enabled.length > 0) {
      return log.drop(component, 'dropped', 'ELB_NOT_CROSSZONE',
        `${node.id} is in ${node.az}, but the healthy targets of ${tg.id} are only in other zones: ${list(enabled)}; cross-zone load balancing is off on ${lb.id}`, lb.span, packet,
        'With cross-zone load balancing off (the default for Network and Gateway Load Balancers), each node sends only to targets in its own Availability Zone.');
    }
    const unhealthy = all.filter((t) => !t.target.healthy);
    const outside = healthy.filter((t) => t.az !== 'all' && !zones.has(t.az));
    const why = [
      unhealthy.length > 0 ? `unhealthy: ${list(unhealthy)}` : '',
      outside.length > 0 ? `in zones ${lb.id} is not enabled in: ${list(outside)}` : '',
    ].filter(Boolean).join('; ');
    const failOpen = unhealthy.length === all.length
      ? '. AWS fails open when every target is unhealthy and sends to them anyway; vpcsim takes the stricter reading that an unhealthy target does not answer'
      : '';
    return log.drop(component, 'dropped', 'ELBV2_NO_TARGETS_IN_AZ', `${node.id} (${node.az}) has no healthy target to send to in ${tg.id} (${why})${failOpen}`, tg.span, packet,
      'A load balancer node sends only to healthy targets in the zones it may use; with none, the flow has nowhere to go.');
  }
  const skipped = all.filter((t) => !candidates.includes(t)).map((t) => `${t.name} (${t.target.healthy ? t.az : 'unhealthy'})`);
  const others = candidates.length > 1 ? `; each of ${candidates.map((t) => t.name).join(', ')} gets a trace of its own` : '';
  const option = (pick: ResolvedTarget) => {
    const one = newHopLog(w, log.carry);
    one.hop(component, 'forwarded',
    `${tg.id} (${zonal}) sends this flow to ${pick.name}:${pick.port} in ${pick.az}${others}${skipped.length > 0 ? `; not used: ${skipped.join(', ')}` : ''}`,
    pick.target.span, packet,
    candidates.length > 1
      ? 'A load balancer node sends each new flow to one of its healthy targets, by a hash of the flow; any of them may get it, so vpcsim follows each.'
      : 'A load balancer node sends only to healthy targets it may use: its own zone, or every enabled zone with cross-zone load balancing.',
    [{ type: 'targetChoice', action: 'chosen', targetGroup: tg.id, chosen: { name: pick.name, port: pick.port, az: pick.az }, candidates: candidates.map((c) => c.name) }]);
    return { name: pick.name, hops: one.hops, at: at(pick) };
  };
  return { kind: 'fork', key: `${node.id} ${tg.id}`, options: candidates.map(option) };
}

