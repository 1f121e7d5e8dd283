import { describe, expect, it } from 'vitest';
import { formatIp } from '../../src/net/ip.js';
import { formatPrefix } from '../../src/net/prefix.js';
import { diagnosticsOf, scenario, topologyOf } from '../helpers/load.js';

describe('loading a topology', () => {
  it('indexes resources by id, with implicit AWS defaults', () => {
    const t = scenario('s3-gateway-endpoint');
    expect([...t.vpcs.keys()]).toEqual(['vpc-main']);
    expect(t.byId.get('vpc-main/main')?.kind).toBe('routeTable');
    expect(t.byId.get('vpc-main/default-sg')?.kind).toBe('securityGroup');
    expect(t.byId.get('vpc-main/default-acl')?.kind).toBe('networkAcl');
    expect(t.subnets.get('public')?.routeTable).toBe('rtb-public');
  });

  it('adds the gateway endpoint prefix-list route to its route tables', () => {
    const t = scenario('s3-gateway-endpoint');
    const routes = t.routeTables.get('rtb-endpoint')!.routes;
    expect(routes.map((r) => r.origin)).toEqual(['local', 'gatewayEndpoint']);
    expect(routes[1]!.destination).toEqual({ kind: 'prefixList', prefixList: 'pl-63a5400a' });
    expect(t.prefixLists.get('pl-63a5400a')!.entries.map(formatPrefix)).toEqual([
      '54.231.0.0/17', '52.216.0.0/15', '3.5.16.0/21', '3.5.0.0/20',
    ]);
  });

  it('gives unnumbered interfaces the lowest free address from base+4, by kind then id', () => {
    const t = topologyOf(`
version: 1
name: addressing
vpcs:
  v:
    cidr: 10.0.0.0/16
    subnets:
      s: { az: use1-az1, cidr: 10.0.1.0/24 }
    natGateways:
      nat: { subnet: s, connectivity: private }
    instances:
      b: { subnet: s }
      a: { subnet: s, privateIp: 10.0.1.5 }
      c: { subnet: s }
`);
    expect(formatIp(t.natGateways.get('nat')!.privateIp)).toBe('10.0.1.4');
    expect(formatIp(t.instances.get('a')!.privateIp)).toBe('10.0.1.5');
    expect(formatIp(t.instances.get('b')!.privateIp)).toBe('10.0.1.6');
    expect(formatIp(t.instances.get('c')!.privateIp)).toBe('10.0.1.7');
  });

  it('keeps the source position of every rule', () => {
    const t = scenario('s3-gateway-endpoint');
    const rule = t.securityGroups.get('sg-app')!.egress[1]!;
    expect([rule.span.line, rule.index]).toEqual([33, 2]);
  });
});

describe('one run reports every problem', () => {
  it('reports unknown keys together with the model checks', () => {
    const text = 'version: 1\nname: x\nvpcs:\n  a:\n    cidr: 10.0.0.1/16\n    subnts: {}\n';
    expect(diagnosticsOf(text)).toEqual(['CIDR_HOST_BITS@5:11', 'UNKNOWN_KEY@6:5']);
  });

  it('stops at other shape errors, which would leave the data mistyped', () => {
    const text = 'version: 1\nname: x\nvpcs:\n  a:\n    cidr: 10.0.0.1/16\n    enableDnsSupport: maybe\n';
    expect(diagnosticsOf(text)).toEqual(['WRONG_TYPE@6:23']);
  });
});
