// A differential check against real data: AWS snapshots (test/fixtures/aws, describe
// output of real accounts) imported with importAwsSnapshot, and flows whose verdict was
// derived BY HAND from the snapshot's JSON and the AWS rules, before running the engine.
// Each comment cites the records that decide. A second check compares the engine's verdicts
// on the imported topology with those on its `vpcsim fmt` print (two paths into the model).
import { isDeepStrictEqual } from 'node:util';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAwsSnapshot } from '../../src/import/aws/index.js';
import type { FlowProtocol } from '../../src/engine/query.js';
import { loadTopologyText } from '../../src/model/load-topology.js';
import { formatTopology } from '../../src/model/serialize/format-topology.js';
import type { Topology } from '../../src/model/topology.js';
import { codes, expectReachableVia, hopIds, trace } from '../helpers/trace.js';
import { projection } from './model-projection.js';
import { traceOk } from './trace-helpers.js';

const FIXTURES = resolve('test/fixtures/aws');

function snapshot(name: string): Topology {
  const result = importAwsSnapshot(`${FIXTURES}/${name}`);
  expect(result.errors).toEqual([]);
  const { topology, diagnostics } = loadTopologyText(`${name} (imported)`, result.yaml);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return topology!;
}

/** A hand-derived flow: what AWS does, and the verdict it implies. */
interface Expected {
  readonly from: string;
  readonly to: string;
  readonly port: number | undefined;
  readonly protocol: FlowProtocol;
  /** `reachable`, or the code that stops the flow. */
  readonly verdict: 'reachable' | string;
  /** Ids the forward path crosses in order (reachable flows). */
  readonly via?: readonly string[];
  /** Why, from the snapshot's records and the AWS rules. */
  readonly why: string;
}

