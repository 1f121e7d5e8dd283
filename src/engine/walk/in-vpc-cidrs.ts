// Whether a packet's source or destination is inside a VPC's own CIDR blocks.
import { prefixContains } from '../../net/prefix.js';
import type { EngineContext } from '../compile/engine-context.js';
import type { Packet } from '../packet.js';

/** Whether packet.src (or .dst) is in one of the VPC's IPv4 or IPv6 blocks. */
export function inVpcCidrs(ctx: EngineContext, vpcId: string, packet: Packet, which: 'src' | 'dst'): boolean {
  const vpc = ctx.topology.vpcs.get(vpcId);
  const ip = which === 'src' ? packet.src : packet.dst;
  return vpc !== undefined && [...vpc.cidrs, ...vpc.ipv6Cidrs].some((c) => prefixContains(c, ip));
}
