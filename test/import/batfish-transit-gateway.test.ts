// The batfish transit gateway snapshots give, flow by flow, the outcomes batfish's own
// end-to-end tests assert for them (projects/batfish/src/test/java/org/batfish/representation/
// aws/AwsConfigurationTransitGateway*Test.java). Each test restates one batfish test: the
// disposition, and the node path batfish asserts (instance, subnet, VPC, transit gateways, VPC,
// subnet, instance), read off vpcsim's typed steps. Batfish's getAnyFlow is a flow of no
// particular protocol: here `all`, which TCP-only and ICMP-only security group rules refuse
// at the destination (batfish: DENIED_IN). Batfish traces the forward path only; ACCEPTED is
// restated as reachable, which in vpcsim also needs the reply to come back.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FlowProtocol } from '../../src/engine/query.js';
import type { Trace } from '../../src/engine/trace.js';
import type { Topology } from '../../src/model/topology.js';
import { codes, stoppingHop, traceAll } from '../helpers/trace.js';
import { AWS_FIXTURES, imported, warningKeys } from './helpers.js';

const cache = new Map<string, ReturnType<typeof imported>>();
function snapshot(name: string): ReturnType<typeof imported> {
  let s = cache.get(name);
  if (!s) cache.set(name, (s = imported(join(AWS_FIXTURES, name))));
  return s;
}

/** The nodes batfish would list for a trace: instance, subnet, VPC, each transit gateway, VPC, subnet, instance. */
function nodePath(t: Topology, tr: Trace): string[] {
  const out: string[] = [];
  const push = (x: string | undefined): void => {
    if (x !== undefined && out[out.length - 1] !== x) out.push(x);
  };
  let routed = false;
  for (const h of tr.hops) {
    for (const s of h.steps ?? []) {
      switch (s.type) {
        case 'send': push(s.sender); break;
        case 'route':
          if (routed) break;
          routed = true;
          push(s.subnet);
          if (s.action === 'matched') push(t.subnets.get(s.subnet)?.vpc);
          break;
        case 'transitGatewayRoute': push(s.transitGateway); break;
        case 'transitGatewayAttachment':
          if (s.direction === 'in') push(s.transitGateway);
          if (s.verdict === 'exited') push(s.vpc);
          break;
        case 'securityGroup':
          if (s.direction === 'ingress') {
            const eni = t.enis.get(s.interface);
            push(eni?.subnet);
            push(eni?.owner.id);
          }
          break;
        case 'delivered': push(s.receiver); break;
        default: break;
      }
    }
  }
  return out;
}

function flow(name: string, from: string, to: string, protocol: FlowProtocol = 'all', port?: number): { t: Topology; tr: Trace } {
  const { topology } = snapshot(name);
  const r = traceAll(topology, from, to, port, protocol);
  expect(r.traces).toHaveLength(1);
  return { t: topology, tr: r.traces[0]! };
}

/** Batfish DENIED_IN: the flow reaches the destination instance, whose security groups refuse it. */
function expectDeniedIn(name: string, from: string, to: string, path: readonly string[]): void {
  const { t, tr } = flow(name, from, to);
  expect(tr.reachable).toBe(false);
  expect(codes(tr)).toEqual(['ENI_SG_RULES_MISMATCH']);
  expect(stoppingHop(tr)?.component.kind).toBe('securityGroup');
  expect(nodePath(t, tr)).toEqual(path);
}

/** Batfish NO_ROUTE at a transit gateway: its table has no route for the destination. */
function expectNoRouteAtTgw(name: string, from: string, to: string, path: readonly string[]): void {
  const { t, tr } = flow(name, from, to);
  expect(tr.reachable).toBe(false);
  expect(codes(tr)).toEqual(['TGW_RTB_CANNOT_ROUTE']);
  expect(nodePath(t, tr)).toEqual(path);
}

describe('the batfish transit gateway snapshots import with every transit gateway modelled', () => {
  for (const name of ['batfish-test-transit-gateway', 'batfish-test-transit-gateway-multi-table', 'batfish-test-transit-gateway-asymmetric-paths',
    'batfish-test-transit-gateway-peering', 'batfish-test-transit-gateway-multi-account']) {
    it(name, () => {
      const { result, topology } = snapshot(name);
      expect(warningKeys(result).filter((w) => /^(UNMODELLED_RESOURCE|ROUTE_TO_UNMODELLED|ROUTE_AS_BLACKHOLE) /.test(w))).toEqual([]);
      expect(topology.transitGateways.size).toBeGreaterThan(0);
      expect([...topology.unmodelledTargets.values()].filter((u) => u.targetKind === 'transitGateway')).toEqual([]);
    });
  }
});

