// Routes whose target the importer cannot follow keep it (issue 11: no silent gap): the AWS
// id stays the route's target and is named under `unmodelled:` with its kind, so a trace
// stops there with UNMODELLED_TARGET instead of a blackhole's CANNOT_ROUTE. An id that names
// another resource of the output (AWS would not route to it) is still a reported blackhole.
import { describe, expect, it } from 'vitest';
import { codes, hopIds, stoppingHop, trace } from '../helpers/trace.js';
import { imported, warningKeys, writeSnapshot } from './helpers.js';

const snapshot = (files: Record<string, unknown>): string => writeSnapshot(files, 'vpcsim-unmodelled-');

const route = (dest: string, target: Record<string, string>): unknown => ({ DestinationCidrBlock: dest, State: 'active', ...target });

const estate = (routes: unknown[]): string => snapshot({
  'Vpcs.json': { Vpcs: [
    { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', OwnerId: '111111111111' },
    { VpcId: 'vpc-2', CidrBlock: '10.9.0.0/16', OwnerId: '111111111111' },
  ] },
  'Subnets.json': { Subnets: [{ SubnetId: 'subnet-a', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZoneId: 'use1-az1' }] },
  'InternetGateways.json': { InternetGateways: [{ InternetGatewayId: 'igw-other', Attachments: [{ VpcId: 'vpc-2', State: 'available' }] }] },
  'RouteTables.json': { RouteTables: [{
    RouteTableId: 'rtb-1', VpcId: 'vpc-1', Associations: [{ Main: true, AssociationState: { State: 'associated' } }],
    Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' }, ...routes],
  }] },
  'Reservations.json': { Reservations: [{ Instances: [{
    InstanceId: 'i-app', SubnetId: 'subnet-a', VpcId: 'vpc-1', PrivateIpAddress: '10.0.1.10', State: { Name: 'running' },
    NetworkInterfaces: [{ NetworkInterfaceId: 'eni-app', SubnetId: 'subnet-a', VpcId: 'vpc-1', PrivateIpAddress: '10.0.1.10', Groups: [] }],
  }] }] },
});

describe('routes to targets the importer cannot follow', () => {
  it('keeps each AWS target, with its kind from the id, and a warning per target', () => {
    const i = imported(estate([
      route('192.168.0.0/16', { TransitGatewayId: 'tgw-hub' }),
      route('172.16.0.0/12', { CarrierGatewayId: 'cagw-edge' }),
      route('100.64.0.0/10', { CoreNetworkArn: 'arn:aws:networkmanager::111111111111:core-network/core-network-0abc' }),
    ]));
    const routes = i.raw.vpcs!['vpc-1']!.routeTables!['rtb-1']!.routes!;
    expect(routes.map((r) => r.target).sort()).toEqual(['arn-aws-networkmanager--111111111111-core-network-core-network-0abc', 'cagw-edge', 'tgw-hub']);
    expect(i.raw.unmodelled).toEqual({
      'tgw-hub': { kind: 'transitGateway', description: 'transit gateway not in the snapshot' },
      'cagw-edge': { kind: 'carrierGateway', description: 'a target vpcsim does not model' },
      'arn-aws-networkmanager--111111111111-core-network-core-network-0abc': {
        kind: 'coreNetwork', description: 'arn:aws:networkmanager::111111111111:core-network/core-network-0abc: a target vpcsim does not model',
      },
    });
    expect(warningKeys(i.result).filter((k) => k.startsWith('ROUTE_'))).toEqual([
      'ROUTE_TO_UNMODELLED arn:aws:networkmanager::111111111111:core-network/core-network-0abc', 'ROUTE_TO_UNMODELLED cagw-edge',
      'ROUTE_TO_UNMODELLED tgw-hub',
    ]);
  });

  it('a trace taking such a route stops at the target with UNMODELLED_TARGET, not CANNOT_ROUTE', () => {
    const i = imported(estate([route('192.168.0.0/16', { TransitGatewayId: 'tgw-hub' })]));
    const t = trace(i.topology, 'i-app', '192.168.0.10', 443);
    expect(hopIds(t)).toEqual(['i-app', 'vpc-1/default-sg', 'rtb-1', 'tgw-hub']);
    expect(codes(t)).toEqual(['UNMODELLED_TARGET']);
    expect(stoppingHop(t)?.component).toEqual({ id: 'tgw-hub', kind: 'unmodelled' });
  });

  it('an internet gateway of another VPC is still a reported blackhole: AWS does not route to it', () => {
    const i = imported(estate([route('0.0.0.0/0', { GatewayId: 'igw-other' })]));
    expect(i.raw.vpcs!['vpc-1']!.routeTables!['rtb-1']!.routes).toEqual([{ destination: '0.0.0.0/0', target: 'blackhole' }]);
    expect(i.raw.unmodelled).toBeUndefined();
    expect(warningKeys(i.result)).toContain('ROUTE_AS_BLACKHOLE igw-other');
  });
});
