// Through a transit gateway (Transit Gateways guide: "How AWS Transit Gateway works", "Amazon
// VPC attachments", "Transit gateway peering attachments", "Example: Appliance in a shared
// services VPC"): the AZ rule in, the associated table's route (static before propagated),
// the zone out, security group references across the gateway, gateway endpoints refused, and
// peering chains bounded by the walk loop.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import type { Topology } from '../../../src/model/topology.js';
import type { StepOf } from '../../../src/engine/steps.js';
import type { Trace } from '../../../src/engine/trace.js';
import { transitGateway, transitGatewayIngress } from '../../../src/engine/walk/transit-gateway.js';
import { codes, expectBlocked, hopIds, returnHopIds, trace } from '../../helpers/trace.js';
import { topologyOf } from '../../helpers/load.js';
import { envOf, eniOf, hopIdsOf, nextAt, NO_CARRY, packetOf, stopCodes } from './walk-env.js';

const FILE = 'test/engine/fixtures/transit-gateway.yaml';
const t = loadTopologyFile(FILE).topology!;
const text = readFileSync(FILE, 'utf8');
function edited(from: string, to: string): Topology {
  expect(text).toContain(from);
  return topologyOf(text.replace(from, to));
}
function attachmentSteps(tr: Trace, back = false): StepOf<'transitGatewayAttachment'>[] {
  return (back ? tr.returnHops : tr.hops).flatMap((h) => h.steps ?? []).filter((s): s is StepOf<'transitGatewayAttachment'> => s.type === 'transitGatewayAttachment');
}

describe('into a transit gateway', () => {
  const tgw = t.transitGateways.get('tgw-hub')!;
  const ingress = (from: string, subnet: string, dst: string) => ({
    kind: 'transitGatewayIngress' as const, tgw, fromSubnet: subnet, sender: eniOf(t, from),
    packet: packetOf(formatIp(eniOf(t, from).privateIp), dst), carry: NO_CARRY,
  });

  it('enters through the attachment subnet in the sender\'s zone, crossing both subnets\' ACLs', () => {
    const s = transitGatewayIngress(envOf(t), ingress('prod-app', 'prod-a', '10.3.1.4'));
    expect(hopIdsOf(s)).toEqual(['vpc-prod/default-acl', 'vpc-prod/default-acl', 'att-prod']);
    const next = nextAt(s);
    expect(next.kind === 'transitGateway' && [next.attachment.id, next.az, next.sgReferencing]).toEqual(['att-prod', 'use1-az1', true]);
  });

  it('refuses a zone where the attachment has no subnet (TGW_ROUTE_AZ_RESTRICTION)', () => {
    expect(stopCodes(transitGatewayIngress(envOf(t), ingress('prod-app-b', 'prod-b', '10.3.1.4')))).toEqual(['TGW_ROUTE_AZ_RESTRICTION']);
  });

  it('refuses a VPC with no attachment, and an attachment not yet accepted', () => {
    expect(stopCodes(transitGatewayIngress(envOf(t), ingress('lone-app', 'lone-a', '10.3.1.4')))).toEqual(['TGW_ATTACH_NOT_FOUND']);
    expect(stopCodes(transitGatewayIngress(envOf(t), ingress('new-app', 'new-a', '10.3.1.4')))).toEqual(['BAD_STATE_ATTACHMENT']);
  });

  it('routes by the table associated with the entry attachment, or not at all', () => {
    const at = (att: string, dst: string) => ({ kind: 'transitGateway' as const, tgw, attachment: t.transitGatewayAttachments.get(att)!, az: 'use1-az1', sender: undefined, sgReferencing: false, packet: packetOf('10.1.1.4', dst), carry: NO_CARRY });
    expect(stopCodes(transitGateway(envOf(t), at('att-lab', '10.3.1.4')))).toEqual(['TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION']);
    expect(stopCodes(transitGateway(envOf(t), at('att-prod', '10.2.1.4')))).toEqual(['TGW_RTB_CANNOT_ROUTE']);
    expect(stopCodes(transitGateway(envOf(t), at('att-prod', '10.9.1.4')))).toEqual(['TGW_RTB_BAD_STATE_ROUTE']);
    const s = transitGateway(envOf(t), at('att-prod', '10.3.2.4'));
    expect(hopIdsOf(s)).toEqual(['rt-spokes', 'att-shared']);
    const next = nextAt(s);
    // The entry zone is the attachment's: out by shared-tgw-a, though the destination is in use1-az2.
    expect(next.kind === 'routeFromSubnet' && [next.subnet, next.origin, next.carry.transit?.gateway]).toEqual(['shared-tgw-a', undefined, 'tgw-hub']);
  });
});

