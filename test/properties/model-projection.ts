// The model fields that matter, as plain data to compare: every resource map, the ENIs and
// the checks, without source positions (spans, pointers) and without derived indexes.
import type { Topology } from '../../src/model/topology.js';

const POSITION_KEYS = new Set(['span', 'fromSpan', 'toSpan', 'itemSpans', 'vpcSpans', 'pointer', 'location']);

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

/** A topology's projection (not the file or the byId index, which repeats the maps). */
export function projection(t: Topology): unknown {
  const { byId: _byId, file: _file, span: _span, ...rest } = t;
  return plain(rest);
}
