// The route step alone ("How route priority works", Amazon VPC guide): the longest match
// picks the target, and the next position is the target's.
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import { routeFromSubnet } from '../../../src/engine/walk/route-from-subnet.js';
import { envOf, eniOf, hopIdsOf, nextAt, NO_CARRY, packetOf, stopCodes } from './walk-env.js';

const t = loadTopologyFile('test/engine/fixtures/fabric.yaml').topology!;
const ip = (id: string) => formatIp(eniOf(t, id).privateIp);
const from = (origin: string, dst: string) => {
  const eni = eniOf(t, origin);
  return routeFromSubnet(envOf(t), { kind: 'routeFromSubnet', subnet: eni.subnet, origin: eni, packet: packetOf(formatIp(eni.privateIp), dst), carry: NO_CARRY });
};

describe('routeFromSubnet', () => {
  it('sends a local destination to delivery in the VPC, with the sender', () => {
    const s = from('app', ip('app2'));
    expect(hopIdsOf(s)).toEqual(['rtb-a-private']);
    const at = nextAt(s);
    expect(at.kind).toBe('deliverInVpc');
    if (at.kind !== 'deliverInVpc') return;
    expect(at).toMatchObject({ vpc: 'vpc-a', fromSubnet: 'a-private' });
    expect(at.sender?.id).toBe('app');
  });

  it('sends 0.0.0.0/0 to the NAT gateway it names', () => {
    const at = nextAt(from('app', '198.51.100.7'));
    expect(at.kind === 'natGateway' && at.nat.id).toBe('nat-a');
  });

  it('sends a peer\'s CIDR to the peering connection, from its VPC', () => {
    const at = nextAt(from('app', ip('b-host')));
    expect(at.kind === 'peering' && [at.pcx.id, at.fromVpc]).toEqual(['pcx-ab', 'vpc-a']);
  });

  it('drops at a blackhole route (CANNOT_ROUTE)', () => {
    expect(stopCodes(from('web', '192.0.2.5'))).toEqual(['CANNOT_ROUTE']);
  });

  it('drops what no route matches (NO_ROUTE_TO_DESTINATION)', () => {
    const s = from('default-sg-1', '8.8.8.8');
    expect(stopCodes(s)).toEqual(['NO_ROUTE_TO_DESTINATION']);
    expect(hopIdsOf(s)).toEqual(['rtb-main']);
  });
});
