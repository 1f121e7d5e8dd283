// A resource's `Name` tag as its alias (the format's `name`), for the kinds that take one
// (instances, network interfaces, NAT gateways, load balancers, endpoints): flows and checks
// may then say `app` for `aws_instance.app`. A name two resources share is refused when
// a flow uses it, naming both, as for an AWS snapshot's Name tags.
import type { PlanResource } from './plan-model.js';

/** `{ name }` from the Name tag, or nothing. */
export function nameAlias(r: PlanResource): { name?: string } {
  return r.nameTag !== undefined && r.nameTag !== '' ? { name: r.nameTag } : {};
}
