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
import { checkProperty } from './property-runner.js';

const POSITION_KEYS = new Set(['span', 'fromSpan', 'toSpan', 'pointer', 'location']);

/** Plain data of a value with source positions left out: Maps as sorted objects, bigints as text. */
function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Map) return Object.fromEntries([...v.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)).map(([k, x]) => [String(k), plain(x)]));
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).filter(([k, x]) => !POSITION_KEYS.has(k) && x !== undefined).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

/** The model fields that matter: every resource map, the ENIs and the checks (not the graph, file or byId index). */
export function projection(t: Topology): unknown {
  const { graph: _graph, byId: _byId, file: _file, span: _span, ...rest } = t;
  return plain(rest);
}

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
  it('load(fmt(load(x))) equals load(x), and fmt is idempotent, on generated topologies', () => {
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
