// Security groups (describe-security-groups). One format v1 rule per peer of each AWS
// permission: IpRanges -> cidr, Ipv6Ranges -> ipv6Cidr, PrefixListIds -> prefixList,
// UserIdGroupPairs -> securityGroup. Both directions are always written: an SG whose
// IpPermissionsEgress is empty denies all outbound, while an omitted egress would allow all.
import type { RawSgRule } from '../../model/format.js';
import { hasPorts, portsOf, protocolOf } from './aws-values.js';
import { claimId, missingReference, type ImportContext } from './context.js';
import type { JsonReader, Obj } from './json-reader.js';
import { prefixListRef } from './map-prefix-lists.js';
import { cidrOut } from './normalise-cidr.js';
import { emitted, Noted } from './output-model.js';
import { markCaptured, type PermPeer, type PermRec, type SecurityGroupRec, type Snapshot } from './snapshot.js';

function parsePermission(r: JsonReader, p: Obj, path: string): PermRec | undefined {
  const raw = p['IpProtocol'];
  const protocol = typeof raw === 'number' ? String(raw) : r.str(p, 'IpProtocol', path);
  if (protocol === undefined) return undefined;
  const desc = (o: Obj, at: string): string | undefined => r.optStr(o, 'Description', at);
  const peers: PermPeer[] = [
    ...r.objects(p, 'IpRanges', path, (x, at): PermPeer | undefined => {
      const cidr = r.str(x, 'CidrIp', at);
      return cidr === undefined ? undefined : { kind: 'cidr', cidr, description: desc(x, at), path: at };
    }),
    ...r.objects(p, 'Ipv6Ranges', path, (x, at): PermPeer | undefined => {
      const cidr = r.str(x, 'CidrIpv6', at);
      return cidr === undefined ? undefined : { kind: 'ipv6', cidr, description: desc(x, at), path: at };
    }),
    ...r.objects(p, 'PrefixListIds', path, (x, at): PermPeer | undefined => {
      const id = r.str(x, 'PrefixListId', at);
      return id === undefined ? undefined : { kind: 'prefixList', id, description: desc(x, at), path: at };
    }),
    ...r.objects(p, 'UserIdGroupPairs', path, (x, at): PermPeer => ({
      kind: 'group',
      groupId: r.optStr(x, 'GroupId', at),
      groupName: r.optStr(x, 'GroupName', at),
      userId: r.optStr(x, 'UserId', at),
      vpcId: r.optStr(x, 'VpcId', at),
      peeringStatus: r.optStr(x, 'PeeringStatus', at),
      description: desc(x, at),
      path: at,
    })),
  ];
  return { protocol, fromPort: r.optInt(p, 'FromPort', path), toPort: r.optInt(p, 'ToPort', path), peers, path };
}

/** SecurityGroups: describe-security-groups. */
export function parseSecurityGroups(r: JsonReader, o: Obj, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'securityGroups');
  r.objects(o, 'SecurityGroups', '$', (g, path) => {
    const id = r.str(g, 'GroupId', path);
    if (id === undefined) return undefined;
    s.securityGroups.push({
      id,
      vpcId: r.optStr(g, 'VpcId', path),
      name: r.optStr(g, 'GroupName', path),
      description: r.optStr(g, 'Description', path),
      ownerId: r.optStr(g, 'OwnerId', path),
      ingress: r.objects(g, 'IpPermissions', path, (p, at) => parsePermission(r, p, at)),
      egress: r.objects(g, 'IpPermissionsEgress', path, (p, at) => parsePermission(r, p, at)),
      src: r.src(path, g),
    });
    return undefined;
  });
}

/** Emit every security group of a VPC in the snapshot (rules in a second pass). */
export function mapSecurityGroups(ctx: ImportContext): void {
  const emittedGroups: SecurityGroupRec[] = [];
  for (const g of ctx.snapshot.securityGroups) {
    const vpc = ctx.out.vpcs.get(g.vpcId ?? '');
    if (!vpc) {
      ctx.problems.warn('OUTSIDE_SNAPSHOT', g.id, g.src.file, g.src.path, g.vpcId === undefined
        ? `security group ${g.id} belongs to no VPC (EC2-Classic); left out`
        : `security group ${g.id} belongs to VPC ${g.vpcId}, which is not in the snapshot; left out`);
      continue;
    }
    if (!claimId(ctx, g.id, 'security group', g.src)) continue;
    const notes = g.name !== undefined ? [`group name: ${g.name}`] : [];
    vpc.securityGroups.set(g.id, emitted({ ...(g.description ? { description: g.description } : {}), ingress: [], egress: [] }, g.src.file, notes, g.src.name));
    emittedGroups.push(g);
  }
  for (const g of emittedGroups) {
    const out = ctx.out.vpcs.get(g.vpcId!)!.securityGroups.get(g.id)!.value;
    out.ingress.push(...g.ingress.flatMap((p) => rulesOf(ctx, g, p, 'ingress')));
    out.egress.push(...g.egress.flatMap((p) => rulesOf(ctx, g, p, 'egress')));
  }
}

