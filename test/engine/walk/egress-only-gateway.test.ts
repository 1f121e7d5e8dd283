// The egress-only internet gateway handlers alone ("Egress-only internet gateways"): IPv6 out
// with the connection tracked, its replies back in, nothing started from the internet.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import { egressOnlyGateway, egressOnlyInbound } from '../../../src/engine/walk/egress-only-gateway.js';
import { topologyOf } from '../../helpers/load.js';
import { envOf, nextAt, NO_CARRY, packetOf, stopCodes } from './walk-env.js';

const t = loadTopologyFile('scenarios/ipv6-egress.yaml').topology!;
const gateway = t.egressOnlyInternetGateways.get('eigw-private6')!;
const out = packetOf('2600:1f18:aa00:1::10', '2001:db8::1');
const back = packetOf('2001:db8::1', '2600:1f18:aa00:1::10', 49152);

describe('egressOnlyGateway', () => {
  it('carries IPv6 out unchanged and tracks the connection', () => {
    const s = egressOnlyGateway(envOf(t), { kind: 'egressOnlyGateway', gateway, fromSubnet: 'app-a', packet: out, carry: NO_CARRY });
    expect(nextAt(s).kind).toBe('toInternet');
    expect(s.remember.map((m) => [m.table, m.key])).toEqual([['nat', 'eigw-private6']]);
  });

  it('carries no IPv4 (PROTOCOL_RESTRICTION)', () => {
    // The subnet on the default ACL, so that the gateway, not the ACL, decides.
    const open = topologyOf(readFileSync('scenarios/ipv6-egress.yaml', 'utf8').replace(', networkAcl: acl-app }', ' }'));
    const s = egressOnlyGateway(envOf(open), { kind: 'egressOnlyGateway', gateway, fromSubnet: 'app-a', packet: packetOf('10.0.1.10', '198.51.100.1'), carry: NO_CARRY });
    expect(stopCodes(s)).toEqual(['PROTOCOL_RESTRICTION']);
  });
});

describe('egressOnlyInbound', () => {
  it('lets the reply of a tracked connection in', () => {
    const env = envOf(t, true, { nat: new Map([['eigw-private6', { originalSrc: out.src, originalSrcPort: 49152 }]]) });
    const next = nextAt(egressOnlyInbound(env, { kind: 'egressOnlyInbound', gateway, vpc: 'vpc-private6', packet: back, carry: NO_CARRY }));
    expect(next.kind === 'deliverInVpc' && next.vpc).toBe('vpc-private6');
  });

  it('drops a connection started from the internet (NO_INBOUND_THROUGH_EGRESS_ONLY_IGW)', () => {
    expect(stopCodes(egressOnlyInbound(envOf(t), { kind: 'egressOnlyInbound', gateway, vpc: 'vpc-private6', packet: back, carry: NO_CARRY }))).toEqual(['NO_INBOUND_THROUGH_EGRESS_ONLY_IGW']);
  });
});
