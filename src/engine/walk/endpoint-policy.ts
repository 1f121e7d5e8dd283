// Endpoint policies on the path ("Control access to VPC endpoints using endpoint policies",
// AWS PrivateLink guide): evaluated for gateway and interface endpoints of AWS services when
// the flow carries a request (principal, action, resource). Endpoints to other endpoint
// services allow full access, whatever policy is written.
import type { Endpoint } from '../../model/resources.js';
import type { Packet } from '../packet.js';
import { accountOf, evaluatePolicy } from '../policy/evaluate-policy.js';
import type { HopLog } from './hop-log.js';
import type { Stop } from './position.js';

/** Apply an endpoint's policy to the flow's request; records a hop when it decides. The stop when denied. */
export function passEndpointPolicy(log: HopLog, ep: Endpoint, packet: Packet): Stop | undefined {
  const req = log.env.request;
  if (log.env.reply || req === undefined) return undefined;
  const context = new Map<string, string>([['aws:sourcevpce', ep.id], ['aws:sourcevpc', ep.vpc]]);
  const account = accountOf(req.principal);
  if (account) context.set('aws:principalaccount', account);
  if (req.principal) context.set('aws:principalarn', req.principal);
  const d = evaluatePolicy(ep.policy, req, context, ep.type === 'gateway' ? 'rootOnly' : 'wholeAccount');
  const component = { id: ep.id, kind: 'endpoint' as const };
  const s = d.statement;
  const step = {
    type: 'endpointPolicy', endpoint: ep.id,
    ...(s ? { statement: { index: s.index, ...(s.sid !== undefined ? { sid: s.sid } : {}), effect: s.effect } } : {}),
    verdict: s ? (d.allowed ? 'allow' : 'deny') : d.allowed ? 'default' : 'implicitDeny',
    reason: d.reason, caveats: d.caveats,
  } as const;
  if (d.allowed) {
    log.hop(component, 'allowed', { ...step, action: 'allowed' }, ep.span, packet);
    return undefined;
  }
  return log.drop(component, 'denied', 'ENDPOINT_POLICY_DENY', { ...step, action: 'denied' }, ep.span, packet);
}
