// Inline security group rules whose peer is known only after apply
// (`security_groups = [aws_security_group.app.id]`, `prefix_list_ids =
// [aws_vpc_endpoint.s3.prefix_list_id]`) are read from the configuration block they were
// written as: matched by their constant attributes (ingress / egress are sets, listed in
// the set's order, not as written), or, when the whole set is unknown, read from the
// configuration alone. The plan is examples/terraform/plan.json; variants edit its JSON.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { importTerraformPlan } from '../../../src/import/terraform/index.js';
import { importedPlan, linkKeys } from './plan-helpers.js';

const EXAMPLE = 'examples/terraform/plan.json';

type Json = Record<string, unknown>;

/** The object at a path of keys. */
function at(o: unknown, ...path: string[]): Json {
  return path.reduce((x, k) => (x as Json)[k], o) as Json;
}

/** The resource object of a list (resource_changes, planned or configured resources) with this address. */
function find(list: unknown, address: string): Json {
  return (list as Json[]).find((r) => r['address'] === address)!;
}

function variant(edit: (plan: Json) => void): string {
  const plan = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Json;
  edit(plan);
  const file = join(mkdtempSync(join(tmpdir(), 'vpcsim-plan-')), 'plan.json');
  writeFileSync(file, JSON.stringify(plan, null, 2));
  return file;
}

const change = (plan: Json, address: string): Json => at(find(plan['resource_changes'], address), 'change');
const planned = (plan: Json, address: string): Json => at(find(at(plan, 'planned_values', 'root_module')['resources'], address), 'values');
const config = (plan: Json, address: string): Json => at(find(at(plan, 'configuration', 'root_module')['resources'], address), 'expressions');

/** Make a rule set wholly unknown at plan time, as Terraform prints a set it cannot know yet. */
function wholeSetUnknown(plan: Json, address: string, key: string): void {
  at(change(plan, address), 'after_unknown')[key] = true;
  delete at(change(plan, address), 'after')[key];
  delete planned(plan, address)[key];
}

function rules(file: string) {
  const r = importTerraformPlan(file);
  const doc = YAML.parse(r.yaml) as Json;
  const sg = (id: string): Json => at(doc, 'vpcs', 'aws_vpc.consumer', 'securityGroups', id);
  return { result: r, endpointIngress: sg('aws_security_group.endpoint')['ingress'] as Json[], appEgress: sg('aws_security_group.app')['egress'] as Json[] };
}

const ENDPOINT_INGRESS = [{ protocol: 'tcp', ports: 443, securityGroup: 'aws_security_group.app', description: 'HTTPS from the app' }];
const APP_EGRESS = [
  { protocol: 'tcp', ports: 443, cidr: '10.20.0.0/16', description: 'HTTPS inside the VPC (the API endpoint)' },
  { protocol: 'tcp', ports: 443, prefixList: 'com.amazonaws.us-east-1.s3', description: 'HTTPS to S3' },
];

describe('inline rules naming peers known only after apply', () => {
  it('follow the configuration block of the rule to the group and the gateway endpoint\'s prefix list', () => {
    const { result } = importedPlan(EXAMPLE);
    expect(result.warnings).toEqual([]);
    const links = linkKeys(result);
    expect(links).toContain('aws_security_group.endpoint security_groups -> aws_security_group.app (reference)');
    expect(links).toContain('aws_security_group.app prefix_list_ids -> aws_vpc_endpoint.s3 (reference)');
    const r = rules(EXAMPLE);
    expect(r.endpointIngress).toEqual(ENDPOINT_INGRESS);
    expect(r.appEgress).toEqual(APP_EGRESS);
  });

  it('pair a value block with its configuration block by constants, not by position in the set', () => {
    const file = variant((plan) => {
      const c = change(plan, 'aws_security_group.app');
      for (const side of [at(c, 'after'), at(c, 'after_unknown'), planned(plan, 'aws_security_group.app')]) (side['egress'] as unknown[]).reverse();
    });
    const r = rules(file);
    expect(r.result.warnings).toEqual([]);
    expect([...r.appEgress].sort((a, b) => String(a['description']).localeCompare(String(b['description'])))).toEqual(APP_EGRESS);
  });

  it('read a rule set unknown as a whole from its configuration blocks', () => {
    const file = variant((plan) => {
      wholeSetUnknown(plan, 'aws_security_group.app', 'egress');
      wholeSetUnknown(plan, 'aws_security_group.endpoint', 'ingress');
    });
    const r = rules(file);
    expect(r.result.warnings).toEqual([]);
    expect(r.endpointIngress).toEqual(ENDPOINT_INGRESS);
    expect(r.appEgress).toEqual(APP_EGRESS);
  });

  it('leave out, warned, a configured rule whose port is not a constant', () => {
    const file = variant((plan) => {
      wholeSetUnknown(plan, 'aws_security_group.endpoint', 'ingress');
      (config(plan, 'aws_security_group.endpoint')['ingress'] as Json[])[0]!['from_port'] = { references: ['var.port'] };
    });
    const r = rules(file);
    expect(r.endpointIngress).toEqual([]);
    expect(r.result.warnings.map((w) => [w.code, w.resource])).toEqual([['VALUE_UNKNOWN', 'aws_security_group.endpoint']]);
  });

  it('leave a peer out, warned, when two configuration blocks match a value block and differ', () => {
    const file = variant((plan) => {
      const blocks = config(plan, 'aws_security_group.endpoint')['ingress'] as Json[];
      blocks.push({ ...blocks[0], security_groups: { references: ['aws_security_group.api.id', 'aws_security_group.api'] } });
    });
    const r = rules(file);
    expect(r.endpointIngress).toEqual([]);
    expect(r.result.warnings.map((w) => [w.code, w.resource])).toEqual([['VALUE_UNKNOWN', 'aws_security_group.endpoint']]);
    expect(r.result.warnings[0]!.message).toContain('no configuration block of the set matches it');
  });
});
