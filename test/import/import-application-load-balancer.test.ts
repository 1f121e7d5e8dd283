// Application Load Balancers from describe-load-balancers, describe-target-groups,
// describe-listeners and describe-target-health (elbv2): the ALB with its security groups and
// HTTP/HTTPS listeners (cross-zone is always on, so no attribute is read or written), its
// instance, ip and lambda target groups, and an NLB's alb target group naming the ALB by the
// id it was given. The records follow the AWS CLI's output shapes (elbv2 reference); the
// cloudmapper demo's webalb (test/fixtures/aws) is the real record an ALB imports from.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { traceFlow, isQueryError } from '../../src/engine/trace-flow.js';
import { AWS_FIXTURES, imported, warningKeys, writeSnapshot } from './helpers.js';

const ACCOUNT = '111111111111';
const arn = (kind: string, name: string) => `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:${kind}/${name}`;
const ALB = arn('loadbalancer', 'app/web/aaaa');
const NLB = arn('loadbalancer', 'net/front/bbbb');
const TG_WEB = arn('targetgroup', 'web-tg/cccc');
const TG_FN = arn('targetgroup', 'fn/dddd');
const TG_ALB = arn('targetgroup', 'to-alb/eeee');

const snapshot = (files: Record<string, unknown>): string => writeSnapshot(files, 'vpcsim-alb-');

const FILES = {
  'Vpcs.json': { Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', OwnerId: ACCOUNT }] },
  'Subnets.json': { Subnets: [
    { SubnetId: 'subnet-a', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZoneId: 'use1-az1' },
    { SubnetId: 'subnet-b', VpcId: 'vpc-1', CidrBlock: '10.0.2.0/24', AvailabilityZoneId: 'use1-az2' },
  ] },
  'SecurityGroups.json': { SecurityGroups: [
    { GroupId: 'sg-alb', GroupName: 'alb', VpcId: 'vpc-1', OwnerId: ACCOUNT,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/16' }] }],
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] },
    { GroupId: 'sg-web', GroupName: 'web', VpcId: 'vpc-1', OwnerId: ACCOUNT,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, UserIdGroupPairs: [{ GroupId: 'sg-alb' }] }],
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] },
  ] },
  'Reservations.json': { Reservations: [{ Instances: [
    { InstanceId: 'i-web', SubnetId: 'subnet-b', VpcId: 'vpc-1', PrivateIpAddress: '10.0.2.10', State: { Name: 'running' }, SecurityGroups: [{ GroupId: 'sg-web' }] },
    { InstanceId: 'i-client', SubnetId: 'subnet-a', VpcId: 'vpc-1', PrivateIpAddress: '10.0.1.10', State: { Name: 'running' }, SecurityGroups: [{ GroupId: 'sg-web' }] },
  ] }] },
  'LoadBalancers.json': { LoadBalancers: [
    { LoadBalancerArn: ALB, LoadBalancerName: 'web', Type: 'application', Scheme: 'internal', VpcId: 'vpc-1', SecurityGroups: ['sg-alb'],
      AvailabilityZones: [{ SubnetId: 'subnet-a', ZoneName: 'us-east-1a' }, { SubnetId: 'subnet-b', ZoneName: 'us-east-1b' }] },
    { LoadBalancerArn: NLB, LoadBalancerName: 'front', Type: 'network', Scheme: 'internal', VpcId: 'vpc-1',
      AvailabilityZones: [{ SubnetId: 'subnet-a', ZoneName: 'us-east-1a' }, { SubnetId: 'subnet-b', ZoneName: 'us-east-1b' }] },
  ] },
  'TargetGroups.json': { TargetGroups: [
    { TargetGroupArn: TG_WEB, TargetGroupName: 'web-tg', Protocol: 'HTTP', Port: 8080, TargetType: 'instance', VpcId: 'vpc-1', LoadBalancerArns: [ALB] },
    { TargetGroupArn: TG_FN, TargetGroupName: 'fn', TargetType: 'lambda', LoadBalancerArns: [ALB] },
    { TargetGroupArn: TG_ALB, TargetGroupName: 'to-alb', Protocol: 'TCP', Port: 443, TargetType: 'alb', VpcId: 'vpc-1', LoadBalancerArns: [NLB] },
  ] },
  'Listeners.json': { Listeners: [
    { ListenerArn: `${ALB}/l1`, LoadBalancerArn: ALB, Port: 443, Protocol: 'HTTPS', DefaultActions: [{ Type: 'forward', TargetGroupArn: TG_WEB }] },
    { ListenerArn: `${ALB}/l2`, LoadBalancerArn: ALB, Port: 8081, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: TG_FN }] },
    { ListenerArn: `${NLB}/l1`, LoadBalancerArn: NLB, Port: 443, Protocol: 'TCP', DefaultActions: [{ Type: 'forward', TargetGroupArn: TG_ALB }] },
  ] },
  // Batfish's wrapped forms: describe-target-health and describe-load-balancer-attributes per resource.
  'LoadBalancerAttributes.json': { LoadBalancerAttributes: [{ LoadBalancerArn: NLB, Attributes: [{ Key: 'load_balancing.cross_zone.enabled', Value: 'true' }] }] },
  'LoadBalancerTargetHealth.json': { LoadBalancerTargetHealth: [
    { TargetGroupArn: TG_WEB, TargetHealthDescriptions: [{ Target: { Id: 'i-web', Port: 8080 }, TargetHealth: { State: 'healthy' } }] },
    { TargetGroupArn: TG_FN, TargetHealthDescriptions: [{ Target: { Id: 'arn:aws:lambda:us-east-1:111111111111:function:thumbs' }, TargetHealth: { State: 'healthy' } }] },
    { TargetGroupArn: TG_ALB, TargetHealthDescriptions: [{ Target: { Id: ALB, Port: 443 }, TargetHealth: { State: 'healthy' } }] },
  ] },
};

