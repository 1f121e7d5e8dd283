// Load balancers: aws_lb / aws_alb of type network or gateway (Application Load
// Balancers are not modelled: warned), aws_lb_listener, aws_lb_target_group and
// aws_lb_target_group_attachment. AWS provider docs, aws_lb: load_balancer_type defaults
// to "application"; enable_cross_zone_load_balancing defaults to false for network and
// gateway load balancers; internal defaults to false. aws_lb_target_group: target_type
// defaults to "instance". Targets Terraform registers are taken as healthy: a plan says
// nothing of health, and the design intends them to serve (docs/terraform.md).
import type { RawListener, RawTarget } from '../../model/format.js';
import type { Noted, OutLoadBalancer, OutTargetGroup, OutVpc } from '../aws/output-model.js';
import { claimAddress, emit, idOf, noted } from './emit-resource.js';
import { nameAlias } from './name-alias.js';
import { linkAll, linkOne } from './link-reference.js';
import { warnAt, type PlanContext } from './plan-context.js';
import { knownBool, knownNumber, knownString, type PlanResource } from './plan-model.js';
import { nestedBlocks } from './nested-block.js';
import { SG_TYPES } from './map-plan-security-groups.js';
import { SUBNET_TYPES } from './map-plan-subnets.js';
import { vpcOfResource } from './map-plan-vpcs.js';

/** Resource types that are load balancers. */
export const LB_TYPES = ['aws_lb', 'aws_alb'] as const;
/** Resource types that are target groups. */
export const TG_TYPES = ['aws_lb_target_group', 'aws_alb_target_group'] as const;

const NLB_PROTOCOLS = new Set(['TCP', 'UDP', 'TCP_UDP', 'TLS']);

/** Target groups (before load balancers: listeners name them). */
export function mapTargetGroups(ctx: PlanContext, resources: readonly PlanResource[]): void {
  for (const r of resources.filter((x) => (TG_TYPES as readonly string[]).includes(x.type))) {
    ctx.handled.add(r.address);
    const protocol = knownString(r, 'protocol');
    const targetType = knownString(r, 'target_type') ?? 'instance';
    if (protocol !== undefined && !NLB_PROTOCOLS.has(protocol) && protocol !== 'GENEVE') {
      warnAt(ctx, 'UNMODELLED_RESOURCE', r, `target group ${r.address} (${protocol}) belongs to an Application Load Balancer, which is not modelled; verdicts do not account for it`);
      continue;
    }
    if (targetType !== 'instance' && targetType !== 'ip') {
      warnAt(ctx, 'UNMODELLED_RESOURCE', r, `target group ${r.address} has targets of type ${targetType}, which are not modelled; left out`);
      continue;
    }
    const vpc = ctx.out.vpcs.get(idOf(ctx, vpcOfResource(ctx, r)) ?? '');
    if (!vpc) continue;
    const id = claimAddress(ctx, r, 'target group');
    if (id === undefined) continue;
    // The format spells protocols in lower case (AWS and Terraform in upper case).
    const value: OutTargetGroup = { protocol: (protocol ?? 'TCP').toLowerCase() as OutTargetGroup['protocol'], port: knownNumber(r, 'port') ?? 0, targetType: targetType as 'instance' | 'ip' };
    const pci = knownString(r, 'preserve_client_ip');
    if (pci === 'true' || pci === 'false') value.preserveClientIp = pci === 'true';
    vpc.targetGroups.set(id, emit(ctx, r, value, protocol === undefined ? ['protocol not known at plan time: TCP assumed'] : []));
    ctx.vpcOfId.set(id, vpc);
  }
  for (const r of resources.filter((x) => x.type === 'aws_lb_target_group_attachment')) {
    ctx.handled.add(r.address);
    const tg = linkOne(ctx, r, { attr: 'target_group_arn', types: TG_TYPES, what: 'target group' });
    const id = idOf(ctx, tg);
    const group = id === undefined ? undefined : ctx.vpcOfId.get(id)?.targetGroups.get(id)?.value;
    if (!group) continue;
    const port = knownNumber(r, 'port');
    const extra = port !== undefined && port !== group.port ? { port } : {};
    let target: RawTarget | undefined;
    if (group.targetType === 'ip') {
      const ip = knownString(r, 'target_id');
      if (ip !== undefined) target = { ip, ...extra, healthy: true };
    } else {
      const inst = idOf(ctx, linkOne(ctx, r, { attr: 'target_id', types: ['aws_instance'], what: 'instance' }));
      if (inst !== undefined) target = { instance: inst, ...extra, healthy: true };
    }
    if (!target) {
      warnAt(ctx, 'UNRESOLVED_REFERENCE', r, `${r.address}: the target is not known at plan time; it is left out`);
      continue;
    }
    group.targets = [...(group.targets ?? []), noted(ctx, r, target, 'registered by Terraform: healthy assumed')];
  }
}

