// Where the reply starts, by where the forward walk delivered: an interface (announcing
// itself), through the NLB that kept the client's address, or from the internet.
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import { replyStart } from '../../../src/engine/walk/reply-start.js';
import type { LbConnection } from '../../../src/engine/walk/position.js';
import { envOf, eniOf, hopIdsOf, nextAt, NO_CARRY, packetOf } from './walk-env.js';

const t = loadTopologyFile('test/engine/fixtures/nlb-direct.yaml').topology!;
const web = eniOf(t, 'web-1');
const node = eniOf(t, t.loadBalancers.get('nlb-pub')!.nodes[0]!);
const reply = packetOf(formatIp(web.privateIp), '198.51.100.20', 49152);

describe('replyStart', () => {
  it('leaves the interface that received, announcing it', () => {
    const at = nextAt(replyStart(envOf(t, true), { kind: 'replyStart', delivery: { kind: 'eni', eni: web, packet: reply }, packet: reply, carry: NO_CARRY }));
    expect(at.kind === 'leaveEni' && [at.eni.id, at.announce]).toEqual(['web-1', true]);
  });

  it('goes back through the NLB node when the target saw the client\'s own address', () => {
    const original = packetOf('198.51.100.20', formatIp(node.privateIp));
    const conn: LbConnection = { lb: 'nlb-pub', node, original, forwarded: { ...original, dst: web.privateIp }, endpointEni: undefined };
    const at = nextAt(replyStart(envOf(t, true), { kind: 'replyStart', delivery: { kind: 'eni', eni: web, packet: reply, lb: conn }, packet: reply, carry: NO_CARRY }));
    expect(at.kind === 'nlbTargetReply' && [at.target.id, at.conn.node.id]).toEqual(['web-1', node.id]);
  });

  it('crosses the internet back from a host', () => {
    const host = t.internetHosts.get('user');
    const back = packetOf('198.51.100.20', '203.0.113.1', 49152);
    const s = replyStart(envOf(t, true), { kind: 'replyStart', delivery: { kind: 'internet', packet: back, host }, packet: back, carry: NO_CARRY });
    expect(hopIdsOf(s)).toEqual(['user']);
    expect(nextAt(s).kind).toBe('fromInternet');
  });
});
