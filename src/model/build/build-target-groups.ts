// Target groups and their registered targets ("Target groups for your Network Load
// Balancers", "Target groups for your Application Load Balancers", Elastic Load Balancing
// guides): instance and ip targets (NLB, ALB, GWLB), a Lambda function (ALB: at most one,
// and no port, "Lambda functions as targets"), or one Application Load Balancer of the same
// VPC (an NLB's group of type alb, "Use an Application Load Balancer as a target of a
// Network Load Balancer"). Whether a group fits the load balancer that forwards to it is
// checked in validate/validate-load-balancers.ts, where every load balancer is known.
import type { Ip } from '../../net/ip.js';
import { isPrefix, parsePrefix, prefixContains } from '../../net/prefix.js';
import type { IdMap, RawTargetGroup } from '../format.js';
import type { Target, TargetGroup } from '../resources.js';
import { ipAt, refAt, report, type BuildContext } from './context.js';
import type { VpcFabric } from './build-vpcs.js';

type TargetType = TargetGroup['targetType'];

/** The key each target type registers its targets by. */
const TARGET_KEY: Readonly<Record<TargetType, 'instance' | 'ip' | 'lambda' | 'loadBalancer'>> = {
  instance: 'instance', ip: 'ip', lambda: 'lambda', alb: 'loadBalancer',
};

/** Build the target groups of one VPC. */
export function buildTargetGroups(ctx: BuildContext, raw: IdMap<RawTargetGroup>, vpcBase: string, vpcId: string, fabric: VpcFabric, into: Map<string, TargetGroup>): void {
  for (const [id, tg] of Object.entries(raw)) {
    const ptr = `${vpcBase}/targetGroups/${id}`;
    const targetType: TargetType = tg.targetType ?? 'instance';
    // A Lambda target group has no port (CreateTargetGroup: Port "does not apply if the target type is lambda").
    if (targetType !== 'lambda' && tg.port === undefined) report(ctx, 'TARGET_SHAPE', `target group "${id}" needs a port (only a lambda group has none)`, ptr, 'key');
    if (targetType === 'lambda' && tg.port !== undefined) report(ctx, 'TARGET_SHAPE', `target group "${id}" has targetType lambda, which takes no port`, `${ptr}/port`, 'key');
    const groupPort = tg.port ?? 0;
    const targets: Target[] = [];
    const want = TARGET_KEY[targetType];
    (tg.targets ?? []).forEach((t, i) => {
      const tptr = `${ptr}/targets/${i}`;
      const span = ctx.map.valueAt(tptr);
      const port = t.port ?? groupPort;
      const healthy = t.healthy ?? true;
      const keys = (['instance', 'ip', 'lambda', 'loadBalancer'] as const).filter((k) => t[k] !== undefined);
      if (keys.length !== 1) {
        report(ctx, 'TARGET_SHAPE', 'a target names exactly one of instance, ip, lambda, loadBalancer', tptr);
        return;
      }
      const key = keys[0]!;
      if (key !== want) {
        report(ctx, 'TARGET_SHAPE', `target group "${id}" has targetType ${targetType}; a${key === 'instance' ? 'n' : ''} ${key} target needs targetType ${key === 'loadBalancer' ? 'alb' : key}`, `${tptr}/${key}`, 'key');
        return;
      }
      // "You can register one Lambda function" / "one Application Load Balancer per target group".
      if ((targetType === 'lambda' || targetType === 'alb') && i > 0) {
        report(ctx, 'TARGET_SHAPE', `target group "${id}" (targetType ${targetType}) takes one target`, tptr);
        return;
      }
      switch (key) {
        case 'instance':
          if (refAt(ctx, t.instance!, `${tptr}/instance`, ['instance'], vpcId)) targets.push({ kind: 'instance', instance: t.instance!, port, healthy, span });
          return;
        case 'ip': {
          const ip = ipAt(ctx, t.ip!, `${tptr}/ip`);
          if (ip && !ipTargetAllowed(ip, vpcId, fabric)) {
            report(ctx, 'TARGET_IP_RANGE', `${t.ip} is neither in a subnet of VPC "${vpcId}" nor in 10.0.0.0/8, 100.64.0.0/10, 172.16.0.0/12 or 192.168.0.0/16; AWS refuses publicly routable IP targets`, `${tptr}/ip`);
          } else if (ip) {
            targets.push({ kind: 'ip', ip, port, healthy, span });
          }
          return;
        }
        case 'lambda':
          if (t.port !== undefined) report(ctx, 'TARGET_SHAPE', 'a Lambda target takes no port', `${tptr}/port`, 'key');
          else targets.push({ kind: 'lambda', function: t.lambda!, healthy, span });
          return;
        case 'loadBalancer':
          // "the load balancers must be in the same VPC within the same account".
          if (refAt(ctx, t.loadBalancer!, `${tptr}/loadBalancer`, ['loadBalancer'], vpcId)) targets.push({ kind: 'alb', loadBalancer: t.loadBalancer!, port, healthy, span });
          return;
        default: {
          const never: never = key;
          return never;
        }
      }
    });
    // Client IP preservation defaults ("Target groups for your Network Load Balancers",
    // Elastic Load Balancing guide): on for instance targets and for UDP / TCP_UDP groups,
    // off for IP targets of TCP and TLS groups. An ALB never preserves it (it is a proxy, and
    // passes the client's address in X-Forwarded-For only: "HTTP headers and Application Load
    // Balancers"); an NLB's alb group is taken to translate too, so the ALB's security groups
    // see the NLB's nodes (the stricter reading; the trace says so).
    const preserveDefault = targetType === 'instance' || tg.protocol === 'udp' || tg.protocol === 'tcp_udp';
    const http = tg.protocol === 'http' || tg.protocol === 'https';
    into.set(id, {
      kind: 'targetGroup', id, span: ctx.map.keyAt(ptr), pointer: ptr, written: true, vpc: vpcId,
      protocol: tg.protocol as TargetGroup['protocol'], port: groupPort, targetType,
      preserveClientIp: http || targetType === 'alb' || targetType === 'lambda' ? false : tg.preserveClientIp ?? preserveDefault, targets,
    });
  }
}

/** Private ranges an IP target may use besides its VPC's subnets (RFC 1918 and RFC 6598). */
const PRIVATE_TARGET_RANGES = ['10.0.0.0/8', '100.64.0.0/10', '172.16.0.0/12', '192.168.0.0/16'].map(parsePrefix).filter(isPrefix);

// "Target groups for your Network Load Balancers", target type ip: addresses from the
// subnets of the target group's VPC, RFC 1918 or RFC 6598; never publicly routable ones.
// IPv6 targets are left to the subnets' own checks.
function ipTargetAllowed(ip: Ip, vpcId: string, fabric: VpcFabric): boolean {
  if (ip.family !== 4) return true;
  if (PRIVATE_TARGET_RANGES.some((p) => prefixContains(p, ip))) return true;
  return [...fabric.subnets.values()].some((s) => s.vpc === vpcId && prefixContains(s.cidr, ip));
}
