// Every real plan of test/fixtures/terraform imports with no error and loads as a valid
// topology; for each, which resources became which ids and which references were
// resolved, and how. Comments name the plan records that decide each expectation.
import { describe, expect, it } from 'vitest';
import { idsOf, importedPlan, linkKeys, plan, PLAN_FILES, PLANS } from './plan-helpers.js';
import { resolve } from 'node:path';

describe('every plan fixture', () => {
  it.each(PLAN_FILES)('%s imports (exit-0 path) and validates', (file) => {
    const { result, topology } = importedPlan(resolve(PLANS, file));
    expect(result.errors).toEqual([]);
    expect(topology.vpcs.size + topology.securityGroups.size + result.warnings.length).toBeGreaterThan(0);
  });

  it.each(PLAN_FILES)('%s gives the same bytes twice', (file) => {
    expect(importedPlan(resolve(PLANS, file)).result.yaml).toBe(importedPlan(resolve(PLANS, file)).result.yaml);
  });
});

describe('checkov resources plan (format 0.1)', () => {
  const { result, topology } = importedPlan(plan('runner__resources__plan__tfplan'));

  it('turns each network resource into the id Terraform prints', () => {
    expect(idsOf(topology, 'vpcs')).toEqual(['aws_vpc.eks_vpc', 'aws_vpc.web_vpc']);
    expect(idsOf(topology, 'subnets')).toEqual(['aws_subnet.eks_subnet1', 'aws_subnet.eks_subnet2', 'aws_subnet.web_subnet', 'aws_subnet.web_subnet2']);
    expect(idsOf(topology, 'routeTables')).toEqual(['aws_route_table.web_rtb']);
    expect(idsOf(topology, 'internetGateways')).toEqual(['aws_internet_gateway.web_igw']);
    expect(idsOf(topology, 'securityGroups')).toEqual(['aws_security_group.default', 'aws_security_group.web-node']);
    expect(idsOf(topology, 'instances')).toEqual(['aws_instance.db_app', 'aws_instance.web_host']);
  });

  it('resolves references through configuration (ids are unknown until apply)', () => {
    const links = linkKeys(result);
    // configuration: aws_route.public_internet_gateway gateway_id references aws_internet_gateway.web_igw
    expect(links).toContain('aws_route.public_internet_gateway gateway_id -> aws_internet_gateway.web_igw (reference)');
    expect(links).toContain('aws_route_table_association.rtbassoc subnet_id -> aws_subnet.web_subnet (reference)');
    expect(links).toContain('aws_instance.web_host subnet_id -> aws_subnet.web_subnet (reference)');
    expect(links).toContain('aws_instance.web_host vpc_security_group_ids -> aws_security_group.web-node (reference)');
    expect(links).toContain('aws_security_group_rule.ingress security_group_id -> aws_security_group.default (reference)');
    expect(links.every((l) => !l.endsWith('(fallback)'))).toBe(true);
  });

  it('warns about what it does not model, and counts the rest once', () => {
    const keys = result.warnings.map((w) => `${w.code} ${w.resource}`);
    expect(keys).toContain('UNMODELLED_RESOURCE aws_elb.weblb');
    expect(keys).toContain('UNMODELLED_RESOURCE aws_network_interface.web-eni');
    expect(keys.filter((k) => k.startsWith('NOT_NETWORK_RELEVANT'))).toHaveLength(1);
  });
});