describe('AwsConfigurationTransitGatewayTest (test-transit-gateway)', () => {
  const S = 'batfish-test-transit-gateway';
  it('testFromAtoB: DENIED_IN at B, through the gateway', () => {
    expectDeniedIn(S, 'i-06ba034d88c84ef07', '192.168.1.106',
      ['i-06ba034d88c84ef07', 'subnet-006a19c846f047bd7', 'vpc-0404e08ceddf7f650', 'tgw-044be4464fcc69aff', 'vpc-00a31ce9d0c06675c', 'subnet-0ebf6378a79a3e534', 'i-0b14080af811fda3d']);
  });
  it('testFromBtoA: DENIED_IN at A, through the gateway', () => {
    expectDeniedIn(S, 'i-0b14080af811fda3d', '10.10.10.157',
      ['i-0b14080af811fda3d', 'subnet-0ebf6378a79a3e534', 'vpc-00a31ce9d0c06675c', 'tgw-044be4464fcc69aff', 'vpc-0404e08ceddf7f650', 'subnet-006a19c846f047bd7', 'i-06ba034d88c84ef07']);
  });
  it('testFromA2toB: NULL_ROUTED at A2\'s subnet: the AZ rule (no attachment subnet in A2\'s zone)', () => {
    // A2's route table does send B's block to the gateway, but A2 is in us-east-2a, where the
    // attachment has no subnet: batfish leaves that subnet no way to the gateway (NULL_ROUTED at
    // the subnet), vpcsim names the rule (TGW_ROUTE_AZ_RESTRICTION) at the attachment.
    const { t, tr } = flow(S, 'i-075e846ed41670385', '192.168.1.106');
    expect(tr.reachable).toBe(false);
    expect(codes(tr)).toEqual(['TGW_ROUTE_AZ_RESTRICTION']);
    expect(nodePath(t, tr).slice(0, 2)).toEqual(['i-075e846ed41670385', 'subnet-0b5b8ddd5a69fcfcd']);
    expect(stoppingHop(tr)?.component).toEqual({ id: 'tgw-attach-07f5ec59e9f540021', kind: 'transitGatewayAttachment' });
  });
  it('testFromBtoA2: DENIED_IN at A2 (A2\'s table only matters for what it sends)', () => {
    expectDeniedIn(S, 'i-0b14080af811fda3d', '10.10.20.154',
      ['i-0b14080af811fda3d', 'subnet-0ebf6378a79a3e534', 'vpc-00a31ce9d0c06675c', 'tgw-044be4464fcc69aff', 'vpc-0404e08ceddf7f650', 'subnet-0b5b8ddd5a69fcfcd', 'i-075e846ed41670385']);
  });
});

describe('AwsConfigurationTransitGatewayMultiTableTest (test-transit-gateway-multi-table)', () => {
  const S = 'batfish-test-transit-gateway-multi-table';
  it('testFromAtoB: DENIED_IN at B (A\'s table learns B by propagation)', () => {
    expectDeniedIn(S, 'i-06ba034d88c84ef07', '192.168.1.106',
      ['i-06ba034d88c84ef07', 'subnet-006a19c846f047bd7', 'vpc-0404e08ceddf7f650', 'tgw-044be4464fcc69aff', 'vpc-00a31ce9d0c06675c', 'subnet-0ebf6378a79a3e534', 'i-0b14080af811fda3d']);
  });
  it('testFromBtoA: DENIED_IN at A', () => {
    expectDeniedIn(S, 'i-0b14080af811fda3d', '10.10.10.157',
      ['i-0b14080af811fda3d', 'subnet-0ebf6378a79a3e534', 'vpc-00a31ce9d0c06675c', 'tgw-044be4464fcc69aff', 'vpc-0404e08ceddf7f650', 'subnet-006a19c846f047bd7', 'i-06ba034d88c84ef07']);
  });
});

