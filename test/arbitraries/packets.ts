// Packets for rule-evaluation oracles: addresses drawn from a pool (rule CIDR edges, interface
// addresses) or at random, protocols tcp/udp/icmp/all, ports from the common set or at random.
import fc from 'fast-check';
import type { Packet } from '../../src/engine/packet.js';
import { portArb } from './plan.js';

const PROTOCOL_NUMBERS = { tcp: 6, udp: 17, icmp: 1, all: -1 } as const;

/** A packet plan: indices into an address pool (or a random address), protocol, ports. */
export interface PacketPlan {
  readonly src: number | { readonly random: number };
  readonly dst: number | { readonly random: number };
  readonly protocol: keyof typeof PROTOCOL_NUMBERS;
  readonly srcPort: number;
  readonly dstPort: number;
}

const addressArb = fc.oneof({ arbitrary: fc.nat(63), weight: 4 }, { arbitrary: fc.record({ random: fc.integer({ min: 0, max: 0xffffffff }) }), weight: 1 });

/** A packet plan. */
export const packetPlanArb: fc.Arbitrary<PacketPlan> = fc.record({
  src: addressArb,
  dst: addressArb,
  protocol: fc.constantFrom('tcp' as const, 'udp' as const, 'icmp' as const, 'all' as const),
  srcPort: fc.oneof(fc.constant(49152), portArb, fc.integer({ min: 0, max: 65535 })),
  dstPort: fc.oneof(portArb, fc.constantFrom(0, 1023, 1024, 65535, 8), fc.integer({ min: 0, max: 65535 })),
});

/** The packet a plan describes over an address pool (IPv4 values). */
export function packetOf(plan: PacketPlan, pool: readonly bigint[]): Packet {
  const addr = (a: PacketPlan['src']): bigint =>
    typeof a === 'number' ? (pool.length > 0 ? pool[a % pool.length]! : 0n) : BigInt(a.random);
  const protocol = PROTOCOL_NUMBERS[plan.protocol];
  const ported = protocol === 6 || protocol === 17;
  return {
    src: { family: 4, value: addr(plan.src) },
    dst: { family: 4, value: addr(plan.dst) },
    protocol,
    srcPort: ported ? plan.srcPort : undefined,
    dstPort: protocol === -1 ? undefined : protocol === 1 ? plan.dstPort % 256 : plan.dstPort,
  };
}

/** Interesting addresses of a CIDR text: first, last, just outside on both sides. */
export function edgesOf(cidr: string): bigint[] {
  const [addr, len] = cidr.split('/');
  const value = addr!.split('.').reduce((acc, o) => acc * 256n + BigInt(o), 0n);
  const size = 1n << BigInt(32 - Number(len));
  return [value, value + size - 1n, value - 1n, value + size].filter((v) => v >= 0n && v < 1n << 32n);
}
