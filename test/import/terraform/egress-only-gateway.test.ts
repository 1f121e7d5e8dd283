// aws_egress_only_internet_gateway becomes the VPC's egressOnlyInternetGateway and a route
// naming it (egress_only_gateway_id) keeps it as target ("Egress-only internet gateways",
// Amazon VPC guide; AWS provider docs, aws_egress_only_internet_gateway and aws_route).
// The plan is a small one written for the test (the fixture plans create none).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { importTerraformPlan } from '../../../src/import/terraform/index.js';

const P = 'registry.terraform.io/hashicorp/aws';
const ref = (...refs: string[]) => ({ references: refs });

function resource(type: string, name: string, after: Record<string, unknown>, unknown: Record<string, unknown>, expressions: Record<string, unknown>) {
  return { type, name, after, unknown, expressions };
}

function planFile(): string {
  const rs = [
    resource('aws_vpc', 'main', { cidr_block: '10.0.0.0/16', ipv6_cidr_block: '2600:1f18:aa00::/56' }, { id: true }, { cidr_block: { constant_value: '10.0.0.0/16' } }),
    resource('aws_egress_only_internet_gateway', 'out', {}, { id: true, vpc_id: true }, { vpc_id: ref('aws_vpc.main.id', 'aws_vpc.main') }),
    resource('aws_route_table', 'private', {}, { id: true, vpc_id: true, route: true }, { vpc_id: ref('aws_vpc.main.id', 'aws_vpc.main') }),
    resource('aws_route', 'ipv6_out', { destination_ipv6_cidr_block: '::/0' }, { id: true, route_table_id: true, egress_only_gateway_id: true },
      { destination_ipv6_cidr_block: { constant_value: '::/0' }, egress_only_gateway_id: ref('aws_egress_only_internet_gateway.out.id', 'aws_egress_only_internet_gateway.out'), route_table_id: ref('aws_route_table.private.id', 'aws_route_table.private') }),
  ];
  const address = (r: { type: string; name: string }) => `${r.type}.${r.name}`;
  const plan = {
    format_version: '1.2',
    planned_values: { root_module: { resources: rs.map((r) => ({ address: address(r), mode: 'managed', type: r.type, name: r.name, provider_name: P, values: r.after })) } },
    resource_changes: rs.map((r) => ({ address: address(r), mode: 'managed', type: r.type, name: r.name, provider_name: P, change: { actions: ['create'], before: null, after: r.after, after_unknown: r.unknown } })),
    configuration: { provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } } }, root_module: { resources: rs.map((r) => ({ address: address(r), mode: 'managed', type: r.type, name: r.name, provider_config_key: 'aws', expressions: r.expressions })) } },
  };
  const file = join(mkdtempSync(join(tmpdir(), 'vpcsim-eigw-plan-')), 'plan.json');
  writeFileSync(file, JSON.stringify(plan, null, 2));
  return file;
}

describe('aws_egress_only_internet_gateway', () => {
  it('is the VPC\'s egress-only gateway, and the ::/0 route targets it', () => {
    const r = importTerraformPlan(planFile());
    expect(r.errors).toEqual([]);
    expect(r.warnings.filter((w) => w.code === 'ROUTE_AS_BLACKHOLE' || w.code === 'ROUTE_TO_UNMODELLED' || w.code === 'UNMODELLED_RESOURCE')).toEqual([]);
    const vpc = (YAML.parse(r.yaml) as { vpcs: Record<string, { egressOnlyInternetGateway?: string; routeTables: Record<string, { routes: unknown[] }> }> }).vpcs['aws_vpc.main']!;
    expect(vpc.egressOnlyInternetGateway).toBe('aws_egress_only_internet_gateway.out');
    expect(vpc.routeTables['aws_route_table.private']!.routes).toEqual([{ destination: '::/0', target: 'aws_egress_only_internet_gateway.out' }]);
    expect(r.links.map((l) => `${l.from} ${l.attr} -> ${l.to}`)).toContain('aws_route.ipv6_out egress_only_gateway_id -> aws_egress_only_internet_gateway.out');
  });
});
