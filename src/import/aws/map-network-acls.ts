// Network ACLs (describe-network-acls): entries by rule number and direction, and the
// subnet associations (-> subnet.networkAcl). The default ACL is imported as an ordinary
// ACL that its subnets name, so its real entries decide, not vpcsim's implicit allow-all.
// AWS's own final entries (rule 32767, and 32768 for IPv6: deny all) are implied by
// format v1 (an implicit final deny), so they are not written.
import type { RawAclRule } from '../../model/format.js';
import { hasPorts, portsOf, protocolOf } from './aws-values.js';
import { claimId, missingReference, type ImportContext } from './context.js';
import type { JsonReader, Obj } from './json-reader.js';
import { cidrOut } from './normalise-cidr.js';
import { emitted, Noted } from './output-model.js';
import { markCaptured, type AclEntryRec, type NetworkAclRec, type Snapshot } from './snapshot.js';

/** The highest rule number a user entry can have; AWS's default entries sit above it. */
const MAX_USER_RULE = 32766;

/** NetworkAcls: describe-network-acls. */
export function parseNetworkAcls(r: JsonReader, o: Obj, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'networkAcls');
  r.objects(o, 'NetworkAcls', '$', (a, path) => {
    const id = r.str(a, 'NetworkAclId', path);
    const vpcId = r.str(a, 'VpcId', path);
    if (id === undefined || vpcId === undefined) return undefined;
    const entries = r.objects(a, 'Entries', path, (e, p): AclEntryRec | undefined => {
      const rule = r.optInt(e, 'RuleNumber', p);
      const action = r.str(e, 'RuleAction', p);
      const rawProtocol = e['Protocol'];
      const protocol = typeof rawProtocol === 'number' ? String(rawProtocol) : r.str(e, 'Protocol', p);
      if (rule === undefined) return r.wrong(`${p}.RuleNumber`, 'missing "RuleNumber", which AWS always gives');
      if (action === undefined || protocol === undefined) return undefined;
      const range = r.optObj(e, 'PortRange', p);
      const icmp = r.optObj(e, 'IcmpTypeCode', p);
      return {
        rule, action: action.toLowerCase(), protocol,
        egress: r.optBool(e, 'Egress', p) ?? false,
        cidr: r.optStr(e, 'CidrBlock', p),
        ipv6Cidr: r.optStr(e, 'Ipv6CidrBlock', p),
        from: range ? r.optInt(range, 'From', `${p}.PortRange`) : undefined,
        to: range ? r.optInt(range, 'To', `${p}.PortRange`) : undefined,
        icmpType: icmp ? r.optInt(icmp, 'Type', `${p}.IcmpTypeCode`) : undefined,
        icmpCode: icmp ? r.optInt(icmp, 'Code', `${p}.IcmpTypeCode`) : undefined,
        path: p,
      };
    });
    const subnetIds = r.objects(a, 'Associations', path, (x, p) => {
      const sid = r.optStr(x, 'SubnetId', p);
      return sid === undefined ? undefined : { id: sid, path: `${p}.SubnetId` };
    });
    s.networkAcls.push({ id, vpcId, isDefault: r.optBool(a, 'IsDefault', path) ?? false, entries, subnetIds, src: r.src(path, a) });
    return undefined;
  });
}

function ruleOf(ctx: ImportContext, acl: NetworkAclRec, e: AclEntryRec): Noted<RawAclRule> | undefined {
  const protocol = protocolOf(e.protocol);
  if (protocol === undefined) {
    ctx.problems.error('WRONG_SHAPE', acl.src.file, `${e.path}.Protocol`, `"${e.protocol}" is not an IP protocol (-1, or 0-255)`);
    return undefined;
  }
  if (e.action !== 'allow' && e.action !== 'deny') {
    ctx.problems.error('WRONG_SHAPE', acl.src.file, `${e.path}.RuleAction`, `"${e.action}" is not allow or deny`);
    return undefined;
  }
  if ((e.cidr === undefined) === (e.ipv6Cidr === undefined)) {
    ctx.problems.error('WRONG_SHAPE', acl.src.file, e.path, 'an entry has exactly one of CidrBlock, Ipv6CidrBlock');
    return undefined;
  }
  let note: string | undefined;
  let ports = hasPorts(protocol) && e.from !== undefined && e.to !== undefined ? portsOf(e.from, e.to) : undefined;
  if ((protocol === 'icmp' || protocol === 'icmpv6') && e.icmpType !== undefined && e.icmpType !== -1) {
    // Format v1 writes an ICMP type as `ports` (docs/format.md); the ICMP code has no place.
    ports = e.icmpType;
    if (e.icmpCode !== undefined && e.icmpCode !== -1) {
      note = `AWS: ICMP type ${e.icmpType}, code ${e.icmpCode}`;
      ctx.problems.warn('FIELD_DROPPED', acl.id, acl.src.file, e.path,
        `network ACL ${acl.id} rule ${e.rule}: ICMP type ${e.icmpType} code ${e.icmpCode} is imported as type ${e.icmpType}, any code; format v1 has no ICMP codes`);
    }
  }
  const cidr = cidrOut(ctx, e.cidr ?? e.ipv6Cidr!, acl.id, acl.src, e.path);
  if (cidr === undefined) return undefined;
  const value: RawAclRule = {
    rule: e.rule, action: e.action, protocol,
    ...(ports !== undefined ? { ports } : {}),
    ...(e.cidr !== undefined ? { cidr } : { ipv6Cidr: cidr }),
  };
  return new Noted(value, note);
}

/** Emit every network ACL of a VPC in the snapshot and point subnets at theirs. */
export function mapNetworkAcls(ctx: ImportContext): void {
  for (const acl of ctx.snapshot.networkAcls) {
    const vpc = ctx.out.vpcs.get(acl.vpcId);
    if (!vpc) {
      ctx.problems.warn('OUTSIDE_SNAPSHOT', acl.id, acl.src.file, acl.src.path,
        `network ACL ${acl.id} belongs to VPC ${acl.vpcId}, which is not in the snapshot; left out`);
      continue;
    }
    if (!claimId(ctx, acl.id, 'network ACL', acl.src)) continue;
    const user = acl.entries.filter((e) => e.rule <= MAX_USER_RULE).sort((a, b) => a.rule - b.rule);
    const rules = (egress: boolean): Noted<RawAclRule>[] =>
      user.filter((e) => e.egress === egress).flatMap((e) => ruleOf(ctx, acl, e) ?? []);
    vpc.networkAcls.set(acl.id, emitted({ ingress: rules(false), egress: rules(true) }, acl.src.file, acl.isDefault ? ["the VPC's default network ACL"] : [], acl.src.name));
    for (const a of acl.subnetIds) {
      const subnet = vpc.subnets.get(a.id);
      if (subnet) subnet.value.networkAcl = acl.id;
      else if (!ctx.snapshot.subnets.some((x) => x.id === a.id)) {
        missingReference(ctx, 'subnets', acl.src, a.path, {
          resource: acl.id, from: `network ACL ${acl.id}`, what: `subnet ${a.id}`, consequence: 'the association is left out',
        });
      }
    }
  }
  // A subnet the snapshot shows no association for uses its VPC's default ACL.
  for (const acl of ctx.snapshot.networkAcls.filter((a) => a.isDefault)) {
    const vpc = ctx.out.vpcs.get(acl.vpcId);
    if (!vpc || !vpc.networkAcls.has(acl.id)) continue;
    for (const subnet of vpc.subnets.values()) if (subnet.value.networkAcl === undefined) subnet.value.networkAcl = acl.id;
  }
}
