// Private hosted zones, Resolver rules and endpoints, and DNS servers of your network
// (docs/dns.md, "The resolver, in order"), on the hand-written test/engine/fixtures/shared-dns.yaml.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { resolveName, type DnsResolution, type DnsVantage } from '../../../src/engine/dns/resolve-name.js';
import { traceFlow, isQueryError } from '../../../src/engine/trace-flow.js';
import type { Topology } from '../../../src/model/topology.js';
import { diagnosticsOf, topologyOf } from '../../helpers/load.js';

const text = readFileSync('test/engine/fixtures/shared-dns.yaml', 'utf8');
const t = topologyOf(text, 'test/engine/fixtures/shared-dns.yaml');

function inVpc(vpc: string, name: string, topology: Topology = t): DnsResolution {
  return resolveName(topology, name, { kind: 'vpc', vpc: topology.vpcs.get(vpc)! });
}
function at(v: DnsVantage, name: string): DnsResolution {
  return resolveName(t, name, v);
}
function ips(r: DnsResolution): string[] {
  return r.kind === 'resolved' ? r.record.addresses.map((a) => formatIp(a.ip)) : [];
}
const eni = (id: string): string => formatIp(t.enis.get(id)!.privateIp);

describe('private hosted zones', () => {
  it('answer the VPCs associated with them, naming the zone and record', () => {
    const r = inVpc('vpc-a', 'DB.corp.example.com.');
    expect(ips(r)).toEqual(['10.0.1.50']);
    expect(r.step).toMatchObject({ verdict: 'answered', rule: 'hostedZone', zone: 'phz-corp', record: 'db.corp.example.com A' });
    expect(r.step.chain).toEqual([{ kind: 'hostedZone', zone: 'phz-corp', zoneName: 'corp.example.com', vpc: 'vpc-a', record: 'db.corp.example.com A' }]);
  });

  it('answer nothing outside their VPCs (public DNS has no such record)', () => {
    expect(at({ kind: 'internet' }, 'db.corp.example.com').step.verdict).toBe('noRecord');
  });

  it('a name under a matching zone with no record is NXDOMAIN, not public DNS', () => {
    const r = inVpc('vpc-a', 'missing.corp.example.com');
    expect(r.kind).toBe('notResolved');
    expect(r.step).toMatchObject({ verdict: 'nxdomain', zone: 'phz-corp' });
  });

  it('the most specific zone wins, and its missing record is NXDOMAIN', () => {
    expect(ips(inVpc('vpc-a', 'x.acc.corp.example.com'))).toEqual(['10.0.1.70']);
    expect(inVpc('vpc-a', 'y.acc.corp.example.com').step).toMatchObject({ verdict: 'nxdomain', zone: 'phz-acc' });
    // vpc-b is not associated with the child zone, and rule-corp forwards corp.example.com
    // to dc-dns, which forwards it back through the inbound endpoint to vpc-a's view.
    const b = inVpc('vpc-b', 'x.acc.corp.example.com');
    expect(ips(b)).toEqual(['10.0.1.70']);
    expect(b.step.chain?.map((l) => l.kind)).toEqual(['resolverRule', 'dnsServer', 'inboundEndpoint', 'hostedZone']);
    expect(b.step).toMatchObject({ resolverRule: 'rule-corp', zone: 'phz-acc', dnsServer: 'dc-dns' });
  });

  it('follows a CNAME at the same resolver', () => {
    const r = inVpc('vpc-a', 'www.corp.example.com');
    expect(ips(r)).toEqual(['10.0.1.50']);
    expect(r.step.chain?.map((l) => l.kind)).toEqual(['hostedZone', 'cname', 'hostedZone']);
  });

  it('matches a wildcard record', () => {
    expect(ips(inVpc('vpc-a', 'one.apps.corp.example.com'))).toEqual(['10.0.1.60']);
  });

  it('answers aliases: a load balancer, an endpoint (regional and zonal), another record', () => {
    expect(ips(inVpc('vpc-a', 'api.corp.example.com'))).toEqual([eni('nlb-int/a1')]);
    expect(ips(inVpc('vpc-b', 'kms.corp.example.com'))).toEqual([eni('vpce-kms/a1'), eni('vpce-kms/a2')]);
    expect(ips(inVpc('vpc-b', 'kms-a.corp.example.com'))).toEqual([eni('vpce-kms/a1')]);
    const r = inVpc('vpc-a', 'db2.corp.example.com');
    expect(ips(r)).toEqual(['10.0.1.50']);
    expect(r.step.chain?.map((l) => l.kind)).toEqual(['hostedZone', 'alias']);
  });

  it('a CNAME loop ends at the chain bound', () => {
    expect(inVpc('vpc-a', 'loop1.corp.example.com').step.verdict).toBe('chainLimit');
  });

  it('needs enableDnsSupport, and enableDnsHostnames, in the VPC', () => {
    expect(inVpc('vpc-off', 'db.corp.example.com').step.verdict).toBe('dnsSupportOff');
    const r = inVpc('vpc-nohost', 'db.corp.example.com');
    expect(r.step.verdict).toBe('noRecord');
    expect(r.step.zone).toBeUndefined();
  });
});

