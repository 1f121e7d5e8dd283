// The walk loop: dispatch by position kind, the hop limit and routing-loop detection where a
// route table routes, connection tracking applied between handlers.
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import { engineContext } from '../../../src/engine/compile/engine-context.js';
import { HOP_LIMIT, newWalkRun, runWalk } from '../../../src/engine/walk/walk-loop.js';
import type { At } from '../../../src/engine/walk/position.js';
import { eniOf, NO_CARRY, packetOf } from './walk-env.js';

const t = loadTopologyFile('test/engine/fixtures/fabric.yaml').topology!;
const ctx = engineContext(t);
const app = eniOf(t, 'app');
const start = (dst: string): At => ({ kind: 'leaveEni', eni: app, packet: packetOf(formatIp(app.privateIp), dst), announce: true, carry: NO_CARRY });
const noFork = () => { throw new Error('no fork expected'); };

describe('runWalk', () => {
  it('walks positions to a delivery, remembering the NAT connection', () => {
    const run = newWalkRun(false);
    const end = runWalk(ctx, undefined, run, start('198.51.100.7'), noFork);
    expect(end.verdict).toBe('delivered');
    expect(run.hops.map((h) => h.component.id)).toContain('nat-a');
    expect([...run.tracking.nat.keys()]).toEqual(['nat-a']);
  });

  it('stops a walk past the hop limit where a route table routes (HOP_LIMIT)', () => {
    const run = newWalkRun(false);
    const filler = { component: { id: 'x', kind: 'vpc' as const }, action: 'forwarded' as const, detail: '', location: undefined, packet: { src: '', dst: '', protocol: 'tcp', srcPort: undefined, dstPort: undefined } };
    for (let i = 0; i <= HOP_LIMIT; i++) run.hops.push(filler);
    const at: At = { kind: 'routeFromSubnet', subnet: 'a-private', origin: app, packet: packetOf(formatIp(app.privateIp), '198.51.100.7'), carry: NO_CARRY };
    const end = runWalk(ctx, undefined, run, at, noFork);
    expect(end.verdict === 'dropped' && end.explanations.map((e) => e.code)).toEqual(['HOP_LIMIT']);
    expect(run.hops.at(-1)).toMatchObject({ component: { id: 'rtb-a-private', kind: 'routeTable' }, action: 'dropped' });
  });

  it('stops a route table routing the same addresses twice (ROUTING_LOOP)', () => {
    const run = newWalkRun(false);
    const packet = packetOf(formatIp(app.privateIp), '198.51.100.7');
    run.visited.set('rtb-a-private', [packet]);
    const end = runWalk(ctx, undefined, run, { kind: 'routeFromSubnet', subnet: 'a-private', origin: app, packet, carry: NO_CARRY }, noFork);
    expect(end.verdict === 'dropped' && end.explanations.map((e) => e.code)).toEqual(['ROUTING_LOOP']);
  });
});
