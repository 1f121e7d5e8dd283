// Network ACL evaluation ("Network ACL rules", Amazon VPC guide) against a naive loop over
// the entries AS WRITTEN: sort them by rule number, take the first whose CIDR, protocol and
// ports match, and deny when none does. Entries go through the loader in random order, so
// the oracle also covers parsing and sorting. A flow of every protocol (-1) is the strict
// reading: any matching deny stops it, only an all-protocol allow passes it, narrower allows
// pass part of it and the loop goes on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateNacl } from '../../src/engine/evaluate-nacl.js';
import type { Packet } from '../../src/engine/packet.js';
import type { RawAclRule, RawTopology } from '../../src/model/format.js';
import { buildRaw } from '../arbitraries/build-raw.js';
import { edgesOf, packetOf, packetPlanArb } from '../arbitraries/packets.js';
import { ALL_FEATURES, topologyPlanArb } from '../arbitraries/plan.js';
import { loadRaw } from '../arbitraries/topology.js';
import { checkProperty, PROPERTY_TIMEOUT_MS } from './property-runner.js';

const PROTOCOLS: Record<string, number> = { tcp: 6, udp: 17, icmp: 1, all: -1 };

function cidrContains(cidr: string, v: bigint): boolean {
  const [addr, len] = cidr.split('/');
  const net = addr!.split('.').reduce((acc, o) => acc * 256n + BigInt(o), 0n);
  const shift = BigInt(32 - Number(len));
  return v >> shift === net >> shift;
}

function portsMatch(ports: number | string | undefined, port: number | undefined): boolean {
  if (ports === undefined) return true;
  const [lo, hi] = String(ports).split('-').map(Number);
  if (port === undefined) return lo === 0 && (hi ?? lo) === 65535;
  return port >= lo! && port <= (hi ?? lo)!;
}

function naive(rules: readonly RawAclRule[], direction: 'ingress' | 'egress', p: Packet): { allowed: boolean; rule: number | undefined } {
  const peer = direction === 'ingress' ? p.src.value : p.dst.value;
  for (const r of [...rules].sort((a, b) => a.rule - b.rule)) {
    const proto = PROTOCOLS[String(r.protocol)]!;
    if (!cidrContains(r.cidr!, peer)) continue;
    if (p.protocol === -1) {
      if (r.action === 'deny' || proto === -1) return { allowed: r.action === 'allow', rule: r.rule };
      continue;
    }
    const protoOk = proto === -1 || (proto === p.protocol && portsMatch(r.ports, p.dstPort));
    if (protoOk) return { allowed: r.action === 'allow', rule: r.rule };
  }
  return { allowed: false, rule: undefined };
}

// ACLs come from generated topologies (their rules name VPC, subnet and host CIDRs).
const caseArb = fc.record({
  topology: topologyPlanArb({ ...ALL_FEATURES, maxVpcs: 2, privateLink: false }).map(buildRaw),
  packets: fc.array(packetPlanArb, { minLength: 1, maxLength: 20 }),
}).filter(({ topology }) => Object.values(topology.vpcs ?? {}).some((v) => Object.keys(v.networkAcls ?? {}).length > 0));

function aclsOf(raw: RawTopology): [string, { ingress: readonly RawAclRule[]; egress: readonly RawAclRule[] }][] {
  return Object.values(raw.vpcs ?? {}).flatMap((v) => Object.entries(v.networkAcls ?? {}).map(([id, a]) => [id, { ingress: a.ingress ?? [], egress: a.egress ?? [] }] as [string, { ingress: readonly RawAclRule[]; egress: readonly RawAclRule[] }]));
}

describe('network ACL evaluation', () => {
  it('equals a naive first-match loop over the entries sorted by number, with the implicit deny', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    checkProperty('NACL oracle', fc.property(caseArb, ({ topology: raw, packets }) => {
      const { topology } = loadRaw(raw);
      const acls = aclsOf(raw);
      const pool = acls.flatMap(([, a]) => [...a.ingress, ...a.egress].flatMap((r) => edgesOf(r.cidr!)));
      for (const [id, written] of acls) {
        const acl = topology.networkAcls.get(id)!;
        for (const plan of packets) {
          const p = packetOf(plan, pool);
          for (const direction of ['ingress', 'egress'] as const) {
            const want = naive(written[direction], direction, p);
            const got = evaluateNacl(acl, direction, p);
            expect({ allowed: got.allowed, rule: got.rule?.rule }, `${id} ${direction} ${JSON.stringify(p, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`).toEqual(want);
          }
        }
      }
    }));
  });
});
