// Security group references match the interface that sent the packet on its last hop, not
// its source address ("Security group rules", Amazon VPC guide; "Target security groups",
// NLB guide: with client IP preservation the target's rules must allow the clients' addresses,
// or the load balancer's security group, never the clients' own groups).
import { describe, expect, it } from 'vitest';
import { topologyOf } from '../helpers/load.js';
import { codes, expectReachableVia, stoppingHop, trace } from '../helpers/trace.js';

const t = topologyOf(`
version: 1
name: security group references and a load balancer
vpcs:
  vpc-a:
    cidr: 10.0.0.0/16
    subnets:
      client-a: { az: use1-az1, cidr: 10.0.1.0/24 }
      lb-a: { az: use1-az1, cidr: 10.0.2.0/24 }
    securityGroups:
      sg-client: {}
      sg-nlb:
        ingress:
          - { protocol: tcp, ports: 443, securityGroup: sg-client }
      sg-by-client-group:
        ingress:
          - { protocol: tcp, ports: 443, securityGroup: sg-client }
      sg-by-nlb-group:
        ingress:
          - { protocol: tcp, ports: 443, securityGroup: sg-nlb }
      sg-by-client-cidr:
        ingress:
          - { protocol: tcp, ports: 443, cidr: 10.0.1.0/24 }
    instances:
      client: { subnet: client-a, securityGroups: [sg-client] }
      t-client-group: { subnet: lb-a, securityGroups: [sg-by-client-group] }
      t-nlb-group: { subnet: lb-a, securityGroups: [sg-by-nlb-group] }
      t-client-cidr: { subnet: lb-a, securityGroups: [sg-by-client-cidr] }
    loadBalancers:
      nlb-client-group:
        type: network
        subnets: [lb-a]
        securityGroups: [sg-nlb]
        listeners: [{ port: 443, protocol: tcp, targetGroup: tg-client-group }]
      nlb-nlb-group:
        type: network
        subnets: [lb-a]
        securityGroups: [sg-nlb]
        listeners: [{ port: 443, protocol: tcp, targetGroup: tg-nlb-group }]
      nlb-client-cidr:
        type: network
        subnets: [lb-a]
        securityGroups: [sg-nlb]
        listeners: [{ port: 443, protocol: tcp, targetGroup: tg-client-cidr }]
    targetGroups:
      tg-client-group: { protocol: tcp, port: 443, targets: [{ instance: t-client-group }] }
      tg-nlb-group: { protocol: tcp, port: 443, targets: [{ instance: t-nlb-group }] }
      tg-client-cidr: { protocol: tcp, port: 443, targets: [{ instance: t-client-cidr }] }
`);

describe('security group references follow the last sender', () => {
  it("directly, a rule naming the client's group matches the client", () => {
    expect(trace(t, 'client', 't-client-group', 443).reachable).toBe(true);
  });

  it("the NLB's own group may name the client's group: the client sent the packet to the node", () => {
    expectReachableVia(trace(t, 'client', 'nlb-nlb-group', 443), ['client', 'sg-nlb', 'nlb-nlb-group/lb-a', 't-nlb-group']);
  });

  it("behind an NLB with client IP preservation, a target rule naming the client's group does not match", () => {
    const tr = trace(t, 'client', 'nlb-client-group', 443);
    expect(codes(tr)).toEqual(['ENI_SG_RULES_MISMATCH']);
    expect(stoppingHop(tr)?.component.id).toBe('sg-by-client-group');
    expect(tr.hops.at(-1)?.packet.src).toBe(tr.flow.srcIp);
  });

  it("the NLB's own group, or the clients' addresses, do", () => {
    expect(trace(t, 'client', 'nlb-nlb-group', 443).reachable).toBe(true);
    expect(trace(t, 'client', 'nlb-client-cidr', 443).reachable).toBe(true);
  });
});
