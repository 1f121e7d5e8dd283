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
    if (!prefixContains(rule.cidr, peer)) continue;
    if (packet.protocol === -1) {
      // A flow of every protocol (the strict reading): any deny that covers part of it stops
      // it; only an allow for all protocols lets it through; a narrower allow passes part of
      // it and the rest goes on to the next rule.
      if (rule.action === 'deny' || rule.protocol === -1) return { allowed: rule.action === 'allow', rule };
      continue;
    }
    if (ruleMatchesTraffic(rule.protocol, rule.ports, packet)) return { allowed: rule.action === 'allow', rule };
  }
  return { allowed: false, rule: undefined };
}
