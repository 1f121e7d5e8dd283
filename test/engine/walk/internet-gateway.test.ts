// The internet gateway handler alone: 1:1 NAT to the interface's public IP on the way out.
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import { internetGateway } from '../../../src/engine/walk/internet-gateway.js';
import { envOf, eniOf, nextAt, NO_CARRY, packetOf, stopCodes } from './walk-env.js';

const t = loadTopologyFile('test/engine/fixtures/fabric.yaml').topology!;
const ip = (id: string) => formatIp(eniOf(t, id).privateIp);
const igw = t.internetGateways.get('igw-a')!;
const at = (id: string) => ({ kind: 'internetGateway' as const, igw, fromSubnet: 'a-public', packet: packetOf(ip(id), '198.51.100.7'), carry: NO_CARRY });

describe('internetGateway', () => {
  it('translates the source to the public IP and goes to the internet', () => {
    const s = internetGateway(envOf(t), at('web'));
    expect(s.hops.at(-1)).toMatchObject({ component: { id: 'igw-a', kind: 'internetGateway' }, action: 'translated' });
    const next = nextAt(s);
    expect(next.kind).toBe('toInternet');
    expect(formatIp(next.packet.src)).toBe(formatIp(eniOf(t, 'web').publicIp!));
  });

  it('cannot translate an address without a public IP (IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS)', () => {
    expect(stopCodes(internetGateway(envOf(t), at('web-private-only')))).toEqual(['IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS']);
  });
});
