// Ports and protocols shared by every arbitrary: a small pool of common ports so that rules,
// listeners and flows often agree, and TCP more often than the rest.
import fc from 'fast-check';

/** Ports of a rule: omitted (all), one port, or a range. */
export type PortsPlan = null | number | readonly [number, number];

/** A protocol name a rule or flow may use. */
export type ProtocolPlan = 'tcp' | 'udp' | 'icmp' | 'all';

const PORTS = [22, 53, 80, 443, 3306, 8080];

/** A port a rule or flow is likely to share with another. */
export const portArb: fc.Arbitrary<number> = fc.oneof({ arbitrary: fc.constantFrom(...PORTS), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: 65535 }), weight: 1 });

/** A protocol, TCP most often. */
export const protocolArb: fc.Arbitrary<ProtocolPlan> = fc.oneof(
  { arbitrary: fc.constant('tcp' as const), weight: 4 },
  { arbitrary: fc.constantFrom('udp' as const, 'icmp' as const, 'all' as const), weight: 2 },
);