describe('terraform-aws-modules VPC (issue-158, format 0.1)', () => {
  const { result, topology } = importedPlan(plan('test_issue-158'));

  it('keeps count instances as separate ids', () => {
    expect(idsOf(topology, 'subnets')).toEqual([
      'module.vpc.aws_subnet.private[0]', 'module.vpc.aws_subnet.private[1]', 'module.vpc.aws_subnet.private[2]',
      'module.vpc.aws_subnet.public[0]', 'module.vpc.aws_subnet.public[1]', 'module.vpc.aws_subnet.public[2]',
    ]);
    expect(idsOf(topology, 'natGateways')).toEqual(['module.vpc.aws_nat_gateway.this[0]', 'module.vpc.aws_nat_gateway.this[1]', 'module.vpc.aws_nat_gateway.this[2]']);
  });

  it('pairs count instances by index, and falls back only to a single candidate for locals', () => {
    const links = linkKeys(result);
    // aws_route.private_nat_gateway: nat_gateway_id references [aws_nat_gateway.this, count.index]
    expect(links).toContain('module.vpc.aws_route.private_nat_gateway[1] nat_gateway_id -> module.vpc.aws_nat_gateway.this[1] (reference)');
    expect(links).toContain('module.vpc.aws_route_table_association.private[2] subnet_id -> module.vpc.aws_subnet.private[2] (reference)');
    // aws_subnet.private vpc_id references local.vpc_id (not in the JSON): CIDR containment, one VPC.
    expect(links).toContain('module.vpc.aws_subnet.private[0] vpc_id -> module.vpc.aws_vpc.this[0] (fallback)');
    expect(result.warnings.some((w) => w.code === 'UNRESOLVED_REFERENCE' && w.resource === 'module.vpc.aws_subnet.private[0]')).toBe(true);
  });
});

describe('snyk nested modules (format 0.2): vpc_id through module outputs and variables', () => {
  const { result, topology } = importedPlan(plan('snyk__policy-engine'));

  it('follows var -> module call -> module output -> resource', () => {
    // configuration: module.child2 call child_vpc_id = module.child1.grandchild_vpc; child1's
    // output grandchild_vpc = module.grandchild1.grandchild_vpc; that output = aws_vpc.grandchild.id
    expect(linkKeys(result)).toEqual([
      'aws_security_group.parent vpc_id -> module.child1.module.grandchild1.aws_vpc.grandchild (reference)',
      'module.child1.module.grandchild1.aws_security_group.grandchild vpc_id -> module.child1.module.grandchild1.aws_vpc.grandchild (reference)',
      'module.child2.aws_security_group.child vpc_id -> module.child1.module.grandchild1.aws_vpc.grandchild (reference)',
    ]);
    expect(topology.securityGroups.get('module.child2.aws_security_group.child')?.vpc).toBe('module.child1.module.grandchild1.aws_vpc.grandchild');
  });
});

describe('checkov for_each plan (format 1.2): data sources from prior_state', () => {
  const { result, topology } = importedPlan(plan('plan_with_for_each'));

  it('maps data sources as existing resources and links by their ids', () => {
    expect(idsOf(topology, 'vpcs')).toEqual(['data.aws_vpc.sandbox']);
    expect(idsOf(topology, 'securityGroups')).toEqual([
      'module.sg["awful_example"].aws_security_group.bad', 'module.sg["bad_example"].aws_security_group.bad', 'module.sg["terrible_example"].aws_security_group.bad',
    ]);
    // planned_values: vpc_id "vpc-123456abc" is known; prior_state: data.aws_vpc.sandbox has that id
    expect(linkKeys(result)).toContain('module.sg["bad_example"].aws_security_group.bad vpc_id -> data.aws_vpc.sandbox (value)');
    expect(result.warnings.map((w) => `${w.code} ${w.resource}`)).toContain('UNMODELLED_RESOURCE aws_route53_zone.example["example.com"]');
  });
});

