// Transit gateways load as AWS holds them ("How AWS Transit Gateway works", Transit Gateways
// guide): attachments by type, one association per attachment, a propagating VPC attachment's
// CIDR blocks as propagated routes after the written ones, and the canonical text loads back
// into the same model.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatPrefix } from '../../src/net/prefix.js';
import { loadTopologyFile, loadTopologyText } from '../../src/model/load-topology.js';
import { formatTopology } from '../../src/model/serialize/format-topology.js';
import type { Topology } from '../../src/model/topology.js';
import { projection } from '../properties/model-projection.js';
import { diagnosticsOf } from '../helpers/load.js';

const FILE = 'test/engine/fixtures/transit-gateway.yaml';
const t: Topology = loadTopologyFile(FILE).topology!;

describe('transit gateways in the model', () => {
  it('loads the gateway with its options, attachments and tables', () => {
    const g = t.transitGateways.get('tgw-hub')!;
    expect(g).toMatchObject({ kind: 'transitGateway', asn: 64512, region: 'us-east-1', securityGroupReferencingSupport: true, dnsSupport: true,
      associationDefaultRouteTable: 'rt-spokes', propagationDefaultRouteTable: 'rt-spokes' });
    expect(g.attachments).toEqual(['att-prod', 'att-dev', 'att-shared', 'att-lab', 'att-new']);
    expect(g.routeTables).toEqual(['rt-spokes', 'rt-shared']);
    expect(t.transitGatewayAttachments.get('att-shared')).toMatchObject({ type: 'vpc', vpc: 'vpc-shared', subnets: ['shared-tgw-a', 'shared-tgw-b'], applianceMode: false, securityGroupReferencingSupport: true, state: 'available' });
    expect(t.transitGatewayAttachments.get('att-new')?.state).toBe('pendingAcceptance');
    expect(t.byId.get('rt-shared')?.kind).toBe('transitGatewayRouteTable');
  });

  it('puts propagated routes after the written ones, one per CIDR block of the propagating VPC', () => {
    const rt = t.transitGatewayRouteTables.get('rt-shared')!;
    expect(rt.associations).toEqual(['att-shared']);
    expect(rt.routes.map((r) => [r.index, r.destination.kind === 'cidr' ? formatPrefix(r.destination.prefix) : r.destination.prefixList, r.target.kind === 'attachment' ? r.target.attachment : 'blackhole', r.origin])).toEqual([
      [1, '10.1.0.0/16', 'att-prod', 'propagated'], [2, '10.2.0.0/16', 'att-dev', 'propagated'],
      [3, '10.4.0.0/16', 'att-lab', 'propagated'], [4, '10.5.0.0/16', 'att-new', 'propagated'],
    ]);
    const spokes = t.transitGatewayRouteTables.get('rt-spokes')!;
    expect(spokes.routes.map((r) => [r.origin, r.target.kind])).toEqual([['static', 'blackhole'], ['prefixList', 'attachment'], ['propagated', 'attachment']]);
  });

  it('makes a VPC route to the gateway a route to a real target', () => {
    const route = t.routeTables.get('prod-main')!.routes.find((r) => r.target.kind === 'resource')!;
    expect(route.target).toEqual({ kind: 'resource', id: 'tgw-hub' });
  });

  it('prints a canonical text that loads back into the same model', () => {
    const text = formatTopology(t);
    expect(text).toContain('transitGateways:');
    const again = loadTopologyText(FILE, text).topology!;
    expect(isDeepStrictEqual(projection({ ...again, file: t.file }), projection(t))).toBe(true);
  });

  it('refuses a VPC attached in another Region, and unknown keys', () => {
    const text = [
      'version: 1', 'name: x',
      'vpcs:', '  vpc-a:', '    region: us-west-2', '    cidr: 10.0.0.0/16', '    subnets: { a-1: { az: usw2-az1, cidr: 10.0.1.0/24 } }',
      'transitGateways:', '  tgw-a:', '    colour: blue', '    attachments:', '      att-a: { type: vpc, vpc: vpc-a, subnets: [a-1] }',
    ].join('\n');
    expect(diagnosticsOf(text).sort()).toEqual(['TGW_ATTACHMENT_SHAPE@12:32', 'UNKNOWN_KEY@10:5']);
  });
});
