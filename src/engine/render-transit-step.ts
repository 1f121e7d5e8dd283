// The words of transit gateway steps, for render-step.ts (the one place steps become words):
// where a packet entered or left a gateway and how its zone was chosen, and the route its
// table took.
import { describeView as p } from './packet.js';
import type { StepOf } from './steps.js';
import type { RenderContext } from './render-step.js';

function never(x: never): never {
  throw new Error(`unrendered transit gateway step ${JSON.stringify(x)}`);
}

const ZONE_CHOICE: Readonly<Record<NonNullable<StepOf<'transitGatewayAttachment'>['zoneChoice']>, string>> = {
  sourceZone: 'the zone the packet entered the gateway by',
  destinationZone: "the destination's zone (the attachment has no subnet in the zone the packet entered by)",
  firstZone: "the attachment's first subnet (it has none in the entry zone or the destination's; AWS picks by flow hash)",
  applianceMode: 'appliance mode: one zone for both directions of the flow',
  applianceModeReply: 'appliance mode: the zone the request went by',
};

/** A transit gateway attachment step in words. */
export function transitAttachmentDetail(s: StepOf<'transitGatewayAttachment'>, c: RenderContext): string {
  const att = s.attachment ?? '';
  switch (s.verdict) {
    case 'noAttachment': return `VPC ${s.vpc ?? ''} has no attachment to ${s.transitGateway}, so the route to it carries nothing`;
    case 'notAvailable': return `${att} is ${s.state ?? ''}, not available`;
    case 'azRestriction': return `${att} has no subnet in ${s.az ?? ''}, the zone of ${s.subnet ?? ''} (its subnets are in ${(s.zones ?? []).join(', ')}): traffic from ${s.az ?? ''} cannot reach ${s.transitGateway}`;
    case 'entered': return `${p(c.packet)} enters ${s.transitGateway} through ${att} (subnet ${s.subnet ?? ''}, ${s.az ?? ''})`;
    case 'exited': {
      const refs = s.securityGroupReferencing ? '; security group references across the gateway apply' : '; security group references across the gateway do not (only CIDR rules match)';
      return `${s.transitGateway} sends ${p(c.packet)} into ${s.vpc ?? ''} through ${att}, subnet ${s.subnet ?? ''} (${s.az ?? ''}): ${ZONE_CHOICE[s.zoneChoice ?? 'sourceZone']}${refs}`;
    }
    case 'peering': return `${s.transitGateway} sends ${p(c.packet)} over peering attachment ${att} to ${s.peer ?? ''}`;
    default: return never(s.verdict);
  }
}

/** Why a transit gateway attachment step did what it did. */
export function transitAttachmentWhy(s: StepOf<'transitGatewayAttachment'>): string | undefined {
  switch (s.verdict) {
    case 'azRestriction': return 'A VPC attachment has one subnet per Availability Zone; resources in a zone where it has none cannot reach the transit gateway ("Amazon VPC attachments", Transit Gateways guide).';
    case 'notAvailable': return 'Only an available attachment carries traffic: a cross-account attachment must be accepted first.';
    case 'noAttachment': return 'A VPC reaches a transit gateway only through its own VPC attachment to it.';
    case 'exited': return s.zoneChoice === 'applianceMode' || s.zoneChoice === 'applianceModeReply'
      ? 'With appliance mode the gateway keeps one interface of the attachment for the whole flow, so a stateful appliance behind it sees both directions.'
      : 'Without appliance mode the gateway keeps traffic in the zone it entered by, so the two directions of a flow may use different zones (and appliances) of a VPC.';
    case 'peering': return 'Transit gateway peering carries static routes only: the peer gateway routes the packet by the table associated with the peering attachment on its side.';
    case 'entered': return undefined;
    default: return never(s.verdict);
  }
}

/** A transit gateway route step in words. */
export function transitRouteDetail(s: StepOf<'transitGatewayRoute'>, c: RenderContext): string {
  switch (s.verdict) {
    case 'noAssociation': return `${s.attachment} is associated with no route table of ${s.transitGateway}, so nothing routes ${p(c.packet)}`;
    case 'noRoute': return `no route of ${s.table ?? ''} matches ${c.packet.dst}`;
    case 'blackhole': return `${s.table ?? ''} ${s.route?.text ?? ''} drops ${p(c.packet)} (blackhole)`;
    case 'matched': return `${s.table ?? ''} ${s.route?.text ?? ''} matches ${c.packet.dst} (/${(s.prefix ?? '').split('/')[1] ?? ''})`;
    default: return never(s.verdict);
  }
}

/** Why a transit gateway route step did what it did. */
export function transitRouteWhy(s: StepOf<'transitGatewayRoute'>): string | undefined {
  switch (s.verdict) {
    case 'noAssociation': return 'Traffic entering a transit gateway is routed by the one route table its attachment is associated with.';
    case 'matched': return 'A transit gateway table takes the most specific route; for one destination, a static route before a prefix list reference before propagated routes ("Route evaluation order").';
    case 'noRoute': case 'blackhole': return undefined;
    default: return never(s.verdict);
  }
}
