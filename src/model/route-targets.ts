// The closed list of resource kinds a route may name as its target ("Route table concepts":
// route targets, Amazon VPC guide; "Example routing options": a middlebox's network interface),
// besides `local` and `blackhole`. An instance stands for its primary network interface; a
// network interface (`networkInterfaces`: an instance's secondary one, or a standalone one) is
// a target of its own. The model's route builder accepts exactly these; the walk's switch over
// them ends in a `never` check, so a new kind here is a compile error until the walk handles it.
import type { Resource } from './resources.js';

/** Every resource kind a route may target. */
export const ROUTE_TARGET_KINDS = ['internetGateway', 'egressOnlyInternetGateway', 'natGateway', 'endpoint', 'peeringConnection', 'instance', 'networkInterface', 'transitGateway', 'virtualPrivateGateway', 'unmodelled'] as const;

/** A resource kind a route may target. */
export type RouteTargetKind = (typeof ROUTE_TARGET_KINDS)[number];

/** A resource a route may target. */
export type RouteTargetResource = Extract<Resource, { readonly kind: RouteTargetKind }>;

const KINDS: ReadonlySet<string> = new Set(ROUTE_TARGET_KINDS);

/** The resource a route targets, when it is of a kind a route may target. */
export function routeTargetResource(r: Resource | undefined): RouteTargetResource | undefined {
  return r !== undefined && KINDS.has(r.kind) ? (r as RouteTargetResource) : undefined;
}
