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

function resolveTarget(ctx: EngineContext, tg: TargetGroup, t: Target): ResolvedTarget[] {
  const topo = ctx.topology;
  switch (t.kind) {
    case 'instance': {
      const eni = topo.enis.get(t.instance);
      return eni ? [{ target: t, name: t.instance, ip: eni.privateIp, port: t.port, az: eni.az, eni }] : [];
    }
    case 'ip': {
      const subnet = topo.vpcs.get(tg.vpc)?.subnets.map((s) => topo.subnets.get(s)).find((s) => s && prefixContains(s.cidr, t.ip));
      return [{ target: t, name: formatIp(t.ip), ip: t.ip, port: t.port, az: subnet?.az ?? 'all', eni: ctx.eniAt(tg.vpc, t.ip) }];
    }
    case 'alb': {
      // "Use an Application Load Balancer as a target of a Network Load Balancer": the NLB
      // registers the ALB's node addresses, one per zone, and sends to the node of a zone.
      const alb = topo.loadBalancers.get(t.loadBalancer);
      return (alb?.nodes ?? []).map((n) => topo.enis.get(n)).filter((e): e is Eni => e !== undefined)
        .map((eni) => ({ target: t, name: eni.id, ip: eni.privateIp, port: t.port, az: eni.az, eni }));
    }
    case 'lambda':
      // A Lambda function is invoked, not reached over the VPC: the ALB listener stops first.
      return [];
    default: {
      const never: never = t;
      return never;
    }
  }
}

/** The targets of a group with their addresses and zones (an ALB target is one per node; unknown instances are left out). */
export function resolveTargets(ctx: EngineContext, tg: TargetGroup): ResolvedTarget[] {
  return tg.targets.flatMap((t) => resolveTarget(ctx, tg, t));
}

function list(ts: readonly ResolvedTarget[]): string[] {
  return ts.map((t) => `${t.name} (${t.az})`);
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
  const skipped = all.filter((t) => !candidates.includes(t)).map((t) => `${t.name} (${t.target.healthy ? t.az : 'unhealthy'})`);
  const step = {
    type: 'targetChoice', targetGroup: tg.id, loadBalancer: lb.id, node: node.id, nodeAz: node.az, crossZone: lb.crossZone,
    candidates: candidates.map((c) => c.name), skipped,
  } as const;
  if (candidates.length === 0) {
    if (all.length === 0) {
      return log.drop(component, 'dropped', 'ELBV2_NO_TARGETS_IN_AZ', { ...step, action: 'dropped', verdict: 'noTargets' }, tg.span, packet);
    }
    if (!lb.crossZone && enabled.length > 0) {
      return log.drop(component, 'dropped', 'ELB_NOT_CROSSZONE', { ...step, action: 'dropped', verdict: 'notCrossZone', elsewhere: list(enabled) }, lb.span, packet);
    }
    const unhealthy = all.filter((t) => !t.target.healthy);
    const outside = healthy.filter((t) => t.az !== 'all' && !zones.has(t.az));
    return log.drop(component, 'dropped', 'ELBV2_NO_TARGETS_IN_AZ', {
      ...step, action: 'dropped', verdict: 'noHealthy', unhealthy: list(unhealthy), outside: list(outside), failOpen: unhealthy.length === all.length,
    }, tg.span, packet);
  }
  const option = (pick: ResolvedTarget) => {
    const one = newHopLog(w, log.carry);
    one.hop(component, 'forwarded', { ...step, action: 'chosen', verdict: 'chosen', chosen: { name: pick.name, port: pick.port, az: pick.az } }, pick.target.span, packet);
    return { name: pick.name, hops: one.hops, at: at(pick) };
  };
  return { kind: 'fork', key: `${node.id} ${tg.id}`, options: candidates.map(option) };
}

