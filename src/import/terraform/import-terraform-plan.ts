// The Terraform importer's entry point: `terraform show -json` of a plan (or a state) ->
// a format v1 topology as YAML text, with every warning and error, each located in the
// plan JSON. Read and recognise the file (read-plan-file.ts), index it (read-plan.ts),
// map one family at a time through the table (plan-mappers.ts), write with the AWS
// importer's YAML writer. Pure apart from reading the file: same plan, same bytes.
import { basename } from 'node:path';
import type { ImportContext } from '../aws/context.js';
import { FALLBACK_REGION } from '../aws/map-vpcs.js';
import { cmp, Problems } from '../aws/problems.js';
import { emptySnapshot } from '../aws/snapshot.js';
import { writeYaml } from '../aws/write-yaml.js';
import { warnNotNetworkRelevant } from './map-plan-unmodelled.js';
import type { PlanContext, ResolvedLink } from './plan-context.js';
import { collectLocations, type PlanLocations } from './plan-locations.js';
import { PLAN_MAPPERS } from './plan-mappers.js';
import type { Plan, PlanLoc } from './plan-model.js';
import type { PlanErrorCode, PlanProblem, PlanWarningCode } from './plan-problems.js';
import { providerRegion, regionFromValues } from './provider-of.js';
import { readPlan } from './read-plan.js';
import { readPlanFile } from './read-plan-file.js';

/** The outcome of importing a plan. */
export interface PlanImportResult {
  /** The topology as format v1 YAML (warnings in its header); '' when there are errors. */
  readonly yaml: string;
  readonly warnings: readonly PlanProblem<PlanWarningCode>[];
  readonly errors: readonly PlanProblem<PlanErrorCode>[];
  /** Every reference resolved, and how (the plan's value, followed references, a fallback). */
  readonly links: readonly ResolvedLink[];
  /** JSON pointer into the YAML -> plan location, for errors and traces. */
  readonly locations: PlanLocations;
}

const AWS_PROVIDER = /(^|\/)(hashicorp\/)?(aws|awscc)$/;

