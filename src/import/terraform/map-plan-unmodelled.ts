// Network resources vpcsim does not model yet (transit gateways, VPN, Direct Connect,
// egress-only internet gateways, Route 53, Classic and Application Load Balancers, and
// services that put interfaces in a VPC): each is named in an UNMODELLED_RESOURCE warning,
// and routes to them keep them as `unmodelled:` targets, with a warning of their own (map-plan-route-tables.ts),
// never silent. Everything else in the plan is counted in one NOT_NETWORK_RELEVANT warning.
import { cmp } from '../aws/problems.js';
import { warnAt, type PlanContext } from './plan-context.js';
import type { PlanResource } from './plan-model.js';

/** A mapper that names each resource of an unmodelled kind in a warning. */
export function unmodelled(kind: string): (ctx: PlanContext, resources: readonly PlanResource[]) => void {
  return (ctx, resources) => {
    for (const r of resources) {
      ctx.handled.add(r.address);
      warnAt(ctx, 'UNMODELLED_RESOURCE', r, `${kind} ${r.address} is not modelled; verdicts do not account for it (routes to it stop at it as an unmodelled target)`);
    }
  };
}

/** One warning counting every resource no mapper read, by type. */
export function warnNotNetworkRelevant(ctx: PlanContext): void {
  const left = ctx.plan.resources.filter((r) => r.mode === 'managed' && !ctx.handled.has(r.address) && !ctx.plan.deleted.has(r.address));
  if (left.length === 0) return;
  const byType = new Map<string, number>();
  for (const r of left) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
  const types = [...byType.entries()].sort((a, b) => cmp(a[0], b[0])).map(([t, n]) => `${t} (${n})`);
  ctx.problems.warn('NOT_NETWORK_RELEVANT', '', ctx.plan.file, '',
    `${left.length} resource${left.length === 1 ? '' : 's'} of ${byType.size} type${byType.size === 1 ? '' : 's'} not network relevant, not imported: ${types.join(', ')}`);
}