describe('importing Application Load Balancers', () => {
  it('maps the ALB, its listeners and its instance, lambda and alb target groups', () => {
    const i = imported(snapshot(FILES));
    const vpc = i.raw.vpcs!['vpc-1']!;
    expect(vpc.loadBalancers!['web']).toMatchObject({
      type: 'application', scheme: 'internal', securityGroups: ['sg-alb'],
      listeners: [{ port: 443, protocol: 'https', targetGroup: 'web-tg' }, { port: 8081, protocol: 'http', targetGroup: 'fn' }],
    });
    expect(vpc.loadBalancers!['web']!.crossZone).toBeUndefined();
    expect(vpc.targetGroups!['web-tg']).toMatchObject({ protocol: 'http', port: 8080, targetType: 'instance', targets: [{ instance: 'i-web' }] });
    expect(vpc.targetGroups!['fn']).toEqual({ protocol: 'http', targetType: 'lambda', targets: [{ lambda: 'arn:aws:lambda:us-east-1:111111111111:function:thumbs' }] });
    expect(vpc.targetGroups!['to-alb']).toMatchObject({ protocol: 'tcp', port: 443, targetType: 'alb', targets: [{ loadBalancer: 'web' }] });
    expect(warningKeys(i.result).filter((w) => !w.startsWith('INFERRED_VALUE region') && !w.startsWith('MISSING_DESCRIBE_CALL vpc-1'))).toEqual([]);
    expect(i.topology.loadBalancers.get('web')!.crossZone).toBe(true);
  });

  it('the imported design traces: client -> NLB -> ALB -> web, and the Lambda listener says it is not modelled', () => {
    const { topology } = imported(snapshot(FILES));
    const via = traceFlow(topology, { from: 'i-client', to: 'front', protocol: 'tcp', port: 443 });
    if (isQueryError(via)) throw new Error(via.message);
    expect(via.traces.length).toBeGreaterThan(0);
    expect(via.traces.every((t) => t.reachable)).toBe(true);
    expect(via.traces[0]!.hops.map((h) => h.component.id)).toContain('web/subnet-a');
    const fn = traceFlow(topology, { from: 'i-client', to: 'web', protocol: 'tcp', port: 8081 });
    if (isQueryError(fn)) throw new Error(fn.message);
    // sg-alb lets only 443 in: the Lambda listener is refused at the ALB's group first.
    expect(fn.traces.map((t) => t.explanations.map((e) => e.code))).toEqual(fn.traces.map(() => ['ENI_SG_RULES_MISMATCH']));
  });

  it('an alb target whose ALB is not imported is left out with a warning', () => {
    const files = { ...FILES, 'LoadBalancers.json': { LoadBalancers: [FILES['LoadBalancers.json'].LoadBalancers[1]] } };
    const i = imported(snapshot(files));
    expect(warningKeys(i.result)).toContain('OUTSIDE_SNAPSHOT to-alb');
    expect(i.raw.vpcs!['vpc-1']!.targetGroups!['to-alb']!.targets).toEqual([]);
  });

  it('the cloudmapper demo\'s webalb is an ALB with its security group and node', () => {
    const i = imported(join(AWS_FIXTURES, 'cloudmapper-demo-us-east-1'));
    const lb = i.topology.loadBalancers.get('webalb')!;
    expect([lb.type, lb.scheme, lb.securityGroups, lb.crossZone]).toEqual(['application', 'internet-facing', ['sg-00000003'], true]);
    expect(lb.nodes).toEqual(['webalb/subnet-00000002']);
  });
});
