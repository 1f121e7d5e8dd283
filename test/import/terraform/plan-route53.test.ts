// Route 53 in a Terraform plan (hand-written: test/import/terraform/fixtures/route53-plan.json,
// examples/terraform/plan.json plus a private zone, an association, records and an alias to
// the interface endpoint's dns_entry[0], known only after apply and followed by reference).
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatIp } from '../../../src/net/ip.js';
import { importTerraformPlan } from '../../../src/import/terraform/index.js';
import { loadTopologyText } from '../../../src/model/load-topology.js';
import type { RawTopology } from '../../../src/model/format.js';
import { isQueryError, traceFlow } from '../../../src/engine/trace-flow.js';

const FILE = 'test/import/terraform/fixtures/route53-plan.json';

describe('aws_route53_zone, _zone_association and _record', () => {
  const result = importTerraformPlan(FILE);
  const raw = parse(result.yaml) as RawTopology;

  it('maps the private zone with both VPCs and its simple and alias records', () => {
    expect(raw.hostedZones).toEqual({
      'aws_route53_zone.api': {
        name: 'api.internal', private: true, vpcs: ['aws_vpc.consumer', 'aws_vpc.provider'],
        records: [
          { name: 'svc.api.internal', type: 'A', alias: { endpoint: 'aws_vpc_endpoint.api' } },
          { name: 'db.api.internal', type: 'A', values: ['10.20.1.50'] },
          { name: 'www.api.internal', type: 'CNAME', value: 'db.api.internal' },
        ],
      },
    });
    expect(result.warnings.map((w) => `${w.code} ${w.resource}`)).toEqual(['FIELD_DROPPED aws_route53_record.weighted', 'UNMODELLED_RESOURCE aws_route53_zone.public']);
  });

  it('the consumer resolves the alias to the endpoint and reaches it', () => {
    const { topology } = loadTopologyText(FILE, result.yaml);
    const r = traceFlow(topology!, { from: 'aws_instance.app', to: 'svc.api.internal', protocol: 'tcp', port: 443 });
    if (isQueryError(r)) throw new Error(r.message);
    expect(r.traces[0]!.hops[0]!.steps?.[0]).toMatchObject({ type: 'dns', zone: 'aws_route53_zone.api', rule: 'hostedZone' });
    const t = topology!;
    const enis = t.endpoints.get('aws_vpc_endpoint.api')!.enis.map((e) => formatIp(t.enis.get(e)!.privateIp));
    expect(r.traces.map((x) => x.flow.dstIp).sort()).toEqual([...enis].sort());
  });
});
