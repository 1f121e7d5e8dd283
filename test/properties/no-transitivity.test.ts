// VPC peering is not transitive ("VPC peering limitations", VPC Peering guide): traffic that
// enters a VPC over a peering connection never leaves it through that VPC's internet
// gateway, NAT gateway or gateway endpoint, nor over another peering. To tempt the engine,
// one side of a peering routes everything (0.0.0.0/0 and the S3 prefix list) to the peer,
// and flows go from that side to the internet, to S3, and to the peer's instances.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowQuery } from '../../src/engine/query.js';
import type { Hop } from '../../src/engine/trace.js';
import type { RawTopology } from '../../src/model/format.js';
import { S3_PREFIX_LIST } from '../arbitraries/build-raw.js';
import { loadRaw, scenarioArb } from '../arbitraries/topology.js';
import { checkProperty, PROPERTY_TIMEOUT_MS } from './property-runner.js';
import { summary, traceOk } from './trace-helpers.js';

// Leaving the peer VPC: out to the internet (through its IGW, directly or behind its NAT
// gateway), through a gateway endpoint, or over a second peering connection. Not leaving:
// a NAT gateway hop alone (a reply to a connection that VPC's own NAT gateway translated
// comes back over the peering and is translated back to an address in the VPC), and an
// AWS service or endpoint service reached through an interface endpoint's ENI, which AWS
// serves to peered VPCs ("Access an interface endpoint over VPC peering").
const LEAVING = new Set(['internetGateway', 'endpoint', 'internet', 'internetHost', 'peeringConnection']);

/** Hops after the first peering crossing that carry the packet out of the peer VPC. */
function leavesAfterPeering(hops: readonly Hop[]): Hop[] {
  const at = hops.findIndex((h) => h.component.kind === 'peeringConnection' && h.action === 'forwarded');
  if (at < 0) return [];
  return hops.slice(at + 1).filter((h) => LEAVING.has(h.component.kind) && h.action !== 'denied' && h.action !== 'dropped');
}

/** Every written route table of `side` sends the default route and S3 to `pcx`. */
function routeAllThrough(raw: RawTopology, side: string, pcx: string): RawTopology {
  const out = structuredClone(raw) as unknown as { vpcs: Record<string, { routeTables?: Record<string, { routes?: { destination: string; target: string }[] }> }> };
  for (const table of Object.values(out.vpcs[side]!.routeTables ?? {})) {
    const keep = (table.routes ?? []).filter((r) => !['0.0.0.0/0', S3_PREFIX_LIST.name, S3_PREFIX_LIST.id].includes(r.destination));
    table.routes = [...keep, { destination: '0.0.0.0/0', target: pcx }, { destination: S3_PREFIX_LIST.id, target: pcx }];
  }
  return out as unknown as RawTopology;
}

const caseArb = fc.record({ scenario: scenarioArb(), peering: fc.nat(), side: fc.boolean() })
  .filter(({ scenario }) => Object.keys(scenario.topology.peeringConnections ?? {}).length > 0);

describe('no transitive peering', () => {
  it('a flow that enters a VPC through peering never leaves through its IGW, NAT gateway or gateway endpoint', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    checkProperty('peering is not transitive', fc.property(caseArb, ({ scenario, peering, side }) => {
      const pcxs = Object.entries(scenario.topology.peeringConnections!);
      const [pcx, p] = pcxs[peering % pcxs.length]!;
      const [near, far] = side ? [p.requester, p.accepter] : [p.accepter, p.requester];
      const raw = routeAllThrough(scenario.topology, near, pcx);
      const { topology } = loadRaw(raw);
      const nearInstances = Object.keys(raw.vpcs![near]!.instances ?? {});
      const farPublic = Object.values(raw.vpcs![far]!.instances ?? {}).flatMap((i) => (i.publicIp ? [i.publicIp] : []));
      const flows: FlowQuery[] = [
        ...scenario.flows,
        ...nearInstances.flatMap((from) => ['8.8.8.8', '52.216.237.77', ...farPublic, ...Object.keys(raw.vpcs![far]!.instances ?? {})]
          .map((to): FlowQuery => ({ from, to, protocol: 'tcp', port: 443 }))),
      ];
      for (const flow of flows) {
        const r = traceOk(topology, flow);
        for (const t of r.traces) {
          const why = `${JSON.stringify(flow)}\n${summary(r)}`;
          expect(leavesAfterPeering(t.hops).map((h) => h.component.id), why).toEqual([]);
          expect(leavesAfterPeering(t.returnHops).map((h) => h.component.id), why).toEqual([]);
        }
      }
    }));
  });
});