function regionOf(ctx: PlanContext): { region: string; inferred: boolean } {
  const counts = new Map<string, number>();
  for (const r of ctx.plan.resources) {
    const region = providerRegion(ctx, r) ?? regionFromValues(r.values);
    if (region !== undefined) counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
  return ranked[0] ? { region: ranked[0][0], inferred: false } : { region: FALLBACK_REGION, inferred: true };
}

function header(plan: Plan, name: string, warnings: readonly PlanProblem<PlanWarningCode>[]): string {
  const lines = [
    ` Imported by \`vpcsim import terraform\` from ${name} (terraform show -json of a ${plan.kind}, format ${plan.formatVersion}); see docs/terraform.md.`,
    ' Ids are Terraform addresses; `# from` comments give the line:col of each resource in the plan.',
  ];
  if (warnings.length === 0) return [...lines, ' No warnings: everything in the plan is modelled.'].join('\n');
  lines.push('', ` ${warnings.length} warning${warnings.length === 1 ? '' : 's'}: verdicts do not account for what these name.`);
  for (const w of warnings) lines.push(`  - ${w.code} ${w.resource === '' ? '(plan)' : w.resource} at ${w.line}:${w.col}: ${w.message.replace(/\s*\n\s*/g, ' ')}`);
  return lines.join('\n');
}

/** Import a plan file; `name` is the file name locations print (default: the path). */
export function importTerraformPlan(path: string, options: { readonly name?: string } = {}): PlanImportResult {
  const file = options.name ?? path;
  const empty = { yaml: '', warnings: [], links: [], locations: new Map() };
  const read = readPlanFile(path);
  if ('error' in read) return { ...empty, errors: [read.error] };
  const { plan, errors } = readPlan(file, read.plan);
  const lineOf = (p: { path: string }, byPath: Map<string, PlanLoc>): { line: number; col: number } => byPath.get(p.path) ?? { line: 1, col: 1 };
  if (!plan) return { ...empty, errors };
  const aws = plan.resources.filter((r) => AWS_PROVIDER.test(r.providerName) || r.type.startsWith('aws_') || r.type.startsWith('awscc_'));
  if (aws.length === 0) {
    const providers = [...new Set(plan.resources.map((r) => r.providerName))].sort(cmp);
    return {
      ...empty,
      errors: [{ code: 'NO_AWS_RESOURCES', resource: '', path: '$', line: 1, col: 1,
        message: `the plan holds no resource of the AWS providers (hashicorp/aws, hashicorp/awscc)${providers.length > 0 ? `, only of ${providers.join(', ')}` : ''}: there is nothing for vpcsim to verify` }],
    };
  }
  const awsCtx: ImportContext = {
    snapshot: emptySnapshot(), problems: new Problems(),
    out: { name: basename(file).replace(/\.json$/, ''), description: '', region: FALLBACK_REGION, accounts: new Map(), vpcs: new Map(), peeringConnections: new Map(), transitGateways: new Map(), prefixLists: new Map(), unmodelled: new Map(),
      virtualPrivateGateways: new Map(), customerGateways: new Map(), vpnConnections: new Map(), onPremises: new Map(), hostedZones: new Map() },
    ids: new Map(), vpcRegions: new Map(), unfollowed: new Map(), lbIds: new Map(), tgIds: new Map(), addresses: new Map(),
  };
  const ctx: PlanContext = {
    plan, aws: awsCtx, out: awsCtx.out, problems: new Problems<PlanErrorCode, PlanWarningCode>(), ids: new Map(), vpcOfId: new Map(),
    locs: new WeakMap(), pointerLocs: new Map(), links: [], handled: new Set(), region: FALLBACK_REGION,
  };
  const { region, inferred } = regionOf(ctx);
  ctx.region = region;
  ctx.out.region = region;
  if (inferred) ctx.problems.warn('INFERRED_VALUE', 'region', file, '', `nothing in the plan names a region (provider region, zone or service names); ${FALLBACK_REGION} is assumed`);
  for (const row of PLAN_MAPPERS) {
    const rows = plan.resources.filter((r) => row.types.includes(r.type) && !plan.deleted.has(r.address) && !ctx.handled.has(r.address) && (r.mode === 'managed' || row.data === true));
    if (rows.length > 0) row.map(ctx, rows);
  }
  warnNotNetworkRelevant(ctx);

  // Positions: every problem names a JSON path of the plan; its line:col is that object's.
  const byPath = new Map(plan.resources.map((r) => [r.loc.path, r.loc] as [string, PlanLoc]));
  const locate = <C extends string>(p: { code: C; resource: string; path: string; message: string }): PlanProblem<C> => ({ ...p, ...lineOf(p, byPath) });
  const warnings = [...ctx.problems.warnings(), ...awsCtx.problems.warnings()]
    .map((w) => locate(w))
    .sort((a, b) => cmp(a.code, b.code) || cmp(a.resource, b.resource) || cmp(a.message, b.message));
  // The shared AWS helpers report only WRONG_SHAPE and UNKNOWN_REFERENCE, codes both importers have.
  const awsErrors = awsCtx.problems.sortedErrors().map((e) => ({ ...e, code: e.code === 'UNKNOWN_REFERENCE' ? 'UNKNOWN_REFERENCE' as const : 'WRONG_SHAPE' as const }));
  const allErrors = [...ctx.problems.sortedErrors(), ...awsErrors].map((e) => locate({ ...e, resource: '' }));
  if (allErrors.length > 0) return { ...empty, warnings, errors: allErrors.sort((a, b) => a.line - b.line || a.col - b.col || cmp(a.message, b.message)) };
  ctx.out.description = `Terraform ${plan.kind} ${basename(file)}, imported by vpcsim.` +
    (warnings.length > 0 ? ` The ${warnings.length} import warning${warnings.length === 1 ? '' : 's'} at the top of the file name what verdicts do not account for.` : '');
  const yaml = writeYaml(ctx.out, header(plan, basename(file), warnings));
  return { yaml, warnings, errors: [], links: ctx.links, locations: collectLocations(ctx.out, ctx.locs, ctx.pointerLocs) };
}
