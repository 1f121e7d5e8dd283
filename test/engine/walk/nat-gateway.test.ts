// The NAT gateway handlers alone ("NAT gateways", Amazon VPC guide): source NAT for its own
// VPC's traffic, nothing started toward it, the reply translated back.
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import { natGateway, natGatewayEni } from '../../../src/engine/walk/nat-gateway.js';
import { envOf, eniOf, hopIdsOf, nextAt, NO_CARRY, packetOf, stopCodes } from './walk-env.js';

const t = loadTopologyFile('test/engine/fixtures/fabric.yaml').topology!;
const ip = (id: string) => formatIp(eniOf(t, id).privateIp);
const nat = t.natGateways.get('nat-a')!;

describe('natGateway', () => {
  it('translates the source of its own VPC\'s traffic and routes on from its subnet, remembering the connection', () => {
    const packet = packetOf(ip('app'), '198.51.100.7');
    const s = natGateway(envOf(t), { kind: 'natGateway', nat, fromSubnet: 'a-private', packet, carry: NO_CARRY });
    expect(hopIdsOf(s)).toEqual(['vpc-a/default-acl', 'vpc-a/default-acl', 'nat-a']);
    expect(s.hops.at(-1)!.action).toBe('translated');
    const at = nextAt(s);
    expect(at.kind).toBe('routeFromSubnet');
    if (at.kind !== 'routeFromSubnet') return;
    expect(at.subnet).toBe('a-public');
    expect(at.origin?.id).toBe('nat-a');
    expect(formatIp(at.packet.src)).toBe(formatIp(nat.privateIp));
    expect(s.remember).toEqual([{ table: 'nat', key: 'nat-a', entry: { originalSrc: packet.src, originalSrcPort: 49152 } }]);
  });

  it('drops a source outside its VPC (NGW_REQUIRES_SOURCE_IN_VPC)', () => {
    const s = natGateway(envOf(t), { kind: 'natGateway', nat, fromSubnet: 'a-private', packet: packetOf(ip('b-host'), '198.51.100.7'), carry: NO_CARRY });
    expect(stopCodes(s)).toEqual(['NGW_REQUIRES_SOURCE_IN_VPC']);
    expect(hopIdsOf(s)).toEqual(['nat-a']);
    expect(s.remember).toEqual([]);
  });
});

describe('natGatewayEni', () => {
  const eni = eniOf(t, 'nat-a');

  it('accepts no connection started toward it (NO_INBOUND_THROUGH_NAT)', () => {
    const s = natGatewayEni(envOf(t), { kind: 'natGatewayEni', eni, packet: packetOf('198.51.100.7', formatIp(nat.privateIp)), carry: NO_CARRY });
    expect(stopCodes(s)).toEqual(['NO_INBOUND_THROUGH_NAT']);
  });

  it('translates a reply back to the connection it remembers', () => {
    const app = eniOf(t, 'app');
    const env = envOf(t, true, { nat: new Map([['nat-a', { originalSrc: app.privateIp, originalSrcPort: 49152 }]]) });
    const s = natGatewayEni(env, { kind: 'natGatewayEni', eni, packet: packetOf('198.51.100.7', formatIp(nat.privateIp), 443), carry: NO_CARRY });
    const at = nextAt(s);
    expect(at.kind).toBe('routeFromSubnet');
    expect(formatIp(at.packet.dst)).toBe(ip('app'));
    expect(at.packet.dstPort).toBe(49152);
  });
});
