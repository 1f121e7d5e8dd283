// Gateway Load Balancer endpoints as route targets: the detour through an appliance (GENEVE,
// UDP 6081) both ways, ingress routing from the internet gateway's edge route table, the
// appliance's security group, and the endpoint's zone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenario, topologyOf } from '../helpers/load.js';
import { codes, expectBlocked, expectReachableVia, returnHopIds, traceAll } from '../helpers/trace.js';

const t = scenario('gwlb-inspection');
const text = readFileSync('scenarios/gwlb-inspection.yaml', 'utf8');

describe('outbound through the appliances', () => {
  it('detours through the GWLB endpoint and an appliance, then leaves by the endpoint subnet route table', () => {
    const r = traceAll(t, 'web', 'www.example.com', 443);
    expect(r.reachable).toBe(true);
    expect(r.traces.map((x) => x.flow.branch)).toEqual([['gwlb-inspect/appliance-a tg-firewalls -> firewall-1'], ['gwlb-inspect/appliance-a tg-firewalls -> firewall-2']]);
    for (const tr of r.traces) {
      expectReachableVia(tr, ['www.example.com', 'web', 'rtb-web', 'vpce-gwlb/inspection-a', 'svc-inspect', 'tg-firewalls', 'gwlb-inspect/appliance-a', 'sg-appliance', 'svc-inspect', 'vpce-gwlb/inspection-a', 'rtb-inspection', 'igw-app', 'partner']);
      const geneve = tr.hops.find((h) => h.component.id === 'gwlb-inspect/appliance-a' && h.action === 'translated')!;
      expect(geneve.packet.protocol).toBe('udp');
      expect(geneve.packet.dstPort).toBe(6081);
      // The inner packet leaves unchanged; the IGW translates it to the web instance's public IP.
      expect(tr.hops.at(-1)!.packet.src).toBe('203.0.113.20');
    }
  });

  it('the reply comes back in through the edge route table and the same appliance', () => {
    const [first, second] = traceAll(t, 'web', 'www.example.com', 443).traces;
    expect(returnHopIds(first!)).toEqual(expect.arrayContaining(['igw-app', 'rtb-edge', 'vpce-gwlb/inspection-a', 'firewall-1', 'web']));
    expect(returnHopIds(first!)).not.toContain('firewall-2');
    expect(returnHopIds(second!)).not.toContain('firewall-1');
  });
});

describe('inbound from the internet (ingress routing)', () => {
  it('the edge route table steers traffic for the web subnet through the appliances', () => {
    for (const tr of traceAll(t, 'partner', '203.0.113.20', 443).traces) {
      expectReachableVia(tr, ['partner', 'igw-app', 'rtb-edge', 'vpce-gwlb/inspection-a', 'gwlb-inspect/appliance-a', 'vpce-gwlb/inspection-a', 'rtb-inspection', 'sg-web', 'web']);
      expect(returnHopIds(tr)).toEqual(expect.arrayContaining(['rtb-web', 'vpce-gwlb/inspection-a', 'rtb-inspection', 'igw-app', 'partner']));
    }
  });
  it('inspection opens no port: the web SG still refuses 22', () => {
    for (const tr of traceAll(t, 'partner', '203.0.113.20', 22).traces) expectBlocked(tr, 'ENI_SG_RULES_MISMATCH', 'sg-web');
  });
});

describe('what breaks the detour', () => {
  it('an appliance SG that does not allow GENEVE from the GWLB', () => {
    const broken = topologyOf(text.replace('{ protocol: udp, ports: 6081, cidr: 10.100.1.0/24, description: GENEVE from the GWLB }', '{ protocol: tcp, ports: 22, cidr: 10.100.1.0/24 }'));
    for (const tr of traceAll(broken, 'web', 'www.example.com', 443).traces) expectBlocked(tr, 'ENI_SG_RULES_MISMATCH', 'sg-appliance');
  });
  it('a GWLB endpoint in a zone the GWLB does not serve', () => {
    const broken = topologyOf(text.replace('inspection-a: { az: use1-az1, cidr: 10.0.0.0/28', 'inspection-a: { az: use1-az2, cidr: 10.0.0.0/28'));
    const tr = traceAll(broken, 'web', 'www.example.com', 443).traces[0]!;
    expectBlocked(tr, 'VPCE_SERVICE_NOT_INSTALLED_IN_AZ', 'svc-inspect');
  });
  it('no healthy appliance', () => {
    const broken = topologyOf(text.replace('- { instance: firewall-1 }', '- { instance: firewall-1, healthy: false }').replace('- { instance: firewall-2 }', '- { instance: firewall-2, healthy: false }'));
    expect(codes(traceAll(broken, 'web', 'www.example.com', 443).traces[0]!)).toEqual(['ELBV2_NO_TARGETS_IN_AZ']);
  });
});
