// The appliance handlers alone ("Routing for a middlebox appliance", "NAT instances"): with
// source/destination checking off an instance forwards by its own subnet's route table, and
// toward an internet gateway it translates like a NAT instance; with it on, it drops.
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import { appliance, natInstanceReply } from '../../../src/engine/walk/appliance.js';
import { envOf, eniOf, hopIdsOf, nextAt, NO_CARRY, packetOf, stopCodes } from './walk-env.js';

const t = loadTopologyFile('scenarios/appliances-and-nat-instances.yaml').topology!;
const ip = (id: string) => formatIp(eniOf(t, id).privateIp);
const at = (instance: string, src: string, dst: string, port: number) =>
  ({ kind: 'appliance' as const, instance: t.instances.get(instance)!, fromSubnet: eniOf(t, src).subnet, packet: packetOf(ip(src), dst, port), sender: eniOf(t, src), carry: NO_CARRY });

describe('appliance', () => {
  it('forwards unchanged by its own subnet\'s route table (a firewall)', () => {
    const s = appliance(envOf(t), at('firewall', 'app', ip('db'), 5432));
    expect(s.hops.find((h) => h.component.id === 'firewall')!.action).toBe('forwarded');
    const next = nextAt(s);
    expect(next.kind === 'routeFromSubnet' && [next.subnet, next.origin.id, formatIp(next.packet.src)]).toEqual(['fw-a', 'firewall', ip('app')]);
    expect(s.remember).toEqual([]);
  });

  it('translates toward an internet gateway (a NAT instance) and remembers the connection', () => {
    const s = appliance(envOf(t), at('nat-instance', 'app', '198.51.100.9', 443));
    expect(s.hops.find((h) => h.component.id === 'nat-instance')!.action).toBe('translated');
    expect(formatIp(nextAt(s).packet.src)).toBe(ip('nat-instance'));
    expect(s.remember.map((m) => [m.table, m.key])).toEqual([['nat', 'nat-instance']]);
  });

  it('drops what is not for it with source/destination checking on (CANNOT_ROUTE)', () => {
    const s = appliance(envOf(t), at('nat-checked', 'legacy', '198.51.100.9', 443));
    expect(stopCodes(s)).toEqual(['CANNOT_ROUTE']);
    expect(hopIdsOf(s).at(-1)).toBe('nat-checked');
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
