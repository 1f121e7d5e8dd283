// The all-pairs engine's contract, over generated topologies (every feature of the
// arbitraries: routes to internet and NAT gateways, peering, gateway and interface
// endpoints, network ACLs, PrivateLink services, network interfaces, secondary addresses,
// Application Load Balancers with an NLB in front of some, routes to network interfaces and to
// instances with several interfaces, appliances among them): `reach` gives the verdict `trace` gives
// for every pair and port probed, and the class partition is sound. Small sizes in
// `npm test`; `npm run test:long` runs ten times more.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRaw, rawTopologyArb } from '../arbitraries/topology.js';
import { privateLinkScenarioArb } from '../arbitraries/privatelink-scenario.js';
import { portArb } from '../arbitraries/basics.js';
import { checkProperty, PROPERTY_TIMEOUT_MS } from '../properties/property-runner.js';
import type { ReachQuery } from '../../src/reach/reach-relation.js';
import { disagreements, unsoundClasses } from './compare-engines.js';

const queryArb: fc.Arbitrary<ReachQuery> = fc.oneof(
  { arbitrary: portArb.map((port): ReachQuery => ({ protocol: 'tcp', port })), weight: 6 },
  { arbitrary: portArb.map((port): ReachQuery => ({ protocol: 'udp', port })), weight: 1 },
  { arbitrary: fc.constantFrom<ReachQuery>({ protocol: 'icmp', port: undefined }, { protocol: 'all', port: undefined }, { protocol: 'icmp', port: 3 }), weight: 1 },
  { arbitrary: fc.constant<ReachQuery>({ protocol: 'tcp', port: 'all' }), weight: 1 },
);

describe('reach and trace are one semantics', () => {
  it('reach gives trace\'s verdict for every pair (generated topologies)', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    let compared = 0;
    let secondaryEnds = 0;
    let albNodes = 0;
    let applianceRoutes = 0;
    checkProperty('reach = trace', fc.property(rawTopologyArb(), queryArb, (raw, query) => {
      const { topology } = loadRaw(raw);
      // Routes to a network interface, or to an instance with several interfaces, that forwards.
      for (const t of topology.routeTables.values()) {
        for (const r of t.routes) {
          const target = r.target.kind === 'resource' ? topology.byId.get(r.target.id) : undefined;
          const eni = target?.kind === 'networkInterface' || target?.kind === 'instance' ? topology.enis.get(target.id) : undefined;
          const several = eni?.owner.kind === 'instance' && (topology.instances.get(eni.owner.id)?.secondaryInterfaces.length ?? 0) > 0;
          if (eni && !eni.sourceDestCheck && (target?.kind === 'networkInterface' || several)) applianceRoutes++;
        }
      }
      const { diffs, pairs, rel } = disagreements(topology, query);
      compared += pairs;
      secondaryEnds += rel.ends.destinations.filter((e) => e.kind === 'secondaryAddress').length;
      albNodes += rel.ends.destinations.filter((e) => e.kind === 'loadBalancerNode' && topology.loadBalancers.get(e.eni!.owner.id)?.type === 'application').length;
      expect(diffs).toEqual([]);
    }), { scale: 0.5 });
    expect(compared).toBeGreaterThan(100);
    // Flows to secondary addresses of instances and interfaces are among those compared.
    expect(secondaryEnds).toBeGreaterThan(10);
    // And flows to Application Load Balancer nodes (alone, or behind an NLB of target type alb).
    expect(albNodes).toBeGreaterThan(10);
    // And topologies whose routes send traffic to forwarding network interfaces and multi-interface appliances.
    expect(applianceRoutes).toBeGreaterThan(5);
  });

  it('reach gives trace\'s verdict for every pair (PrivateLink scenarios)', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    checkProperty('reach = trace, PrivateLink', fc.property(privateLinkScenarioArb, queryArb, (s, query) => {
      const { topology } = loadRaw(s.topology);
      expect(disagreements(topology, query).diffs).toEqual([]);
    }), { scale: 0.25 });
  });

  it('class soundness: members of a class get the same verdict toward every destination and from every source', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    let classesChecked = 0;
    checkProperty('sound classes', fc.property(rawTopologyArb(), queryArb.filter((q) => q.port !== 'all'), (raw, query) => {
      const { topology } = loadRaw(raw);
      const { rel } = disagreements(topology, query);
      classesChecked += rel.partition.classes.filter((c) => c.members.length > 1).length;
      expect(unsoundClasses(topology, query)).toEqual([]);
    }), { scale: 0.5 });
    // The property must meet classes with several members to mean anything.
    expect(classesChecked).toBeGreaterThan(0);
  });
});
