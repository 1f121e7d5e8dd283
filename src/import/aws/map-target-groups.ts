// Target groups (elbv2 describe-target-groups), their registered targets and health
// (describe-target-health, per group) and attributes (client IP preservation). Target
// groups have ARNs and names, not short ids: the id written is the name, made unique with
// the ARN's suffix when two resources share it; the ARN is noted above the group.
import type { RawTarget } from '../../model/format.js';
import { arnSuffix, idFromName } from './aws-values.js';
import { claimId, missingReference, type ImportContext } from './context.js';
import type { JsonReader, Obj, Src } from './json-reader.js';
import { Noted, type OutTargetGroup } from './output-model.js';
import { cmp } from './problems.js';
import { markCaptured, type Snapshot } from './snapshot.js';

/** TargetGroups: elbv2 describe-target-groups. */
export function parseTargetGroups(r: JsonReader, o: Obj, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'targetGroups');
  r.objects(o, 'TargetGroups', '$', (t, path) => {
    const arn = r.str(t, 'TargetGroupArn', path);
    const name = r.str(t, 'TargetGroupName', path);
    if (arn === undefined || name === undefined) return undefined;
    s.targetGroups.push({
      arn, name,
      protocol: r.optStr(t, 'Protocol', path)?.toLowerCase(),
      port: r.optInt(t, 'Port', path),
      targetType: r.optStr(t, 'TargetType', path)?.toLowerCase(),
      vpcId: r.optStr(t, 'VpcId', path),
      lbArns: r.strings(t, 'LoadBalancerArns', path),
      src: r.src(path, t),
    });
    return undefined;
  });
}

/** describe-target-health of one group: TargetHealthDescriptions, with the group's ARN. */
export function parseTargetHealth(r: JsonReader, o: Obj, path: string, tgArn: string, s: Snapshot): void {
  markCaptured(s, r.file.dir, 'targetHealth');
  const targets = r.objects(o, 'TargetHealthDescriptions', path, (d, p) => {
    const target = r.optObj(d, 'Target', p);
    if (!target) return r.wrong(`${p}.Target`, 'missing "Target", which AWS always gives');
    const id = r.str(target, 'Id', `${p}.Target`);
    if (id === undefined) return undefined;
    const health = r.optObj(d, 'TargetHealth', p);
    return {
      id,
      port: r.optInt(target, 'Port', `${p}.Target`),
      az: r.optStr(target, 'AvailabilityZone', `${p}.Target`),
      state: health ? r.optStr(health, 'State', `${p}.TargetHealth`)?.toLowerCase() : undefined,
      path: p,
    };
  });
  s.targetHealth.push({ tgArn, targets, src: r.src(path) });
}

const PROTOCOLS = new Set(['tcp', 'udp', 'tcp_udp', 'tls', 'geneve', 'http', 'https']);
/** Target types format v1 holds: NLB, GWLB and ALB groups, Lambda functions and ALBs as targets. */
const TARGET_TYPES = new Set(['instance', 'ip', 'lambda', 'alb']);
/** Health states in which a target gets no new traffic ("Target health status", ELB guide). */
const NOT_SERVING = new Set(['unhealthy', 'initial', 'draining', 'unused']);

/** An id for a resource known by name and ARN, unique in the output. */
export function idForNamed(ctx: ImportContext, name: string, arn: string, kind: string): string {
  const base = idFromName(name);
  if (claimId(ctx, base, kind)) return base;
  const withSuffix = `${base}-${idFromName(arnSuffix(arn))}`;
  if (claimId(ctx, withSuffix, kind)) return withSuffix;
  for (let i = 2; ; i++) if (claimId(ctx, `${withSuffix}-${i}`, kind)) return `${withSuffix}-${i}`;
}

