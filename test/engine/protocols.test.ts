// Protocols other than TCP through every filter (scenarios/udp-and-icmp.yaml): security
// groups are stateful for UDP and ICMP ("Security group connection tracking", EC2 guide),
// network ACLs judge the UDP reply and the ICMP echo reply as packets of their own
// ("Network ACL rules", Amazon VPC guide), NLB listeners take UDP on udp and tcp_udp only.
import { describe, expect, it } from 'vitest';
import { scenario } from '../helpers/load.js';
import { codes, expectReachableVia, hopIds, returnHopIds, trace } from '../helpers/trace.js';

const t = scenario('udp-and-icmp');

describe('UDP', () => {
  it('passes the security groups statefully and the ACL by its ephemeral-port entry on the way back', () => {
    const tr = trace(t, 'client', 'nlb-dns', 53, 'udp');
    expectReachableVia(tr, ['client', 'sg-client', 'nlb-dns/svc-a', 'tg-dns', 'sg-dns', 'dns-1']);
    const back = tr.returnHops;
    expect(back.find((h) => h.component.id === 'sg-dns')?.action).toBe('allowed');
    const acl = back.find((h) => h.component.id === 'acl-svc');
    expect(acl?.action).toBe('allowed');
    expect(acl?.packet).toMatchObject({ protocol: 'udp', srcPort: 53, dstPort: 49152 });
  });

  it('is stopped on the way back by an ACL with no entry for the ephemeral port, not on the way in', () => {
    const tr = trace(t, 'client', 'dns-strict', 53, 'udp');
    expect(tr.reachable).toBe(false);
    expect(hopIds(tr).at(-1)).toBe('dns-strict');
    expect(returnHopIds(tr).at(-1)).toBe('acl-strict');
    expect(tr.returnHops.at(-1)?.action).toBe('denied');
    expect(codes(tr)).toEqual(['SUBNET_ACL_RESTRICTION']);
  });

  it('a udp listener refuses TCP, a tcp_udp listener takes both', () => {
    expect(codes(trace(t, 'client', 'nlb-udp', 53, 'tcp'))).toEqual(['ELBV2_LISTENER_PORT_RESTRICTION']);
    expect(trace(t, 'client', 'nlb-dns', 53, 'tcp').reachable).toBe(true);
  });

  it('crosses an interface endpoint to a UDP endpoint service; the provider sees the NLB address', () => {
    const tr = trace(t, 'consumer', 'vpce-dns', 53, 'udp');
    expectReachableVia(tr, ['consumer', 'vpce-dns/consumer-a', 'svc-dns', 'nlb-resolver/provider-a', 'tg-resolver', 'sg-resolver', 'resolver']);
    expect(tr.hops.at(-1)?.packet.src).toBe('10.8.1.4');
  });

  it("an AWS service's interface endpoint carries TCP only", () => {
    expect(codes(trace(t, 'consumer', 'vpce-kms', 53, 'udp'))).toEqual(['PROTOCOL_RESTRICTION']);
  });
});

describe('ICMP echo', () => {
  it('goes in as type 8 and comes back as type 0, each passing its own ACL entry', () => {
    const tr = trace(t, 'client', 'dns-1', undefined, 'icmp');
    expect(tr.reachable).toBe(true);
    expect(tr.hops.find((h) => h.component.id === 'acl-svc')?.packet.dstPort).toBe(8);
    expect(tr.returnHops.find((h) => h.component.id === 'acl-svc')?.packet.dstPort).toBe(0);
  });

  it('an ACL that lets only type 8 out drops the echo reply', () => {
    const tr = trace(t, 'client', 'dns-strict', undefined, 'icmp');
    expect(returnHopIds(tr).at(-1)).toBe('acl-strict');
    expect(codes(tr)).toEqual(['SUBNET_ACL_RESTRICTION']);
  });
});
