// The classic load balancer mistake, told where it bites: a target's security group allows
// the clients' addresses, but the target sees the load balancer node's (an NLB without client
// IP preservation, PrivateLink, any ALB).
import { formatIp } from '../../net/ip.js';
import type { Eni } from '../../model/resources.js';
import type { EngineContext } from '../compile/engine-context.js';
import { evaluateSecurityGroups } from '../evaluate-sg.js';
import type { Packet } from '../packet.js';
import type { ClientHint } from './position.js';

/**
 * The classic mistake: the target's security group allows the clients' addresses, but the
 * target sees the node's. When that is why the target refuses, the refusal says so.
 */
export function clientHint(ctx: EngineContext, target: Eni, forwarded: Packet, clientSrc: Packet['src']): ClientHint | undefined {
  const d = evaluateSecurityGroups(ctx, target, 'ingress', { ...forwarded, src: clientSrc }, true);
  if (!d.allowed || !d.group || !d.rule) return undefined;
  return { group: d.group.id, rule: ctx.texts.sg(d.rule), clientSrc: formatIp(clientSrc), seenSrc: formatIp(forwarded.src) };
}
