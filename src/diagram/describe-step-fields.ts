// A hop's typed steps (docs/trace.md) as rows a person reads on the trace page: every
// field of each step, nested records flattened to dotted names (rule.direction,
// rule.index), lists joined. Generic over the step records, so every step type shows
// without a change here; hops without steps show none.
import type { Hop } from '../engine/trace.js';

/** One shown field of a step. */
export interface StepField {
  readonly name: string;
  readonly value: string;
}

/** A step as the page shows it: its type and action, and its fields. */
export interface StepRows {
  readonly type: string;
  readonly action: string;
  readonly fields: readonly StepField[];
}

function flatten(prefix: string, value: unknown, out: StepField[]): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    if (value.length === 0) return;
    if (value.every((v) => typeof v !== 'object' || v === null)) {
      out.push({ name: prefix, value: value.join(', ') });
      return;
    }
    value.forEach((v, i) => flatten(`${prefix}[${i + 1}]`, v, out));
    return;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(prefix ? `${prefix}.${k}` : k, v, out);
    return;
  }
  out.push({ name: prefix, value: String(value) });
}

/** The typed steps of a hop, when the engine gives them. */
export function hopSteps(h: Hop): readonly Record<string, unknown>[] {
  const steps = (h as { readonly steps?: unknown }).steps;
  return Array.isArray(steps) ? (steps.filter((s) => typeof s === 'object' && s !== null) as Record<string, unknown>[]) : [];
}

/** The rows of a hop's steps. */
export function describeStepFields(h: Hop): StepRows[] {
  return hopSteps(h).map((step) => {
    const { type, action, ...rest } = step;
    const fields: StepField[] = [];
    flatten('', rest, fields);
    return { type: String(type ?? ''), action: String(action ?? ''), fields };
  });
}
