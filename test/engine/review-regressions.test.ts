// Regressions from a review of the engine against AWS's rules; each case names the rule.
import { describe, expect, it } from 'vitest';
import { isQueryError, traceFlow } from '../../src/engine/trace-flow.js';
import { diagnosticsOf, topologyOf } from '../helpers/load.js';
import { codes, expectBlocked, trace } from '../helpers/trace.js';

describe('address families', () => {
  // "Enable internet access for a VPC using an internet gateway": IPv6 traffic needs an IPv6
  // source, a ::/0 route for the reply and an IPv6 security group rule.
  const t = topologyOf(`
version: 1
name: v6
vpcs:
  vpc-a:
    cidr: 10.0.0.0/16
    ipv6Cidr: 2600:1f18:aa00::/56
    internetGateway: igw-a
    subnets:
      pub: { az: use1-az1, cidr: 10.0.0.0/24, ipv6Cidr: "2600:1f18:aa00:1::/64", routeTable: rtb-pub }
    routeTables:
      rtb-pub: { routes: [ { destination: 0.0.0.0/0, target: igw-a } ] }
    securityGroups:
      sg-web: { ingress: [ { protocol: tcp, ports: 443, cidr: 0.0.0.0/0 } ] }
    instances:
      web: { subnet: pub, ipv6Ip: "2600:1f18:aa00:1::10", securityGroups: [sg-web] }
internet:
  v4-only: { ip: 198.51.100.7 }
`);

  it('sends from an IPv6 address to an IPv6 destination; an IPv4-only rule does not admit it', () => {
    const tr = trace(t, 'internet', '2600:1f18:aa00:1::10', 443);
    expect(tr.flow.srcIp).toBe('2001:db8::1');
    expectBlocked(tr, 'ENI_SG_RULES_MISMATCH', 'sg-web');
  });

  it('refuses a flow whose source has no address of the destination family', () => {
    expect(isQueryError(traceFlow(t, { from: 'v4-only', to: '2600:1f18:aa00:1::10', protocol: 'tcp', port: 443 }))).toBe(true);
    expect(isQueryError(traceFlow(t, { from: '2600:1f18:aa00:1::99', to: 'web', protocol: 'tcp', port: 443 }))).toBe(true);
  });
});

describe('asymmetric return paths', () => {
  // "NAT gateways": a reply that leaves through a NAT gateway comes from the NAT's address,
  // which the client's connection does not know: the public instance in a private subnet.
  const t = topologyOf(`
version: 1
name: asym
vpcs:
  vpc-a:
    cidr: 10.0.0.0/16
    internetGateway: igw-a
    subnets:
      pub:  { az: use1-az1, cidr: 10.0.0.0/24, routeTable: rtb-pub }
      priv: { az: use1-az1, cidr: 10.0.1.0/24, routeTable: rtb-priv }
    routeTables:
      rtb-pub:  { routes: [ { destination: 0.0.0.0/0, target: igw-a } ] }
      rtb-priv: { routes: [ { destination: 0.0.0.0/0, target: nat-a } ] }
    natGateways: { nat-a: { subnet: pub, publicIp: 203.0.113.50 } }
    securityGroups: { sg-web: { ingress: [ { protocol: tcp, ports: 443, cidr: 0.0.0.0/0 } ] } }
    instances: { web: { subnet: priv, publicIp: 203.0.113.10, securityGroups: [sg-web] } }
internet: { client: { ip: 198.51.100.7 } }
`);

  it('is unreachable when the reply comes back from another address', () => {
    const tr = trace(t, 'client', 'web', 443);
    expect(tr.reachable).toBe(false);
    expect(codes(tr)).toEqual(['NO_PATH']);
    expect(tr.returnHops.map((h) => h.component.id)).toContain('nat-a');
    expect(tr.explanations[0]!.component?.id).toBe('nat-a');
  });
});

describe('flows of every protocol', () => {
  // "Network ACL rules": a deny for TCP stops the TCP part of "all traffic".
  const t = topologyOf(`
version: 1
name: allproto
vpcs:
  vpc-a:
    cidr: 10.0.0.0/16
    subnets:
      s1: { az: use1-az1, cidr: 10.0.1.0/24 }
      s2: { az: use1-az1, cidr: 10.0.2.0/24, networkAcl: acl-2 }
    networkAcls:
      acl-2:
        ingress:
          - { rule: 10, action: deny, protocol: tcp, cidr: 0.0.0.0/0 }
          - { rule: 100, action: allow, protocol: all, cidr: 0.0.0.0/0 }
        egress: [ { rule: 100, action: allow, protocol: all, cidr: 0.0.0.0/0 } ]
    securityGroups: { sg-open: { ingress: [ { protocol: all, cidr: 0.0.0.0/0 } ] } }
    instances:
      a: { subnet: s1, securityGroups: [sg-open] }
      b: { subnet: s2, securityGroups: [sg-open] }
`);

  it('are stopped by a deny rule for one protocol', () => {
    expectBlocked(trace(t, 'a', 'b', undefined, 'all'), 'SUBNET_ACL_RESTRICTION', 'acl-2');
  });

  it('pass where only an all-protocol allow matches (udp is not denied)', () => {
    expect(trace(t, 'a', 'b', 53, 'udp').reachable).toBe(true);
  });
});

