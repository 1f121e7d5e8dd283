// Longest prefix match ("How route priority works", Amazon VPC guide) against a brute-force
// scan of every route and every prefix-list entry: the longest matching prefix wins; at
// equal length a static CIDR route beats a prefix-list route.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRouteIndex, lookupRoute } from '../../src/engine/compile/route-index.js';
import type { Ip } from '../../src/net/ip.js';
import type { Prefix } from '../../src/net/prefix.js';
import type { PrefixList, Route } from '../../src/model/resources.js';
import { routeCaseArb } from '../arbitraries/route-table.js';
import { checkProperty, PROPERTY_TIMEOUT_MS } from './property-runner.js';

// Containment by shifting, independent of the engine's masks.
function contains(p: Prefix, ip: Ip): boolean {
  const shift = BigInt(32 - p.length);
  return p.family === ip.family && ip.value >> shift === p.network >> shift;
}

/** Every route tied for best, with the winning length and priority (0 static, 1 prefix list). */
function bruteForce(routes: readonly Route[], lists: ReadonlyMap<string, PrefixList>, ip: Ip): { length: number; priority: number; routes: Route[] } | undefined {
  let best: { length: number; priority: number; routes: Route[] } | undefined;
  for (const route of routes) {
    const isList = route.destination.kind === 'prefixList';
    const prefixes = route.destination.kind === 'cidr' ? [route.destination.prefix] : lists.get(route.destination.prefixList)?.entries ?? [];
    for (const p of prefixes) {
      if (!contains(p, ip)) continue;
      const priority = isList ? 1 : 0;
      if (!best || p.length > best.length || (p.length === best.length && priority < best.priority)) {
        best = { length: p.length, priority, routes: [route] };
      } else if (p.length === best.length && priority === best.priority && !best.routes.includes(route)) {
        best.routes.push(route);
      }
    }
  }
  return best;
}

describe('route lookup', () => {
  it('equals a brute-force longest-prefix scan (static beats prefix list at equal length)', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    checkProperty('route LPM oracle', fc.property(routeCaseArb, ({ table, prefixLists, addresses }) => {
      const index = buildRouteIndex(table, prefixLists);
      for (const ip of addresses) {
        const want = bruteForce(table.routes, prefixLists, ip);
        const got = lookupRoute(index, ip);
        if (!want) {
          expect(got, `no route should match ${ip.value}`).toBeUndefined();
          continue;
        }
        expect(got, `a route should match ${ip.value}`).toBeDefined();
        expect(got!.prefix.length).toBe(want.length);
        expect(got!.priority).toBe(want.priority);
        expect(want.routes).toContain(got!.route);
        expect(contains(got!.prefix, ip)).toBe(true);
      }
    }));
  });
});
