// `reach` agrees with `trace` pair by pair on every bundled scenario, for the ports its
// checks use and for every port atom of TCP.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenario } from '../helpers/load.js';
import { disagreements } from './compare-engines.js';

const NAMES = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));

describe('reach agrees with trace on every bundled scenario', () => {
  for (const name of NAMES) {
    it(name, () => {
      const topology = scenario(name);
      for (const query of [
        { protocol: 'tcp', port: 443 },
        { protocol: 'tcp', port: 'all' },
        { protocol: 'udp', port: 53 },
        { protocol: 'icmp', port: undefined },
        { protocol: 'all', port: undefined },
      ] as const) {
        const { diffs, pairs } = disagreements(topology, query);
        expect(pairs).toBeGreaterThan(0);
        expect(diffs).toEqual([]);
      }
    });
  }
});