describe('Route 53 Resolver rules and endpoints', () => {
  it('a forward rule sends the name to a DNS server of your network, which answers', () => {
    const r = inVpc('vpc-a', 'host.onprem.example.com');
    expect(ips(r)).toEqual(['192.168.1.10']);
    expect(r.step).toMatchObject({ verdict: 'answered', rule: 'dnsServer', resolverRule: 'rule-onprem', dnsServer: 'dc-dns', record: 'host.onprem.example.com A' });
  });

  it('a system rule keeps a subdomain with Resolver', () => {
    const r = inVpc('vpc-a', 'a.sys.onprem.example.com');
    expect(r.step.verdict).toBe('noRecord');
    expect(r.step.chain).toEqual([{ kind: 'resolverRule', rule: 'rule-system', domain: 'sys.onprem.example.com', ruleType: 'system', vpc: 'vpc-a', targets: [] }]);
  });

  it('a rule to servers the file does not declare leaves the answer unmodelled, said in the step and the trace', () => {
    const r = inVpc('vpc-a', 'www.partner.example.com');
    expect(r.step).toMatchObject({ verdict: 'forwardedUnmodelled', resolverRule: 'rule-partner' });
    const res = traceFlow(t, { from: 'app', to: 'www.partner.example.com', protocol: 'tcp', port: 443 });
    if (isQueryError(res)) throw new Error(res.message);
    expect(res.reachable).toBe(false);
    expect(res.traces[0]?.explanations.map((e) => e.code)).toEqual(['DNS_ANSWER_UNMODELLED']);
  });

  it('a forward rule beats a private hosted zone of the same domain', () => {
    const r = inVpc('vpc-b', 'db.corp.example.com');
    expect(ips(r)).toEqual(['192.168.1.99']);
    expect(r.step.resolverRule).toBe('rule-corp');
  });

  it('a DNS server of your network answers its own records, and forwards its domains to an inbound endpoint for the VPC view', () => {
    const server: DnsVantage = { kind: 'dnsServer', server: t.dnsServers.get('dc-dns')! };
    expect(ips(at(server, 'db.corp.example.com'))).toEqual(['192.168.1.99']);
    const r = at(server, 'www.corp.example.com');
    expect(ips(r)).toEqual(['10.0.1.50']);
    expect(r.step.at).toBe('dnsServer');
    expect(r.step.chain?.map((l) => l.kind)).toEqual(['dnsServer', 'inboundEndpoint', 'hostedZone', 'cname', 'hostedZone']);
    // Anything else: public DNS.
    expect(at(server, 'kms.us-east-1.amazonaws.com').step.rule).toBe('awsService');
  });
});

describe('traces resolve with the same resolver', () => {
  it('a flow to a zone name goes to the answered address', () => {
    const res = traceFlow(t, { from: 'app-b', to: 'kms.corp.example.com', protocol: 'tcp', port: 443 });
    if (isQueryError(res)) throw new Error(res.message);
    expect(res.traces.map((x) => x.flow.dstIp)).toEqual([eni('vpce-kms/a1'), eni('vpce-kms/a2')]);
    expect(res.traces[0]!.hops[0]!.steps?.[0]).toMatchObject({ type: 'dns', zone: 'phz-corp', rule: 'hostedZone' });
  });

  it('NXDOMAIN is DNS_NAME_NOT_RESOLVED', () => {
    const res = traceFlow(t, { from: 'app', to: 'missing.corp.example.com', protocol: 'tcp', port: 443 });
    if (isQueryError(res)) throw new Error(res.message);
    expect(res.traces[0]!.explanations.map((e) => e.code)).toEqual(['DNS_NAME_NOT_RESOLVED']);
  });
});

describe('load-time diagnostics of the fixture', () => {
  it('warns of the overlap, the VPCs without DNS attributes and the loop', () => {
    expect(diagnosticsOf(text).sort()).toEqual(['DNS_CNAME_LOOP@51:9', 'HOSTED_ZONE_VPC_DNS_OFF@41:26', 'HOSTED_ZONE_VPC_DNS_OFF@41:35', 'OVERLAPPING_HOSTED_ZONES@41:12']);
  });
});
