// The contract of every trace, over generated topologies and flows: the same input gives
// the same trace (deep-equal and byte-equal JSON, also after a fresh load); every trace is
// well-formed; every unreachable trace carries a code; every hop location is in the file.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceProblems } from '../../src/engine/check-trace.js';
import { loadRaw, scenarioArb, GENERATED_FILE } from '../arbitraries/topology.js';
import { checkProperty, PROPERTY_TIMEOUT_MS } from './property-runner.js';
import { traceOk } from './trace-helpers.js';

describe('trace contract', () => {
  it('determinism: the same topology and flow give identical traces', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    checkProperty('determinism', fc.property(scenarioArb(), ({ topology: raw, flows }) => {
      const a = loadRaw(raw).topology;
      const b = loadRaw(raw).topology;
      for (const flow of flows) {
        const first = traceOk(a, flow);
        const again = traceOk(a, flow);
        const fresh = traceOk(b, flow);
        // Byte-equal JSON first (its failure shows the difference), then deep equality
        // (which also sees what JSON drops: undefined fields, bigints would throw).
        expect(JSON.stringify(again)).toBe(JSON.stringify(first));
        expect(JSON.stringify(fresh)).toBe(JSON.stringify(first));
        expect(isDeepStrictEqual(again, first)).toBe(true);
        expect(isDeepStrictEqual(fresh, first)).toBe(true);
      }
    }));
  });

  it('every trace is well-formed (traceProblems is empty)', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    checkProperty('well-formed traces', fc.property(scenarioArb(), ({ topology: raw, flows }) => {
      const { topology } = loadRaw(raw);
      for (const flow of flows) {
        for (const t of traceOk(topology, flow).traces) expect(traceProblems(t)).toEqual([]);
      }
    }));
  });

  it('every unreachable trace carries an explanation code, and a reachable one none', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    checkProperty('unreachable has a code', fc.property(scenarioArb(), ({ topology: raw, flows }) => {
      const { topology } = loadRaw(raw);
      for (const flow of flows) {
        const r = traceOk(topology, flow);
        expect(r.traces.length).toBeGreaterThan(0);
        for (const t of r.traces) {
          if (t.reachable) expect(t.explanations).toEqual([]);
          else expect(t.explanations.length).toBeGreaterThan(0);
        }
        expect(r.reachable).toBe(r.traces.every((t) => t.reachable));
      }
    }));
  });

  it('every hop and explanation location points into the source file', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    checkProperty('locations in the file', fc.property(scenarioArb(), ({ topology: raw, flows }) => {
      const { topology, text } = loadRaw(raw);
      const lines = text.split('\n');
      const lineCount = text.endsWith('\n') ? lines.length - 1 : lines.length;
      for (const flow of flows) {
        for (const t of traceOk(topology, flow).traces) {
          const spans = [...t.hops, ...t.returnHops].map((h) => h.location).concat(t.explanations.map((e) => e.location));
          for (const s of spans) {
            if (!s) continue;
            expect(s.file).toBe(GENERATED_FILE);
            expect(s.line).toBeGreaterThanOrEqual(1);
            expect(s.line).toBeLessThanOrEqual(lineCount);
            expect(s.col).toBeGreaterThanOrEqual(1);
            expect(s.col).toBeLessThanOrEqual((lines[s.line - 1]?.length ?? 0) + 1);
          }
        }
      }
    }));
  });
});
