// Source/destination checking (EC2 ModifyNetworkInterfaceAttribute: SourceDestCheck, kept per
// network interface; ModifyInstanceAttribute sets the primary interface's; "NAT instances",
// Amazon VPC guide): over generated topologies whose routes send traffic to instances and to
// network interfaces (an instance's secondary ones and standalone ones), an interface with the
// check on never forwards (it only sends first or receives last, or drops what a route sends
// it), and an interface that forwards has the check off, whatever the device's other
// interfaces say.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StepOf } from '../../src/engine/steps.js';
import { loadRaw, scenarioArb } from '../arbitraries/topology.js';
import { checkProperty, PROPERTY_TIMEOUT_MS } from './property-runner.js';
import { summary, traceOk } from './trace-helpers.js';

describe('appliances', () => {
  it('with sourceDestCheck on, an instance never forwards (per interface)', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    let routedToInterface = 0;
    let multiInterface = 0;
    checkProperty('sourceDestCheck', fc.property(scenarioArb(), ({ topology: raw, flows }) => {
      const { topology } = loadRaw(raw);
      for (const flow of flows) {
        const r = traceOk(topology, flow);
        for (const t of r.traces) {
          for (const hops of [t.hops, t.returnHops]) {
            // The walk's sender is the first instance or interface hop (after a DNS hop, if any); the receiver delivers last.
            const sender = hops.findIndex((h) => h.component.kind === 'instance' || h.component.kind === 'networkInterface');
            hops.forEach((h, i) => {
              if ((h.component.kind !== 'instance' && h.component.kind !== 'networkInterface') || i === sender || h.action === 'delivered') return;
              const why = `${h.component.id} ${h.action} at hop ${i}\n${JSON.stringify(flow)}\n${summary(r)}`;
              // Every other hop at an instance or interface is the appliance step of the interface a route sent the packet to.
              const step = (h.steps ?? []).find((s): s is StepOf<'appliance'> => s.type === 'appliance');
              expect(step, why).toBeDefined();
              const received = topology.enis.get(step!.interface);
              expect(received, why).toBeDefined();
              routedToInterface++;
              if (step!.interfaces > 1) multiInterface++;
              if (received!.sourceDestCheck) {
                expect(h.action, why).toBe('dropped');
                expect(step!.verdict, why).toBe('sourceDestCheck');
                expect(i, why).toBe(hops.length - 1);
              } else {
                expect(['forwarded', 'translated'], why).toContain(h.action);
                // It sends out of one of its own device's interfaces.
                const out = topology.enis.get(step!.outInterface);
                expect(out && (out.id === received!.id || (out.owner.kind === 'instance' && out.owner.id === step!.instance)), why).toBe(true);
              }
            });
          }
        }
      }
    }));
    // Filtered cases must not be vacuous: routes did send traffic to interfaces, some of devices with several.
    expect(routedToInterface).toBeGreaterThan(5);
    expect(multiInterface).toBeGreaterThan(0);
  });
});
