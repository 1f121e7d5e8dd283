// Flows on the imported plans, each derived by hand from the plan JSON; the comments name
// the records that decide. Traces cite the plan (file:line:col of the resource object).
import { describe, expect, it } from 'vitest';
import { codes, expectBlocked, expectReachableVia, hopIds, stoppingHop, trace } from '../../helpers/trace.js';
import { importedPlan, plan } from './plan-helpers.js';

describe('checkov resources plan', () => {
  const file = plan('runner__resources__plan__tfplan');
  const { topology } = importedPlan(file);

  it('the internet reaches web_host on SSH', () => {
    // aws_subnet.web_subnet: map_public_ip_on_launch = true, and aws_instance.web_host leaves
    // associate_public_ip_address unset: AWS gives it a public IP. aws_route.public_internet_gateway
    // (0.0.0.0/0 -> aws_internet_gateway.web_igw) in aws_route_table.web_rtb, associated with
    // web_subnet by aws_route_table_association.rtbassoc; aws_security_group.web-node ingress
    // tcp 22 from 0.0.0.0/0.
    const t = trace(topology, '198.51.100.7', 'aws_instance.web_host', 22);
    expectReachableVia(t, ['aws_internet_gateway.web_igw', 'aws_security_group.web-node', 'aws_instance.web_host']);
    // The deciding rule is located in the plan, at the security group's object.
    const sgHop = t.hops.find((h) => h.component.id === 'aws_security_group.web-node')!;
    expect(sgHop.location?.file).toBe(file);
  });

  it('the internet does not reach web_host on MySQL: web-node has no 3306 rule', () => {
    // aws_security_group.web-node ingress: tcp 22 and tcp 80 only.
    expectBlocked(trace(topology, '198.51.100.7', 'aws_instance.web_host', 3306), 'ENI_SG_RULES_MISMATCH', 'aws_security_group.web-node');
  });

  it('web_host reaches the internet: web-node egress allows all, the route goes to the IGW', () => {
    // aws_security_group.web-node egress: protocol -1 to 0.0.0.0/0.
    expectReachableVia(trace(topology, 'aws_instance.web_host', '8.8.8.8', 443), ['aws_route_table.web_rtb', 'aws_internet_gateway.web_igw', 'internet']);
  });
});

describe('terraform-aws-modules VPC (issue-158)', () => {
  const { topology } = importedPlan(plan('test_issue-158'));

  it('a private subnet goes out through its own NAT gateway, then the public table and the IGW', () => {
    // aws_route_table_association.private[0]: subnet private[0] -> route table private[0];
    // aws_route.private_nat_gateway[0]: 0.0.0.0/0 -> aws_nat_gateway.this[0] (count.index);
    // aws_nat_gateway.this[0] in aws_subnet.public[0]; aws_route.public_internet_gateway[0]:
    // 0.0.0.0/0 -> aws_internet_gateway.this[0]. The plan has no instance, so the flow starts
    // at an address of the subnet; its reply has no interface to return to.
    const t = trace(topology, '10.0.1.10', '8.8.8.8', 443);
    expect(hopIds(t)).toEqual([
      '10.0.1.10', 'module.vpc.aws_route_table.private[0]', 'module.vpc.aws_vpc.this[0]/default-acl', 'module.vpc.aws_vpc.this[0]/default-acl',
      'module.vpc.aws_nat_gateway.this[0]', 'module.vpc.aws_route_table.public[0]', 'module.vpc.aws_vpc.this[0]/default-acl',
      'module.vpc.aws_internet_gateway.this[0]', 'internet',
    ]);
    expect(codes(t)).toEqual(['UNKNOWN_DESTINATION']);
    expect(stoppingHop(t)?.component.id).toBe('module.vpc.aws_vpc.this[0]');
  });
});

describe('gjkraken VPN plan: a route to a transit gateway is a reported blackhole', () => {
  const file = plan('gjkraken');
  const { topology } = importedPlan(file);

  it('spoke A private traffic to spoke B stops at the blackholed transit gateway route', () => {
    // module.vpcs["spoke-vpc-a"].aws_route.private_to_tgw["eu-central-1a:0.0.0.0/0"]:
    // 0.0.0.0/0 -> transit_gateway_id (aws_ec2_transit_gateway.tgw, not modelled) in
    // awscc_ec2_route_table.private["eu-central-1a"], associated with the private subnet.
    const t = trace(topology, '10.66.4.10', '10.66.5.10', 443);
    expectBlocked(t, 'CANNOT_ROUTE', 'module.vpcs["spoke-vpc-a"].awscc_ec2_route_table.private["eu-central-1a"]');
    expect(stoppingHop(t)?.location?.file).toBe(file);
  });
});
