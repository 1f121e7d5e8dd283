// The GWLB handlers alone ("Access an inspection system using a Gateway Load Balancer
// endpoint"): the endpoint takes the packet into PrivateLink, the GWLB node picks an
// appliance (a fork), wraps the packet in GENEVE and the endpoint releases it unchanged into
// its own subnet's route table; the reply keeps the same appliance.
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import { gwlbAppliance, gwlbEndpoint } from '../../../src/engine/walk/gateway-load-balancer.js';
import { envOf, eniOf, hopIdsOf, nextAt, NO_CARRY, packetOf } from './walk-env.js';

const t = loadTopologyFile('scenarios/gwlb-inspection.yaml').topology!;
const endpoint = t.endpoints.get('vpce-gwlb')!;
const packet = packetOf(formatIp(eniOf(t, 'web').privateIp), '198.51.100.7');
const at = { kind: 'gwlbEndpoint' as const, endpoint, fromSubnet: 'web-a', packet, carry: NO_CARRY };

describe('gwlbEndpoint', () => {
  it('forks over the healthy appliances of the GWLB', () => {
    const s = gwlbEndpoint(envOf(t), at);
    expect(s.next.kind).toBe('fork');
    if (s.next.kind !== 'fork') return;
    expect(s.next.options.map((o) => o.name)).toEqual(['firewall-1', 'firewall-2']);
    expect(s.next.options.every((o) => o.at.kind === 'gwlbAppliance')).toBe(true);
    expect(s.hops.map((h) => h.component.kind)).toContain('endpointService');
  });

  it('sends the reply to the appliance the flow went through (flow stickiness)', () => {
    const sticky = envOf(t, true, { flows: new Map([[t.endpointServices.get('svc-inspect')!.loadBalancer, eniOf(t, 'firewall-2').id]]) });
    const next = nextAt(gwlbEndpoint(sticky, at));
    expect(next.kind === 'gwlbAppliance' && next.appliance.name).toBe('firewall-2');
  });
});

describe('gwlbAppliance', () => {
  it('wraps in GENEVE to the appliance, then releases the packet unchanged into the endpoint subnet', () => {
    const s = gwlbEndpoint(envOf(t), at);
    if (s.next.kind !== 'fork') throw new Error('expected a fork');
    const option = s.next.options[0]!.at;
    if (option.kind !== 'gwlbAppliance') throw new Error('expected an appliance');
    const step = gwlbAppliance(envOf(t), option);
    expect(hopIdsOf(step)).toContain('firewall-1');
    expect(step.hops.find((h) => h.action === 'translated')!.packet).toMatchObject({ protocol: 'udp', dstPort: 6081 });
    expect(step.remember.map((m) => m.table)).toEqual(['flows']);
    const next = nextAt(step);
    expect(next.kind === 'routeFromSubnet' && next.subnet).toBe('inspection-a');
    expect(next.packet).toBe(packet);
  });
});
