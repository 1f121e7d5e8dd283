// Appliances with several network interfaces and routes to network interfaces
// (scenarios/multi-interface-appliances.yaml; "Example routing options", "Routing for a
// middlebox appliance", Amazon VPC guide; ModifyNetworkInterfaceAttribute: SourceDestCheck per
// interface): the device forwards out of its interface in the destination's subnet, else out
// of device index 0 by that subnet's route table, the outgoing interface's groups judging what
// it sends; a NAT instance rewrites the source to the outgoing interface's address.
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../src/net/ip.js';
import type { StepOf } from '../../src/engine/steps.js';
import type { Trace } from '../../src/engine/trace.js';
import { diagnosticsOf, scenario, topologyOf } from '../helpers/load.js';
import { codes, expectBlocked, hopIds, returnHopIds, stoppingHop, trace } from '../helpers/trace.js';

const t = scenario('multi-interface-appliances');
const ip = (id: string): string => formatIp(t.enis.get(id)!.privateIp);
const applianceSteps = (hops: Trace['hops']): StepOf<'appliance'>[] =>
  hops.flatMap((h) => h.steps ?? []).filter((s): s is StepOf<'appliance'> => s.type === 'appliance');

describe('an inspection appliance between a public and a private subnet', () => {
  it('takes the flow on its public-side interface and sends it out of its private-side one, both ways', () => {
    const tr = trace(t, 'web', 'db', 5432);
    expect(tr.reachable).toBe(true);
    expect(hopIds(tr)).toEqual(['web', 'sg-web', 'rtb-public', 'sg-inspector-public', 'inspector', 'sg-inspector-private', 'sg-db', 'db']);
    expect(applianceSteps(tr.hops)).toMatchObject([{ interface: 'inspector', outInterface: 'eni-inspector-private', egress: 'destinationSubnet', interfaces: 2, verdict: 'forward' }]);
    // The reply: the private subnet's table sends it to the private-side interface, which sends it out of the public-side one.
    expect(returnHopIds(tr)).toEqual(['db', 'sg-db', 'rtb-private', 'sg-inspector-private', 'inspector', 'sg-inspector-public', 'sg-web', 'web']);
    expect(applianceSteps(tr.returnHops)).toMatchObject([{ interface: 'eni-inspector-private', outInterface: 'inspector', egress: 'destinationSubnet' }]);
    // Unchanged addresses: a transparent appliance.
    expect(tr.hops.at(-1)?.packet.src).toBe(ip('web'));
  });

  it('the outgoing interface\'s security groups judge what it sends (ENI_SG_RULES_MISMATCH)', () => {
    const tr = trace(t, 'web', 'db', 22);
    expectBlocked(tr, 'ENI_SG_RULES_MISMATCH', 'sg-inspector-private');
    expect(stoppingHop(tr)?.steps?.[0]).toMatchObject({ type: 'securityGroup', direction: 'egress', interface: 'eni-inspector-private' });
  });
});

describe('a NAT instance with an inside and an outside interface', () => {
  it('takes the app subnet\'s default route on its inside interface and sends from its primary interface\'s address', () => {
    const tr = trace(t, 'app', 'partner', 443);
    expect(tr.reachable).toBe(true);
    expect(hopIds(tr)).toEqual(['app', 'sg-app', 'rtb-app', 'sg-nat-inside', 'nat-box', 'sg-nat-outside', 'rtb-public', 'vpc-edge/default-acl', 'igw-edge', 'partner']);
    const [nat] = applianceSteps(tr.hops);
    expect(nat).toMatchObject({ verdict: 'natInstance', interface: 'eni-nat-inside', outInterface: 'nat-box', egress: 'deviceIndexZero', subnet: 'public-a' });
    expect(nat?.after.src).toBe(ip('nat-box'));
    expect(tr.hops.find((h) => h.component.id === 'igw-edge')?.packet.src).toBe('203.0.113.60');
    // The reply comes back to the outside interface, is translated back and leaves by the inside one.
    expect(applianceSteps(tr.returnHops)).toMatchObject([{ verdict: 'natInstanceReply', interface: 'nat-box', outInterface: 'eni-nat-inside', egress: 'destinationSubnet' }]);
    expect(tr.returnHops.at(-1)?.packet.dst).toBe(ip('app'));
  });

  it('an interface of the device that still checks source and destination drops what a route sends it (CANNOT_ROUTE)', () => {
    const tr = trace(t, 'legacy', 'partner', 443);
    expectBlocked(tr, 'CANNOT_ROUTE', 'nat-box');
    expect(codes(tr)).toEqual(['CANNOT_ROUTE']);
    expect(applianceSteps(tr.hops)).toMatchObject([{ interface: 'eni-nat-legacy', verdict: 'sourceDestCheck' }]);
  });
});