describe('traces through a transit gateway', () => {
  it('a spoke reaches shared services and the reply comes back through the gateway', () => {
    const tr = trace(t, 'prod-app', 'shared-svc', 443);
    expect(tr.reachable).toBe(true);
    expect(hopIds(tr)).toEqual(['prod-app', 'sg-prod', 'prod-main', 'vpc-prod/default-acl', 'vpc-prod/default-acl', 'att-prod', 'rt-spokes', 'att-shared',
      'shared-main', 'vpc-shared/default-acl', 'vpc-shared/default-acl', 'sg-shared', 'shared-svc']);
    expect(returnHopIds(tr)).toEqual(['shared-svc', 'sg-shared', 'shared-main', 'vpc-shared/default-acl', 'vpc-shared/default-acl', 'att-shared', 'rt-shared', 'att-prod',
      'prod-main', 'vpc-prod/default-acl', 'vpc-prod/default-acl', 'sg-prod', 'prod-app']);
    const route = tr.hops.flatMap((h) => h.steps ?? []).find((s) => s.type === 'transitGatewayRoute');
    expect(route).toMatchObject({ action: 'matched', table: 'rt-spokes', attachment: 'att-prod', verdict: 'matched', prefix: '10.3.0.0/16', route: { target: 'att-shared', origin: 'propagated' } });
    expect(attachmentSteps(tr).map((s) => [s.direction, s.verdict, s.subnet, s.zoneChoice])).toEqual([['in', 'entered', 'prod-tgw-a', undefined], ['out', 'exited', 'shared-tgw-a', 'sourceZone']]);
  });

  it('leaves by the destination\'s zone when the attachment has no subnet in the entry zone', () => {
    const tr = trace(t, 'shared-svc-b', 'prod-app', 443);
    expect(tr.reachable).toBe(true);
    expect(attachmentSteps(tr).map((s) => [s.verdict, s.subnet, s.zoneChoice])).toEqual([['entered', 'shared-tgw-b', undefined], ['exited', 'prod-tgw-a', 'destinationZone']]);
  });

  it('takes a static route over a propagated one to the same destination', () => {
    const tr = trace(edited('          - { destination: 10.9.0.0/16, blackhole: true }', '          - { destination: 10.9.0.0/16, blackhole: true }\n          - { destination: 10.3.0.0/16, blackhole: true }'), 'prod-app', 'shared-svc', 443);
    expectBlocked(tr, 'TGW_RTB_BAD_STATE_ROUTE', 'rt-spokes');
  });

  it('lets a group reference match across the gateway only with referencing on for the gateway and both attachments', () => {
    expect(trace(t, 'prod-app', 'shared-svc', 8443).reachable).toBe(true);
    // Off on the shared attachment: the reference is valid only through a peering of the two
    // VPCs, and traffic that comes through the gateway still matches CIDR rules only.
    const off = topologyOf(text.replace('      att-shared: { type: vpc, vpc: vpc-shared, subnets: [shared-tgw-a, shared-tgw-b] }',
      '      att-shared: { type: vpc, vpc: vpc-shared, subnets: [shared-tgw-a, shared-tgw-b], securityGroupReferencingSupport: false }')
      + 'peeringConnections:\n  pcx-prod-shared: { requester: vpc-prod, accepter: vpc-shared }\n');
    const tr = trace(off, 'prod-app', 'shared-svc', 8443);
    expectBlocked(tr, 'ENI_SG_RULES_MISMATCH', 'sg-shared');
    expect(attachmentSteps(tr).find((s) => s.direction === 'out')?.securityGroupReferencing).toBe(false);
  });

  it('never lets a flow that entered through the gateway use a gateway endpoint', () => {
    const tr = trace(t, 'prod-app', '52.216.10.10', 443);
    expectBlocked(tr, 'VPCE_INTRA_VPC_TRAFFIC', 'vpce-s3');
    expect(hopIds(tr)).toContain('att-shared');
  });

  it('bounds a loop between two peered gateways by the walk loop', () => {
    const loop = topologyOf([
      'version: 1', 'name: peered gateways routing at each other', 'region: us-east-1',
      'vpcs:', '  vpc-a:', '    cidr: 10.1.0.0/16', '    subnets: { a-1: { az: use1-az1, cidr: 10.1.1.0/24 } }',
      '    routeTables: { rt: { main: true, routes: [{ destination: 10.9.0.0/16, target: tgw-a }] } }', '    instances: { host: { subnet: a-1 } }',
      'transitGateways:',
      '  tgw-a:', '    attachments:', '      att-a: { type: vpc, vpc: vpc-a, subnets: [a-1] }', '      att-ab: { type: peering, peer: tgw-b }',
      '    routeTables: { rt-a: { associations: [att-a, att-ab], routes: [{ destination: 10.9.0.0/16, attachment: att-ab }] } }',
      '  tgw-b:', '    routeTables: { rt-b: { associations: [att-ab], routes: [{ destination: 10.9.0.0/16, attachment: att-ab }] } }',
    ].join('\n'));
    const tr = trace(loop, 'host', '10.9.0.1', 443);
    expect(codes(tr)).toEqual(['ROUTING_LOOP']);
    expect(hopIds(tr).slice(-4)).toEqual(['att-ab', 'rt-b', 'att-ab', 'rt-a']);
  });
});
