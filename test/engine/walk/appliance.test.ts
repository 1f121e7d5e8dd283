// The appliance handlers alone ("Routing for a middlebox appliance", "NAT instances", "Example
// routing options"): with source/destination checking off on the receiving interface, a device
// forwards by its own routing (out of its interface in the destination's subnet, else out of
// device index 0 by that subnet's route table), and toward an internet gateway it translates
// like a NAT instance, to the outgoing interface's address; with the check on, it drops.
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import type { Topology } from '../../../src/model/topology.js';
import type { StepOf } from '../../../src/engine/steps.js';
import { appliance, deviceInterfaces, natInstanceReply } from '../../../src/engine/walk/appliance.js';
import type { Step } from '../../../src/engine/walk/position.js';
import { envOf, eniOf, hopIdsOf, nextAt, NO_CARRY, packetOf, stopCodes } from './walk-env.js';

const t = loadTopologyFile('scenarios/appliances-and-nat-instances.yaml').topology!;
const m = loadTopologyFile('scenarios/multi-interface-appliances.yaml').topology!;
const ipIn = (topo: Topology, id: string) => formatIp(eniOf(topo, id).privateIp);
const atIn = (topo: Topology, target: string, src: string, dst: string, port: number) =>
  ({ kind: 'appliance' as const, eni: eniOf(topo, target), fromSubnet: eniOf(topo, src).subnet, packet: packetOf(ipIn(topo, src), dst, port), sender: eniOf(topo, src), carry: NO_CARRY });
const ip = (id: string) => ipIn(t, id);
const at = (instance: string, src: string, dst: string, port: number) => atIn(t, instance, src, dst, port);
const applianceStep = (s: Step): StepOf<'appliance'> => s.hops.flatMap((h) => h.steps ?? []).find((x): x is StepOf<'appliance'> => x.type === 'appliance')!;

describe('appliance', () => {
  it('forwards unchanged by its own subnet\'s route table (a firewall)', () => {
    const s = appliance(envOf(t), at('firewall', 'app', ip('db'), 5432));
    expect(s.hops.find((h) => h.component.id === 'firewall')!.action).toBe('forwarded');
    const next = nextAt(s);
    expect(next.kind === 'routeFromSubnet' && [next.subnet, next.origin?.id, formatIp(next.packet.src)]).toEqual(['fw-a', 'firewall', ip('app')]);
    // Only that the request crossed it (a stateful appliance's reply check after a transit gateway).
    expect(s.remember.map((m) => [m.table, m.key])).toEqual([['transit', 'appliance:firewall']]);
    expect(applianceStep(s)).toMatchObject({ interface: 'firewall', outInterface: 'firewall', egress: 'deviceIndexZero', interfaces: 1 });
  });

  it('translates toward an internet gateway (a NAT instance) and remembers the connection', () => {
    const s = appliance(envOf(t), at('nat-instance', 'app', '198.51.100.9', 443));
    expect(s.hops.find((h) => h.component.id === 'nat-instance')!.action).toBe('translated');
    expect(formatIp(nextAt(s).packet.src)).toBe(ip('nat-instance'));
    expect(s.remember.map((r) => [r.table, r.key])).toEqual([['transit', 'appliance:nat-instance'], ['nat', 'nat-instance']]);
  });

  it('drops what is not for it with source/destination checking on (CANNOT_ROUTE)', () => {
    const s = appliance(envOf(t), at('nat-checked', 'legacy', '198.51.100.9', 443));
    expect(stopCodes(s)).toEqual(['CANNOT_ROUTE']);
    expect(hopIdsOf(s).at(-1)).toBe('nat-checked');
  });
});