const EXPECTED: Record<string, readonly Expected[]> = {
  'batfish-test-public-subnet': [
    { from: 'internet', to: 'i-06669a407b2ef3ae5', port: 22, protocol: 'tcp', verdict: 'reachable', via: ['igw-0a409e562d251f766', 'i-06669a407b2ef3ae5'],
      why: 'public IP 18.216.80.133 on an IGW-attached VPC; launch-wizard-1 allows tcp 22 from 0.0.0.0/0; rtb-0489000c9e6c299e8 sends the reply to the IGW; default ACL allows all' },
    { from: 'internet', to: 'i-06669a407b2ef3ae5', port: 443, protocol: 'tcp', verdict: 'ENI_SG_RULES_MISMATCH',
      why: 'launch-wizard-1 has one inbound rule, tcp 22' },
    { from: 'i-06669a407b2ef3ae5', to: '8.8.8.8', port: 443, protocol: 'tcp', verdict: 'reachable', via: ['rtb-0489000c9e6c299e8', 'igw-0a409e562d251f766', 'internet'],
      why: 'egress allows all; 0.0.0.0/0 -> igw-0a409e562d251f766; the instance has a public IP for the 1:1 NAT' },
  ],
  'batfish-test-subnet': [
    { from: 'i-08ef86e76fceabd8d', to: '10.10.1.44', port: 22, protocol: 'tcp', verdict: 'reachable',
      why: 'same subnet (no ACL boundary), local route 10.10.0.0/16; launch-wizard-1 on i-07519d6ba3f9497e4 allows tcp 22 from anywhere' },
    { from: 'i-08ef86e76fceabd8d', to: '10.10.1.44', port: 3389, protocol: 'tcp', verdict: 'ENI_SG_RULES_MISMATCH',
      why: 'launch-wizard-1 allows only tcp 22' },
    { from: 'i-08ef86e76fceabd8d', to: '8.8.8.8', port: 443, protocol: 'tcp', verdict: 'NO_ROUTE_TO_DESTINATION',
      why: 'the only route table (main, rtb-07243bb4843d61c35) holds only the local route; the VPC has no IGW' },
    { from: 'internet', to: '10.10.1.44', port: 22, protocol: 'tcp', verdict: 'NOT_ADDRESSABLE_FROM_INTERNET',
      why: 'a private address with no public IP cannot be reached from the internet' },
  ],
  'batfish-test-public-private-subnet': [
    { from: 'internet', to: 'i-094a9e5b545a4fde4', port: 22, protocol: 'tcp', verdict: 'reachable', via: ['igw-0eac198308206c358', 'i-094a9e5b545a4fde4'],
      why: 'public IP 13.58.55.60; launch-wizard-2 allows tcp 22 from anywhere; rtb-0d20fcae075afe460 routes the reply to the IGW' },
    { from: 'i-094a9e5b545a4fde4', to: '10.0.1.204', port: 22, protocol: 'tcp', verdict: 'reachable',
      why: 'local route between the two subnets; default ACL allows all both ways; launch-wizard-3 allows tcp 22 from anywhere' },
    { from: 'i-099cf38911942421c', to: '10.0.0.47', port: 80, protocol: 'tcp', verdict: 'ENI_SG_RULES_MISMATCH',
      why: 'launch-wizard-2 allows only tcp 22' },
    { from: 'i-099cf38911942421c', to: '8.8.8.8', port: 443, protocol: 'tcp', verdict: 'NO_ROUTE_TO_DESTINATION',
      why: "the private subnet uses the main table, whose 0.0.0.0/0 goes to virtual private gateway vgw-070087240d6fa2989: toward the VPN, not the internet; the gateway knows only the VPN's static route 19.168.0.0/16, so it has no route for 8.8.8.8" },
  ],
  'batfish-test-nat-gateway': [
    { from: 'i-0a128d26e59be60f3', to: '10.1.250.116', port: undefined, protocol: 'icmp', verdict: 'reachable',
      why: 'acl-0792adae678b88f85 (public subnet) rule 100 allows icmp from 10.1.1.0/24; the SG allows icmp type 8 from anywhere; the echo reply leaves by egress rule 100 and enters the default ACL' },
    { from: 'i-0b31b509174d7f5de', to: '8.8.8.8', port: undefined, protocol: 'icmp', verdict: 'reachable', via: ['igw-071753b9c23d8a9b2'],
      why: 'public subnet with a public IP and 0.0.0.0/0 -> IGW; the reply enters by ACL rule 200 (all from anywhere)' },
    { from: 'i-0a73a1a6021c03ddb', to: '10.1.1.98', port: 22, protocol: 'tcp', verdict: 'reachable',
      why: 'main table local route; default ACL; the SG allows tcp 22 from anywhere' },
    { from: 'internet', to: '3.135.127.225', port: 443, protocol: 'tcp', verdict: 'NO_INBOUND_THROUGH_NAT',
      why: 'a NAT gateway\'s Elastic IP takes no connection initiated from outside (NAT gateways, Amazon VPC guide)' },
  ],
  'batfish-test-vpc-peering-multi-account': [
    { from: 'i-066ce0b1efbb5602c', to: '10.1.1.100', port: undefined, protocol: 'icmp', verdict: 'reachable', via: ['pcx-0040f7640e10191f4', 'i-07ae69cc808e8804e'],
      why: 'active peering across accounts 951601349076 and 028403472736, routes to the peer /16 on both sides; bat_sg allows icmp type 8 from anywhere' },
    { from: 'i-066ce0b1efbb5602c', to: '10.1.1.100', port: 33434, protocol: 'udp', verdict: 'reachable',
      why: 'bat_sg allows udp 33434-33534 (traceroute) from anywhere' },
    { from: 'i-066ce0b1efbb5602c', to: '10.1.1.100', port: 443, protocol: 'tcp', verdict: 'ENI_SG_RULES_MISMATCH',
      why: 'bat_sg allows tcp only on 22' },
  ],
  'batfish-test-vpc-endpoint-gateway': [
    { from: 'i-01c6c0647fdccc89e', to: '52.216.237.77', port: 443, protocol: 'udp', verdict: 'VPCE_GATEWAY_PROTOCOL_RESTRICTION',
      why: 'the only way out of subnet-01e5f0945f6d6f47c is the S3 prefix-list route to gateway endpoint vpce-0b7357542bb7b83ec, which carries TCP to S3' },
    { from: 'i-01c6c0647fdccc89e', to: '52.94.0.10', port: 443, protocol: 'tcp', verdict: 'NO_ROUTE_TO_DESTINATION',
      why: 'DynamoDB (pl-02cd2c6b) has no route in rtb-04f71fc2caa8d94cf: only local and the S3 prefix list' },
    { from: 'internet', to: 'i-0464d440ca0ee9e34', port: 443, protocol: 'tcp', verdict: 'reachable', via: ['igw-0c8afe4471084ccba'],
      why: 'public IP 18.206.223.222; testing_sg allows tcp 443 from anywhere; custom ACL acl-086ba598bbf8e5d89 rule 1000 allows all both ways' },
  ],
  // cloudmapper's demo account: one default VPC vpc-12345678 (IsDefault: AWS turns DNS support and
  // hostnames on), no describe-route-tables (only the implicit local route) and no
  // describe-network-acls (the default ACL allows all). Instances by their Name tags.
  'cloudmapper-demo-us-east-1': [
    { from: 'Bastion', to: 'Web1', port: 8000, protocol: 'tcp', verdict: 'reachable', via: ['i-00000000000000000', 'sg-00000004', 'i-00000000000000001'],
      why: 'Bastion holds sg-00000002 (ec2-describe-instances.json); Web1 holds sg-00000004, whose IpPermissions allow tcp 8000 from UserIdGroupPairs sg-00000003 and sg-00000002; sg-00000002 egress allows all' },
    { from: 'Web1', to: 'Web2', port: 8000, protocol: 'tcp', verdict: 'ENI_SG_RULES_MISMATCH',
      why: 'Web2 holds sg-00000004, which allows tcp 8000 only from sg-00000003 and sg-00000002; Web1 holds sg-00000004 alone' },
    { from: 'Bastion', to: 'Web1', port: 22, protocol: 'tcp', verdict: 'ENI_SG_RULES_MISMATCH',
      why: 'sg-00000004 has no rule for tcp 22' },
    { from: 'Web1', to: 'sqs.us-east-1.amazonaws.com', port: 443, protocol: 'tcp', verdict: 'reachable', via: ['i-00000000000000001', 'vpce-00000000000000002/subnet-00000003'],
      why: 'vpce-00000000000000002 (ec2-describe-vpc-endpoints.json) is an SQS interface endpoint in subnet-00000003 with PrivateDnsEnabled true, so the regional name resolves to its interface; its group sg-00000006 allows tcp 443 from sg-00000004, which Web1 holds' },
    { from: 'Bastion', to: 'sqs.us-east-1.amazonaws.com', port: 443, protocol: 'tcp', verdict: 'ENI_SG_RULES_MISMATCH',
      why: 'sg-00000006 allows tcp 443 only from members of sg-00000004; Bastion holds sg-00000002' },
    { from: 'Bastion', to: 'eni-00000001', port: 22, protocol: 'tcp', verdict: 'reachable', via: ['i-00000000000000000', 'sg-00000008', 'eni-00000001'],
      why: 'the ECS task interface eni-00000001 (ec2-describe-network-interfaces.json, Description arn:aws:ecs:…:attachment/…) holds sg-00000008, which allows tcp 22 from sg-00000002; both sit in subnet-00000001' },
    { from: 'Web1', to: 'eni-00000001', port: 22, protocol: 'tcp', verdict: 'ENI_SG_RULES_MISMATCH',
      why: 'sg-00000008 allows tcp 22 only from sg-00000002' },
    { from: 'Bastion', to: '8.8.8.8', port: 443, protocol: 'tcp', verdict: 'NO_ROUTE_TO_DESTINATION',
      why: 'the snapshot has no describe-route-tables: the main table holds only the local route 10.0.0.0/16' },
  ],
};

