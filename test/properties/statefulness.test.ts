// Security groups are stateful ("Security group connection tracking", Amazon VPC guide): once
// a connection is allowed, its replies pass whatever the rules say. With every subnet on its
// VPC's default network ACL (allow all), nothing but routing can stop a reply.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_FEATURES } from '../arbitraries/plan.js';
import { loadRaw, scenarioArb } from '../arbitraries/topology.js';
import { checkProperty, PROPERTY_TIMEOUT_MS } from './property-runner.js';
import { forwardDelivered, stoppingHop, summary, traceOk } from './trace-helpers.js';

describe('statefulness', () => {
  it('with default network ACLs, no reply is ever stopped by a security group or an ACL', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    checkProperty('replies pass SGs', fc.property(scenarioArb({ ...ALL_FEATURES, nacls: false }), ({ topology: raw, flows }) => {
      const { topology } = loadRaw(raw);
      for (const flow of flows) {
        const r = traceOk(topology, flow);
        for (const t of r.traces) {
          if (!forwardDelivered(t)) continue;
          const why = `${JSON.stringify(flow)}\n${summary(r)}`;
          for (const h of t.returnHops) {
            if (h.component.kind === 'securityGroup' || h.component.kind === 'networkAcl') expect(h.action, why).toBe('allowed');
          }
          const stop = stoppingHop(t.returnHops);
          expect(stop?.component.kind, why).not.toBe('securityGroup');
          expect(stop?.component.kind, why).not.toBe('networkAcl');
        }
      }
    }));
  });

  it('with default ACLs and only local routes, a flow between instances of one VPC that arrives is reachable', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    const features = { ...ALL_FEATURES, nacls: false, routes: false };
    checkProperty('intra-VPC replies return', fc.property(scenarioArb(features, 6), ({ topology: raw, flows }) => {
      const { topology } = loadRaw(raw);
      for (const flow of flows) {
        const from = topology.instances.get(flow.from);
        const to = topology.instances.get(flow.to);
        if (!from || !to || from.vpc !== to.vpc) continue;
        const r = traceOk(topology, flow);
        for (const t of r.traces) {
          if (forwardDelivered(t)) expect(t.reachable, `${JSON.stringify(flow)}\n${summary(r)}`).toBe(true);
        }
      }
    }));
  });
});
