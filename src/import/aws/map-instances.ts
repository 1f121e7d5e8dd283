// EC2 instances (describe-instances: Reservations) and network interfaces
// (describe-network-interfaces). An instance in format v1 is its primary interface:
// subnet, private and public IPv4 (and the secondary private addresses), one IPv6 address,
// security groups; secondary interfaces become networkInterfaces attached to it. Elastic IPs (describe-addresses)
// are already in the interface data; unassociated ones are named in a warning.
import type { RawInstance } from '../../model/format.js';
import { addressOrWarn } from './claim-address.js';
import { claimId, defaultGroupWarning, missingReference, type ImportContext } from './context.js';
import type { JsonReader, Obj, Src } from './json-reader.js';
import { emitInterface } from './map-network-interfaces.js';
import { emitted } from './output-model.js';
import { cmp } from './problems.js';
import { markCaptured, isCaptured, type EniRec, type InstanceRec, type Snapshot } from './snapshot.js';

const GONE = new Set(['terminated', 'shutting-down']);

function parseEni(r: JsonReader, e: Obj, path: string, instanceId: string | undefined): EniRec | undefined {
  const id = r.str(e, 'NetworkInterfaceId', path);
  if (id === undefined) return undefined;
  const attachment = r.optObj(e, 'Attachment', path);
  const association = r.optObj(e, 'Association', path);
  const primaryIp = r.optStr(e, 'PrivateIpAddress', path);
  const secondaryIps = r.objects(e, 'PrivateIpAddresses', path, (a, p) => {
    const ip = r.optStr(a, 'PrivateIpAddress', p);
    return r.optBool(a, 'Primary', p) === true || ip === primaryIp ? undefined : ip;
  });
  return {
    id,
    type: r.optStr(e, 'InterfaceType', path),
    subnetId: r.optStr(e, 'SubnetId', path),
    vpcId: r.optStr(e, 'VpcId', path),
    privateIp: primaryIp,
    secondaryIps,
    publicIp: association ? r.optStr(association, 'PublicIp', `${path}.Association`) : undefined,
    ipv6: r.objects(e, 'Ipv6Addresses', path, (a, p) => r.optStr(a, 'Ipv6Address', p)),
    instanceId: instanceId ?? (attachment ? r.optStr(attachment, 'InstanceId', `${path}.Attachment`) : undefined),
    deviceIndex: attachment ? r.optInt(attachment, 'DeviceIndex', `${path}.Attachment`) : undefined,
    groups: r.objects(e, 'Groups', path, (g, p) => r.optStr(g, 'GroupId', p)),
    description: r.optStr(e, 'Description', path),
    requesterId: r.optStr(e, 'RequesterId', path),
    requesterManaged: r.optBool(e, 'RequesterManaged', path),
    sourceDestCheck: r.optBool(e, 'SourceDestCheck', path),
    status: r.optStr(e, 'Status', path)?.toLowerCase(),
    src: r.src(path, e),
  };
}

/** NetworkInterfaces: describe-network-interfaces. */
export function parseNetworkInterfaces(r: JsonReader, o: Obj, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'enis');
  s.enis.push(...r.objects(o, 'NetworkInterfaces', '$', (e, path) => parseEni(r, e, path, undefined)));
}

/** Reservations: describe-instances. */
export function parseReservations(r: JsonReader, o: Obj, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'instances');
  r.objects(o, 'Reservations', '$', (res, rpath) => {
    r.objects(res, 'Instances', rpath, (i, path) => {
      const id = r.str(i, 'InstanceId', path);
      if (id === undefined) return undefined;
      const state = r.optObj(i, 'State', path);
      s.instances.push({
        id,
        state: state ? r.optStr(state, 'Name', `${path}.State`) : undefined,
        vpcId: r.optStr(i, 'VpcId', path),
        subnetId: r.optStr(i, 'SubnetId', path),
        privateIp: r.optStr(i, 'PrivateIpAddress', path),
        publicIp: r.optStr(i, 'PublicIpAddress', path),
        groups: r.objects(i, 'SecurityGroups', path, (g, p) => r.optStr(g, 'GroupId', p)),
        enis: r.objects(i, 'NetworkInterfaces', path, (e, p) => parseEni(r, e, p, id)),
        src: r.src(path, i),
      });
      return undefined;
    });
    return undefined;
  });
}

