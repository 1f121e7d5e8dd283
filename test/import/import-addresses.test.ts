// Every address of every interface in every real snapshot (its NetworkInterfaces file) is
// where AWS put it after import: a trace to it, from another interface of its VPC, reaches
// the interface that holds it (instance, secondary interface, Lambda / ECS interface, load
// balancer node, endpoint interface, NAT gateway), never UNKNOWN_DESTINATION.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineContext } from '../../src/engine/compile/engine-context.js';
import type { Topology } from '../../src/model/topology.js';
import { parseIp } from '../../src/net/ip.js';
import { codes, hopIds, trace } from '../helpers/trace.js';
import { AWS_FIXTURES, imported } from './helpers.js';

interface AwsEni {
  readonly NetworkInterfaceId: string;
  readonly InterfaceType?: string;
  readonly Description?: string;
  readonly SubnetId?: string;
  readonly VpcId?: string;
  readonly PrivateIpAddresses?: readonly { readonly PrivateIpAddress?: string }[];
  readonly Ipv6Addresses?: readonly { readonly Ipv6Address?: string }[];
  readonly Attachment?: { readonly InstanceId?: string; readonly DeviceIndex?: number };
}

function interfaceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /^(NetworkInterfaces|ec2-describe-network-interfaces)\.json$/.test(e.name))
    .map((e) => join(e.parentPath, e.name)).sort();
}

/** The trace component that holds an AWS interface's addresses once imported. */
function holderOf(t: Topology, e: AwsEni): string | undefined {
  const a = e.Attachment;
  if (a?.InstanceId !== undefined && a.DeviceIndex === 0) return a.InstanceId;
  if (t.enis.has(e.NetworkInterfaceId)) return e.NetworkInterfaceId;
  const inSubnet = [...t.enis.values()].filter((x) => x.subnet === e.SubnetId);
  const desc = e.Description ?? '';
  const lb = /^ELB (?:net|app|gwy)\/([^/]+)\//.exec(desc)?.[1];
  if (lb !== undefined) return inSubnet.find((x) => x.owner.kind === 'loadBalancer' && x.owner.id === lb)?.id;
  const vpce = /^VPC Endpoint Interface (vpce-[0-9a-f]+)/.exec(desc)?.[1];
  if (vpce !== undefined) return inSubnet.find((x) => x.owner.kind === 'endpoint' && x.owner.id === vpce)?.id;
  const nat = /(nat-[0-9a-f]+)/.exec(desc)?.[1];
  if (nat !== undefined && e.InterfaceType === 'nat_gateway') return nat;
  return undefined;
}

// Interfaces vpcsim cannot place yet, each with the reason (named in the import warnings too):
// - transit gateway attachment interfaces: transit gateways are not modelled (UNMODELLED_RESOURCE tgw-…);
// - cloudmapper's ECS task interface eni-00000001 at 172.31.48.168, outside its subnet
//   10.0.0.0/24 (hand-edited demo data AWS cannot produce: ADDRESS_LEFT_OUT eni-00000001).
const NOT_PLACED = new Set(['eni-00000001']);

const folders = readdirSync(AWS_FIXTURES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe('every interface address of every real snapshot is in place after import', () => {
  let checked = 0;
  for (const name of folders) {
    const dir = join(AWS_FIXTURES, name);
    for (const file of interfaceFiles(dir)) {
      const enis = (JSON.parse(readFileSync(file, 'utf8')) as { NetworkInterfaces: AwsEni[] }).NetworkInterfaces;
      it(`${name}/${relative(dir, file)}`, () => {
        const { result, topology: t } = imported(dir);
        expect(result.warnings.map((w) => w.code)).not.toContain('ADDRESS_ASSIGNED');
        for (const e of enis) {
          if (e.InterfaceType === 'transit_gateway' || NOT_PLACED.has(e.NetworkInterfaceId)) continue;
          const holder = holderOf(t, e);
          expect(holder, `${e.NetworkInterfaceId} is imported`).toBeDefined();
          const at = t.enis.get(holder!) ?? t.enis.get(t.natGateways.get(holder!)?.id ?? '');
          // A sender beside it in its subnet (network ACLs do not filter inside a subnet), else in its VPC.
          const senders = [...t.enis.values()].filter((x) => x.vpc === at?.vpc && x.id !== holder && x.owner.kind === 'instance');
          const from = (senders.find((x) => x.subnet === at?.subnet) ?? senders[0])?.id ?? holder!;
          const addresses = [...(e.PrivateIpAddresses ?? []).map((p) => p.PrivateIpAddress), ...(e.Ipv6Addresses ?? []).map((p) => p.Ipv6Address)];
          for (const ip of addresses.filter((x): x is string => x !== undefined)) {
            if (ip.includes(':') && t.enis.get(from)?.ipv6Ip === undefined) continue; // no IPv6 sender in that VPC
            const what = `${from} -> ${ip} (${e.NetworkInterfaceId})`;
            // The walk delivers to the interface its VPC's address index names...
            expect(engineContext(t).eniAt(at!.vpc, parseIp(ip)!)?.id, what).toBe(at!.id);
            // ...and the trace gets there: delivered to it, or stopped by its own security groups.
            const tr = trace(t, from, ip, undefined, 'all');
            expect(codes(tr), what).not.toContain('UNKNOWN_DESTINATION');
            const last = tr.hops[tr.hops.length - 1]!;
            if (!hopIds(tr).includes(holder!)) {
              expect([last.component.kind, last.action, codes(tr)[0]], what).toEqual(['securityGroup', 'denied', 'ENI_SG_RULES_MISMATCH']);
              expect(at!.securityGroups, what).toContain(last.component.id);
            }
            checked++;
          }
        }
      });
    }
  }
  it('checked a real number of addresses', () => {
    // 37 today: the 52 interfaces of the snapshots less the transit gateway ones.
    expect(checked).toBeGreaterThanOrEqual(35);
  });
});
