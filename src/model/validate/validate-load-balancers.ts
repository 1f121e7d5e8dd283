// Load balancers, listeners and target groups as Elastic Load Balancing accepts them:
// - one listener per port ("Listeners for your Network Load Balancers": TCP and UDP on one
//   port take a single TCP_UDP listener; CreateListener answers DuplicateListener);
// - an NLB's target groups use TCP, TLS, UDP or TCP_UDP, a GWLB's use GENEVE on port 6081
//   (CreateTargetGroup reference);
// - a target group no load balancer uses is reported as a warning (nothing reaches it).
import type { Diagnostic } from '../diagnostic.js';
import type { DiagnosticCode } from '../diagnostic-codes.js';
import type { SourceMap } from '../source-map.js';
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
    if (lb.type === 'network') lb.listeners.forEach((l, i) => {
      const ptr = `${lb.pointer}/listeners/${i}`;
      const first = ports.get(l.port);
      if (first !== undefined) {
        err('DUPLICATE_LISTENER', `listener ${first + 1} of "${lb.id}" already listens on port ${l.port}; use one tcp_udp listener for TCP and UDP on one port`, `${ptr}/port`);
      } else {
        ports.set(l.port, i);
      }
      const tg = t.targetGroups.get(l.targetGroup);
      if (!tg) return;
      if (tg.protocol === 'geneve') {
        err('TARGET_GROUP_PROTOCOL', `target group "${tg.id}" uses GENEVE, which only a Gateway Load Balancer forwards`, `${ptr}/targetGroup`);
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
