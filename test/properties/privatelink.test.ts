// PrivateLink ("Share your services through AWS PrivateLink", AWS PrivateLink guide):
// the provider's targets always see the load balancer's address as the source, never the
// consumer's; and since the provider never sees the consumer's VPC, where the provider's VPC
// sits in address space (even on top of the consumer's own CIDR) changes no consumer verdict.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceResult } from '../../src/engine/query.js';
import type { Trace } from '../../src/engine/trace.js';
import { formatIp } from '../../src/net/ip.js';
import type { Topology } from '../../src/model/topology.js';
import { PL } from '../arbitraries/build-privatelink.js';
import type { ProviderPrefix } from '../arbitraries/privatelink-plan.js';
import { buildPrivateLink, privateLinkScenarioArb } from '../arbitraries/privatelink-scenario.js';
import { loadRaw } from '../arbitraries/topology.js';
import { checkProperty, PROPERTY_TIMEOUT_MS } from './property-runner.js';
import { summary, traceOk } from './trace-helpers.js';

function nodeAddresses(t: Topology): Set<string> {
  return new Set(t.loadBalancers.get(PL.nlb)!.nodes.map((n) => formatIp(t.enis.get(n)!.privateIp)));
}

/** The forward hops past the load balancer node's translation, when the trace crossed PrivateLink. */
function pastTheNode(t: Trace): { crossed: boolean; after: Trace['hops'] } {
  const entered = t.hops.findIndex((h) => h.component.kind === 'endpointService' && h.action === 'forwarded');
  if (entered < 0) return { crossed: false, after: [] };
  const translated = t.hops.findIndex((h, i) => i > entered && h.component.kind === 'loadBalancerNode' && h.action === 'translated');
  return { crossed: true, after: translated < 0 ? [] : t.hops.slice(translated) };
}

/** What must not change when the provider moves: verdict, codes, and the path as component ids. */
function verdicts(r: TraceResult): string[] {
  const path = (hops: Trace['hops']): string => hops.map((h) => `${h.component.id}:${h.action}`).join(' > ');
  return r.traces.map((t) => `${t.reachable} [${t.explanations.map((e) => e.code).sort().join(',')}] ${path(t.hops)} || ${path(t.returnHops)}`);
}

describe('PrivateLink', () => {
  it('a provider target only ever sees an NLB node address as the source', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    checkProperty('targets see the NLB', fc.property(privateLinkScenarioArb, (s) => {
      const { topology } = loadRaw(s.topology);
      const nodes = nodeAddresses(topology);
      for (const flow of s.flows) {
        const r = traceOk(topology, flow);
        for (const t of r.traces) {
          const { crossed, after } = pastTheNode(t);
          if (!crossed) continue;
          const why = `${JSON.stringify(flow)} (NLB nodes ${[...nodes].join(', ')})\n${summary(r)}`;
          const last = t.hops[t.hops.length - 1]!;
          if (last.action === 'delivered') {
            expect(after.length, `a delivered PrivateLink flow passes the node's translation: ${why}`).toBeGreaterThan(0);
            expect(nodes.has(last.packet.src), `the target sees ${last.packet.src}: ${why}`).toBe(true);
          }
          for (const h of after) expect(nodes.has(h.packet.src), `${h.component.id} sees ${h.packet.src}: ${why}`).toBe(true);
          const targetReply = t.returnHops[0];
          if (targetReply && last.action === 'delivered') expect(nodes.has(targetReply.packet.dst), `the target replies to ${targetReply.packet.dst}: ${why}`).toBe(true);
        }
      }
    }));
  });

  it("renumbering the provider VPC, even onto the consumer's CIDR, changes no consumer verdict", { timeout: PROPERTY_TIMEOUT_MS }, () => {
    const elsewhere: ProviderPrefix[] = [{ kind: 'consumer' }, { kind: 'other', a: 0, b: 0 }, { kind: 'other', a: 2, b: 0 }];
    checkProperty('provider renumbering', fc.property(privateLinkScenarioArb, (s) => {
      const original = loadRaw(s.topology).topology;
      const want = s.flows.map((f) => verdicts(traceOk(original, f)));
      for (const prefix of elsewhere) {
        const moved = loadRaw(buildPrivateLink(s.base, s.privateLink, prefix));
        const cidr = moved.topology.vpcs.get(PL.providerVpc)!.cidrs.map((c) => `${formatIp({ family: 4, value: c.network })}/${c.length}`).join(', ');
        s.flows.forEach((f, i) => {
          expect(verdicts(traceOk(moved.topology, f)), `provider moved to ${cidr}; flow ${JSON.stringify(f)}`).toEqual(want[i]);
        });
      }
    }));
  });
});
