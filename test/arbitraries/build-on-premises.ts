// An on-premises network behind a site-to-site VPN (and sometimes a Direct Connect gateway too)
// added to a generated topology: a virtual private gateway attached to one of its VPCs, a
// customer gateway, a VPN connection (BGP or static, available or pending), the network
// 172.20.0.0/16 with one or two hosts, and the way back into the VPC: route propagation on
// its written tables, or a static route to the gateway. Sometimes the network also routes S3's
// range into the tunnel, which a gateway endpoint of the VPC must never carry.
import fc from 'fast-check';
import type { RawTopology, RawVpc } from '../../src/model/format.js';
import { pick } from './build-raw.js';

/** The plan of the on-premises side. */
export interface OnPremisesPlan {
  readonly vpc: number;
  readonly routing: 'bgp' | 'static';
  readonly state: 'available' | 'pending';
  /** Propagation on the VPC's route tables (else a static route to the gateway in each). */
  readonly propagate: boolean;
  /** A Direct Connect gateway associated with the same gateway, which the network also names. */
  readonly dx: boolean;
  readonly hosts: number;
  /** The network sends S3's 52.216.0.0/15 into the VPN itself. */
  readonly s3IntoTunnel: boolean;
}

/** An on-premises plan: mostly an available connection, so that flows get through. */
export const onPremisesPlanArb: fc.Arbitrary<OnPremisesPlan> = fc.record({
  vpc: fc.nat(2),
  routing: fc.constantFrom('bgp' as const, 'static' as const),
  state: fc.oneof({ arbitrary: fc.constant('available' as const), weight: 4 }, { arbitrary: fc.constant('pending' as const), weight: 1 }),
  propagate: fc.boolean(),
  dx: fc.boolean(),
  hosts: fc.integer({ min: 1, max: 2 }),
  s3IntoTunnel: fc.boolean(),
});

/** The on-premises network's block, and its hosts' addresses. */
export const ON_PREMISES_CIDR = '172.20.0.0/16';
export const ON_PREMISES_HOSTS = ['172.20.0.10', '172.20.1.10'];

/** The topology with the on-premises side of the plan added. */
export function addOnPremises(raw: RawTopology, plan: OnPremisesPlan): RawTopology {
  // One of the plan's own VPCs (v0, v1...), never a PrivateLink provider's.
  const vpcId = pick(Object.keys(raw.vpcs ?? {}).filter((id) => /^v\d+$/.test(id)), plan.vpc);
  if (vpcId === undefined) return raw;
  const vpc = raw.vpcs![vpcId]!;
  const tables = Object.entries(vpc.routeTables ?? {});
  let routeTables: RawVpc['routeTables'];
  if (plan.propagate) {
    routeTables = tables.length > 0
      ? Object.fromEntries(tables.map(([id, t]) => [id, { ...t, propagatingVgws: ['vgw0'] }]))
      : { 'rtb-onprem': { main: true, propagatingVgws: ['vgw0'] } };
  } else {
    const route = { destination: ON_PREMISES_CIDR, target: 'vgw0' };
    routeTables = tables.length > 0
      ? Object.fromEntries(tables.map(([id, t]) => [id, (t.routes ?? []).some((r) => r.destination === ON_PREMISES_CIDR) ? t : { ...t, routes: [...(t.routes ?? []), route] }]))
      : { 'rtb-onprem': { main: true, routes: [route] } };
  }
  const hosts = Object.fromEntries(ON_PREMISES_HOSTS.slice(0, plan.hosts).map((ip, k) => [`dc0-h${k}`, { ip }]));
  return {
    ...raw,
    vpcs: { ...raw.vpcs, [vpcId]: { ...vpc, routeTables } },
    virtualPrivateGateways: { vgw0: { vpc: vpcId } },
    customerGateways: { cgw0: { ip: '192.0.2.200' } },
    vpnConnections: {
      vpn0: {
        customerGateway: 'cgw0', virtualPrivateGateway: 'vgw0',
        ...(plan.routing === 'static' ? { staticRoutesOnly: true, staticRoutes: [ON_PREMISES_CIDR] } : {}),
        ...(plan.state === 'available' ? {} : { state: plan.state }),
      },
    },
    ...(plan.dx ? { directConnectGateways: { dxgw0: { associations: [{ gateway: 'vgw0' }] } } } : {}),
    onPremises: {
      dc0: {
        cidrs: [ON_PREMISES_CIDR],
        connections: plan.dx ? ['vpn0', 'dxgw0'] : ['vpn0'],
        ...(plan.s3IntoTunnel ? { routes: [{ destination: '52.216.0.0/15', connection: 'vpn0' }] } : {}),
        hosts,
      },
    },
  };
}
