// Appliances and NAT instances (scenarios/appliances-and-nat-instances.yaml): source/
// destination checking ("NAT instances", Amazon VPC guide; ModifyInstanceAttribute: "You must
// disable source/destination checks if the instance runs services such as network address
// translation, routing, or firewalls"), forwarding by the appliance's own subnet, the NAT
// instance's source rewrite, and security group references that a relay hides ("Update your
// security groups to reference peer security groups", VPC Peering guide: through a middlebox
// the groups must reference addresses, not groups).
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../src/net/ip.js';
import { scenario } from '../helpers/load.js';
import { codes, expectReachableVia, hopIds, returnHopIds, stoppingHop, trace } from '../helpers/trace.js';

const t = scenario('appliances-and-nat-instances');
const ip = (id: string): string => formatIp(t.enis.get(id)!.privateIp);

describe('a NAT instance', () => {
  it('rewrites the source to its own address, which the internet gateway maps to its public IP', () => {
    const tr = trace(t, 'app', 'partner', 443);
    expectReachableVia(tr, ['app', 'rtb-app', 'nat-instance', 'rtb-public', 'igw-app', 'partner']);
    const nat = tr.hops.find((h) => h.component.id === 'nat-instance' && h.action === 'translated');
    expect(nat?.packet.src).toBe(ip('nat-instance'));
    expect(tr.hops.find((h) => h.component.id === 'igw-app')?.packet.src).toBe('203.0.113.50');
  });

  it('takes the reply back and rewrites its destination to the app', () => {
    const tr = trace(t, 'app', 'partner', 443);
    expect(returnHopIds(tr)).toContain('nat-instance');
    expect(returnHopIds(tr).at(-1)).toBe('app');
    expect(tr.returnHops.at(-1)?.packet.dst).toBe(ip('app'));
  });

  it('with source/destination checking on (the default) drops what it is not the destination of', () => {
    const tr = trace(t, 'legacy', 'partner', 443);
    expect(tr.reachable).toBe(false);
    expect(codes(tr)).toEqual(['CANNOT_ROUTE']);
    expect(stoppingHop(tr)?.component.id).toBe('nat-checked');
  });
});

describe('a firewall between subnets', () => {
  it('forwards both ways, judged by its own security groups', () => {
    const tr = trace(t, 'app', 'db', 5432);
    expectReachableVia(tr, ['app', 'rtb-app', 'sg-firewall', 'firewall', 'db']);
    expect(returnHopIds(tr)).toContain('firewall');
    // The packet keeps its addresses: a transparent appliance, not a NAT.
    expect(tr.hops.at(-1)?.packet.src).toBe(ip('app'));
  });

  it("hides the sender: a rule naming the app's group does not match what the firewall relays", () => {
    const tr = trace(t, 'app', 'db-by-group', 5432);
    expect(codes(tr)).toEqual(['ENI_SG_RULES_MISMATCH']);
    expect(stoppingHop(tr)?.component.id).toBe('sg-db-by-group');
    expect(hopIds(tr)).toContain('firewall');
  });
});
