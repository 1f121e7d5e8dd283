// Which nodes a Network Load Balancer's DNS name answers ("Health checks for Network Load
// Balancer target groups", Elastic Load Balancing guide): "If one or more target groups does
// not have a healthy target in an enabled Availability Zone, we remove the IP address for the
// corresponding subnet from DNS"; with cross-zone load balancing on, a zone stays while every
// target group has a healthy target in some enabled zone. "If there are no enabled
// Availability Zones with a healthy target in all target groups", AWS answers every node
// (fail open): so does vpcsim, whose walk then takes the stricter reading that an unhealthy
// target does not answer (select-target.ts).
import { prefixContains } from '../../net/prefix.js';
import type { Eni, LoadBalancer, TargetGroup } from '../../model/resources.js';
import type { Topology } from '../../model/topology.js';

/** The nodes a load balancer's DNS name answers, and whether that is every node by failing open. */
export interface HealthyNodes {
  readonly nodes: readonly Eni[];
  /** Nodes taken out of DNS (their zone has a target group with no healthy target). */
  readonly removed: readonly Eni[];
  /** No zone was healthy, so every node is answered. */
  readonly failOpen: boolean;
}

function targetZone(t: Topology, tg: TargetGroup, target: TargetGroup['targets'][number]): string | undefined {
  if (target.kind === 'instance') return t.enis.get(target.instance)?.az;
  // A Lambda function or an ALB answers in every zone it (or AWS) runs in.
  if (target.kind === 'lambda' || target.kind === 'alb') return 'all';
  const subnet = (t.vpcs.get(tg.vpc)?.subnets ?? []).map((s) => t.subnets.get(s)).find((s) => s !== undefined && prefixContains(s.cidr, target.ip));
  return subnet?.az ?? 'all';
}

/** The nodes of an NLB whose zones are healthy for DNS. */
export function healthyNodes(t: Topology, lb: LoadBalancer): HealthyNodes {
  const nodes = lb.nodes.map((n) => t.enis.get(n)).filter((e): e is Eni => e !== undefined);
  const groups = [...new Set(lb.listeners.map((l) => l.targetGroup))].map((id) => t.targetGroups.get(id)).filter((g): g is TargetGroup => g !== undefined);
  if (groups.length === 0) return { nodes, removed: [], failOpen: false };
  const enabled = new Set(nodes.map((n) => n.az));
  const healthyZones = groups.map((g) => new Set(g.targets.filter((x) => x.healthy).map((x) => targetZone(t, g, x)).filter((z): z is string => z !== undefined)));
  const zoneHealthy = (az: string): boolean => healthyZones.every((zones) =>
    lb.crossZone ? [...zones].some((z) => z === 'all' || enabled.has(z)) : zones.has(az) || zones.has('all'));
  const kept = nodes.filter((n) => zoneHealthy(n.az));
  if (kept.length === 0) return { nodes, removed: [], failOpen: nodes.length > 0 };
  return { nodes: kept, removed: nodes.filter((n) => !kept.includes(n)), failOpen: false };
}
