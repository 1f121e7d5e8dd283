// Bad input never crashes the loader: random mutations of the bundled scenarios end either in
// a topology or in at least one error, every diagnostic positioned inside the text, within
// 2 s. When a mutated file is still valid, the engine traces its checks (well-formed traces
// or a query error, never an exception) and `fmt` prints it back to the same model.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceProblems } from '../../src/engine/check-trace.js';
import { isQueryError, traceFlow } from '../../src/engine/trace-flow.js';
import { loadTopologyText } from '../../src/model/load-topology.js';
import { formatTopology } from '../../src/model/serialize/format-topology.js';
import type { Topology } from '../../src/model/topology.js';
import { mutatedFileArb } from '../arbitraries/mutations.js';
import { projection } from './model-projection.js';
import { checkProperty, PROPERTY_TIMEOUT_MS } from './property-runner.js';

/** Time bound per input, in milliseconds. */
const BOUND_MS = 2000;

/** Fuzzing runs ten times the property run count, so it gets ten times the time limit. */
const SCALE = 10;

function traceChecks(t: Topology): void {
  for (const c of t.checks) {
    if (c.from.kind !== 'list' || c.to.kind !== 'list') continue;
    for (const from of c.from.items) {
      for (const to of c.to.items) {
        const r = traceFlow(t, { from, to, protocol: c.protocol, port: c.port ?? (c.protocol === 'tcp' || c.protocol === 'udp' ? 443 : undefined) });
        if (isQueryError(r)) continue;
        for (const trace of r.traces) expect(traceProblems(trace), `${from} -> ${to}`).toEqual([]);
      }
    }
  }
}

describe('fuzzing the loader with mutated scenarios', () => {
  it('ends in a topology or a positioned error, within the time bound, and valid results go through the engine and fmt', { timeout: PROPERTY_TIMEOUT_MS * SCALE }, () => {
    checkProperty('loader fuzz', fc.property(mutatedFileArb, ({ text }) => {
      const started = performance.now();
      const { topology, diagnostics } = loadTopologyText('fuzz.yaml', text);
      const lines = text.split('\n');
      for (const d of diagnostics) {
        const where = `${d.code} at ${d.span.line}:${d.span.col}`;
        expect(d.span.line, where).toBeGreaterThanOrEqual(1);
        expect(d.span.col, where).toBeGreaterThanOrEqual(1);
        expect(d.span.line, where).toBeLessThanOrEqual(lines.length);
      }
      if (!topology) {
        expect(diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(0);
      } else {
        traceChecks(topology);
        const printed = formatTopology(topology);
        const again = loadTopologyText('fuzz.yaml', printed);
        expect(again.diagnostics.filter((d) => d.severity === 'error'), printed).toEqual([]);
        expect(isDeepStrictEqual(projection(again.topology!), projection(topology)), `fmt changed the model:\n${printed}`).toBe(true);
      }
      expect(performance.now() - started).toBeLessThan(BOUND_MS);
    }), { scale: SCALE });
  });
});
