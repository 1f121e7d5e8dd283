// Through a transit gateway ("How AWS Transit Gateway works", "Amazon VPC attachments in AWS
// Transit Gateway", "Transit gateway peering attachments", "Example: Appliance in a shared
// services VPC", Transit Gateways guide). In: a subnet's traffic reaches the gateway only when
// the VPC attachment has a subnet in that subnet's Availability Zone, crossing the network
// ACLs of the two subnets. Across: the route table the entry attachment is associated with
// picks the route (most specific; static before propagated); a blackhole drops, no route
// drops. Out into a VPC: through the attachment's interface in the zone the traffic entered
// by (the gateway keeps traffic in its originating zone), else in the destination's zone,
// else the attachment's first; with appliance mode, one zone's interface for both directions
// of the flow. From there the attachment subnet's route table takes the packet. Over a
// peering attachment the packet is routed again by the peer gateway's table for it.
import { formatPrefix } from '../../net/prefix.js';
import type { Eni, TgwVpcAttachment, TransitGateway, TransitGatewayAttachment } from '../../model/resources.js';
import type { Packet } from '../packet.js';
import type { StepOf, TgwRouteRecord } from '../steps.js';
import { describeTgwRoute } from '../describe-rule.js';
import type { TgwHit } from '../compile/tgw-routes.js';
import { crossSubnets } from './filters.js';
import { newHopLog, type HopLog } from './hop-log.js';
import type { Handler, Step, WalkEnv } from './position.js';

type AttachmentStep = StepOf<'transitGatewayAttachment'>;

function attachmentComponent(a: TransitGatewayAttachment) {
  return { id: a.id, kind: 'transitGatewayAttachment' as const };
}

/** A packet a VPC subnet's route table sent to a transit gateway. */
export const transitGatewayIngress: Handler<'transitGatewayIngress'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { tgw, fromSubnet, packet, sender } = at;
  const topo = env.ctx.topology;
  const subnet = topo.subnets.get(fromSubnet)!;
  const step = { type: 'transitGatewayAttachment', transitGateway: tgw.id, direction: 'in', vpc: subnet.vpc, subnet: fromSubnet, az: subnet.az } as const;
  const attachment = env.ctx.tgw.vpcAttachment.get(`${tgw.id} ${subnet.vpc}`);
  if (!attachment) {
    return log.end(log.drop({ id: tgw.id, kind: 'transitGateway' }, 'dropped', 'TGW_ATTACH_NOT_FOUND', { ...step, action: 'dropped', verdict: 'noAttachment' }, tgw.span, packet));
  }
  const base = { ...step, attachment: attachment.id, attachmentType: attachment.type } as const;
  if (attachment.state !== 'available') {
    return log.end(log.drop(attachmentComponent(attachment), 'dropped', 'BAD_STATE_ATTACHMENT', { ...base, action: 'dropped', verdict: 'notAvailable', state: attachment.state }, attachment.span, packet));
  }
  // "Resources in Availability Zones where there is no transit gateway attachment cannot reach
  // the transit gateway" (Amazon VPC attachments, Limits).
  const entry = attachment.subnets.find((s) => topo.subnets.get(s)?.az === subnet.az);
  if (entry === undefined) {
    return log.end(log.drop(attachmentComponent(attachment), 'dropped', 'TGW_ROUTE_AZ_RESTRICTION',
      { ...base, action: 'dropped', verdict: 'azRestriction', zones: zonesOf(env, attachment) }, attachment.span, packet));
  }
  // The sender's subnet ACL out, the attachment subnet's ACL in ("Network ACLs", Transit Gateways guide).
  const denied = crossSubnets(log, fromSubnet, entry, packet);
  if (denied) return log.end(denied);
  const sgReferencing = tgw.securityGroupReferencingSupport && attachment.securityGroupReferencingSupport;
  log.hop(attachmentComponent(attachment), 'forwarded', { ...base, action: 'forwarded', verdict: 'entered', subnet: entry }, attachment.span, packet);
  if (!env.reply) log.remember.push({ table: 'transit', key: 'crossed', value: tgw.id });
  return log.go({ kind: 'transitGateway', tgw, attachment, az: subnet.az, packet, sender, sgReferencing, carry: at.carry });
};

function zonesOf(env: WalkEnv, a: TgwVpcAttachment): string[] {
  return a.subnets.map((s) => env.ctx.topology.subnets.get(s)?.az ?? '?');
}

function routeRecord(hit: TgwHit, env: WalkEnv): TgwRouteRecord {
  const r = hit.route;
  return {
    index: r.index,
    destination: r.destination.kind === 'cidr' ? formatPrefix(r.destination.prefix) : r.destination.prefixList,
    target: r.target.kind === 'attachment' ? r.target.attachment : 'blackhole',
    origin: r.origin,
    text: describeTgwRoute(r, env.ctx.topology),
  };
}

