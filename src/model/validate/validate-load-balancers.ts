// Load balancers, listeners and target groups as Elastic Load Balancing accepts them:
// - one listener per port ("Listeners for your Network Load Balancers": TCP and UDP on one
//   port take a single TCP_UDP listener; CreateListener answers DuplicateListener);
// - an NLB's target groups use TCP, TLS, UDP or TCP_UDP, a GWLB's use GENEVE on port 6081
//   (CreateTargetGroup reference);
// - an ALB's listeners are HTTP or HTTPS and forward to HTTP or HTTPS groups of instance, ip
//   or lambda targets; an NLB's are TCP, UDP, TCP_UDP or TLS ("Listeners for your Application
//   Load Balancers", CreateListener reference);
// - an NLB's alb group is TCP, holds one Application Load Balancer of its VPC, on a port the
//   ALB listens on ("Use an Application Load Balancer as a target of a Network Load Balancer");
// - a target group no load balancer uses is reported as a warning (nothing reaches it).
import type { Diagnostic } from '../diagnostic.js';
import type { DiagnosticCode } from '../diagnostic-codes.js';
import type { SourceMap } from '../source-map.js';
import type { TargetGroup } from '../resources.js';
import type { Topology } from '../topology.js';

/** The GENEVE port every GWLB target group uses. */
export const GENEVE_PORT = 6081;

/** Check listeners, the target groups they name, and unused target groups. */
export function validateLoadBalancers(t: Topology, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  const err = (code: DiagnosticCode, message: string, ptr: string): void => {
    out.push({ code, severity: 'error', message, span: map.valueAt(ptr) });
  };
  const used = new Set<string>();
  for (const lb of t.loadBalancers.values()) {
    const ports = new Map<number, number>();
    lb.listeners.forEach((l) => used.add(l.targetGroup));
    // A GWLB's listeners are LOAD_BALANCER_SHAPE errors already.
    if (lb.type !== 'gateway') lb.listeners.forEach((l, i) => {
      const ptr = `${lb.pointer}/listeners/${i}`;
      const first = ports.get(l.port);
      if (first !== undefined) {
        err('DUPLICATE_LISTENER', `listener ${first + 1} of "${lb.id}" already listens on port ${l.port}${lb.type === 'network' ? '; use one tcp_udp listener for TCP and UDP on one port' : ''}`, `${ptr}/port`);
      } else {
        ports.set(l.port, i);
      }
      const alb = lb.type === 'application';
      const httpListener = l.protocol === 'http' || l.protocol === 'https';
      if (alb !== httpListener) {
        err('LISTENER_PROTOCOL', alb
          ? `an Application Load Balancer listens on HTTP or HTTPS, not ${l.protocol}`
          : `a Network Load Balancer listens on TCP, UDP, TCP_UDP or TLS, not ${l.protocol} (that is an Application Load Balancer's)`, `${ptr}/protocol`);
      }
      const tg = t.targetGroups.get(l.targetGroup);
      if (!tg) return;
      const httpGroup = tg.protocol === 'http' || tg.protocol === 'https';
      if (tg.protocol === 'geneve') {
        err('TARGET_GROUP_PROTOCOL', `target group "${tg.id}" uses GENEVE, which only a Gateway Load Balancer forwards`, `${ptr}/targetGroup`);
      } else if (alb && (!httpGroup || tg.targetType === 'alb')) {
        err('TARGET_GROUP_PROTOCOL', `an Application Load Balancer forwards to HTTP or HTTPS groups of instance, ip or lambda targets; "${tg.id}" is ${tg.protocol} with ${tg.targetType} targets`, `${ptr}/targetGroup`);
      } else if (!alb && (httpGroup || tg.targetType === 'lambda')) {
        err('TARGET_GROUP_PROTOCOL', `a Network Load Balancer forwards to TCP, UDP, TCP_UDP or TLS groups of instance, ip or alb targets; "${tg.id}" is ${tg.protocol} with ${tg.targetType} targets`, `${ptr}/targetGroup`);
      }
    });
    if (lb.targetGroup !== undefined) {
      used.add(lb.targetGroup);
      const tg = t.targetGroups.get(lb.targetGroup);
      if (tg && tg.protocol !== 'geneve') {
        err('TARGET_GROUP_PROTOCOL', `a Gateway Load Balancer forwards with GENEVE; target group "${tg.id}" uses ${tg.protocol}`, `${lb.pointer}/targetGroup`);
      }
    }
  }
  for (const tg of t.targetGroups.values()) {
    if (tg.targetType === 'alb') out.push(...albTargetProblems(t, tg, map));
    if (tg.protocol === 'geneve' && tg.port !== GENEVE_PORT) {
      err('TARGET_GROUP_PROTOCOL', `a GENEVE target group uses port ${GENEVE_PORT}, not ${tg.port}`, `${tg.pointer}/port`);
    }
    if (!used.has(tg.id)) {
      out.push({
        code: 'UNUSED_RESOURCE',
        severity: 'warning',
        message: `no load balancer forwards to target group "${tg.id}", so its targets get no traffic`,
        span: map.keyAt(tg.pointer),
      });
    }
  }
  return out;
}

/** An NLB's alb target group: TCP, one Application Load Balancer, on a port it listens on. */
function albTargetProblems(t: Topology, tg: TargetGroup, map: SourceMap): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (tg.protocol !== 'tcp') {
    out.push({ code: 'TARGET_GROUP_PROTOCOL', severity: 'error', message: `a target group of type alb uses TCP, not ${tg.protocol}`, span: map.valueAt(`${tg.pointer}/protocol`) });
  }
  tg.targets.forEach((target, i) => {
    if (target.kind !== 'alb') return;
    const ptr = `${tg.pointer}/targets/${i}`;
    const alb = t.loadBalancers.get(target.loadBalancer);
    if (!alb) return;
    if (alb.type !== 'application') {
      out.push({ code: 'TARGET_SHAPE', severity: 'error', message: `"${alb.id}" is a ${alb.type} load balancer; a target of type alb is an Application Load Balancer`, span: map.valueAt(`${ptr}/loadBalancer`) });
    } else if (!alb.listeners.some((l) => l.port === target.port)) {
      out.push({
        code: 'TARGET_SHAPE', severity: 'error',
        message: `"${alb.id}" has no listener on port ${target.port} (listeners: ${alb.listeners.map((l) => l.port).join(', ') || 'none'}); the NLB sends to the ALB on the target port`,
        span: map.valueAt(target.port === tg.port ? `${tg.pointer}/port` : `${ptr}/port`),
      });
    }
  });
  return out;
}
