// The closed list of step types is documented where docs/trace.md lists them: one row per
// type, in the list's order, with the actions the type may take.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STEP_ACTIONS, STEP_TYPES } from '../../src/engine/steps.js';

const doc = readFileSync('docs/trace.md', 'utf8');
const rows = [...doc.matchAll(/^\| `([a-zA-Z]+)` \| ([^|]+) \|/gm)].map((m) => ({ type: m[1]!, actions: [...m[2]!.matchAll(/`([a-zA-Z]+)`/g)].map((a) => a[1]!) }));

describe('docs/trace.md, "Steps"', () => {
  it('has a row for every step type, in the order of STEP_TYPES, and no other', () => {
    expect(rows.map((r) => r.type)).toEqual([...STEP_TYPES]);
  });

  it('names only step actions of the closed list', () => {
    const actions = new Set<string>(STEP_ACTIONS);
    for (const r of rows) for (const a of r.actions) expect(actions.has(a), `${r.type}: ${a}`).toBe(true);
  });

  it('lists have no duplicates', () => {
    for (const list of [STEP_TYPES, STEP_ACTIONS]) expect(new Set(list).size).toBe(list.length);
  });
});