/** Addresses: describe-addresses (Elastic IPs). */
export function parseAddresses(r: JsonReader, o: Obj, s: Snapshot): void {
  r.objects(o, 'Addresses', '$', (a, path) => {
    const publicIp = r.str(a, 'PublicIp', path);
    if (publicIp === undefined) return undefined;
    s.addresses.push({
      publicIp,
      allocationId: r.optStr(a, 'AllocationId', path),
      associationId: r.optStr(a, 'AssociationId', path),
      instanceId: r.optStr(a, 'InstanceId', path),
      eniId: r.optStr(a, 'NetworkInterfaceId', path),
      src: r.src(path, a),
    });
    return undefined;
  });
}

/** The instance a network interface is attached to, if any. */
export function instanceOfEni(s: Snapshot, eniId: string): string | undefined {
  for (const i of s.instances) if (i.enis.some((e) => e.id === eniId)) return i.id;
  return s.enis.find((e) => e.id === eniId)?.instanceId;
}

/** Instances known only from their primary interface (no describe-instances in that folder). */
function instancesFromEnis(ctx: ImportContext): InstanceRec[] {
  const s = ctx.snapshot;
  const known = new Set(s.instances.map((i) => i.id));
  const out: InstanceRec[] = [];
  for (const e of s.enis) {
    if (e.instanceId === undefined || e.deviceIndex !== 0 || known.has(e.instanceId) || isCaptured(s, e.src.dir, 'instances')) continue;
    known.add(e.instanceId);
    ctx.problems.warn('INFERRED_VALUE', e.instanceId, e.src.file, e.src.path,
      `instance ${e.instanceId} is imported from its network interface ${e.id}: the snapshot has no describe-instances (Reservations) in ${e.src.dir || 'its folder'}`);
    out.push({
      id: e.instanceId, state: undefined, vpcId: e.vpcId, subnetId: e.subnetId, privateIp: e.privateIp, publicIp: e.publicIp,
      groups: e.groups, enis: [e], src: e.src,
    });
  }
  return out;
}

/** Emit every instance that still exists, in a VPC of the snapshot. */
export function mapInstances(ctx: ImportContext): void {
  const all = [...ctx.snapshot.instances, ...instancesFromEnis(ctx)].sort((a, b) => cmp(a.id, b.id));
  for (const inst of all) if (!GONE.has(inst.state ?? '')) mapInstance(ctx, inst);
  for (const a of ctx.snapshot.addresses) {
    if (a.associationId !== undefined || a.instanceId !== undefined || a.eniId !== undefined) continue;
    ctx.problems.warn('UNMODELLED_RESOURCE', a.allocationId ?? a.publicIp, a.src.file, a.src.path,
      `Elastic IP ${a.publicIp}${a.allocationId ? ` (${a.allocationId})` : ''} is not associated with anything; nothing to model`);
  }
}

