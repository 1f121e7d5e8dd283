// model -> YAML -> model is the identity: the canonical text `vpcsim fmt` prints loads back
// into the same model (compared on everything but source positions), and printing that
// model again gives the same bytes. Over generated topologies and every bundled scenario.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTopologyText } from '../../src/model/load-topology.js';
import { formatTopology } from '../../src/model/serialize/format-topology.js';
import { pinAddresses } from '../../src/model/serialize/pin-addresses.js';
import { printRaw } from '../../src/model/serialize/print-yaml.js';
import { topologyToRaw } from '../../src/model/serialize/topology-to-raw.js';
import type { Topology } from '../../src/model/topology.js';
import { loadRaw, rawTopologyArb } from '../arbitraries/topology.js';
import { projection } from './model-projection.js';
import { checkProperty, PROPERTY_TIMEOUT_MS } from './property-runner.js';

function reload(t: Topology): { text: string; again: Topology } {
  const text = formatTopology(t);
  // Replaying the address derivation is enough: formatTopology's confirming load moved nothing.
  expect(printRaw(topologyToRaw(t, pinAddresses(t)))).toBe(text);
  const { topology: again, diagnostics } = loadTopologyText(t.file, text);
  if (!again) throw new Error(`the canonical text does not load:\n${diagnostics.map((d) => `${d.span.line}:${d.span.col} ${d.code} ${d.message}`).join('\n')}\n${text}`);
  return { text, again };
}

function expectSameModel(a: Topology, b: Topology, text: string): void {
  const pa = projection(a);
  const pb = projection(b);
  if (!isDeepStrictEqual(pa, pb)) expect(pb, `canonical text:\n${text}`).toEqual(pa);
}

const scenarioDir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const scenarioFiles = readdirSync(scenarioDir).filter((f) => f.endsWith('.yaml')).sort();

describe('round trip through the canonical printer', () => {
  it('load(fmt(load(x))) equals load(x), and fmt is idempotent, on generated topologies', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    checkProperty('round trip', fc.property(rawTopologyArb(), (raw) => {
      const { topology } = loadRaw(raw);
      const { text, again } = reload(topology);
      expectSameModel(topology, again, text);
      expect(formatTopology(again)).toBe(text);
    }));
  });

  it.each(scenarioFiles)('load(fmt(load(x))) equals load(x) for scenarios/%s', (file) => {
    const { topology, diagnostics } = loadTopologyText(file, readFileSync(`${scenarioDir}${file}`, 'utf8'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const { text, again } = reload(topology!);
    expectSameModel(topology!, again, text);
    expect(formatTopology(again)).toBe(text);
  });
});
