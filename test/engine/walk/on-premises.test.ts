// On-premises networks as flow ends (scenarios/on-premises-vpn-endpoints.yaml): hosts by id, by
// address, an address of a network with no host; the router sends into a connection only what
// AWS advertises over it (the VPC's blocks) or what its own routes send; an interface endpoint
// is reachable from on-premises, a gateway endpoint is not ("Gateway endpoints": not usable
// from on-premises).
import { describe, expect, it } from 'vitest';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import { isQueryError, traceFlow } from '../../../src/engine/trace-flow.js';
import { onPremisesArrive } from '../../../src/engine/walk/on-premises.js';
import type { Trace } from '../../../src/engine/trace.js';
import { codes, hopIds, returnHopIds, trace } from '../../helpers/trace.js';
import { envOf, packetOf, stopCodes, NO_CARRY } from './walk-env.js';

const t = loadTopologyFile('scenarios/on-premises-vpn-endpoints.yaml').topology!;
const explanationOf = (tr: Trace, code: string) => tr.explanations.find((e) => e.code === code);

describe('on-premises ends', () => {
  it('a host by id reaches an interface endpoint over the VPN, through PrivateLink, and the reply comes back the same way', () => {
    const tr = trace(t, 'dc1-host', 'vpce-api', 443);
    expect(tr.reachable).toBe(true);
    expect(hopIds(tr).slice(0, 7)).toEqual(['dc1-host', 'dc1', 'vpn-dc1', 'vgw-shared', 'vpc-shared/default-acl', 'sg-vpce-api', 'vpce-api/shared-a']);
    expect(returnHopIds(tr).slice(-5)).toEqual(['rtb-shared', 'vpc-shared/default-acl', 'vgw-shared', 'vpn-dc1', 'dc1-host']);
    expect(tr.flow.srcIp).toBe('192.168.0.10');
  });

  it('a host by address, and an address of a network with no host, are sources', () => {
    const byIp = trace(t, '192.168.0.10', 'app', 22);
    expect(byIp.reachable).toBe(true);
    expect(hopIds(byIp)[0]).toBe('dc1-host');
    const bare = trace(t, '192.168.7.7', 'app', 22);
    expect(bare.reachable).toBe(true);
    expect(hopIds(bare)[0]).toBe('dc1');
    expect(returnHopIds(bare).at(-1)).toBe('dc1');
  });

  it('a host\'s DNS name answers on-premises clients', () => {
    const tr = trace(t, 'dc2-host', 'build.corp.example', 22);
    // dc2 routes only S3 and what vpn-dc2 advertises (10.0.0.0/16): no route to dc1.
    expect(codes(tr)).toEqual(['NO_ROUTE_TO_DESTINATION']);
    expect(tr.flow.dstIp).toBe('192.168.0.10');
  });

  it('a name no on-premises host has is refused as before, and an unknown source names the hosts in its suggestion', () => {
    const r = traceFlow(t, { from: 'dc1-hots', to: 'app', protocol: 'tcp', port: 22 });
    expect(isQueryError(r) && r.message).toContain('dc1-host');
  });

  it('the security group judges the on-premises address (a CIDR rule of 192.168.0.0/16)', () => {
    const tr = trace(t, 'dc2-host', 'app', 22);
    expect(codes(tr)).toEqual(['ENI_SG_RULES_MISMATCH']);
    expect(hopIds(tr)).toEqual(['dc2-host', 'dc2', 'vpn-dc2', 'vgw-shared', 'vpc-shared/default-acl', 'sg-app']);
  });
});

describe('gateway endpoints are not usable from on-premises', () => {
  it('nothing advertises S3 over the VPN: no route at the network, and the gateway endpoint is named (VPCE_INTRA_VPC_TRAFFIC)', () => {
    const tr = trace(t, 'dc1-host', '52.216.237.77', 443);
    expect(codes(tr)).toEqual(['NO_ROUTE_TO_DESTINATION', 'VPCE_INTRA_VPC_TRAFFIC']);
    expect(hopIds(tr)).toEqual(['dc1-host', 'dc1']);
    expect(explanationOf(tr, 'VPCE_INTRA_VPC_TRAFFIC')?.component).toEqual({ id: 'vpce-s3', kind: 'endpoint' });
  });

  it('S3 routed into the tunnel by the network itself stops at the gateway, which delivers only into its VPC', () => {
    const tr = trace(t, 'dc2-host', '52.216.237.77', 443);
    expect(codes(tr)).toEqual(['VPCE_INTRA_VPC_TRAFFIC']);
    expect(hopIds(tr)).toEqual(['dc2-host', 'dc2', 'vpn-dc2', 'vgw-shared']);
    const step = tr.hops.at(-1)!.steps![0]!;
    expect(step.type === 'virtualPrivateGateway' && [step.verdict, step.endpoint, step.via]).toEqual(['gatewayEndpoint', 'vpce-s3', 'vpn-dc2']);
  });

  it('the instance in the VPC uses the same gateway endpoint (the witness that it works from inside)', () => {
    const tr = trace(t, 'app', '52.216.237.77', 443);
    expect(tr.reachable).toBe(true);
    expect(hopIds(tr)).toContain('vpce-s3');
  });
});

describe('arriving on-premises', () => {
  it('a connection whose networks do not hold the address: UNKNOWN_DESTINATION (handler alone)', () => {
    const s = onPremisesArrive(envOf(t), { kind: 'onPremisesArrive', connection: 'vpn-dc1', packet: packetOf('10.0.1.5', '172.16.0.10'), carry: NO_CARRY });
    expect(stopCodes(s)).toEqual(['UNKNOWN_DESTINATION']);
  });

  it('a flow to a VPC interface by id never ends at an on-premises address equal to it', () => {
    // No overlap in the scenario: the query for app ends at app.
    const tr = trace(t, 'dc1-host', 'app', 22);
    expect(hopIds(tr).at(-1)).toBe('app');
  });
});
