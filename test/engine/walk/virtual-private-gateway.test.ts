// The virtual private gateway, VPN connection and Direct Connect gateway handlers, through
// whole traces of test/engine/fixtures/hybrid.yaml: the gateway's route priority ("Route tables
// and AWS Site-to-Site VPN route priority": tunnel health, longest prefix, then Direct Connect
// BGP over VPN static over VPN BGP), the VPC route table's (static over propagated; local over
// a more specific propagated route), no transit from on-premises, the VPN's state.
import { describe, expect, it } from 'vitest';
import { loadTopologyFile, loadTopologyText } from '../../../src/model/load-topology.js';
import type { HopStep } from '../../../src/engine/steps.js';
import type { Trace } from '../../../src/engine/trace.js';
import { vgwInbound, virtualPrivateGateway } from '../../../src/engine/walk/virtual-private-gateway.js';
import { codes, hopIds, returnHopIds, trace } from '../../helpers/trace.js';
import { envOf, hopIdsOf, nextAt, NO_CARRY, packetOf, stopCodes } from './walk-env.js';

const t = loadTopologyFile('test/engine/fixtures/hybrid.yaml').topology!;
const stepOf = (tr: Trace, id: string, type: HopStep['type']): HopStep | undefined =>
  [...tr.hops, ...tr.returnHops].flatMap((h) => (h.component.id === id ? h.steps ?? [] : [])).find((s) => s.type === type);

describe('route propagation into the VPC route table', () => {
  const routes = t.routeTables.get('rtb-hub')!.routes.filter((r) => r.origin === 'propagated');
  it('installs one route per learned prefix of a connection that is up, best origin first, never one inside the VPC block', () => {
    const rows = routes.map((r) => [r.destination.kind === 'cidr' ? `${r.destination.prefix.length}` : '', r.propagation?.from, r.propagation?.connections.join(',')]);
    // 10.40 (BGP), 10.50 (DX wins over static and BGP), 10.60 (static; shadowed by the written blackhole), 10.70 (DX);
    // 10.0.5.0/24 is inside vpc-hub's 10.0.0.0/16 (local wins); vpn-down's 10.80 is not propagated.
    expect(rows).toEqual([['16', 'vpnBgp', 'vpn-bgp'], ['16', 'directConnect', 'dxgw-corp'], ['16', 'vpnStatic', 'vpn-static'], ['16', 'directConnect', 'dxgw-corp']]);
    expect(routes.every((r) => r.target.kind === 'resource' && r.target.id === 'vgw-hub')).toBe(true);
  });

  it('a static route beats a propagated one of the same prefix (the blackhole to 10.60.0.0/16)', () => {
    const tr = trace(t, 'hub-app', 'static-host', 443);
    expect(codes(tr)).toEqual(['CANNOT_ROUTE']);
    const route = stepOf(tr, 'rtb-hub', 'route');
    expect(route?.type === 'route' && [route.verdict, route.route?.origin, route.route?.target]).toEqual(['blackhole', 'written', 'blackhole']);
  });

  it('a propagated route carries the flow out: VPC -> gateway -> VPN -> on-premises host, and the reply back', () => {
    const tr = trace(t, 'hub-app', 'bgp-host', 443);
    expect(tr.reachable).toBe(true);
    expect(hopIds(tr)).toEqual(['hub-app', 'sg-open', 'rtb-hub', 'vpc-hub/default-acl', 'vgw-hub', 'vpn-bgp', 'bgp-host']);
    expect(returnHopIds(tr)).toEqual(['bgp-host', 'dc-bgp', 'vpn-bgp', 'vgw-hub', 'vpc-hub/default-acl', 'sg-open', 'hub-app']);
    const route = stepOf(tr, 'rtb-hub', 'route');
    expect(route?.type === 'route' && route.route?.origin === 'propagated' && route.route.propagation).toEqual({ from: 'vpnBgp', connections: ['vpn-bgp'] });
    const vpn = stepOf(tr, 'vpn-bgp', 'vpnConnection');
    expect(vpn?.type === 'vpnConnection' && [vpn.verdict, vpn.routing, vpn.tunnels]).toEqual(['carried', 'bgp', 2]);
  });
});

describe('the gateway\'s own route priority', () => {
  it('Direct Connect BGP over VPN static over VPN BGP for one prefix', () => {
    const tr = trace(t, 'hub-app', 'dx-fifty', 443);
    expect(tr.reachable).toBe(true);
    const vgw = stepOf(tr, 'vgw-hub', 'virtualPrivateGateway');
    expect(vgw?.type === 'virtualPrivateGateway' && [vgw.verdict, vgw.connection, vgw.learnedFrom, vgw.passedOver]).toEqual(['toConnection', 'dxgw-corp', 'directConnect', ['vpn-static', 'vpn-bgp']]);
    expect(hopIds(tr)).toContain('dxgw-corp');
  });

  it('an address the Direct Connect side does not hold still goes where the gateway prefers (10.50.0.10 is dc-bgp\'s, not dc-dx\'s)', () => {
    // The gateway picks dxgw-corp for 10.50.0.0/16; dc-dx holds the block but no host at .10.
    const tr = trace(t, 'hub-app', '10.50.0.10', 443);
    expect(hopIds(tr).slice(-2)).toEqual(['dxgw-corp', 'dc-dx']);
  });

  it('knows no prefix of a connection that is down: no propagated route (NO_ROUTE_TO_DESTINATION at the table)', () => {
    const tr = trace(t, 'hub-app', 'down-host', 443);
    expect(codes(tr)).toEqual(['NO_ROUTE_TO_DESTINATION']);
    expect(hopIds(tr).at(-1)).toBe('rtb-hub');
  });

  it('drops what it has no on-premises prefix for (handler alone)', () => {
    const vgw = t.virtualPrivateGateways.get('vgw-hub')!;
    const s = virtualPrivateGateway(envOf(t), { kind: 'virtualPrivateGateway', vgw, fromSubnet: 'hub-a', packet: packetOf('10.0.1.4', '10.99.0.1'), carry: NO_CARRY });
    expect(stopCodes(s)).toEqual(['NO_ROUTE_TO_DESTINATION']);
    expect(hopIdsOf(s)).toEqual(['vpc-hub/default-acl', 'vgw-hub']);
  });
});