describe('appliance with several interfaces', () => {
  it('lists a device\'s interfaces by device index, the primary first', () => {
    expect(deviceInterfaces(m, eniOf(m, 'eni-nat-legacy')).map((e) => [e.id, e.deviceIndex])).toEqual([['nat-box', 0], ['eni-nat-inside', 1], ['eni-nat-legacy', 2]]);
    expect(deviceInterfaces(m, eniOf(m, 'db')).map((e) => e.id)).toEqual(['db']);
  });

  it('sends out of its interface in the destination\'s subnet, delivered there; the outgoing interface\'s groups judge it', () => {
    const s = appliance(envOf(m), atIn(m, 'inspector', 'web', ipIn(m, 'db'), 5432));
    expect(hopIdsOf(s)).toEqual(['sg-inspector-public', 'inspector', 'sg-inspector-private']);
    expect(applianceStep(s)).toMatchObject({ instance: 'inspector', interface: 'inspector', outInterface: 'eni-inspector-private', subnet: 'private-a', egress: 'destinationSubnet', interfaces: 2, verdict: 'forward' });
    const next = nextAt(s);
    expect(next.kind === 'deliverInVpc' && [next.fromSubnet, next.sender?.id]).toEqual(['private-a', 'eni-inspector-private']);
  });

  it('the outgoing interface\'s egress rules stop what they do not allow (ENI_SG_RULES_MISMATCH)', () => {
    const s = appliance(envOf(m), atIn(m, 'inspector', 'web', ipIn(m, 'db'), 22));
    expect(stopCodes(s)).toEqual(['ENI_SG_RULES_MISMATCH']);
    expect(hopIdsOf(s).at(-1)).toBe('sg-inspector-private');
  });

  it('received on a secondary interface, sends toward the internet out of device index 0 as a NAT instance, from that interface\'s address', () => {
    const s = appliance(envOf(m), atIn(m, 'eni-nat-inside', 'app', '198.51.100.9', 443));
    expect(applianceStep(s)).toMatchObject({ instance: 'nat-box', interface: 'eni-nat-inside', outInterface: 'nat-box', subnet: 'public-a', egress: 'deviceIndexZero', verdict: 'natInstance' });
    const next = nextAt(s);
    expect(next.kind === 'routeFromSubnet' && [next.subnet, next.origin?.id, formatIp(next.packet.src)]).toEqual(['public-a', 'nat-box', ipIn(m, 'nat-box')]);
    expect(s.remember.map((r) => [r.table, r.key])).toEqual([['transit', 'appliance:nat-box'], ['nat', 'nat-box']]);
  });

  it('checks source and destination per interface: one interface of the device still checking drops (CANNOT_ROUTE)', () => {
    const s = appliance(envOf(m), atIn(m, 'eni-nat-legacy', 'legacy', '198.51.100.9', 443));
    expect(stopCodes(s)).toEqual(['CANNOT_ROUTE']);
    expect(applianceStep(s)).toMatchObject({ instance: 'nat-box', interface: 'eni-nat-legacy', verdict: 'sourceDestCheck' });
    expect(hopIdsOf(s)).toEqual(['nat-box']);
  });

  it('a NAT instance\'s reply leaves out of the interface in the original source\'s subnet', () => {
    const nat = eniOf(m, 'nat-box');
    const s = natInstanceReply(envOf(m, true), { kind: 'natInstanceReply', eni: nat, packet: packetOf('198.51.100.9', ipIn(m, 'nat-box'), 49152), entry: { originalSrc: eniOf(m, 'app').privateIp, originalSrcPort: 49152 }, carry: NO_CARRY });
    expect(applianceStep(s)).toMatchObject({ verdict: 'natInstanceReply', outInterface: 'eni-nat-inside', egress: 'destinationSubnet' });
    const next = nextAt(s);
    expect(next.kind === 'deliverInVpc' && [next.fromSubnet, formatIp(next.packet.dst)]).toEqual(['app-a', ipIn(m, 'app')]);
  });
});

describe('natInstanceReply', () => {
  it('translates the reply\'s destination back and routes it from its subnet', () => {
    const eni = eniOf(t, 'nat-instance');
    const app = eniOf(t, 'app');
    const s = natInstanceReply(envOf(t, true), { kind: 'natInstanceReply', eni, packet: packetOf('198.51.100.9', ip('nat-instance'), 49152), entry: { originalSrc: app.privateIp, originalSrcPort: 49152 }, carry: NO_CARRY });
    const next = nextAt(s);
    expect(next.kind === 'routeFromSubnet' && [next.subnet, formatIp(next.packet.dst)]).toEqual(['public-a', ip('app')]);
  });
});
