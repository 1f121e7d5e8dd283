// A file's own catalogue entries: an AWS-managed prefix list with its real id replaces the
// built-in list of that name (gateway endpoints route to it), and a declared service is
// reachable through an interface endpoint by its public name. Both survive `vpcsim fmt`.
import { describe, expect, it } from 'vitest';
import { formatTopology } from '../../src/model/serialize/format-topology.js';
import { codes, expectReachableVia, trace } from '../helpers/trace.js';
import { topologyOf } from '../helpers/load.js';

const FILE = `
version: 1
name: declared services
region: eu-west-2
prefixLists:
  pl-7ca54015:
    name: com.amazonaws.eu-west-2.s3
    awsManaged: true
    entries: [52.95.144.0/24, 3.5.244.0/22]
awsServices:
  com.amazonaws.eu-west-2.bedrock-runtime:
    endpointTypes: [interface]
    publicRanges: [203.0.113.0/28]
vpcs:
  vpc-a:
    cidr: 10.0.0.0/16
    enableDnsHostnames: true
    subnets:
      a1: { az: euw2-az1, cidr: 10.0.1.0/24, routeTable: rtb-a }
    routeTables:
      rtb-a: {}
    securityGroups:
      sg-vpce: { ingress: [ { protocol: tcp, ports: 443, cidr: 10.0.0.0/16 } ] }
    instances:
      app: { subnet: a1 }
    endpoints:
      vpce-s3: { type: gateway, service: com.amazonaws.eu-west-2.s3, routeTables: [rtb-a] }
      vpce-br: { type: interface, service: com.amazonaws.eu-west-2.bedrock-runtime, subnets: [a1], securityGroups: [sg-vpce] }
`;

describe('a file declares AWS-managed prefix lists and services', () => {
  const t = topologyOf(FILE);

  it("replaces the built-in S3 list of its region with the file's id and entries", () => {
    expect(t.prefixLists.get('pl-7ca54015')?.managed).toBe(true);
    expect(t.prefixLists.has('pl-s3-eu-west-2')).toBe(false);
    expect(t.awsServices.get('com.amazonaws.eu-west-2.s3')?.prefixList?.id).toBe('pl-7ca54015');
    const route = t.routeTables.get('rtb-a')!.routes.find((r) => r.origin === 'gatewayEndpoint')!;
    expect(route.destination).toEqual({ kind: 'prefixList', prefixList: 'pl-7ca54015' });
  });

  it('sends S3 traffic for the declared ranges through the gateway endpoint', () => {
    expectReachableVia(trace(t, 'app', '52.95.144.10', 443), ['app', 'rtb-a', 'vpce-s3']);
    // Outside the declared entries: no route (the VPC has no gateway).
    expect(codes(trace(t, 'app', '52.95.145.10', 443))).toContain('NO_ROUTE_TO_DESTINATION');
  });

  it("resolves a declared service's public name to its interface endpoint (private DNS)", () => {
    expectReachableVia(trace(t, 'app', 'bedrock-runtime.eu-west-2.amazonaws.com', 443), ['app', 'vpce-br/a1']);
  });

  it('prints both back with vpcsim fmt', () => {
    const text = formatTopology(t);
    expect(text).toContain('awsManaged: true');
    expect(text).toContain('com.amazonaws.eu-west-2.bedrock-runtime');
    expect(formatTopology(topologyOf(text))).toBe(text);
  });
});