/** Network and Gateway Load Balancers with their listeners. */
export function mapLoadBalancers(ctx: PlanContext, resources: readonly PlanResource[]): void {
  const lbs = new Map<string, { lb: OutLoadBalancer; vpc: OutVpc }>();
  for (const r of resources.filter((x) => (LB_TYPES as readonly string[]).includes(x.type))) {
    ctx.handled.add(r.address);
    const type = knownString(r, 'load_balancer_type') ?? 'application';
    if (type !== 'network' && type !== 'gateway') {
      warnAt(ctx, 'UNMODELLED_RESOURCE', r, `${type} load balancer ${r.address} is not modelled; verdicts do not account for it`);
      continue;
    }
    const mappings = nestedBlocks(r, 'subnet_mapping');
    const subnets = [...linkAll(ctx, r, { attr: 'subnets', types: SUBNET_TYPES, what: 'subnet' }),
      ...mappings.flatMap((m) => linkAll(ctx, m, { attr: 'subnet_id', types: SUBNET_TYPES, what: 'subnet' }))]
      .map((s) => idOf(ctx, s)).filter((x): x is string => x !== undefined);
    const vpc = ctx.vpcOfId.get(subnets[0] ?? '');
    if (!vpc) {
      warnAt(ctx, 'UNRESOLVED_REFERENCE', r, `load balancer ${r.address} has no subnet vpcsim can resolve; it is left out`);
      continue;
    }
    const id = claimAddress(ctx, r, 'load balancer');
    if (id === undefined) continue;
    const value: OutLoadBalancer = { ...nameAlias(r), type, scheme: knownBool(r, 'internal') === true ? 'internal' : 'internet-facing', subnets: [...new Set(subnets)] };
    if (type === 'network') {
      const groups = linkAll(ctx, r, { attr: 'security_groups', types: SG_TYPES, what: 'security group' }).map((g) => idOf(ctx, g)).filter((x): x is string => x !== undefined);
      if (groups.length > 0) value.securityGroups = groups;
    }
    value.crossZone = knownBool(r, 'enable_cross_zone_load_balancing') ?? false;
    vpc.loadBalancers.set(id, emit(ctx, r, value));
    ctx.vpcOfId.set(id, vpc);
    lbs.set(r.address, { lb: value, vpc });
  }
  for (const r of resources.filter((x) => x.type === 'aws_lb_listener' || x.type === 'aws_alb_listener')) {
    ctx.handled.add(r.address);
    const lbRes = linkOne(ctx, r, { attr: 'load_balancer_arn', types: LB_TYPES, what: 'load balancer' });
    const found = lbs.get(lbRes?.address ?? '');
    if (!found) continue;
    const forward = nestedBlocks(r, 'default_action').find((a) => knownString(a, 'type') === 'forward');
    const tgRes = forward ? linkOne(ctx, forward, {
      attr: 'target_group_arn', types: TG_TYPES, what: 'target group',
      fallback: { rule: 'the only target group in the same VPC', candidates: () => ctx.plan.resources.filter((t) => (TG_TYPES as readonly string[]).includes(t.type) && ctx.vpcOfId.get(t.address) === found.vpc) },
    }) : undefined;
    const tg = idOf(ctx, tgRes);
    if (tg === undefined) {
      warnAt(ctx, 'FIELD_DROPPED', r, `listener ${r.address} does not forward to a target group vpcsim models; left out`);
      continue;
    }
    if (found.lb.type === 'gateway') {
      found.lb.targetGroup = tg;
      continue;
    }
    const protocol = knownString(r, 'protocol') ?? 'TCP';
    const port = knownNumber(r, 'port');
    if (!NLB_PROTOCOLS.has(protocol) || port === undefined) {
      warnAt(ctx, 'FIELD_DROPPED', r, `listener ${r.address} (${protocol} ${port ?? '?'}) is not a TCP, UDP, TCP_UDP or TLS listener with a known port; left out`);
      continue;
    }
    const listeners: Noted<RawListener>[] = found.lb.listeners ?? [];
    listeners.push(noted(ctx, r, { port, protocol: protocol.toLowerCase() as RawListener['protocol'], targetGroup: tg }));
    found.lb.listeners = listeners;
  }
}
