// Network interfaces of the file's `networkInterfaces`: interfaces of services vpcsim does
// not model as resources (Lambda, RDS, ECS tasks, EFS mount targets...) and secondary
// interfaces of instances. "Elastic network interfaces" (Amazon EC2 guide): an interface
// lives in one subnet, has a primary private IPv4 address, optional secondary ones, an
// optional public and IPv6 address, and one or more security groups (by default the VPC's
// default group); an instance's secondary interface must be in the instance's AZ.
import type { Ip } from '../../net/ip.js';
import type { IdMap, RawNetworkInterface } from '../format.js';
import type { Eni, Instance, InterfaceType, NetworkInterface } from '../resources.js';
import { pointer } from '../source-map.js';
import { refAt, report, type BuildContext } from './context.js';
import type { VpcFabric } from './build-vpcs.js';
import { ipv6InSubnet, secondaryAddresses } from './assign-addresses.js';
import { reportNoSecurityGroup } from './no-security-group.js';

/** What building interfaces reads (addresses, instances) and fills (interfaces, ENIs). */
interface InterfaceMaps {
  readonly addresses: ReadonlyMap<string, Ip>;
  readonly instances: ReadonlyMap<string, Instance>;
  readonly networkInterfaces: Map<string, NetworkInterface>;
  readonly enis: Map<string, Eni>;
}

/** Build the network interfaces of one VPC and their ENIs. */
export function buildNetworkInterfaces(
  ctx: BuildContext, raw: IdMap<RawNetworkInterface>, vpcId: string, fabric: VpcFabric, w: InterfaceMaps, publicIps: ReadonlyMap<string, Ip>,
): void {
  const deviceIndexes = assignDeviceIndexes(ctx, raw, vpcId);
  for (const [id, ni] of Object.entries(raw)) {
    const ptr = pointer('vpcs', vpcId, 'networkInterfaces', id);
    if (!refAt(ctx, ni.subnet, `${ptr}/subnet`, ['subnet'], vpcId)) continue;
    (ni.securityGroups ?? []).forEach((sg, i) => refAt(ctx, sg, `${ptr}/securityGroups/${i}`, ['securityGroup'], vpcId));
    reportNoSecurityGroup(ctx, ni.securityGroups, `${ptr}/securityGroups`, `network interface ${id}`);
    const subnet = fabric.subnets.get(ni.subnet);
    const privateIp = w.addresses.get(id);
    if (!subnet || !privateIp) continue;
    if (ni.instance !== undefined && refAt(ctx, ni.instance, `${ptr}/instance`, ['instance'], vpcId)) {
      const inst = w.instances.get(ni.instance);
      const home = inst ? fabric.subnets.get(inst.subnet) : undefined;
      if (home && home.az !== subnet.az) {
        report(ctx, 'ATTACHMENT_ZONE', `instance "${ni.instance}" is in AZ ${home.az}; an interface attached to it must be in the same AZ, not ${subnet.az}`, `${ptr}/instance`);
      }
    }
    const ipv6Ip = ipv6InSubnet(ctx, ni.ipv6Ip, `${ptr}/ipv6Ip`, subnet);
    const sgs = ni.securityGroups ?? [`${vpcId}/default-sg`];
    const secondaryIps = secondaryAddresses(w.addresses, id, ni.secondaryPrivateIps?.length ?? 0);
    const type = (ni.type ?? 'interface') as InterfaceType;
    const publicIp = publicIps.get(id);
    // DenyAllIgwTraffic: "you cannot assign an elastic IP address to the network interface".
    if (ni.denyAllIgwTraffic === true && ni.publicIp !== undefined) {
      report(ctx, 'BAD_VALUE', 'an interface with denyAllIgwTraffic takes no public IPv4 address (AWS refuses an Elastic IP for it)', `${ptr}/publicIp`, 'key');
    }
    const span = ctx.map.keyAt(ptr);
    w.networkInterfaces.set(id, {
      kind: 'networkInterface', id, name: ni.name, span, pointer: ptr, written: true, vpc: vpcId, subnet: ni.subnet, privateIp, secondaryIps,
      publicIp, ipv6Ip, securityGroups: sgs, sourceDestCheck: ni.sourceDestCheck ?? true, type, description: ni.description, instance: ni.instance,
      deviceIndex: ni.deviceIndex, denyAllIgwTraffic: ni.denyAllIgwTraffic ?? false,
    });
    w.enis.set(id, {
      id, owner: ni.instance !== undefined ? { kind: 'instance', id: ni.instance } : { kind: 'networkInterface', id }, vpc: vpcId, subnet: ni.subnet, az: subnet.az, privateIp, secondaryIps,
      publicIp, ipv6Ip, securityGroups: sgs, interfaceType: type, filtered: true,
      sourceDestCheck: ni.sourceDestCheck ?? true, deviceIndex: deviceIndexes.get(id), denyAllIgwTraffic: ni.denyAllIgwTraffic ?? false, span,
    });
  }
}

/**
 * Device indexes of the instances' secondary interfaces ("Elastic network interfaces", Amazon
 * EC2 guide: the primary interface is device index 0, each attached one has an index of its
 * own). A written index must be unused on its instance (BAD_VALUE); an unwritten one gets the
 * lowest free index from 1, in file order. A standalone interface has none.
 */
function assignDeviceIndexes(ctx: BuildContext, raw: IdMap<RawNetworkInterface>, vpcId: string): Map<string, number> {
  const out = new Map<string, number>();
  const used = new Map<string, Set<number>>();
  const usedOn = (instance: string): Set<number> => {
    let set = used.get(instance);
    if (!set) used.set(instance, (set = new Set([0])));
    return set;
  };
  for (const [id, ni] of Object.entries(raw)) {
    if (ni.deviceIndex === undefined) continue;
    const ptr = `${pointer('vpcs', vpcId, 'networkInterfaces', id)}/deviceIndex`;
    if (ni.instance === undefined) {
      report(ctx, 'BAD_VALUE', 'deviceIndex is the position of an interface attached to an instance; this interface has no instance', ptr, 'key');
      continue;
    }
    const set = usedOn(ni.instance);
    if (set.has(ni.deviceIndex)) {
      report(ctx, 'BAD_VALUE', `device index ${ni.deviceIndex} is already used by another interface of instance "${ni.instance}"`, ptr);
      continue;
    }
    set.add(ni.deviceIndex);
    out.set(id, ni.deviceIndex);
  }
  for (const [id, ni] of Object.entries(raw)) {
    if (ni.instance === undefined || out.has(id)) continue;
    const set = usedOn(ni.instance);
    let i = 1;
    while (set.has(i)) i++;
    set.add(i);
    out.set(id, i);
  }
  return out;
}