describe('from on-premises', () => {
  it('over Direct Connect into the VPC (the allowed prefix covers the VPC block)', () => {
    const tr = trace(t, 'dx-host', 'hub-app', 22);
    expect(tr.reachable).toBe(true);
    expect(hopIds(tr)).toEqual(['dx-host', 'dc-dx', 'dxgw-corp', 'vgw-hub', 'vpc-hub/default-acl', 'sg-open', 'hub-app']);
  });

  it('no transit to a peer of the VPC, even when the on-premises router sends it into the VPN (VGW_REQUIRES_ADDRESS_IN_VPC_CIDR)', () => {
    const tr = trace(t, 'bgp-host', 'peer-app', 22);
    expect(codes(tr)).toEqual(['VGW_REQUIRES_ADDRESS_IN_VPC_CIDR']);
    expect(hopIds(tr)).toEqual(['bgp-host', 'dc-bgp', 'vpn-bgp', 'vgw-hub']);
    const on = stepOf(tr, 'dc-bgp', 'onPremises');
    expect(on?.type === 'onPremises' && [on.verdict, on.origin, on.route]).toEqual(['toConnection', 'written', 1]);
  });

  it('a connection that is not available carries nothing (BAD_STATE_VPN)', () => {
    const tr = trace(t, 'down-host', 'hub-app', 22);
    expect(codes(tr)).toEqual(['BAD_STATE_VPN']);
    expect(hopIds(tr)).toEqual(['down-host', 'dc-down', 'vpn-down']);
  });

  it('a detached gateway delivers nowhere (handler alone)', () => {
    const vgw = t.virtualPrivateGateways.get('vgw-detached')!;
    const s = vgwInbound(envOf(t), { kind: 'vgwInbound', vgw, via: 'vpn-bgp', packet: packetOf('10.40.0.10', '10.0.1.4'), carry: NO_CARRY });
    expect(stopCodes(s)).toEqual(['VGW_REQUIRES_ADDRESS_IN_VPC_CIDR']);
  });

  it('into the VPC: delivery by the local route, with no sender (no group reference matches)', () => {
    const vgw = t.virtualPrivateGateways.get('vgw-hub')!;
    const next = nextAt(vgwInbound(envOf(t), { kind: 'vgwInbound', vgw, via: 'vpn-bgp', packet: packetOf('10.40.0.10', '10.0.1.4'), carry: NO_CARRY }));
    expect(next.kind === 'deliverInVpc' && [next.vpc, next.fromSubnet, next.sender]).toEqual(['vpc-hub', undefined, undefined]);
  });
});

describe('bounded work on hostile input', () => {
  it('2,000 VPN connections and networks propagating into 200 route tables load and trace in seconds', { timeout: 30_000 }, () => {
    const n = 2000;
    const lines = ['version: 1', 'name: many vpns', 'vpcs:', '  v:', '    cidr: 10.0.0.0/16', '    subnets:', '      s: { az: use1-az1, cidr: 10.0.1.0/24 }', '    routeTables:'];
    for (let i = 0; i < 200; i++) lines.push(`      rt${i}: { ${i === 0 ? 'main: true, ' : ''}propagatingVgws: [vgw] }`);
    lines.push('    instances:', '      i: { subnet: s }', 'virtualPrivateGateways:', '  vgw: { vpc: v }', 'customerGateways:', '  cgw: { ip: 203.0.113.1 }', 'vpnConnections:');
    for (let i = 0; i < n; i++) lines.push(`  vpn${i}: { customerGateway: cgw, virtualPrivateGateway: vgw }`);
    lines.push('onPremises:');
    for (let i = 0; i < n; i++) {
      const [a, b] = [Math.floor(i / 256), i % 256];
      lines.push(`  dc${i}: { cidrs: [172.${16 + a}.${b}.0/24], connections: [vpn${i}, vpn${(i + 1) % n}], hosts: { h${i}: { ip: 172.${16 + a}.${b}.10 } } }`);
    }
    const started = Date.now();
    const big = loadTopologyText('many.yaml', `${lines.join('\n')}\n`).topology!;
    expect(big.routeTables.get('rt0')!.routes.filter((r) => r.origin === 'propagated')).toHaveLength(n);
    const out = trace(big, 'i', 'h1999', 443);
    expect(out.reachable).toBe(true);
    // dc1999 names vpn1999 and vpn0, both BGP for the same prefix: the lower id wins the tie.
    expect(hopIds(out).slice(-3)).toEqual(['vgw', 'vpn0', 'h1999']);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