describe('differential check against AWS snapshots', () => {
  describe.each(Object.keys(EXPECTED))('%s', (name) => {
    const t = snapshot(name);
    it.each(EXPECTED[name]!.map((e) => [`${e.from} -> ${e.to}:${e.port ?? '-'} ${e.protocol}: ${e.verdict}`, e] as const))('%s', (_label, e) => {
      const tr = trace(t, e.from, e.to, e.port, e.protocol);
      if (e.verdict === 'reachable') expectReachableVia(tr, e.via ?? []);
      else {
        expect(tr.reachable, `${e.why}\n${hopIds(tr).join(' > ')}`).toBe(false);
        expect(codes(tr), e.why).toContain(e.verdict);
      }
    });

    it('gives the same verdicts on the imported topology and on its `vpcsim fmt` print', () => {
      const printed = loadTopologyText(`${name} (formatted)`, formatTopology(t)).topology!;
      expect(isDeepStrictEqual(projection(printed), projection(t))).toBe(true);
      const ids = [...t.instances.keys()];
      for (const from of ids) {
        for (const to of [...ids, '8.8.8.8', '52.216.237.77']) {
          for (const [protocol, port] of [['tcp', 22], ['tcp', 443], ['icmp', undefined]] as const) {
            const flow = { from, to, protocol, port };
            const a = traceOk(t, flow);
            const b = traceOk(printed, flow);
            expect(b.traces.map((x) => [x.reachable, x.explanations.map((c) => c.code)]), JSON.stringify(flow))
              .toEqual(a.traces.map((x) => [x.reachable, x.explanations.map((c) => c.code)]));
          }
        }
      }
    });
  });
});
