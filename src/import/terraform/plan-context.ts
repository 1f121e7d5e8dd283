// What every Terraform mapper shares: the plan, the topology being built (the AWS
// importer's output model, written by its YAML writer), the problems, and where each
// emitted value came from in the plan (for locations in errors and traces). The AWS
// importer's helpers (ids, CIDRs, addresses) run on `aws`, an AWS import context over
// the same output; its warnings are merged into the plan's at the end.
import type { ImportContext } from '../aws/context.js';
import type { Src } from '../aws/json-reader.js';
import { Problems } from '../aws/problems.js';
import type { OutTopology, OutVpc } from '../aws/output-model.js';
import type { Plan, PlanLoc, PlanResource } from './plan-model.js';
import type { PlanErrorCode, PlanWarningCode } from './plan-problems.js';

/** How a reference was resolved: the plan's value, followed references, or a fallback rule. */
export type LinkHow = 'value' | 'reference' | 'fallback';

/** One reference resolved: attribute `attr` of `from` names `to` (plan addresses). */
export interface ResolvedLink {
  readonly from: string;
  readonly attr: string;
  readonly to: string;
  readonly how: LinkHow;
}

/** Shared state of one plan import. */
export interface PlanContext {
  readonly plan: Plan;
  readonly aws: ImportContext;
  /** The topology being built (the same object as aws.out). */
  readonly out: OutTopology;
  readonly problems: Problems<PlanErrorCode, PlanWarningCode>;
  /** Plan address -> output id, for every resource written. */
  readonly ids: Map<string, string>;
  /** Output id -> the VPC that holds it. */
  readonly vpcOfId: Map<string, OutVpc>;
  /** Where an emitted value (a route, a rule, a resource) came from. */
  readonly locs: WeakMap<object, PlanLoc>;
  /** Where values that are not objects came from, by JSON pointer (a VPC's internetGateway). */
  readonly pointerLocs: Map<string, PlanLoc>;
  /** Every reference resolved, in order. */
  readonly links: ResolvedLink[];
  /** Addresses some mapper read (mapped, or folded into another resource). */
  readonly handled: Set<string>;
  /** The plan's region (provider config, zone names or service names). */
  region: string;
}

/** The AWS-importer source of a plan resource, for the shared helpers. */
export function srcOf(ctx: PlanContext, r: PlanResource): Src {
  return { file: ctx.plan.file, dir: '', account: undefined, region: undefined, path: r.loc.path, name: r.nameTag };
}

/** `plan.json:12:7`, the source written in the `# from` comment above a resource. */
export function sourceOf(ctx: PlanContext, r: PlanResource): string {
  return `${ctx.plan.file}:${r.loc.line}:${r.loc.col}`;
}

/** Warn about a resource, located at its object in the plan. */
export function warnAt(ctx: PlanContext, code: PlanWarningCode, r: PlanResource, message: string): void {
  ctx.problems.warn(code, r.address, ctx.plan.file, r.loc.path, message);
}

/** An error about a resource, located at its object in the plan. */
export function errorAt(ctx: PlanContext, code: PlanErrorCode, r: PlanResource, message: string): void {
  ctx.problems.error(code, ctx.plan.file, r.loc.path, `${r.address}: ${message}`);
}

/** The resources of some types, in plan order. */
export function resourcesOf(ctx: PlanContext, ...types: readonly string[]): PlanResource[] {
  return ctx.plan.resources.filter((r) => types.includes(r.type) && !ctx.plan.deleted.has(r.address));
}
