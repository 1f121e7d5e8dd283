// The public internet as vpcsim sees it: internet hosts from the file, AWS services' public
// ranges, public IPs of interfaces in the file (reached back through their VPC's internet
// gateway), and every other public address as "the internet".
import { prefixContains } from '../../net/prefix.js';
import { isPublicAddress } from '../../net/special-ranges.js';
import { addrKey } from '../compile/engine-context.js';
import { viewPacket, type Packet } from '../packet.js';
import { newHopLog } from './hop-log.js';
import { routeRecord } from './route-record.js';
import type { Handler } from './position.js';

const INTERNET = { id: 'internet', kind: 'internet' as const };

/** A flow that starts on the internet: the sender's hop, then the internet carries it. */
export const internetSource: Handler<'internetSource'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const component = at.host ? { id: at.host.id, kind: 'internetHost' as const } : INTERNET;
  log.hop(component, 'forwarded', { type: 'send', action: 'forwarded', sender: at.label }, at.host?.span, at.packet);
  return log.go({ kind: 'fromInternet', packet: at.packet, carry: at.carry });
};

/** A packet on the internet, headed for packet.dst. */
export const toInternet: Handler<'toInternet'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { packet, carry } = at;
  const ctx = env.ctx;
  if (packet.dst.family === 4 ? ctx.eniByPublicIp.has(packet.dst.value) : ctx.eniByIpv6.has(packet.dst.value)) return log.go({ kind: 'fromInternet', packet, carry });
  const host = ctx.hostByIp.get(addrKey(packet.dst));
  if (host) {
    log.hop({ id: host.id, kind: 'internetHost' }, 'delivered', { type: 'delivered', action: 'delivered', receiver: host.id, to: 'internetHost' }, host.span, packet);
    return log.deliver({ kind: 'internet', packet, host });
  }
  const svc = ctx.serviceRanges.find((s) => prefixContains(s.prefix, packet.dst));
  if (svc) {
    log.hop({ id: svc.service.name, kind: 'awsService' }, 'delivered', { type: 'delivered', action: 'delivered', receiver: svc.service.name, to: 'awsServicePublic' }, undefined, packet);
    return log.deliver({ kind: 'awsService', service: svc.service, packet, via: 'internet' });
  }
  if (!isPublicAddress(packet.dst)) {
    return log.end(log.drop(INTERNET, 'dropped', 'UNKNOWN_DESTINATION', { type: 'internet', action: 'dropped', verdict: 'notPublic' }, undefined, packet));
  }
  log.hop(INTERNET, 'delivered', { type: 'delivered', action: 'delivered', receiver: 'internet', to: 'internet' }, undefined, packet);
  return log.deliver({ kind: 'internet', packet, host: undefined });
};

/**
 * A packet from the internet to a public IP in the file: the VPC's internet gateway
 * translates it to the private address, an edge route table associated with the gateway
 * may redirect it ("Gateway route tables", Amazon VPC guide), then the subnet delivers it.
 */