describe('AwsConfigurationTransitGatewayAsymmetricPathsTest (test-transit-gateway-asymmetric-paths)', () => {
  const S = 'batfish-test-transit-gateway-asymmetric-paths';
  it('testBatToFish: DENIED_IN at fish, through tgw-bat', () => {
    expectDeniedIn(S, 'i-04bbbcaefdd1937f9', '10.2.1.100',
      ['i-04bbbcaefdd1937f9', 'subnet-0156c57e17070dd17', 'vpc-0c7ecdaddf451b56d', 'tgw-01e19888e3ba041ac', 'vpc-0de868624d5f787db', 'subnet-0b7957a706be58c47', 'i-0973ce90749865a7f']);
  });
  it('testFishToBat: DENIED_IN at bat, through tgw-fish', () => {
    expectDeniedIn(S, 'i-0973ce90749865a7f', '10.1.1.100',
      ['i-0973ce90749865a7f', 'subnet-0b7957a706be58c47', 'vpc-0de868624d5f787db', 'tgw-0a33c739a4f8978a8', 'vpc-0c7ecdaddf451b56d', 'subnet-0156c57e17070dd17', 'i-04bbbcaefdd1937f9']);
  });
});

describe('AwsConfigurationTransitGatewayPeeringTest (test-transit-gateway-peering)', () => {
  const S = 'batfish-test-transit-gateway-peering';
  it('testBatToFish: NO_ROUTE at tgw-bat (its default table has no static route to fish)', () => {
    expectNoRouteAtTgw(S, 'i-08f3abb6471637c66', '192.168.1.100', ['i-08f3abb6471637c66', 'subnet-06818d8a511df9b3d', 'vpc-065ea457071dd67bb', 'tgw-0e20010ebf43d07a2']);
  });
  it('testBat2ToFish: DENIED_IN at fish, across the peering (static route in table bat2)', () => {
    expectDeniedIn(S, 'i-05e25e43074216229', '192.168.1.100',
      ['i-05e25e43074216229', 'subnet-0934a46c6eb5542d9', 'vpc-03ccec9d7758a283a', 'tgw-0e20010ebf43d07a2', 'tgw-03201f1960ddb0c25', 'vpc-0ecbcbd110fd839d1', 'subnet-0080bd39fe3626e89', 'i-0afb0a59f6bf36397']);
  });
  it('testFishToBat: NO_ROUTE at tgw-fish (its static route covers bat2 only)', () => {
    expectNoRouteAtTgw(S, 'i-0afb0a59f6bf36397', '10.10.1.100', ['i-0afb0a59f6bf36397', 'subnet-0080bd39fe3626e89', 'vpc-0ecbcbd110fd839d1', 'tgw-03201f1960ddb0c25']);
  });
  it('testFishToBat2: NO_ROUTE at tgw-bat after the peering (bat2 does not propagate to the table the peering is associated with)', () => {
    expectNoRouteAtTgw(S, 'i-0afb0a59f6bf36397', '10.20.1.100', ['i-0afb0a59f6bf36397', 'subnet-0080bd39fe3626e89', 'vpc-0ecbcbd110fd839d1', 'tgw-03201f1960ddb0c25', 'tgw-0e20010ebf43d07a2']);
  });
});

describe('AwsConfigurationTransitGatewayMultiAccountTest (test-transit-gateway-multi-account)', () => {
  const S = 'batfish-test-transit-gateway-multi-account';
  it('is one transit gateway shared by both accounts', () => {
    expect([...snapshot(S).topology.transitGateways.keys()]).toEqual(['tgw-0efdeab79e9a8e490']);
  });
  it('testFromAtoB: ACCEPTED, TCP 22 through the shared gateway', () => {
    const { t, tr } = flow(S, 'i-0bdf35d561be3d962', '10.2.1.183', 'tcp', 22);
    expect(tr.reachable, JSON.stringify(codes(tr))).toBe(true);
    expect(nodePath(t, tr)).toEqual(['i-0bdf35d561be3d962', 'subnet-0a68915f31d3ca69f', 'vpc-04048d4bfba9c2289', 'tgw-0efdeab79e9a8e490', 'vpc-08287a9084472b276', 'subnet-0c2cb08833b3c9921', 'i-03df168b3f73cc262']);
  });
  it('testFromBtoA: ACCEPTED, TCP 22 back the other way', () => {
    const { t, tr } = flow(S, 'i-03df168b3f73cc262', '10.1.1.100', 'tcp', 22);
    expect(tr.reachable, JSON.stringify(codes(tr))).toBe(true);
    expect(nodePath(t, tr)).toEqual(['i-03df168b3f73cc262', 'subnet-0c2cb08833b3c9921', 'vpc-08287a9084472b276', 'tgw-0efdeab79e9a8e490', 'vpc-04048d4bfba9c2289', 'subnet-0a68915f31d3ca69f', 'i-0bdf35d561be3d962']);
  });
});
