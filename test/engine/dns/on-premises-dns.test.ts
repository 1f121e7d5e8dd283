// On-premises hosts as DNS clients (docs/dns.md, step 4): a DNS server of the file serving a
// network answers its hosts, forwards a domain to a Resolver inbound endpoint for the VPC's
// view; a VPC's forward rule reaches that server for the on-premises names. On the bundled
// scenarios/on-premises-vpn-endpoints.yaml with the DNS parts added here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/net/ip.js';
import { isQueryError, traceFlow } from '../../../src/engine/trace-flow.js';
import { topologyOf } from '../../helpers/load.js';

const base = readFileSync('scenarios/on-premises-vpn-endpoints.yaml', 'utf8').replace(/\nchecks:[\s\S]*$/, '\n');
const t = topologyOf(`${base}
hostedZones:
  phz-corp:
    name: corp.internal
    private: true
    vpcs: [vpc-shared]
    records:
      - { name: api.corp.internal, type: A, alias: { endpoint: vpce-api } }
resolverEndpoints:
  rslvr-in: { direction: inbound, vpc: vpc-shared, ipAddresses: [{ subnet: shared-a }, { subnet: shared-a }] }
  rslvr-out: { direction: outbound, vpc: vpc-shared, ipAddresses: [{ subnet: shared-a }, { subnet: shared-a }] }
resolverRules:
  rule-dc: { domain: corp.example, endpoint: rslvr-out, targets: [192.168.0.2], vpcs: [vpc-shared] }
dnsServers:
  dc1-dns:
    ip: 192.168.0.2
    networks: [dc1]
    forward: [{ domain: corp.internal, endpoint: rslvr-in }]
`);

describe('on-premises DNS clients', () => {
  it('a host of a served network resolves a private zone name through the inbound endpoint, and reaches the endpoint', () => {
    const r = traceFlow(t, { from: 'dc1-host', to: 'api.corp.internal', protocol: 'tcp', port: 443 });
    if (isQueryError(r)) throw new Error(r.message);
    expect(r.reachable).toBe(true);
    const step = r.traces[0]!.hops[0]!.steps?.[0];
    expect(step).toMatchObject({ type: 'dns', at: 'dnsServer', vantage: 'dc1-dns', zone: 'phz-corp' });
    expect(step?.type === 'dns' ? step.chain?.map((l) => l.kind) : []).toEqual(['dnsServer', 'inboundEndpoint', 'hostedZone', 'alias']);
    expect(r.traces.map((x) => x.flow.dstIp)).toEqual([formatIp(t.enis.get('vpce-api/shared-a')!.privateIp)]);
  });

  it('a VPC forward rule reaches the DNS server, which answers the names of its network hosts', () => {
    const r = traceFlow(t, { from: 'app', to: 'build.corp.example', protocol: 'tcp', port: 443 });
    if (isQueryError(r)) throw new Error(r.message);
    expect(r.traces[0]!.flow.dstIp).toBe('192.168.0.10');
    expect(r.traces[0]!.hops[0]!.steps?.[0]).toMatchObject({ type: 'dns', resolverRule: 'rule-dc', dnsServer: 'dc1-dns', rule: 'dnsServer' });
  });

  it('a host of a network no server serves asks public DNS', () => {
    const r = traceFlow(t, { from: 'dc2-host', to: 'api.corp.internal', protocol: 'tcp', port: 443 });
    if (isQueryError(r)) throw new Error(r.message);
    expect(r.traces[0]!.explanations.map((e) => e.code)).toEqual(['DNS_NAME_NOT_RESOLVED']);
    expect(r.traces[0]!.hops[0]!.steps?.[0]).toMatchObject({ type: 'dns', vantage: 'internet', verdict: 'noRecord' });
  });
});