describe('gjkraken VPN plan (format 1.2): nested for_each modules', () => {
  const { result, topology } = importedPlan(plan('gjkraken'));

  it('writes for_each addresses exactly as Terraform prints them', () => {
    expect(idsOf(topology, 'vpcs')).toEqual(['module.vpcs["spoke-vpc-a"].aws_vpc.main[0]', 'module.vpcs["spoke-vpc-b"].aws_vpc.main[0]']);
    expect(idsOf(topology, 'routeTables')).toContain('module.vpcs["spoke-vpc-a"].awscc_ec2_route_table.private["eu-central-1a"]');
  });

  it('pairs for_each instances by key, and names the transit gateway route instead of dropping it silently', () => {
    const links = linkKeys(result);
    // awscc_ec2_subnet_route_table_association.private: subnet_id references [aws_subnet.private, each.key]
    expect(links).toContain('module.vpcs["spoke-vpc-a"].awscc_ec2_subnet_route_table_association.private["eu-central-1a"] subnet_id -> module.vpcs["spoke-vpc-a"].aws_subnet.private["eu-central-1a"] (reference)');
    const keys = result.warnings.map((w) => `${w.code} ${w.resource}`);
    expect(keys).toContain('ROUTE_TO_UNMODELLED module.vpcs["spoke-vpc-a"].aws_route.private_to_tgw["eu-central-1a:0.0.0.0/0"]');
    expect(topology.unmodelledTargets.get('aws_ec2_transit_gateway.tgw')?.targetKind).toBe('transitGateway');
    expect(keys).toContain('UNMODELLED_RESOURCE aws_ec2_transit_gateway.tgw');
    // module.compute's subnet_id is each.value...: unresolvable, and two VPCs: never guessed.
    expect(idsOf(topology, 'instances')).toEqual([]);
    expect(keys).toContain('UNRESOLVED_REFERENCE module.compute["spoke-vpc-a"].aws_instance.ec2_instance[0]');
  });
});

describe('the smaller terraform-compliance plans', () => {
  it('issue-171: an NLB over two subnets, fixed-response listeners dropped with a warning', () => {
    const { result, topology } = importedPlan(plan('test_issue-171'));
    expect(idsOf(topology, 'loadBalancers')).toEqual(['aws_lb.nlb-noncompliant']);
    expect(topology.loadBalancers.get('aws_lb.nlb-noncompliant')?.subnets).toEqual(['aws_subnet.test-subnet-pubA', 'aws_subnet.test-subnet-pubB']);
    expect(result.warnings.filter((w) => w.code === 'FIELD_DROPPED').map((w) => w.resource)).toEqual([
      'aws_lb_listener.tcp-listener-noncompliant', 'aws_lb_listener.tcpudp-listener-noncompliant', 'aws_lb_listener.udp-listener-noncompliant',
    ]);
    // the inline route's gateway_id is unknown and format 0.1 has no route block config:
    // the only internet gateway of the VPC is used, and said so.
    expect(linkKeys(result)).toContain('aws_route_table.test-pub-rtb route 1 gateway_id -> aws_internet_gateway.test-igw (fallback)');
  });

  it('issue-514: a NACL whose subnet_ids reference a counted subnet inside a module', () => {
    const { result, topology } = importedPlan(plan('test_issue-514'));
    expect(linkKeys(result)).toEqual(expect.arrayContaining([
      'module.vpc_module.aws_network_acl.vpc_subnet_acl subnet_ids -> module.vpc_module.aws_subnet.vpc_subnet[0] (reference)',
      'module.vpc_module.aws_network_acl.vpc_subnet_acl subnet_ids -> module.vpc_module.aws_subnet.vpc_subnet[1] (reference)',
    ]));
    expect(topology.subnets.get('module.vpc_module.aws_subnet.vpc_subnet[0]')?.networkAcl).toBe('module.vpc_module.aws_network_acl.vpc_subnet_acl');
  });

  it('issue-234: security groups in a VPC the plan does not manage are left out, with a warning', () => {
    const { result, topology } = importedPlan(plan('test_issue-234'));
    expect(idsOf(topology, 'securityGroups')).toEqual([]);
    expect(result.warnings.map((w) => `${w.code} ${w.resource}`)).toContain('OUTSIDE_PLAN aws_security_group.alb');
  });

  it('pull_330: a NAT gateway and security groups; an SG rule on an existing group is left out', () => {
    const { result, topology } = importedPlan(plan('test_pull_330'));
    expect(idsOf(topology, 'natGateways')).toEqual(['aws_nat_gateway.gw']);
    expect(linkKeys(result)).toContain('aws_nat_gateway.gw subnet_id -> aws_subnet.test (reference)');
    // aws_security_group_rule.allow_all: security_group_id = "sg-123456", not in the plan
    expect(result.warnings.map((w) => `${w.code} ${w.resource}`)).toContain('OUTSIDE_PLAN aws_security_group_rule.allow_all');
  });
});
