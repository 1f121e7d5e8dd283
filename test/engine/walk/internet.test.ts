// The internet handlers alone: the internet delivers to hosts in the file and to public
// addresses beyond it; from the internet, a public IP needs its VPC's internet gateway.
import { describe, expect, it } from 'vitest';
import { loadTopologyFile } from '../../../src/model/load-topology.js';
import { fromInternet, toInternet } from '../../../src/engine/walk/internet.js';
import { topologyOf } from '../../helpers/load.js';
import { envOf, hopIdsOf, nextAt, NO_CARRY, packetOf, stopCodes } from './walk-env.js';

const t = loadTopologyFile('test/engine/fixtures/fabric.yaml').topology!;

// A public IP on an instance whose VPC has no internet gateway ("Enable internet access for a
// VPC using an internet gateway": without one nothing from the internet reaches the VPC).
const noGateway = topologyOf(`
version: 1
name: no internet gateway
region: us-east-1
vpcs:
  vpc-x:
    cidr: 10.9.0.0/16
    subnets:
      x-1: { az: use1-az1, cidr: 10.9.0.0/24 }
    instances:
      lonely: { subnet: x-1, publicIp: 203.0.113.99 }
`);

describe('toInternet', () => {
  it('delivers to an internet host of the file', () => {
    const s = toInternet(envOf(t), { kind: 'toInternet', packet: packetOf('203.0.113.10', '198.51.100.7'), carry: NO_CARRY });
    expect(s.next.kind === 'stop' && s.next.verdict === 'delivered' && s.next.delivery.kind).toBe('internet');
    expect(hopIdsOf(s)).toEqual(['example']);
  });

  it('turns back toward a public IP of the file', () => {
    expect(nextAt(toInternet(envOf(t), { kind: 'toInternet', packet: packetOf('198.51.100.7', '203.0.113.10'), carry: NO_CARRY })).kind).toBe('fromInternet');
  });
});

describe('fromInternet', () => {
  it('translates a public IP to the private address and delivers in the VPC', () => {
    const s = fromInternet(envOf(t), { kind: 'fromInternet', packet: packetOf('198.51.100.7', '203.0.113.10'), carry: NO_CARRY });
    expect(hopIdsOf(s)).toEqual(['igw-a']);
    const next = nextAt(s);
    expect(next.kind === 'deliverInVpc' && next.vpc).toBe('vpc-a');
  });

  it('drops a private address (NOT_ADDRESSABLE_FROM_INTERNET)', () => {
    expect(stopCodes(fromInternet(envOf(t), { kind: 'fromInternet', packet: packetOf('198.51.100.7', '10.0.1.5'), carry: NO_CARRY }))).toEqual(['NOT_ADDRESSABLE_FROM_INTERNET']);
  });

  it('drops a public IP whose VPC has no internet gateway (IGW_NOT_ATTACHED)', () => {
    const s = fromInternet(envOf(noGateway), { kind: 'fromInternet', packet: packetOf('198.51.100.7', '203.0.113.99'), carry: NO_CARRY });
    expect(stopCodes(s)).toEqual(['IGW_NOT_ATTACHED']);
    expect(hopIdsOf(s)).toEqual(['internet']);
  });
});
