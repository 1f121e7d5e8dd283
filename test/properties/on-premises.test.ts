// Gateway endpoints are not usable from on-premises ("Gateway endpoints", AWS PrivateLink
// guide): a flow that entered AWS over a site-to-site VPN or a Direct Connect gateway never
// crosses a gateway endpoint, however the on-premises network routes (generated topologies
// with an on-premises network; half of them push S3's range into the tunnel, and the VPC often
// has an S3 gateway endpoint). Flows go from every on-premises host to S3, to every instance
// and to every interface endpoint interface, and from every instance to every host.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowQuery } from '../../src/engine/query.js';
import type { Hop } from '../../src/engine/trace.js';
import { ALL_FEATURES } from '../arbitraries/plan.js';
import { loadRaw, rawTopologyArb } from '../arbitraries/topology.js';
import { checkProperty, PROPERTY_RUNS, PROPERTY_TIMEOUT_MS } from './property-runner.js';
import { summary, traceOk } from './trace-helpers.js';

/** A gateway endpoint carrying the packet after it came in over a VPN or Direct Connect. */
function gatewayEndpointAfterHybrid(hops: readonly Hop[]): Hop[] {
  const at = hops.findIndex((h) => (h.component.kind === 'vpnConnection' || h.component.kind === 'directConnectGateway') && h.action === 'forwarded');
  if (at < 0) return [];
  return hops.slice(at + 1).filter((h) => (h.steps ?? []).some((s) => s.type === 'gatewayEndpoint' && s.verdict === 'carried'));
}

const S3 = ['52.216.237.77', '54.231.0.10', '3.5.16.1'];

describe('on-premises networks', () => {
  it('gateway endpoints never carry a flow that entered through a VPN or Direct Connect', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    let enteredWithGatewayEndpoint = 0;
    checkProperty('no gateway endpoint from on-premises', fc.property(rawTopologyArb({ ...ALL_FEATURES, onPremises: 'always' }), (raw) => {
      const { topology } = loadRaw(raw);
      const hosts = [...topology.onPremisesHosts.keys()];
      const instances = [...topology.instances.keys()];
      const endpointEnis = [...topology.enis.values()].filter((e) => e.owner.kind === 'endpoint' && topology.endpoints.get(e.owner.id)?.type === 'interface').map((e) => e.id);
      const hasGatewayEndpoint = [...topology.endpoints.values()].some((e) => e.type === 'gateway');
      const flows: FlowQuery[] = [
        ...hosts.flatMap((from) => [...S3, ...instances, ...endpointEnis].map((to): FlowQuery => ({ from, to, protocol: 'tcp', port: 443 }))),
        ...instances.flatMap((from) => hosts.map((to): FlowQuery => ({ from, to, protocol: 'tcp', port: 443 }))),
      ];
      for (const flow of flows) {
        const r = traceOk(topology, flow);
        for (const t of r.traces) {
          const why = `${JSON.stringify(flow)}\n${summary(r)}`;
          expect(gatewayEndpointAfterHybrid(t.hops).map((h) => h.component.id), why).toEqual([]);
          expect(gatewayEndpointAfterHybrid(t.returnHops).map((h) => h.component.id), why).toEqual([]);
          if (hasGatewayEndpoint && S3.includes(flow.to) && t.hops.some((h) => h.component.kind === 'virtualPrivateGateway')) enteredWithGatewayEndpoint++;
        }
      }
    }));
    // The property is not vacuous: flows toward S3 did reach the VPC's gateway.
    expect(enteredWithGatewayEndpoint).toBeGreaterThan(Math.max(1, PROPERTY_RUNS / 20));
  });
});
