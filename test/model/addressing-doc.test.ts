// docs/addressing.md states the address rule with a worked example; this loads the
// example and checks every row of its table, so the page cannot drift from the loader.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../src/net/ip.js';
import { topologyOf } from '../helpers/load.js';

const doc = readFileSync('docs/addressing.md', 'utf8');

describe('docs/addressing.md', () => {
  it('gives the addresses the loader assigns to its worked example', () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(yaml).toBeDefined();
    const t = topologyOf(yaml!, 'addressing-example.yaml');
    const rows = [...doc.matchAll(/^\| `([^`]+)` \| ([\d.]+) \| ([\d.]+|-) \|/gm)].map((m) => [m[1]!, m[2]!, m[3]!]);
    expect(rows.length).toBe(8);
    const actual = rows.map(([id]) => {
      const eni = t.enis.get(id!);
      return [id!, eni ? formatIp(eni.privateIp) : 'none', eni?.publicIp ? formatIp(eni.publicIp) : '-'];
    });
    expect(actual).toEqual(rows);
    // The table names every interface of the example.
    expect([...t.enis.keys()].sort()).toEqual(rows.map(([id]) => id).sort());
  });
});
