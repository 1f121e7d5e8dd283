// An interface written with `securityGroups: []` (NO_SECURITY_GROUP).
import { report, type BuildContext } from './context.js';

/**
 * `securityGroups: []` is not "unfiltered": every network interface has at least one
 * security group, and an instance or interface endpoint launched without one gets the VPC's
 * default group ("Security groups for your VPC", Amazon VPC guide: "If you don't specify a
 * security group, we use the default security group"; a network interface needs at least one,
 * ModifyNetworkInterfaceAttribute). Leaving the key out means that default group.
 */
export function reportNoSecurityGroup(ctx: BuildContext, groups: readonly string[] | undefined, at: string, what: string): void {
  if (groups === undefined || groups.length > 0) return;
  report(ctx, 'NO_SECURITY_GROUP', `${what} has no security group; AWS gives every network interface at least one (leave securityGroups out for the VPC's default group, or name one)`, at);
}