/** Inside a transit gateway: the entry attachment's route table routes the packet out of an attachment. */
export const transitGateway: Handler<'transitGateway'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { tgw, attachment, packet } = at;
  const table = env.ctx.tgw.association.get(`${tgw.id} ${attachment.id}`);
  const step = { type: 'transitGatewayRoute', transitGateway: tgw.id, attachment: attachment.id } as const;
  if (table === undefined) {
    // "Each attachment is associated with exactly one route table": without one, nothing routes its traffic.
    return log.end(log.drop(attachmentComponent(attachment), 'dropped', 'TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION',
      { ...step, action: 'dropped', table: undefined, route: undefined, prefix: undefined, verdict: 'noAssociation' }, attachment.span, packet));
  }
  const rt = env.ctx.topology.transitGatewayRouteTables.get(table)!;
  const component = { id: rt.id, kind: 'transitGatewayRouteTable' as const };
  const hit = env.ctx.tgw.routeFor(rt.id, packet.dst);
  if (!hit) {
    return log.end(log.drop(component, 'dropped', 'TGW_RTB_CANNOT_ROUTE', { ...step, action: 'dropped', table: rt.id, route: undefined, prefix: undefined, verdict: 'noRoute' }, rt.span, packet));
  }
  const matched = { ...step, table: rt.id, route: routeRecord(hit, env), prefix: formatPrefix(hit.prefix) };
  const target = hit.route.target;
  if (target.kind === 'blackhole') {
    return log.end(log.drop(component, 'dropped', 'TGW_RTB_BAD_STATE_ROUTE', { ...matched, action: 'dropped', verdict: 'blackhole' }, hit.route.span, packet));
  }
  log.hop(component, 'forwarded', { ...matched, action: 'matched', verdict: 'matched' }, hit.route.span, packet);
  const out = env.ctx.topology.transitGatewayAttachments.get(target.attachment)!;
  return leave(log, tgw, out, at.az, at.sender, at.sgReferencing, packet);
};

/** Out of the gateway through `out`: into its VPC, or across the peering to the other gateway. */
function leave(log: HopLog, tgw: TransitGateway, out: TransitGatewayAttachment, az: string | undefined, sender: Eni | undefined, sgReferencing: boolean, packet: Packet): Step {
  const env = log.env;
  const base = { type: 'transitGatewayAttachment', transitGateway: tgw.id, direction: 'out', attachment: out.id, attachmentType: out.type } as const;
  if (out.state !== 'available') {
    return log.end(log.drop(attachmentComponent(out), 'dropped', 'BAD_STATE_ATTACHMENT', { ...base, action: 'dropped', verdict: 'notAvailable', state: out.state }, out.span, packet));
  }
  switch (out.type) {
    case 'peering': {
      // The packet goes on to the other gateway, whose table for this attachment routes it. Zones
      // and security group references do not cross a peering (another gateway, another Region).
      const peerId = out.transitGateway === tgw.id ? out.peer : out.transitGateway;
      const peer = env.ctx.topology.transitGateways.get(peerId)!;
      log.hop(attachmentComponent(out), 'forwarded', { ...base, action: 'forwarded', verdict: 'peering', peer: peer.id }, out.span, packet);
      return log.go({ kind: 'transitGateway', tgw: peer, attachment: out, az: undefined, packet, sender: undefined, sgReferencing: false, carry: log.carry });
    }
    case 'vpc': {
      const { subnet, choice } = exitSubnet(env, out, az, packet);
      const zone = env.ctx.topology.subnets.get(subnet)!.az;
      const referencing = sgReferencing && out.securityGroupReferencingSupport;
      if (out.applianceMode && !env.reply) log.remember.push({ table: 'transit', key: `zone:${out.id}`, value: subnet });
      log.hop(attachmentComponent(out), 'forwarded', {
        ...base, action: 'forwarded', verdict: 'exited', vpc: out.vpc, subnet, az: zone, zoneChoice: choice,
        applianceMode: out.applianceMode, securityGroupReferencing: referencing,
      }, out.span, packet);
      // The attachment subnet's route table takes the packet ("Amazon VPC attachments": the
      // attachment subnets are the entry and exit points of the gateway's traffic).
      const carry = { ...log.carry, transit: { gateway: tgw.id, sender: referencing ? sender : undefined } };
      return log.go({ kind: 'routeFromSubnet', subnet, origin: undefined, packet, carry });
    }
    default: {
      const never: never = out;
      return never;
    }
  }
}

/**
 * The attachment interface a packet leaves the gateway by. With appliance mode, the one the
 * flow already uses (flow stickiness: "the same network interface for the return traffic"),
 * else chosen once; without it, the zone the packet entered by, when the attachment has a
 * subnet there ("the transit gateway keeps traffic in the originating Availability Zone").
 * Otherwise AWS picks an interface by flow hash; vpcsim takes the destination's zone when the
 * attachment has one there, else the attachment's first, and the step says which.
 */
function exitSubnet(env: WalkEnv, a: TgwVpcAttachment, az: string | undefined, packet: Packet): { subnet: string; choice: NonNullable<AttachmentStep['zoneChoice']> } {
  const topo = env.ctx.topology;
  if (a.applianceMode) {
    const kept = env.memory.transit.get(`zone:${a.id}`);
    if (kept !== undefined && a.subnets.includes(kept)) return { subnet: kept, choice: 'applianceModeReply' };
  }
  const inZone = (zone: string | undefined) => (zone === undefined ? undefined : a.subnets.find((s) => topo.subnets.get(s)?.az === zone));
  const source = inZone(az);
  if (source !== undefined) return { subnet: source, choice: a.applianceMode ? 'applianceMode' : 'sourceZone' };
  const holder = env.ctx.eniAt(a.vpc, packet.dst);
  const destination = inZone(holder?.az);
  if (destination !== undefined) return { subnet: destination, choice: a.applianceMode ? 'applianceMode' : 'destinationZone' };
  return { subnet: a.subnets[0]!, choice: a.applianceMode ? 'applianceMode' : 'firstZone' };
}