describe('NLB targets and the load balancer security group', () => {
  // "Update the security groups for your Network Load Balancer": a target rule referencing
  // the NLB's security group admits its traffic even with client IP preservation on.
  const t = topologyOf(`
version: 1
name: nlbsg
vpcs:
  vpc-a:
    cidr: 10.0.0.0/16
    subnets:
      s1: { az: use1-az1, cidr: 10.0.1.0/24 }
      s2: { az: use1-az1, cidr: 10.0.2.0/24 }
    securityGroups:
      sg-nlb: { ingress: [ { protocol: tcp, ports: 443, cidr: 10.0.0.0/16 } ] }
      sg-app: { ingress: [ { protocol: tcp, ports: 443, securityGroup: sg-nlb } ] }
    instances:
      client: { subnet: s1 }
      app: { subnet: s2, securityGroups: [sg-app] }
    loadBalancers:
      nlb: { type: network, subnets: [s2], securityGroups: [sg-nlb], listeners: [ { port: 443, protocol: tcp, targetGroup: tg } ] }
    targetGroups: { tg: { protocol: tcp, port: 443, targets: [ { instance: app } ] } }
`);

  it('admits preserved client addresses by the NLB group reference', () => {
    const tr = trace(t, 'client', 'nlb', 443);
    expect(tr.reachable).toBe(true);
    expect(tr.hops.at(-1)!.packet.src).toBe(tr.flow.srcIp);
  });

  it('does not admit the client directly by that reference', () => {
    expectBlocked(trace(t, 'client', 'app', 443), 'ENI_SG_RULES_MISMATCH', 'sg-app');
  });
});

describe('ICMP through a NAT gateway', () => {
  // "NAT gateways" carry ICMP; the echo reply (type 0) keeps its type on the way back.
  const t = topologyOf(`
version: 1
name: icmpnat
vpcs:
  vpc-a:
    cidr: 10.0.0.0/16
    internetGateway: igw-a
    subnets:
      pub:  { az: use1-az1, cidr: 10.0.0.0/24, routeTable: rtb-pub }
      priv: { az: use1-az1, cidr: 10.0.1.0/24, routeTable: rtb-priv, networkAcl: acl-priv }
    routeTables:
      rtb-pub:  { routes: [ { destination: 0.0.0.0/0, target: igw-a } ] }
      rtb-priv: { routes: [ { destination: 0.0.0.0/0, target: nat-a } ] }
    natGateways: { nat-a: { subnet: pub, publicIp: 203.0.113.50 } }
    networkAcls:
      acl-priv:
        egress:  [ { rule: 100, action: allow, protocol: icmp, ports: 8, cidr: 0.0.0.0/0 } ]
        ingress: [ { rule: 100, action: allow, protocol: icmp, ports: 0, cidr: 0.0.0.0/0 } ]
    instances: { worker: { subnet: priv } }
internet: { host: { ip: 198.51.100.7 } }
`);

  it('lets the echo reply back by an ACL rule for type 0', () => {
    const tr = trace(t, 'worker', 'host', undefined, 'icmp');
    expect(tr.reachable).toBe(true);
    expect(tr.returnHops.at(-1)!.packet.dstPort).toBe(0);
  });
});

describe('ports', () => {
  const t = topologyOf(`
version: 1
name: ports
vpcs:
  v:
    cidr: 10.0.0.0/16
    subnets: { s: { az: use1-az1, cidr: 10.0.1.0/24 } }
    instances: { a: { subnet: s }, b: { subnet: s } }
`);

  it('refuses a TCP port outside 1-65535 and an ICMP type above 255', () => {
    expect(isQueryError(traceFlow(t, { from: 'a', to: 'b', protocol: 'tcp', port: 70000 }))).toBe(true);
    expect(isQueryError(traceFlow(t, { from: 'a', to: 'b', protocol: 'tcp', port: 0 }))).toBe(true);
    expect(isQueryError(traceFlow(t, { from: 'a', to: 'b', protocol: 'tcp', port: 443, sourcePort: 0 }))).toBe(true);
    expect(isQueryError(traceFlow(t, { from: 'a', to: 'b', protocol: 'icmp', port: 300 }))).toBe(true);
    expect(isQueryError(traceFlow(t, { from: 'a', to: 'b', protocol: 'icmp', port: 0 }))).toBe(false);
  });

  it('reports a check to port 70000 as bad input at its `to`', () => {
    const text = `version: 1\nname: p\nvpcs:\n  v:\n    cidr: 10.0.0.0/16\n    subnets: { s: { az: use1-az1, cidr: 10.0.1.0/24 } }\n    instances: { a: { subnet: s }, b: { subnet: s } }\nchecks:\n  - { name: x, from: a, to: "b:70000", expect: reachable }\n`;
    expect(diagnosticsOf(text)).toEqual(['BAD_VALUE@9:29']);
  });
});
