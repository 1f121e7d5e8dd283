// Network ACL evaluation ("Network ACL rules", Amazon VPC guide): entries in rule-number
// order, the first that matches decides, and a packet no entry matches is denied by the
// final implicit rule (*). Stateless: the reply is evaluated on its own, with its own ports.
import type { Ip } from '../net/ip.js';
import { prefixContains } from '../net/prefix.js';
import type { AclRule, NetworkAcl } from '../model/resources.js';
import type { Packet } from './packet.js';
import { ruleMatchesTraffic } from './match-traffic.js';

/** The decision of an ACL for one packet in one direction. */
export interface AclDecision {
  readonly allowed: boolean;
  /** The entry that decided; undefined for the implicit deny. */
  readonly rule: AclRule | undefined;
}

/** Evaluate a packet entering (ingress: match its source) or leaving (egress: its destination). */
export function evaluateNacl(acl: NetworkAcl, direction: 'ingress' | 'egress', packet: Packet): AclDecision {
  const rules = direction === 'ingress' ? acl.ingress : acl.egress;
  const peer: Ip = direction === 'ingress' ? packet.src : packet.dst;
  for (const rule of rules) {
    if (prefixContains(rule.cidr, peer) && ruleMatchesTraffic(rule.protocol, rule.ports, packet)) {
      return { allowed: rule.action === 'allow', rule };
    }
  }
  return { allowed: false, rule: undefined };
}