/** Emit every NLB / GWLB target group of a VPC in the snapshot, with its targets. */
export function mapTargetGroups(ctx: ImportContext): void {
  const s = ctx.snapshot;
  for (const tg of [...s.targetGroups].sort((a, b) => cmp(a.arn, b.arn))) {
    if (ctx.tgIds.has(tg.arn)) continue;
    const where = { file: tg.src.file, path: tg.src.path };
    // A Lambda group has no protocol in describe-target-groups; an ALB's is HTTP or HTTPS.
    const protocol = tg.protocol ?? (tg.targetType === 'lambda' ? 'http' : undefined);
    if (protocol === undefined || !PROTOCOLS.has(protocol) || (tg.targetType !== undefined && !TARGET_TYPES.has(tg.targetType))) {
      ctx.problems.warn('UNMODELLED_RESOURCE', tg.name, where.file, where.path,
        `target group ${tg.name} (${[tg.protocol?.toUpperCase(), tg.targetType].filter(Boolean).join(', ')} targets) is of a kind vpcsim does not model, so verdicts do not account for it`);
      continue;
    }
    // A Lambda group has no VpcId: it lives where the load balancer that uses it does.
    const vpcId = tg.vpcId ?? (tg.targetType === 'lambda' ? s.loadBalancers.find((lb) => tg.lbArns.includes(lb.arn))?.vpcId : undefined);
    const vpc = ctx.out.vpcs.get(vpcId ?? '');
    if (!vpc || vpcId === undefined) {
      ctx.problems.warn('OUTSIDE_SNAPSHOT', tg.name, where.file, where.path,
        `target group ${tg.name} belongs to VPC ${vpcId ?? '(none)'}, which is not in the snapshot; left out`);
      continue;
    }
    const targetType = tg.targetType === 'ip' || tg.targetType === 'lambda' || tg.targetType === 'alb' ? tg.targetType : 'instance';
    if (tg.port === undefined && targetType !== 'lambda') {
      ctx.problems.error('WRONG_SHAPE', where.file, `${where.path}.Port`, `target group ${tg.name} has no Port`);
      continue;
    }
    const id = idForNamed(ctx, tg.name, tg.arn, 'target group');
    ctx.tgIds.set(tg.arn, id);
    // "Lambda functions as targets": a Lambda group has no port.
    const value: OutTargetGroup = targetType === 'lambda' ? { protocol, targetType } : { protocol, port: tg.port!, targetType };
    const attrs = s.tgAttributes.find((a) => a.arn === tg.arn);
    const preserve = attrs?.attributes.get('preserve_client_ip.enabled');
    if (preserve === 'true' || preserve === 'false') value.preserveClientIp = preserve === 'true';
    const health = s.targetHealth.filter((h) => h.tgArn === tg.arn);
    const sources = [tg.src.file, ...health.map((h) => h.src.file), ...(attrs ? [attrs.src.file] : [])];
    const targets: Noted<RawTarget>[] = [];
    for (const h of health) {
      for (const t of h.targets) {
        const target = targetOf(ctx, vpcId, targetType, tg.port ?? 0, t, h.src, id);
        if (target) targets.push(target);
      }
    }
    if (health.length > 0) value.targets = targets;
    const notes = [tg.arn];
    if (health.length === 0 && tg.lbArns.length > 0) {
      ctx.problems.warn('MISSING_DESCRIBE_CALL', id, where.file, where.path,
        `the targets of target group ${id} are not in the snapshot (elbv2 describe-target-health); verdicts see a group with no targets`);
    }
    vpc.targetGroups.set(id, { value, sources: [...new Set(sources)], notes });
  }
}

function targetOf(
  ctx: ImportContext, vpcId: string, targetType: 'instance' | 'ip' | 'lambda' | 'alb', groupPort: number,
  t: { readonly id: string; readonly port: number | undefined; readonly state: string | undefined; readonly path: string },
  src: Src, tgId: string,
): Noted<RawTarget> | undefined {
  const vpc = ctx.out.vpcs.get(vpcId)!;
  const healthy = t.state === undefined || !NOT_SERVING.has(t.state);
  const extra = {
    ...(t.port !== undefined && t.port !== groupPort ? { port: t.port } : {}),
    ...(healthy ? {} : { healthy: false }),
  };
  const note = t.state !== undefined && t.state !== 'healthy' ? `AWS health: ${t.state}` : undefined;
  if (targetType === 'ip') return new Noted({ ip: t.id, ...extra }, note);
  if (targetType === 'lambda') return new Noted({ lambda: t.id, ...(healthy ? {} : { healthy: false }) }, note);
  // An ALB target is its ARN until the load balancers are mapped (resolveAlbTargets).
  if (targetType === 'alb') return new Noted({ loadBalancer: t.id, ...extra }, note);
  if (vpc.instances.has(t.id)) return new Noted({ instance: t.id, ...extra }, note);
  const gone = ctx.snapshot.instances.find((i) => i.id === t.id);
  if (gone) {
    ctx.problems.warn('OUTSIDE_SNAPSHOT', tgId, src.file, t.path,
      `target group ${tgId} lists instance ${t.id} (${gone.state ?? 'state unknown'}), which is not imported; the target is left out`);
    return undefined;
  }
  missingReference(ctx, 'instances', src, `${t.path}.Target.Id`, {
    resource: tgId, from: `target group ${tgId}`, what: `instance ${t.id}`, consequence: 'the target is left out',
  });
  return undefined;
}

/**
 * After the load balancers: an NLB's alb targets name the ALB by the id it was given ("Use an
 * Application Load Balancer as a target of a Network Load Balancer": the target Id is the
 * ALB's ARN); one whose ALB is not imported is left out, said in a warning.
 */
export function resolveAlbTargets(ctx: ImportContext): void {
  for (const vpc of ctx.out.vpcs.values()) {
    for (const [id, tg] of vpc.targetGroups) {
      if (tg.value.targetType !== 'alb' || !tg.value.targets) continue;
      tg.value.targets = tg.value.targets.flatMap((t) => {
        const arn = t.value.loadBalancer;
        if (arn === undefined) return [t];
        const lb = ctx.lbIds.get(arn);
        if (lb !== undefined) return [new Noted({ ...t.value, loadBalancer: lb }, t.note ?? arn)];
        const where = ctx.snapshot.targetGroups.find((g) => ctx.tgIds.get(g.arn) === id)?.src;
        ctx.problems.warn('OUTSIDE_SNAPSHOT', id, where?.file ?? '', where?.path ?? '',
          `target group ${id} forwards to Application Load Balancer ${arn}, which is not imported; the target is left out`);
        return [];
      });
    }
  }
}