function mapInstance(ctx: ImportContext, inst: InstanceRec): void {
  const enis = [...inst.enis, ...ctx.snapshot.enis.filter((e) => e.instanceId === inst.id && !inst.enis.some((x) => x.id === e.id))];
  const primary = enis.find((e) => e.deviceIndex === 0) ?? (enis.length === 1 ? enis[0] : undefined);
  const vpcId = primary?.vpcId ?? inst.vpcId;
  const subnetId = primary?.subnetId ?? inst.subnetId;
  const vpc = vpcId !== undefined ? ctx.out.vpcs.get(vpcId) : undefined;
  const src = inst.src;
  if (!vpc || subnetId === undefined) {
    ctx.problems.warn('OUTSIDE_SNAPSHOT', inst.id, src.file, src.path, vpcId === undefined || subnetId === undefined
      ? `instance ${inst.id} has no VPC or subnet (EC2-Classic?); left out`
      : `instance ${inst.id} belongs to VPC ${vpcId}, which is not in the snapshot; left out`);
    return;
  }
  const subnet = vpc.subnets.get(subnetId);
  if (!subnet) {
    missingReference(ctx, 'subnets', src, `${src.path}.SubnetId`, {
      resource: inst.id, from: `instance ${inst.id}`, what: `subnet ${subnetId}`, consequence: 'the instance is left out',
    });
    return;
  }
  if (!claimId(ctx, inst.id, 'instance', inst.src)) return;
  const value: { -readonly [K in keyof RawInstance]: RawInstance[K] } = { ...(src.name !== undefined ? { name: src.name } : {}), subnet: subnetId };
  const sub = { id: subnetId, cidr: subnet.value.cidr };
  const privateIp = primary?.privateIp ?? inst.privateIp;
  const ipSrc: Src = primary?.src ?? src;
  if (privateIp !== undefined &&
    addressOrWarn(ctx, { text: privateIp, owner: inst.id, subnet: sub, space: 'private', what: 'the private IP', src: ipSrc, path: `${ipSrc.path}.PrivateIpAddress` })) {
    value.privateIp = privateIp;
  }
  const secondary = (primary?.secondaryIps ?? []).filter((ip, i) =>
    addressOrWarn(ctx, { text: ip, owner: inst.id, subnet: sub, space: 'private', what: 'a secondary private IP', src: ipSrc, path: `${ipSrc.path}.PrivateIpAddresses[${i + 1}]` }));
  if (secondary.length > 0) value.secondaryPrivateIps = secondary;
  const publicIp = primary?.publicIp ?? inst.publicIp;
  if (publicIp !== undefined &&
    addressOrWarn(ctx, { text: publicIp, owner: inst.id, subnet: undefined, space: 'public', what: 'the public IP', src: ipSrc, path: `${ipSrc.path}.Association.PublicIp` })) {
    value.publicIp = publicIp;
  }
  const ipv6 = primary?.ipv6[0];
  if (ipv6 !== undefined) {
    const path = `${ipSrc.path}.Ipv6Addresses[0]`;
    if (subnet.value.ipv6Cidr === undefined) {
      ctx.problems.warn('ADDRESS_LEFT_OUT', inst.id, ipSrc.file, path,
        `the IPv6 address ${ipv6} of ${inst.id} is left out: subnet ${subnetId} has no IPv6 block in the snapshot`);
    } else if (addressOrWarn(ctx, { text: ipv6, owner: inst.id, subnet: { id: subnetId, cidr: subnet.value.ipv6Cidr }, space: 'private', what: 'the IPv6 address', src: ipSrc, path })) {
      value.ipv6Ip = ipv6;
    }
  }
  const groups = primary !== undefined && primary.groups.length > 0 ? primary.groups : inst.groups;
  const sgs = groups.filter((g) => {
    if (vpc.securityGroups.has(g)) return true;
    missingReference(ctx, 'securityGroups', src, `${src.path}.SecurityGroups`, {
      resource: inst.id, from: `instance ${inst.id}`, what: `security group ${g}`, consequence: 'it is left out of the instance',
    });
    return false;
  });
  // AWS gives every interface at least one security group. When the snapshot holds none
  // of this instance's groups (no describe-security-groups), vpcsim's default applies: the
  // VPC's default group with AWS's default rules, said in a warning; never no group at all.
  if (sgs.length > 0) value.securityGroups = sgs;
  else if (groups.length > 0) defaultGroupWarning(ctx, inst.id, src, `instance ${inst.id}`, groups);
  if (primary?.sourceDestCheck === false) value.sourceDestCheck = false;
  dropped(ctx, inst, primary);
  const notes: string[] = [];
  if (inst.state !== undefined && inst.state !== 'running') {
    notes.push(`AWS state: ${inst.state}`);
    ctx.problems.warn('FIELD_DROPPED', inst.id, src.file, `${src.path}.State`,
      `instance ${inst.id} is ${inst.state}; format v1 has no instance state, so verdicts treat it as running`);
  }
  vpc.instances.set(inst.id, emitted(value, src.file, notes, src.name));
  // Secondary interfaces ("Elastic network interfaces", EC2 guide) are interfaces of their own, attached to the instance.
  const secondaries = enis.filter((x) => x !== primary).sort((a, b) => (a.deviceIndex ?? 0) - (b.deviceIndex ?? 0) || cmp(a.id, b.id));
  // A device index AWS gave twice (a hand-edited snapshot) is left for the loader to assign.
  const seen = secondaries.map((e) => e.deviceIndex);
  for (const e of secondaries) {
    const once = e.deviceIndex !== undefined && seen.filter((d) => d === e.deviceIndex).length === 1 ? e : { ...e, deviceIndex: undefined };
    emitInterface(ctx, vpc, once.vpcId === undefined || once.subnetId === undefined ? { ...once, vpcId: vpcId, subnetId: once.subnetId ?? subnetId } : once, inst.id);
  }
}

function dropped(ctx: ImportContext, inst: InstanceRec, primary: EniRec | undefined): void {
  const lost = (primary?.ipv6 ?? []).slice(1).map((ip) => `IPv6 ${ip}`);
  if (lost.length === 0) return;
  ctx.problems.warn('FIELD_DROPPED', inst.id, inst.src.file, inst.src.path,
    `instance ${inst.id}: format v1 holds one IPv6 address per interface, so ${lost.join('; ')} ${lost.length === 1 ? 'is' : 'are'} left out`);
}