function rulesOf(ctx: ImportContext, g: SecurityGroupRec, p: PermRec, direction: 'ingress' | 'egress'): Noted<RawSgRule>[] {
  const protocol = protocolOf(p.protocol);
  if (protocol === undefined) {
    ctx.problems.error('WRONG_SHAPE', g.src.file, `${p.path}.IpProtocol`, `"${p.protocol}" is not an IP protocol (-1, tcp, udp, icmp, icmpv6 or 0-255)`);
    return [];
  }
  let ports: number | string | undefined;
  let note: string | undefined;
  if (hasPorts(protocol) && p.fromPort !== undefined && p.toPort !== undefined && p.fromPort >= 0) {
    ports = portsOf(p.fromPort, p.toPort);
  } else if ((protocol === 'icmp' || protocol === 'icmpv6') && p.fromPort !== undefined && p.fromPort !== -1) {
    // Format v1 writes an ICMP type as `ports` (docs/format.md); the ICMP code has no place.
    ports = p.fromPort;
    if (p.toPort !== undefined && p.toPort !== -1) {
      note = `AWS: ICMP type ${p.fromPort}, code ${p.toPort}`;
      ctx.problems.warn('FIELD_DROPPED', g.id, g.src.file, p.path,
        `security group ${g.id} ${direction}: ICMP type ${p.fromPort} code ${p.toPort} is imported as type ${p.fromPort}, any code; format v1 has no ICMP codes`);
    }
  }
  const base = { protocol, ...(ports !== undefined ? { ports } : {}) };
  const out: Noted<RawSgRule>[] = [];
  for (const peer of p.peers) {
    const description = peer.description !== undefined && peer.description !== '' ? { description: peer.description } : {};
    if (peer.kind === 'cidr' || peer.kind === 'ipv6') {
      const cidr = cidrOut(ctx, peer.cidr, g.id, g.src, peer.path);
      if (cidr !== undefined) out.push(new Noted({ ...base, ...(peer.kind === 'cidr' ? { cidr } : { ipv6Cidr: cidr }), ...description }, note));
    } else if (peer.kind === 'prefixList') {
      const ref = prefixListRef(ctx, peer.id, g.src, peer.path, g.id, `security group ${g.id}`);
      if (ref !== undefined) out.push(new Noted({ ...base, prefixList: ref, ...description }, note));
    } else {
      const ref = groupRef(ctx, g, peer);
      if (ref !== undefined) out.push(new Noted({ ...base, securityGroup: ref, ...description }, note));
    }
  }
  return out;
}

function groupRef(ctx: ImportContext, g: SecurityGroupRec, peer: Extract<PermPeer, { kind: 'group' }>): string | undefined {
  const emittedIn = (id: string): boolean => [...ctx.out.vpcs.values()].some((v) => v.securityGroups.has(id));
  if (peer.groupId !== undefined && emittedIn(peer.groupId)) return peer.groupId;
  if (peer.groupId === undefined && peer.groupName !== undefined) {
    const byName = ctx.snapshot.securityGroups.find((x) => x.vpcId === g.vpcId && x.name === peer.groupName);
    if (byName && emittedIn(byName.id)) return byName.id;
  }
  const named = peer.groupId ?? peer.groupName ?? '(unnamed)';
  const known = ctx.snapshot.securityGroups.find((x) => x.id === peer.groupId);
  const elsewhere =
    known !== undefined ||
    peer.peeringStatus !== undefined ||
    (peer.userId !== undefined && g.ownerId !== undefined && peer.userId !== g.ownerId) ||
    (peer.vpcId !== undefined && !ctx.out.vpcs.has(peer.vpcId));
  if (elsewhere) {
    const where = peer.userId !== undefined && peer.userId !== g.ownerId ? `account ${peer.userId}` : peer.vpcId ?? known?.vpcId ?? 'another VPC';
    ctx.problems.warn('OUTSIDE_SNAPSHOT', g.id, g.src.file, peer.path,
      `security group ${g.id} has a rule naming security group ${named} (${where}), which is not in the snapshot; the rule is left out, so verdicts allow less than AWS may`);
    return undefined;
  }
  missingReference(ctx, 'securityGroups', g.src, peer.path, {
    resource: g.id, from: `security group ${g.id}`, what: `security group ${named}`,
    consequence: 'the rule is left out, so verdicts allow less than AWS may',
  });
  return undefined;
}
