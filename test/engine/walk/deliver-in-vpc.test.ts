// Delivery in a VPC alone: the interface holding the address, the ACLs between subnets, and
// an address that means another interface in another VPC.
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import { deliverInVpc } from '../../../src/engine/walk/deliver-in-vpc.js';
import { envOf, eniOf, hopIdsOf, nextAt, NO_CARRY, packetOf, stopCodes } from './walk-env.js';

const t = loadTopologyFile('test/engine/fixtures/fabric.yaml').topology!;
const ip = (id: string) => formatIp(eniOf(t, id).privateIp);
const at = (vpc: string, dst: string, fromSubnet: string | undefined, carry = NO_CARRY) =>
  ({ kind: 'deliverInVpc' as const, vpc, fromSubnet, packet: packetOf(ip('app'), dst), sender: eniOf(t, 'app'), carry });

describe('deliverInVpc', () => {
  it('crosses the ACLs of both subnets to the interface holding the address, keeping the sender', () => {
    const s = deliverInVpc(envOf(t), at('vpc-a', ip('app2'), 'a-private'));
    expect(hopIdsOf(s)).toEqual(['vpc-a/default-acl', 'vpc-a/default-acl']);
    const next = nextAt(s);
    expect(next.kind === 'arriveAtEni' && [next.eni.id, next.sender?.id]).toEqual(['app2', 'app']);
  });

  it('crosses no ACL inside one subnet', () => {
    expect(hopIdsOf(deliverInVpc(envOf(t), at('vpc-a', ip('bastion'), 'a-private')))).toEqual([]);
  });

  it('drops an address no interface holds (UNKNOWN_DESTINATION at the VPC)', () => {
    const s = deliverInVpc(envOf(t), at('vpc-a', '10.0.9.9', 'a-private'));
    expect(stopCodes(s)).toEqual(['UNKNOWN_DESTINATION']);
    expect(s.hops.map((h) => h.component)).toEqual([{ id: 'vpc-a', kind: 'vpc' }]);
  });

  it('does not deliver the named destination\'s address in another VPC', () => {
    const c = eniOf(t, 'c-host');
    const carry = { ...NO_CARRY, intended: { id: 'c-host', vpc: 'vpc-c', ip: c.privateIp } };
    expect(stopCodes(deliverInVpc(envOf(t), at('vpc-a', ip('c-host'), 'a-private', carry)))).toEqual(['UNKNOWN_DESTINATION']);
  });
});
