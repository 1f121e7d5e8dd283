// Shared by the Terraform importer tests: where the real plans are, and an import that
// must succeed and load (through loadInput, as every command loads a plan).
import { resolve } from 'node:path';
import { importTerraformPlan, type PlanImportResult } from '../../../src/import/terraform/index.js';
import { loadInput } from '../../../src/import/load-input.js';
import type { Topology } from '../../../src/model/topology.js';

/** The real plans (test/fixtures/README.md). */
export const PLANS = resolve('test/fixtures/terraform');

/** A plan of test/fixtures/terraform by a distinctive part of its name. */
export function plan(part: string): string {
  return resolve(PLANS, PLAN_FILES.find((f) => f.includes(part))!);
}

/** Every plan fixture. */
export const PLAN_FILES = [
  'bridgecrewio__checkov__tests__common__runner_registry__plan_with_for_each_for_enrichment__tf_plan.json',
  'bridgecrewio__checkov__tests__terraform__runner__resources__plan__tfplan.json',
  'gjkraken__aws-site-to-site-vpn-private-ip-vpn__terraform__plan.json',
  'snyk__policy-engine__pkg__input__golden_test__tfplan__example-06-tf-v1.0__plan.json',
  'terraform-compliance__cli__tests__functional__test_issue-158__plan.out.json',
  'terraform-compliance__cli__tests__functional__test_issue-171__plan.out.json',
  'terraform-compliance__cli__tests__functional__test_issue-234-ingress__plan.out.json',
  'terraform-compliance__cli__tests__functional__test_issue-514__plan.out.json',
  'terraform-compliance__cli__tests__functional__test_pull_330__plan.out.json',
] as const;

/** An imported plan that loaded without errors. */
export interface ImportedPlan {
  readonly result: PlanImportResult;
  readonly topology: Topology;
}

/** Import and load a plan; throw with every problem when it does not. */
export function importedPlan(path: string): ImportedPlan {
  const result = importTerraformPlan(path);
  if (result.errors.length > 0) throw new Error(result.errors.map((e) => `${e.line}:${e.col} ${e.code} ${e.message}`).join('\n'));
  const { topology, diagnostics } = loadInput(path);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!topology || errors.length > 0) throw new Error(errors.map((d) => `${d.span.line}:${d.span.col} ${d.code} ${d.message}`).join('\n'));
  return { result, topology };
}

/** The ids of one kind of resource, without derived ids (`vpc/main`). */
export function idsOf(t: Topology, kind: keyof Topology & ('vpcs' | 'subnets' | 'routeTables' | 'internetGateways' | 'natGateways' | 'securityGroups' | 'networkAcls' | 'instances' | 'loadBalancers' | 'targetGroups' | 'endpointServices' | 'endpoints' | 'peeringConnections')): string[] {
  return [...t[kind].keys()].filter((id) => !/\/(main|default-sg|default-acl)$/.test(id));
}

/** Resolved links as `from attr -> to (how)`, deduplicated, for assertions. */
export function linkKeys(r: PlanImportResult): string[] {
  return [...new Set(r.links.map((l) => `${l.from} ${l.attr} -> ${l.to} (${l.how})`))];
}
