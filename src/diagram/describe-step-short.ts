// A hop's typed step in a few words, for a note in a sequence diagram: the rule that
// decided ("sg-client egress rule 1"), the route ("route 10.2.0.0/16 -> local"), the target
// chosen; and whether it is an ingress filter, which a diagram draws after the packet
// arrives. Reads the step records of docs/trace.md; a hop without them gets undefined.
import type { Hop } from '../engine/trace.js';
import { hopSteps } from './describe-step-fields.js';

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

/** Whether the hop is a filter on the way in (a security group or ACL ingress check). */
export function isIngressFilter(h: Hop): boolean {
  return hopSteps(h).some((s) => (s.type === 'securityGroup' || s.type === 'networkAcl') && s.direction === 'ingress');
}

/** A short account of the hop's first step, or undefined. */
export function describeStepShort(h: Hop): string | undefined {
  const s = hopSteps(h)[0];
  if (!s) return undefined;
  const rule = record(s.rule);
  if (s.type === 'securityGroup') {
    if (s.verdict === 'tracked') return `${h.component.id}: reply of a tracked connection`;
    if (s.verdict === 'rule' && s.rule) return `${text(s.group) || h.component.id} ${text(s.direction)} rule ${rule.written === false ? '(default)' : text(rule.index)} ${text(s.action)}`;
    return undefined;
  }
  if (s.type === 'networkAcl' && s.rule) return `${text(s.acl)} ${text(s.direction)} rule ${text(rule.rule)} ${text(rule.action)}`;
  if (s.type === 'route' && s.route) {
    const route = record(s.route);
    return `${text(s.table)}: route ${text(route.destination)} -> ${text(route.target)}`;
  }
  if (s.type === 'targetChoice' && s.chosen) {
    const chosen = record(s.chosen);
    return `${text(s.targetGroup)} picks ${text(chosen.name)}:${text(chosen.port)}`;
  }
  return undefined;
}
