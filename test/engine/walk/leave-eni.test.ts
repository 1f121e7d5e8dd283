// Leaving an interface alone: the first hop announces the sender only where the walk starts;
// egress security groups judge the packet; the subnet's route table comes next.
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import { leaveEni } from '../../../src/engine/walk/leave-eni.js';
import { envOf, eniOf, hopIdsOf, nextAt, NO_CARRY, packetOf, stopCodes } from './walk-env.js';

const t = loadTopologyFile('test/engine/fixtures/fabric.yaml').topology!;
const ip = (id: string) => formatIp(eniOf(t, id).privateIp);
const at = (id: string, announce: boolean) => ({ kind: 'leaveEni' as const, eni: eniOf(t, id), packet: packetOf(ip(id), ip('app2')), announce, carry: NO_CARRY });

describe('leaveEni', () => {
  it('announces the sender where the walk starts, then the route step of its subnet', () => {
    const s = leaveEni(envOf(t), at('app', true));
    expect(hopIdsOf(s)).toEqual(['app', 'sg-app']);
    expect(s.hops.map((h) => h.action)).toEqual(['forwarded', 'allowed']);
    const next = nextAt(s);
    expect(next.kind === 'routeFromSubnet' && [next.subnet, next.origin?.id]).toEqual(['a-private', 'app']);
  });

  it('does not announce a sender in the middle of a walk', () => {
    expect(hopIdsOf(leaveEni(envOf(t), at('app', false)))).toEqual(['sg-app']);
  });

  it('stops at egress rules that allow nothing (ENI_SG_RULES_MISMATCH)', () => {
    const s = leaveEni(envOf(t), at('mute', false));
    expect(stopCodes(s)).toEqual(['ENI_SG_RULES_MISMATCH']);
    expect(s.hops.map((h) => h.action)).toEqual(['denied']);
  });

  it('lets a reply out by connection tracking', () => {
    const s = leaveEni(envOf(t, true), at('mute', false));
    expect(s.hops.map((h) => [h.component.id, h.action])).toEqual([['sg-none', 'allowed']]);
    expect(formatIp(nextAt(s).packet.src)).toBe(ip('mute'));
  });
});
