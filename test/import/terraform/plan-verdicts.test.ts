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

describe('gjkraken VPN plan: a route to a transit gateway stops at it, an unmodelled target', () => {
  const file = plan('gjkraken');
  const { topology } = importedPlan(file);

  it('spoke A private traffic to spoke B stops at the transit gateway, its verdict resting on an unmodelled part', () => {
    // module.vpcs["spoke-vpc-a"].aws_route.private_to_tgw["eu-central-1a:0.0.0.0/0"]:
    // 0.0.0.0/0 -> transit_gateway_id (aws_ec2_transit_gateway.tgw, not modelled) in
    // awscc_ec2_route_table.private["eu-central-1a"], associated with the private subnet.
    const t = trace(topology, '10.66.4.10', '10.66.5.10', 443);
    expect(hopIds(t)).toEqual(['10.66.4.10', 'module.vpcs["spoke-vpc-a"].awscc_ec2_route_table.private["eu-central-1a"]', 'aws_ec2_transit_gateway.tgw']);
    expectBlocked(t, 'UNMODELLED_TARGET', 'aws_ec2_transit_gateway.tgw');
    expect(stoppingHop(t)?.component.kind).toBe('unmodelled');
    // Located in the plan, at the transit gateway's resource object.
    expect(stoppingHop(t)?.location?.file).toBe(file);
  });
});

describe('the bundled example (examples/terraform/plan.json)', () => {
  const { topology } = importedPlan('examples/terraform/plan.json');

  it('the app reaches the API over PrivateLink, by its Name tag, through the NLB with cross-zone on', () => {
    // aws_vpc_endpoint.api: service_name references aws_vpc_endpoint_service.api, whose
    // network_load_balancer_arns reference aws_lb.api (enable_cross_zone_load_balancing =
    // true); aws_vpc_endpoint_service_allowed_principal.consumer allows account
    // 111122223333, the provider's allowed_account_ids. aws_security_group.endpoint ingress
    // tcp 443 from aws_security_group.app (a reference), the app's egress tcp 443 to
    // 10.20.0.0/16; aws_security_group.api ingress tcp 443 from 10.10.0.0/16 (the NLB's side).
    // The endpoint's interface in use1-az2 (10.20.2.4, vpcsim's first free address of
    // aws_subnet.app_b) reaches the NLB node in use1-az2: only cross-zone load balancing
    // lets it use the one target, in use1-az1.
    const t = trace(topology, 'app', '10.20.2.4', 443);
    expectReachableVia(t, ['aws_security_group.endpoint', 'aws_vpc_endpoint_service.api', 'aws_lb_target_group.api', 'aws_security_group.api', 'aws_instance.api']);
  });

  it('S3 goes through the gateway endpoint: its prefix list is the route and the egress rule', () => {
    // aws_vpc_endpoint.s3: route_table_ids references aws_route_table.app; the app's egress
    // rule prefix_list_ids references aws_vpc_endpoint.s3.prefix_list_id.
    expectReachableVia(trace(topology, 'aws_instance.app', '52.216.237.77', 443), ['aws_route_table.app', 'aws_vpc_endpoint.s3']);
  });

  it('port 22 to the endpoint is refused on the way out, by the app\'s group', () => {
    // aws_security_group.app egress: tcp 443 only.
    expectBlocked(trace(topology, 'aws_instance.app', '10.20.1.4', 22), 'ENI_SG_RULES_MISMATCH', 'aws_security_group.app');
  });
});
