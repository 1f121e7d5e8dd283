// Replacing the local route ("Replace or restore the target for a local route", "Subnet route
// tables", Amazon VPC guide): a route to a whole VPC block with a GWLB endpoint, NAT gateway or
// network interface target takes the local route's place, so it wins for the whole block.
import { describe, expect, it } from 'vitest';
import { scenario } from '../helpers/load.js';
import { expectReachableVia, trace } from '../helpers/trace.js';

const t = scenario('local-route-replacement');

describe('a replaced local route', () => {
  it('leaves the table: the written route to the VPC block is the only route for it', () => {
    const routes = t.routeTables.get('rtb-app')!.routes;
    expect(routes.filter((r) => r.origin === 'local')).toEqual([]);
    expect(routes.map((r) => [r.origin, r.replacesLocal ?? false])).toEqual([['written', true]]);
  });

  it('sends traffic between subnets through its target, and the route hop cites the written route', () => {
    const tr = trace(t, 'app', 'db', 5432);
    expectReachableVia(tr, ['app', 'rtb-app', 'vpce-gwlb/inspection-a', 'firewall-1', 'vpc-app/main', 'db']);
    const hop = tr.hops.find((h) => h.component.id === 'rtb-app')!;
    expect(hop.location?.line).toBe(t.routeTables.get('rtb-app')!.routes[0]!.span.line);
  });

  it('a table that keeps its local route still delivers directly', () => {
    expect(t.routeTables.get('vpc-app/main')!.routes.some((r) => r.origin === 'local')).toBe(true);
  });
});