const STANDALONE = `
version: 1
name: a route to a standalone network interface
vpcs:
  vpc-a:
    cidr: 10.0.0.0/16
    subnets:
      a: { az: use1-az1, cidr: 10.0.1.0/24, routeTable: rtb-a }
      b: { az: use1-az1, cidr: 10.0.2.0/24, routeTable: rtb-b }
      m: { az: use1-az1, cidr: 10.0.3.0/24 }
    routeTables:
      rtb-a:
        routes:
          - { destination: 10.0.2.0/24, target: eni-mbox }
      rtb-b:
        routes:
          - { destination: 10.0.1.0/24, target: eni-mbox }
    instances:
      x: { subnet: a }
      y: { subnet: b }
    networkInterfaces:
      eni-mbox: { subnet: m, sourceDestCheck: SDC }
`;

describe('a route to a standalone network interface', () => {
  it('forwards by its own subnet\'s route table when its check is off (hop kind networkInterface)', () => {
    const s = topologyOf(STANDALONE.replace('SDC', 'false'));
    const tr = trace(s, 'x', 'y', 443);
    expect(tr.reachable).toBe(true);
    const hop = tr.hops.find((h) => h.component.id === 'eni-mbox' && h.steps?.[0]?.type === 'appliance');
    expect(hop?.component.kind).toBe('networkInterface');
    expect(hop?.steps?.[0]).toMatchObject({ instance: 'eni-mbox', interface: 'eni-mbox', outInterface: 'eni-mbox', egress: 'deviceIndexZero', interfaces: 1 });
    expect(returnHopIds(tr)).toContain('eni-mbox');
  });

  it('drops with its check on (the default)', () => {
    const s = topologyOf(STANDALONE.replace('SDC', 'true'));
    expectBlocked(trace(s, 'x', 'y', 443), 'CANNOT_ROUTE', 'eni-mbox');
  });
});

describe('routes to network interfaces in the loader', () => {
  it('a network interface may replace the local route ("Replace or restore the target for a local route")', () => {
    const s = topologyOf(`
version: 1
name: local route replaced by a network interface
vpcs:
  vpc-a:
    cidr: 10.0.0.0/16
    subnets:
      a: { az: use1-az1, cidr: 10.0.1.0/24, routeTable: rtb-a }
    routeTables:
      rtb-a:
        routes:
          - { destination: 10.0.0.0/16, target: eni-fw }
    instances:
      fw: { subnet: a, sourceDestCheck: false }
    networkInterfaces:
      eni-fw: { subnet: a, instance: fw, sourceDestCheck: false }
`);
    const route = s.routeTables.get('rtb-a')!.routes.find((r) => r.target.kind === 'resource' && r.target.id === 'eni-fw');
    expect(route?.replacesLocal).toBe(true);
  });

  it('a route to a network interface of another VPC is CROSS_VPC_REFERENCE', () => {
    expect(diagnosticsOf(`
version: 1
name: cross-VPC interface target
vpcs:
  vpc-a:
    cidr: 10.0.0.0/16
    subnets:
      a: { az: use1-az1, cidr: 10.0.1.0/24, routeTable: rtb-a }
    routeTables:
      rtb-a:
        routes:
          - { destination: 0.0.0.0/0, target: eni-b }
  vpc-b:
    cidr: 10.1.0.0/16
    subnets:
      b: { az: use1-az1, cidr: 10.1.1.0/24 }
    networkInterfaces:
      eni-b: { subnet: b }
`)).toEqual(['CROSS_VPC_REFERENCE@12:47']);
  });
});
