// Arriving at an interface, by its owner: an instance receives (after its security groups)
// and the delivery keeps the load balancer connection the flow came through; other owners
// go to their own handlers.
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import { arriveAtEni } from '../../../src/engine/walk/arrive-at-eni.js';
import type { LbConnection } from '../../../src/engine/walk/position.js';
import { envOf, eniOf, hopIdsOf, nextAt, NO_CARRY, packetOf, stopCodes } from './walk-env.js';

const t = loadTopologyFile('test/engine/fixtures/nlb-direct.yaml').topology!;
const web = eniOf(t, 'web-1');
const node = eniOf(t, t.loadBalancers.get('nlb-pub')!.nodes[0]!);

describe('arriveAtEni', () => {
  it('delivers to an instance its security groups let in, with the connection it came through', () => {
    const packet = packetOf('198.51.100.20', formatIp(web.privateIp));
    const conn: LbConnection = { lb: 'nlb-pub', node, original: packet, forwarded: packet, endpointEni: undefined };
    const s = arriveAtEni(envOf(t), { kind: 'arriveAtEni', eni: web, packet, sender: node, carry: { ...NO_CARRY, lb: conn } });
    expect(hopIdsOf(s)).toEqual(['sg-web', 'web-1']);
    expect(s.next.kind === 'stop' && s.next.verdict === 'delivered' && s.next.delivery).toMatchObject({ kind: 'eni', eni: { id: 'web-1' }, lb: { lb: 'nlb-pub' } });
  });

  it('stops at the instance\'s security groups (ENI_SG_RULES_MISMATCH)', () => {
    const s = arriveAtEni(envOf(t), { kind: 'arriveAtEni', eni: web, packet: packetOf('198.51.100.20', formatIp(web.privateIp), 22), sender: undefined, carry: NO_CARRY });
    expect(stopCodes(s)).toEqual(['ENI_SG_RULES_MISMATCH']);
  });

  it('delivers to a standalone network interface as a networkInterface hop, not an instance', () => {
    const e = loadTopologyFile('scenarios/every-interface-a-place.yaml').topology!;
    const db = eniOf(e, 'eni-db');
    const worker = eniOf(e, 'eni-worker');
    const s = arriveAtEni(envOf(e), { kind: 'arriveAtEni', eni: db, packet: packetOf(formatIp(worker.privateIp), formatIp(db.privateIp), 5432), sender: worker, carry: NO_CARRY });
    expect(hopIdsOf(s)).toEqual(['sg-db', 'eni-db']);
    expect(s.hops.map((h) => h.component.kind)).toEqual(['securityGroup', 'networkInterface']);
    // An instance's secondary interface stays an instance's.
    const admin = eniOf(e, 'eni-web-admin');
    expect(admin.owner).toEqual({ kind: 'instance', id: 'i-web' });
    expect(db.owner).toEqual({ kind: 'networkInterface', id: 'eni-db' });
  });

  it('sends a load balancer node\'s interface to the node handler', () => {
    const at = nextAt(arriveAtEni(envOf(t), { kind: 'arriveAtEni', eni: node, packet: packetOf('198.51.100.20', formatIp(node.privateIp)), sender: undefined, carry: NO_CARRY }));
    expect(at.kind === 'loadBalancerNode' && at.node.id).toBe(node.id);
  });
});
