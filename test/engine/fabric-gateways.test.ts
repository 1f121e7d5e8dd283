// Gateways: internet gateway ("Enable internet access ... using an internet gateway"), NAT
// gateway ("NAT gateways"), gateway endpoints ("Gateway endpoints", AWS PrivateLink guide),
// VPC peering ("VPC peering limitations"), and the bounded walk.
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../src/net/ip.js';
import { loadTopologyFile } from '../../src/model/load-topology.js';
import { codes, expectBlocked, expectReachableVia, hopIds, returnHopIds, trace } from '../helpers/trace.js';

const t = loadTopologyFile('test/engine/fixtures/fabric.yaml').topology!;

describe('internet gateway', () => {
  it('translates a public instance to its public IP on the way out', () => {
    const tr = trace(t, 'web', 'example', 443);
    expectReachableVia(tr, ['web', 'rtb-a-public', 'igw-a', 'example']);
    expect(tr.hops.find((h) => h.component.id === 'igw-a')!.packet.src).toBe('203.0.113.10');
    expect(returnHopIds(tr)).toEqual(['example', 'igw-a', 'vpc-a/default-acl', 'sg-web', 'web']);
  });

  it('needs a public IP for egress', () => {
    expectBlocked(trace(t, 'web-private-only', 'example', 443), 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS', 'igw-a');
  });

  it('lets an internet host reach a public IP', () => {
    expectReachableVia(trace(t, 'example', 'web', 443), ['example', 'igw-a', 'sg-web', 'web']);
  });

  it('does not let the internet reach a private instance', () => {
    expectBlocked(trace(t, 'example', 'app', 443), 'NOT_ADDRESSABLE_FROM_INTERNET', 'internet');
  });

  it('treats a public address not in the file as the internet', () => {
    const tr = trace(t, 'web', '8.8.8.8', 443);
    expectReachableVia(tr, ['igw-a', 'internet']);
    expect(tr.hops.at(-1)!.steps).toEqual([{ type: 'delivered', action: 'delivered', receiver: 'internet', to: 'internet' }]);
  });
});

describe('NAT gateway', () => {
  it('translates the source and goes out through the public subnet and the IGW', () => {
    const tr = trace(t, 'app', 'example', 443);
    expectReachableVia(tr, ['app', 'rtb-a-private', 'nat-a', 'rtb-a-public', 'igw-a', 'example']);
    const nat = t.natGateways.get('nat-a')!;
    expect(tr.hops.at(-1)!.packet.src).toBe(formatIp(nat.publicIp!));
    expect(returnHopIds(tr)).toEqual(['example', 'igw-a', 'vpc-a/default-acl', 'nat-a', 'rtb-a-public', 'vpc-a/default-acl', 'vpc-a/default-acl', 'sg-app', 'app']);
  });

  it('accepts no inbound connection', () => {
    const nat = t.natGateways.get('nat-a')!;
    expectBlocked(trace(t, 'example', formatIp(nat.publicIp!), 443), 'NO_INBOUND_THROUGH_NAT', 'nat-a');
  });

  it('is not usable from a peered VPC', () => {
    expectBlocked(trace(t, 'b2-host', 'example', 443), 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', 'pcx-ab');
  });

  it('that routes back to itself is a loop, not a hang', () => {
    const tr = trace(t, 'g-host', 'example', 443);
    expect(codes(tr)).toEqual(['ROUTING_LOOP']);
  });
});

describe('gateway endpoint', () => {
  it('carries TCP to S3 from its own VPC, without NAT', () => {
    const tr = trace(t, 'app', '54.231.0.5', 443);
    expectReachableVia(tr, ['rtb-a-private', 'vpce-s3-a', 'com.amazonaws.us-east-1.s3']);
    expect(hopIds(tr)).not.toContain('nat-a');
    expect(tr.hops.at(-1)!.packet.src).toBe(tr.flow.srcIp);
  });

  it('carries TCP only', () => {
    expectBlocked(trace(t, 'app', '54.231.0.5', 53, 'udp'), 'VPCE_GATEWAY_PROTOCOL_RESTRICTION', 'vpce-s3-a');
  });

  it('is not usable from a peered VPC', () => {
    expectBlocked(trace(t, 'b2-host', '54.231.0.5', 443), 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', 'pcx-ab');
  });
});

describe('VPC peering', () => {
  it('carries traffic when both sides route to each other', () => {
    const tr = trace(t, 'app', 'b-host', 8080);
    expectReachableVia(tr, ['rtb-a-private', 'pcx-ab', 'sg-b', 'b-host']);
    expect(returnHopIds(tr)).toEqual(['b-host', 'sg-b', 'rtb-b', 'vpc-b/default-acl', 'pcx-ab', 'vpc-a/default-acl', 'sg-app', 'app']);
  });

  it('needs a route back on the peer side', () => {
    const tr = trace(t, 'app', 'e-host', 443);
    expect(tr.reachable).toBe(false);
    expect(codes(tr)).toEqual(['NO_ROUTE_TO_DESTINATION']);
    expect(tr.returnHops.at(-1)!.component.id).toBe('vpc-e/main');
  });

  it('is not transitive', () => {
    expectBlocked(trace(t, 'app', 'c-host', 443), 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', 'pcx-ab');
    expectReachableVia(trace(t, 'b-host', 'c-host', 443), ['pcx-bc', 'c-host']);
  });

  it('does not carry traffic to the peer VPC internet gateway', () => {
    expectBlocked(trace(t, 'b2-host', '8.8.8.8', 443), 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', 'pcx-ab');
  });

  it('works across regions', () => {
    expectReachableVia(trace(t, 'app', 'd-host', 443), ['pcx-ad', 'sg-d', 'd-host']);
  });

  it('carries nothing until it is active', () => {
    expectBlocked(trace(t, 'app', 'f-host', 443), 'BAD_STATE', 'pcx-af');
  });
});
