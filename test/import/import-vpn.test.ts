// Site-to-site VPN imported from test/fixtures/aws/batfish-test-public-private-subnet (the
// VPC_Scenario3 wizard with static routing: a private subnet whose main table sends 0.0.0.0/0
// to the virtual private gateway, a static VPN to 19.168.0.0/16), and the flows Batfish's own
// end-to-end test asserts for this snapshot, restated: batfish/batfish
// projects/batfish/src/test/java/org/batfish/representation/aws/AwsConfigurationPublicPrivateSubnetTest.java.
// Where Batfish's flow names no protocol or port (its default flow), a TCP port the security
// groups do not allow stands for it; Batfish traces the forward path only, vpcsim the reply too.
import { describe, expect, it } from 'vitest';
import { loadInput } from '../../src/import/load-input.js';
import type { Topology } from '../../src/model/topology.js';
import { codes, hopIds, trace } from '../helpers/trace.js';

const DIR = 'test/fixtures/aws/batfish-test-public-private-subnet';
const privateInstance = 'i-099cf38911942421c';
const publicInstance = 'i-094a9e5b545a4fde4';
const vgw = 'vgw-070087240d6fa2989';
const vpn = 'vpn-05044757278685fd3';
const network = 'cgw-0e0d620a3ae284684-network';

function load(): Topology {
  const r = loadInput(DIR);
  if (!('topology' in r) || !r.topology) throw new Error('the snapshot did not load');
  return r.topology;
}
const t = load();

describe('batfish-test-public-private-subnet: the VPN imported', () => {
  it('the main table propagates from the gateway; the static VPN\'s route is a propagated route to it', () => {
    const table = t.routeTables.get('rtb-002f0eabf583bf991')!;
    expect(table.propagatingVgws).toEqual([vgw]);
    const propagated = table.routes.filter((r) => r.origin === 'propagated');
    expect(propagated.map((r) => [r.target.kind === 'resource' ? r.target.id : '', r.propagation?.from, r.propagation?.connections])).toEqual([[vgw, 'vpnStatic', [vpn]]]);
  });
});

describe('AwsConfigurationPublicPrivateSubnetTest, restated', () => {
  it('testFromPrivateToPublicSubnet: to the public IP, the private instance\'s packet ends at the gateway, which has no route for it', () => {
    const tr = trace(t, privateInstance, '13.58.55.60', 443);
    expect(codes(tr)).toEqual(['NO_ROUTE_TO_DESTINATION']);
    expect(hopIds(tr).at(-1)).toBe(vgw);
  });

  it('testToInternet: the private instance\'s internet traffic goes to the gateway, no route there', () => {
    const tr = trace(t, privateInstance, '8.8.8.8', 443);
    expect(codes(tr)).toEqual(['NO_ROUTE_TO_DESTINATION']);
    expect(hopIds(tr).at(-1)).toBe(vgw);
  });

  it('testToSite: the private instance reaches the site over the gateway (one path; Batfish traces one per tunnel), the public one sends it to the internet', () => {
    const priv = trace(t, privateInstance, '19.168.0.0', 443);
    expect(priv.reachable).toBe(true);
    expect(hopIds(priv).slice(-3)).toEqual([vgw, vpn, network]);
    const vpnStep = priv.hops.find((h) => h.component.id === vpn)!.steps![0]!;
    expect(vpnStep.type === 'vpnConnection' && vpnStep.tunnels).toBe(2);
    const pub = trace(t, publicInstance, '19.168.0.0', 443);
    expect(hopIds(pub)).toContain('igw-0eac198308206c358');
    expect(hopIds(pub).at(-1)).toBe('internet');
  });

  it('testFromVgw: from the site, the private instance is reached and its groups decide; the public IP space is not routed', () => {
    const ssh = trace(t, '19.168.0.10', '10.0.1.204', 22);
    expect(ssh.reachable).toBe(true);
    expect(hopIds(ssh).slice(2, 4)).toEqual([vpn, vgw]);
    const denied = trace(t, '19.168.0.10', '10.0.1.204', 8080);
    expect(codes(denied)).toEqual(['ENI_SG_RULES_MISMATCH']);
    expect(codes(trace(t, '19.168.0.10', '13.58.55.60', 22))).toEqual(['NO_ROUTE_TO_DESTINATION']);
    // To the public subnet's instance the packet arrives (Batfish stops there), but the reply
    // takes the public table's 0.0.0.0/0 to the internet gateway: an asymmetric path.
    const pub = trace(t, '19.168.0.10', '10.0.0.47', 22);
    expect(pub.hops.at(-1)?.component.id).toBe(publicInstance);
    expect(codes(pub)).toContain('NO_PATH');
  });
});
