// Route tables built directly as model values, for the longest-prefix-match oracle: CIDR
// routes, prefix-list routes whose entries often repeat a CIDR route's prefix exactly (where
// the static route must win), local routes, and addresses at the edges of every prefix.
import fc from 'fast-check';
import type { Ip } from '../../src/net/ip.js';
import { makePrefix, type Prefix } from '../../src/net/prefix.js';
import type { PrefixList, Route, RouteTable } from '../../src/model/resources.js';
import { fileStartSpan } from '../../src/model/span.js';

/** A route table, the prefix lists its routes name, and addresses to look up. */
export interface RouteCase {
  readonly table: RouteTable;
  readonly prefixLists: ReadonlyMap<string, PrefixList>;
  readonly addresses: readonly Ip[];
}

const SEEDS = [0x0a000000, 0x0a010000, 0x0a010100, 0xc0a80000, 0x34d80000, 0x00000000, 0xffffff00];

const prefixArb: fc.Arbitrary<Prefix> = fc
  .record({
    value: fc.oneof(fc.constantFrom(...SEEDS), fc.integer({ min: 0, max: 0xffffffff })),
    length: fc.oneof(fc.constantFrom(0, 8, 16, 24, 32), fc.integer({ min: 0, max: 32 })),
  })
  .map(({ value, length }) => makePrefix(4, BigInt(value), length));

const span = fileStartSpan('routes.yaml');

function key(p: Prefix): string {
  return `${p.network}/${p.length}`;
}

/** A route table case. */
export const routeCaseArb: fc.Arbitrary<RouteCase> = fc
  .record({
    cidrs: fc.uniqueArray(prefixArb, { maxLength: 8, selector: key }),
    locals: fc.uniqueArray(prefixArb, { maxLength: 2, selector: key }),
    // Each entry: a fresh prefix, or (reuse) the prefix of CIDR route `reuse`.
    lists: fc.array(fc.array(fc.record({ fresh: prefixArb, reuse: fc.option(fc.nat(7)) }), { minLength: 1, maxLength: 4 }), { maxLength: 3 }),
    listRoutes: fc.uniqueArray(fc.nat(2), { maxLength: 3 }),
    extra: fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 4 }),
    order: fc.array(fc.nat(), { maxLength: 16 }),
  })
  .map(({ cidrs, locals, lists, listRoutes, extra, order }) => {
    const localKeys = new Set(locals.map(key));
    const statics = cidrs.filter((c) => !localKeys.has(key(c)));
    const prefixLists = new Map<string, PrefixList>(
      lists.map((entries, k) => [`pl-${k}`, {
        kind: 'prefixList', id: `pl-${k}`, name: undefined, managed: false, span, pointer: '', written: true,
        entries: entries.map((e) => (e.reuse !== null && statics.length > 0 ? statics[e.reuse % statics.length]! : e.fresh)),
      }]),
    );
    const written: Route[] = [
      ...statics.map((prefix): Route['destination'] => ({ kind: 'cidr', prefix })),
      ...listRoutes.filter((k) => k < lists.length).map((k): Route['destination'] => ({ kind: 'prefixList', prefixList: `pl-${k}` })),
    ].map((destination, i) => ({ index: i + 1, destination, target: { kind: 'resource', id: `target-${i}` }, origin: 'written', span }));
    // Shuffle the written routes: the index must not depend on their order.
    order.forEach((o, i) => {
      const a = i % Math.max(1, written.length);
      const b = o % Math.max(1, written.length);
      [written[a], written[b]] = [written[b]!, written[a]!];
    });
    const routes: Route[] = [
      ...locals.map((prefix, i): Route => ({ index: -(i + 1), destination: { kind: 'cidr', prefix }, target: { kind: 'local' }, origin: 'local', span })),
      ...written.filter((r) => r !== undefined),
    ];
    const table: RouteTable = { kind: 'routeTable', id: 'rtb', span, pointer: '', written: true, vpc: 'vpc', main: true, gatewayAssociation: undefined, propagatingVgws: [], routes };
    const prefixes = [...cidrs, ...locals, ...[...prefixLists.values()].flatMap((p) => p.entries)];
    const top = (1n << 32n) - 1n;
    const addresses: Ip[] = [
      ...prefixes.flatMap((p) => {
        const last = p.network + (1n << BigInt(32 - p.length)) - 1n;
        return [p.network, last, p.network - 1n, last + 1n, p.network + (last - p.network) / 2n];
      }),
      ...extra.map(BigInt),
    ].filter((v) => v >= 0n && v <= top).map((value) => ({ family: 4 as const, value }));
    return { table, prefixLists, addresses };
  });
