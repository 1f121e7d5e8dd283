// Security group rules and network ACL entries, one model rule per written rule, each with
// its source range. Implicit AWS rules (default egress, default SG and ACL) are marked
// written: false and point at the resource that implies them.
import { anyPrefix, type Prefix } from '../../net/prefix.js';
import type { RawAclRule, RawSgRule } from '../format.js';
import type { AclRule, SgPeer, SgRule } from '../rules.js';
import type { Span } from '../span.js';
import { ALL_PORTS, cidrAt, portsAt, protocolNumber, refAt, report, type BuildContext } from './context.js';
import { resolvePrefixListRef, type PrefixListLookup } from './prefix-list-ref.js';

/** Build the rules of one direction of a security group. */
export function buildSgRules(
  ctx: BuildContext,
  raws: readonly RawSgRule[],
  direction: 'ingress' | 'egress',
  base: string,
  prefixLists: PrefixListLookup,
): SgRule[] {
  const out: SgRule[] = [];
  raws.forEach((raw, i) => {
    const ptr = `${base}/${i}`;
    const peers = (['cidr', 'ipv6Cidr', 'prefixList', 'securityGroup'] as const).filter((k) => raw[k] !== undefined);
    if (peers.length !== 1) {
      report(
        ctx,
        'RULE_PEER',
        peers.length === 0
          ? 'the rule names no peer: give exactly one of cidr, ipv6Cidr, prefixList, securityGroup'
          : `the rule names ${peers.join(' and ')}: give exactly one (write two rules for two peers)`,
        ptr,
      );
      return;
    }
    const protocol = protocolNumber(raw.protocol);
    const ports = protocol === -1 ? ALL_PORTS : portsAt(ctx, raw.ports, `${ptr}/ports`, protocol);
    let peer: SgPeer | undefined;
    if (raw.cidr !== undefined) {
      const p = cidrAt(ctx, raw.cidr, `${ptr}/cidr`, 4);
      if (p) peer = { kind: 'cidr', prefix: p };
    } else if (raw.ipv6Cidr !== undefined) {
      const p = cidrAt(ctx, raw.ipv6Cidr, `${ptr}/ipv6Cidr`, 6);
      if (p) peer = { kind: 'cidr', prefix: p };
    } else if (raw.prefixList !== undefined) {
      const id = resolvePrefixListRef(ctx, raw.prefixList, `${ptr}/prefixList`, prefixLists);
      if (id) peer = { kind: 'prefixList', prefixList: id };
    } else if (raw.securityGroup !== undefined) {
      if (refAt(ctx, raw.securityGroup, `${ptr}/securityGroup`, ['securityGroup'])) {
        peer = { kind: 'securityGroup', securityGroup: raw.securityGroup };
      }
    }
    if (!peer || !ports) return;
    out.push({
      direction,
      index: i + 1,
      protocol,
      ports,
      peer,
      ...(raw.description !== undefined ? { description: raw.description } : {}),
      written: true,
      span: ctx.map.valueAt(ptr),
    });
  });
  return out;
}

/** AWS's default outbound rules: all traffic to 0.0.0.0/0, and ::/0 when the VPC has IPv6. */
export function defaultEgressRules(span: Span, ipv6: boolean): SgRule[] {
  const families: Prefix[] = ipv6 ? [anyPrefix(4), anyPrefix(6)] : [anyPrefix(4)];
  return families.map((prefix, i) => ({
    direction: 'egress',
    index: i + 1,
    protocol: -1,
    ports: ALL_PORTS,
    peer: { kind: 'cidr', prefix },
    description: 'AWS default outbound rule (allow all)',
    written: false,
    span,
  }));
}

/** Build the entries of one direction of a network ACL, sorted by rule number. */
export function buildAclRules(
  ctx: BuildContext,
  raws: readonly RawAclRule[],
  direction: 'ingress' | 'egress',
  base: string,
): AclRule[] {
  const out: AclRule[] = [];
  const numbers = new Map<number, number>();
  raws.forEach((raw, i) => {
    const ptr = `${base}/${i}`;
    const first = numbers.get(raw.rule);
    if (first !== undefined) {
      report(ctx, 'DUPLICATE_RULE_NUMBER', `rule number ${raw.rule} is already used by entry ${first + 1} of ${direction}`, `${ptr}/rule`);
      return;
    }
    numbers.set(raw.rule, i);
    const hasV4 = raw.cidr !== undefined;
    if (hasV4 === (raw.ipv6Cidr !== undefined)) {
      report(ctx, 'RULE_PEER', 'a network ACL entry needs exactly one of cidr, ipv6Cidr', ptr);
      return;
    }
    const cidr = hasV4 ? cidrAt(ctx, raw.cidr!, `${ptr}/cidr`, 4) : cidrAt(ctx, raw.ipv6Cidr!, `${ptr}/ipv6Cidr`, 6);
    const protocol = protocolNumber(raw.protocol);
    const ports = protocol === -1 ? ALL_PORTS : portsAt(ctx, raw.ports, `${ptr}/ports`, protocol);
    if (!cidr || !ports) return;
    out.push({ direction, rule: raw.rule, action: raw.action, protocol, ports, cidr, written: true, span: ctx.map.valueAt(ptr) });
  });
  return out.sort((a, b) => a.rule - b.rule);
}

/** The default network ACL's entries: rule 100 allows all (101 for IPv6), then deny. */
export function defaultAclRules(direction: 'ingress' | 'egress', span: Span, ipv6: boolean): AclRule[] {
  const rules: AclRule[] = [
    { direction, rule: 100, action: 'allow', protocol: -1, ports: ALL_PORTS, cidr: anyPrefix(4), written: false, span },
  ];
  if (ipv6) {
    rules.push({ direction, rule: 101, action: 'allow', protocol: -1, ports: ALL_PORTS, cidr: anyPrefix(6), written: false, span });
  }
  return rules;
}
