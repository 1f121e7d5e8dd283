// Source/destination checking (EC2 ModifyInstanceAttribute: an instance with the check on must
// be the source or the destination of all it sends and receives; "NAT instances", Amazon VPC
// guide): over generated topologies whose routes send traffic to instances, with the check on
// an instance never forwards (it only sends first or receives last, or drops what a route
// sends it), and an instance that forwards has the check off.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRaw, scenarioArb } from '../arbitraries/topology.js';
import { checkProperty, PROPERTY_TIMEOUT_MS } from './property-runner.js';
import { summary, traceOk } from './trace-helpers.js';

describe('appliances', () => {
  it('with sourceDestCheck on, an instance never forwards', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    let routedToInstance = 0;
    checkProperty('sourceDestCheck', fc.property(scenarioArb(), ({ topology: raw, flows }) => {
      const { topology } = loadRaw(raw);
      for (const flow of flows) {
        const r = traceOk(topology, flow);
        for (const t of r.traces) {
          for (const hops of [t.hops, t.returnHops]) {
            // The walk's sender is the first instance hop (after a DNS hop, if any); the receiver delivers last.
            const sender = hops.findIndex((h) => h.component.kind === 'instance');
            hops.forEach((h, i) => {
              if (h.component.kind !== 'instance' || i === sender || h.action === 'delivered') return;
              const instance = topology.instances.get(h.component.id);
              if (!instance) return;
              routedToInstance++;
              const why = `${h.component.id} ${h.action} at hop ${i}\n${JSON.stringify(flow)}\n${summary(r)}`;
              if (instance.sourceDestCheck) {
                expect(h.action, why).toBe('dropped');
                expect(i, why).toBe(hops.length - 1);
              } else {
                expect(['forwarded', 'translated', 'denied', 'dropped'], why).toContain(h.action);
              }
            });
          }
        }
      }
    }));
    // Filtered cases must not be vacuous: routes did send traffic to instances.
    expect(routedToInstance).toBeGreaterThan(5);
  });
});
