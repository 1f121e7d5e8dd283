// Writing a plan resource into the output model: its id is its Terraform address (claimed
// through the AWS importer's claimId, so ids never collide), its `# from` comment names
// plan.json:line:col, and every emitted value remembers the plan object it came from, so
// that locations in errors and traces point into the plan.
import { claimId } from '../aws/context.js';
import { emitted, Noted, type Emitted, type OutVpc } from '../aws/output-model.js';
import { sourceOf, srcOf, type PlanContext } from './plan-context.js';
import type { PlanResource } from './plan-model.js';

/** Claim a resource's address as its id; undefined when it cannot be written. */
export function claimAddress(ctx: PlanContext, r: PlanResource, kind: string): string | undefined {
  ctx.handled.add(r.address);
  if (!claimId(ctx.aws, r.address, kind, srcOf(ctx, r))) return undefined;
  ctx.ids.set(r.address, r.address);
  return r.address;
}

/** An emitted resource whose comment names its place in the plan. */
export function emit<T extends object>(ctx: PlanContext, r: PlanResource, value: T, notes: string[] = []): Emitted<T> {
  const e = emitted(value, sourceOf(ctx, r), notes, r.nameTag);
  ctx.locs.set(e.value, r.loc);
  return e;
}

/** A list item (route, rule) located at the plan object it came from. */
export function noted<T extends object>(ctx: PlanContext, r: PlanResource, value: T, note?: string): Noted<T> {
  ctx.locs.set(value, r.loc);
  return new Noted(value, note);
}

/** The output id of a resource already written, if any. */
export function idOf(ctx: PlanContext, r: PlanResource | undefined): string | undefined {
  return r === undefined ? undefined : ctx.ids.get(r.address);
}

/** The VPC that holds an output id. */
export function vpcHolding(ctx: PlanContext, id: string | undefined): OutVpc | undefined {
  return id === undefined ? undefined : ctx.vpcOfId.get(id);
}
