// The peering handler alone ("VPC peering limitations"): an active connection carries only
// traffic for the peer VPC's own CIDR blocks, and the sender travels with it.
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import { peering } from '../../../src/engine/walk/peering.js';
import { envOf, eniOf, hopIdsOf, nextAt, NO_CARRY, packetOf, stopCodes } from './walk-env.js';

const t = loadTopologyFile('test/engine/fixtures/fabric.yaml').topology!;
const ip = (id: string) => formatIp(eniOf(t, id).privateIp);
const pcx = t.peeringConnections.get('pcx-ab')!;
const at = (dst: string) => ({ kind: 'peering' as const, pcx, fromVpc: 'vpc-a', fromSubnet: 'a-private', packet: packetOf(ip('app'), dst), sender: eniOf(t, 'app'), carry: NO_CARRY });

describe('peering', () => {
  it('carries traffic for the peer\'s CIDR to delivery in the peer VPC', () => {
    const s = peering(envOf(t), at(ip('b-host')));
    expect(hopIdsOf(s)).toEqual(['vpc-a/default-acl', 'pcx-ab']);
    const next = nextAt(s);
    expect(next.kind === 'deliverInVpc' && [next.vpc, next.fromSubnet, next.sender?.id]).toEqual(['vpc-b', undefined, 'app']);
  });

  it('carries no transit traffic (PCX_REQUIRES_ADDRESS_IN_VPC_CIDR)', () => {
    expect(stopCodes(peering(envOf(t), at(ip('c-host'))))).toEqual(['PCX_REQUIRES_ADDRESS_IN_VPC_CIDR']);
  });
});
