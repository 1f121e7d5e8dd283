// Interface endpoints of AWS services: private DNS (and the VPC DNS attributes it needs),
// endpoint-specific names, the endpoint's and the instance's security groups, and names
// that do not resolve.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { traceProblems } from '../../src/engine/check-trace.js';
import { endpointRegionalName, endpointZonalName } from '../../src/engine/dns/dns-names.js';
import { isQueryError, traceFlow } from '../../src/engine/trace-flow.js';
import { formatIp } from '../../src/net/ip.js';
import { scenario, topologyOf } from '../helpers/load.js';
import { codes, expectBlocked, expectReachableVia, returnHopIds, traceAll } from '../helpers/trace.js';

const kms = scenario('interface-endpoint-kms');
const kmsText = readFileSync('scenarios/interface-endpoint-kms.yaml', 'utf8');
const KMS = 'kms.us-east-1.amazonaws.com';

describe('private DNS', () => {
  it('on: the service name resolves to the endpoint ENIs and the request reaches KMS', () => {
    const r = traceAll(kms, 'app', KMS, 443);
    expect(r.reachable).toBe(true);
    expect(r.traces).toHaveLength(2);
    for (const tr of r.traces) {
      expect(tr.hops[0]!.component).toEqual({ id: KMS, kind: 'dns' });
      expectReachableVia(tr, [KMS, 'app', 'sg-app', 'sg-vpce-kms', 'com.amazonaws.us-east-1.kms']);
      expect(tr.hops.some((h) => h.component.kind === 'endpointEni' && h.component.id.startsWith('vpce-kms/'))).toBe(true);
    }
    expect(returnHopIds(r.traces[0]!)).toEqual(['com.amazonaws.us-east-1.kms', 'vpce-kms/private-a', 'sg-vpce-kms', 'rtb-private', 'sg-app', 'app']);
  });

  it('off (privateDns: false): the name resolves to the public address, which this subnet cannot route to', () => {
    const t = topologyOf(kmsText.replace('        privateDns: true', '        privateDns: false'));
    const r = traceAll(t, 'app', KMS, 443);
    expect(r.traces).toHaveLength(1);
    expect(r.traces[0]!.hops[0]!.steps).toMatchObject([{ type: 'dns', action: 'resolved', verdict: 'answered', rule: 'awsService', privateDns: { reason: 'privateDnsOff', endpoint: 'vpce-kms' } }]);
    expectBlocked(r.traces[0]!, 'NO_ROUTE_TO_DESTINATION', 'rtb-private');
  });

  it('needs enableDnsHostnames: without it private DNS is off, whatever the endpoint asks', () => {
    const t = topologyOf(kmsText.replace('    enableDnsHostnames: true', '    enableDnsHostnames: false').replace('        privateDns: true\n', ''));
    const r = traceAll(t, 'app', KMS, 443);
    expect(r.traces[0]!.hops[0]!.steps).toMatchObject([{ type: 'dns', rule: 'awsService', privateDns: { reason: 'privateDnsOff', endpoint: 'vpce-kms', vpcAttributesMissing: true } }]);
    expect(codes(r.traces[0]!)).toEqual(['NO_ROUTE_TO_DESTINATION']);
  });

  it('needs enableDnsSupport: without it nothing resolves at all', () => {
    const t = topologyOf(kmsText.replace('    enableDnsSupport: true', '    enableDnsSupport: false').replace('    enableDnsHostnames: true', '    enableDnsHostnames: false').replace('        privateDns: true\n', ''));
    const r = traceAll(t, 'app', KMS, 443);
    expect(r.reachable).toBe(false);
    expect(r.traces).toHaveLength(1);
    const tr = r.traces[0]!;
    expect(codes(tr)).toEqual(['DNS_NAME_NOT_RESOLVED']);
    expect(tr.hops).toHaveLength(1);
    expect(tr.hops[0]!.component).toEqual({ id: KMS, kind: 'dns' });
    expect(tr.hops[0]!.action).toBe('dropped');
  });
});

describe('endpoint-specific names', () => {
  const ep = kms.endpoints.get('vpce-kms')!;
  it('regional and zonal names resolve to the ENIs and reach the service', () => {
    const regional = traceAll(kms, 'app', endpointRegionalName(kms, ep), 443);
    expect(regional.reachable).toBe(true);
    expect(regional.traces.map((t) => t.flow.dstIp)).toEqual(['vpce-kms/private-a', 'vpce-kms/private-b'].map((e) => formatIp(kms.enis.get(e)!.privateIp)));
    const zonal = traceAll(kms, 'app', endpointZonalName(kms, ep, 'use1-az2'), 443);
    expect(zonal.traces).toHaveLength(1);
    expectReachableVia(zonal.traces[0]!, ['vpce-kms/private-b', 'com.amazonaws.us-east-1.kms']);
  });
  it('resolve across peering, where private DNS does not', () => {
    const peered = scenario('endpoint-from-peered-vpc');
    const name = endpointRegionalName(peered, peered.endpoints.get('vpce-kms')!);
    expectReachableVia(traceAll(peered, 'app', name, 443).traces[0]!, [name, 'pcx-app-hub', 'sg-vpce-kms', 'vpce-kms/hub-a']);
    expectBlocked(traceAll(peered, 'app', KMS, 443).traces[0]!, 'NO_ROUTE_TO_DESTINATION', 'rtb-app');
  });
  it('a zonal name for a zone the endpoint is not in does not resolve', () => {
    const r = traceAll(kms, 'app', endpointZonalName(kms, ep, 'use1-az9'), 443);
    expect(codes(r.traces[0]!)).toEqual(['DNS_NAME_NOT_RESOLVED']);
  });
});

describe('security groups at an interface endpoint', () => {
  it('an instance SG without outbound 443 cannot use the endpoint', () => {
    for (const tr of traceAll(kms, 'app-locked-down', KMS, 443).traces) expectBlocked(tr, 'ENI_SG_RULES_MISMATCH', 'sg-app-db-only');
  });
  it('an endpoint SG without inbound 443 refuses the request', () => {
    const t = topologyOf(kmsText.replace('{ protocol: tcp, ports: 443, cidr: 10.0.0.0/16, description: HTTPS from the VPC }', '{ protocol: tcp, ports: 80, cidr: 10.0.0.0/16 }'));
    for (const tr of traceAll(t, 'app', KMS, 443).traces) expectBlocked(tr, 'ENI_SG_RULES_MISMATCH', 'sg-vpce-kms');
  });
});

describe('pinning one address', () => {
  it('traces only the pinned address of a name with several', () => {
    const pin = formatIp(kms.enis.get('vpce-kms/private-b')!.privateIp);
    const r = traceFlow(kms, { from: 'app', to: KMS, protocol: 'tcp', port: 443, pinAddress: pin });
    if (isQueryError(r)) throw new Error(r.message);
    for (const t of r.traces) expect(traceProblems(t)).toEqual([]);
    expect(r.traces.map((t) => t.flow.dstIp)).toEqual([pin]);
  });
});
