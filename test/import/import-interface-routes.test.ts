// Routes to network interfaces in a snapshot (describe-route-tables NetworkInterfaceId;
// "Example routing options", Amazon VPC guide): a route to an instance's secondary interface or
// to a standalone interface targets that interface (it is a networkInterfaces entry with its
// device index and its own SourceDestCheck), a route to a primary interface targets the
// instance, and the appliance forwards: none of them is a blackhole any more.
import { describe, expect, it } from 'vitest';
import { hopIds, trace } from '../helpers/trace.js';
import { imported, warningKeys, writeSnapshot } from './helpers.js';

const eni = (id: string, subnet: string, ip: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  NetworkInterfaceId: id, SubnetId: subnet, VpcId: 'vpc-1', PrivateIpAddress: ip, Groups: [], ...extra,
});

const estate = (routes: unknown[]): string => writeSnapshot({
  'Vpcs.json': { Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', OwnerId: '111111111111' }] },
  'Subnets.json': { Subnets: [
    { SubnetId: 'subnet-a', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZoneId: 'use1-az1' },
    { SubnetId: 'subnet-b', VpcId: 'vpc-1', CidrBlock: '10.0.2.0/24', AvailabilityZoneId: 'use1-az1' },
  ] },
  'RouteTables.json': { RouteTables: [
    {
      RouteTableId: 'rtb-a', VpcId: 'vpc-1', Associations: [{ SubnetId: 'subnet-a', AssociationState: { State: 'associated' } }],
      Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' }, ...routes],
    },
    {
      RouteTableId: 'rtb-b', VpcId: 'vpc-1', Associations: [{ SubnetId: 'subnet-b', AssociationState: { State: 'associated' } }],
      Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
        { DestinationCidrBlock: '10.0.1.0/24', InstanceId: 'i-fw', NetworkInterfaceId: 'eni-fw-b', State: 'active' }],
    },
  ] },
  'Reservations.json': { Reservations: [{ Instances: [
    {
      InstanceId: 'i-fw', SubnetId: 'subnet-a', VpcId: 'vpc-1', PrivateIpAddress: '10.0.1.5', State: { Name: 'running' },
      NetworkInterfaces: [
        eni('eni-fw-a', 'subnet-a', '10.0.1.5', { Attachment: { DeviceIndex: 0, InstanceId: 'i-fw' }, SourceDestCheck: false }),
        eni('eni-fw-b', 'subnet-b', '10.0.2.5', { Attachment: { DeviceIndex: 1, InstanceId: 'i-fw' }, SourceDestCheck: false }),
      ],
    },
    {
      InstanceId: 'i-a', SubnetId: 'subnet-a', VpcId: 'vpc-1', PrivateIpAddress: '10.0.1.10', State: { Name: 'running' },
      NetworkInterfaces: [eni('eni-a', 'subnet-a', '10.0.1.10', { Attachment: { DeviceIndex: 0, InstanceId: 'i-a' } })],
    },
    {
      InstanceId: 'i-b', SubnetId: 'subnet-b', VpcId: 'vpc-1', PrivateIpAddress: '10.0.2.10', State: { Name: 'running' },
      NetworkInterfaces: [eni('eni-b', 'subnet-b', '10.0.2.10', { Attachment: { DeviceIndex: 0, InstanceId: 'i-b' } })],
    },
  ] }] },
}, 'vpcsim-eni-routes-');

describe('routes to network interfaces in a snapshot', () => {
  it('target the secondary interface (device index and SourceDestCheck kept), or the instance for its primary one', () => {
    const i = imported(estate([{ DestinationCidrBlock: '10.0.2.0/24', InstanceId: 'i-fw', NetworkInterfaceId: 'eni-fw-a', State: 'active' }]));
    const vpc = i.raw.vpcs!['vpc-1']!;
    expect(vpc.routeTables!['rtb-a']!.routes).toEqual([{ destination: '10.0.2.0/24', target: 'i-fw' }]);
    expect(vpc.routeTables!['rtb-b']!.routes).toEqual([{ destination: '10.0.1.0/24', target: 'eni-fw-b' }]);
    expect(vpc.networkInterfaces!['eni-fw-b']).toMatchObject({ subnet: 'subnet-b', instance: 'i-fw', deviceIndex: 1, sourceDestCheck: false });
    expect(warningKeys(i.result).filter((k) => k.startsWith('ROUTE_'))).toEqual([]);
  });

  it('the imported appliance forwards both ways, out of its interface in the destination\'s subnet', () => {
    const i = imported(estate([{ DestinationCidrBlock: '10.0.2.0/24', InstanceId: 'i-fw', NetworkInterfaceId: 'eni-fw-a', State: 'active' }]));
    const t = trace(i.topology, 'i-a', 'i-b', 443);
    expect(t.reachable).toBe(true);
    expect(hopIds(t)).toContain('i-fw');
    expect(t.hops.flatMap((h) => h.steps ?? []).find((s) => s.type === 'appliance')).toMatchObject({ interface: 'i-fw', outInterface: 'eni-fw-b' });
  });

  it('a standalone interface imported as a networkInterfaces entry is a route target too', () => {
    const standalone = writeSnapshot({
      'Vpcs.json': { Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', OwnerId: '111111111111' }] },
      'Subnets.json': { Subnets: [{ SubnetId: 'subnet-a', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZoneId: 'use1-az1' }] },
      'NetworkInterfaces.json': { NetworkInterfaces: [eni('eni-mbox', 'subnet-a', '10.0.1.30', { SourceDestCheck: false })] },
      'RouteTables.json': { RouteTables: [{
        RouteTableId: 'rtb-a', VpcId: 'vpc-1', Associations: [{ Main: true, AssociationState: { State: 'associated' } }],
        Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' }, { DestinationCidrBlock: '0.0.0.0/0', NetworkInterfaceId: 'eni-mbox', State: 'active' }],
      }] },
    }, 'vpcsim-eni-routes-');
    const i = imported(standalone);
    expect(i.raw.vpcs!['vpc-1']!.routeTables!['rtb-a']!.routes).toEqual([{ destination: '0.0.0.0/0', target: 'eni-mbox' }]);
    expect(i.raw.unmodelled).toBeUndefined();
  });
});