export const fromInternet: Handler<'fromInternet'> = (env, at) => {
  const log = newHopLog(env, at.carry);
  const { packet, carry } = at;
  const ctx = env.ctx;
  const eni = packet.dst.family === 4 ? ctx.eniByPublicIp.get(packet.dst.value) : ctx.eniByIpv6.get(packet.dst.value);
  if (!eni) {
    if (!isPublicAddress(packet.dst)) {
      return log.end(log.drop(INTERNET, 'dropped', 'NOT_ADDRESSABLE_FROM_INTERNET', { type: 'internet', action: 'dropped', verdict: 'privateAddress' }, undefined, packet));
    }
    return log.go({ kind: 'toInternet', packet, carry });
  }
  const vpc = ctx.topology.vpcs.get(eni.vpc)!;
  if (!vpc.internetGateway && vpc.egressOnlyInternetGateway && packet.dst.family === 6) {
    const gateway = ctx.topology.egressOnlyInternetGateways.get(vpc.egressOnlyInternetGateway)!;
    return log.go({ kind: 'egressOnlyInbound', gateway, vpc: eni.vpc, packet, carry });
  }
  if (!vpc.internetGateway) {
    return log.end(log.drop(INTERNET, 'dropped', 'IGW_NOT_ATTACHED', { type: 'internet', action: 'dropped', verdict: 'noGateway', interface: eni.id, vpc: vpc.id }, vpc.span, packet));
  }
  const igw = ctx.topology.internetGateways.get(vpc.internetGateway)!;
  // DenyAllIgwTraffic (EC2 NetworkInterface): "inbound traffic from the internet is dropped".
  // AWS does not say that replies to the interface's own connections pass, so vpcsim takes the
  // stricter reading that they are dropped too, and the hop says so.
  if (eni.denyAllIgwTraffic) {
    return log.end(log.drop({ id: igw.id, kind: 'internetGateway' }, 'dropped', 'DENY_ALL_IGW_TRAFFIC',
      { type: 'internetGateway', action: 'dropped', gateway: igw.id, verdict: 'denyAllIgwTraffic', interface: eni.id, before: viewPacket(packet), after: viewPacket(packet) }, igw.span, packet));
  }
  // IPv6 addresses are global: the gateway forwards them unchanged. IPv4 public addresses
  // are translated 1:1 to the interface's private address.
  const inside: Packet = packet.dst.family === 6 ? packet : { ...packet, dst: eni.privateIp };
  const igwStep = { type: 'internetGateway', gateway: igw.id, interface: eni.id, before: viewPacket(packet), after: viewPacket(inside) } as const;
  if (packet.dst.family === 6) {
    log.hop({ id: igw.id, kind: 'internetGateway' }, 'forwarded', { ...igwStep, action: 'forwarded', verdict: 'ipv6In' }, igw.span, inside);
  } else {
    log.hop({ id: igw.id, kind: 'internetGateway' }, 'translated', { ...igwStep, action: 'translated', verdict: 'destinationNat' }, igw.span, inside);
  }
  const edge = ctx.edgeTables.get(igw.id);
  if (edge) {
    const hit = ctx.routeFor(edge.id, inside.dst);
    const component = { id: edge.id, kind: 'routeTable' as const };
    const edgeStep = { type: 'edgeRoute', table: edge.id, gateway: igw.id } as const;
    if (!hit) return log.end(log.drop(component, 'dropped', 'NO_ROUTE_TO_DESTINATION', { ...edgeStep, action: 'dropped', verdict: 'noRoute', route: undefined }, edge.span, inside));
    const route = routeRecord(hit.route, ctx.texts);
    const target = hit.route.target.kind === 'resource' ? ctx.topology.byId.get(hit.route.target.id) : undefined;
    // "Gateway route tables" (Amazon VPC guide): ingress routing may send traffic for a
    // subnet to a Gateway Load Balancer endpoint (or a middlebox ENI), besides local.
    if (target?.kind === 'endpoint' && target.type === 'gatewayLoadBalancer') {
      log.hop(component, 'forwarded', { ...edgeStep, action: 'forwarded', verdict: 'toGwlbEndpoint', route }, hit.route.span, inside);
      return log.go({ kind: 'gwlbEndpoint', endpoint: target, fromSubnet: undefined, packet: inside, carry });
    }
    if (hit.route.target.kind !== 'local') {
      return log.end(log.drop(component, 'dropped', 'CANNOT_ROUTE', { ...edgeStep, action: 'dropped', verdict: 'unsupported', route }, hit.route.span, inside));
    }
    log.hop(component, 'forwarded', { ...edgeStep, action: 'forwarded', verdict: 'local', route }, hit.route.span, inside);
  }
  return log.go({ kind: 'deliverInVpc', vpc: eni.vpc, fromSubnet: undefined, packet: inside, sender: undefined, carry });
};
