// A source map for the YAML an imported plan became, whose positions are the plan's: a
// pointer that came from a plan resource answers with that resource object's line:col
// in the plan JSON (file: the plan's path); anything else keeps the YAML's position.
import type { NodeSpans, SourceMap } from '../../model/source-map.js';
import type { Span } from '../../model/span.js';
import { locationAt, type PlanLocations } from './plan-locations.js';

/** Wrap the YAML's source map so located pointers answer with plan positions. */
export function planSourceMap(planFile: string, locations: PlanLocations, yaml: SourceMap): SourceMap {
  const span = (ptr: string): Span | undefined => {
    const loc = locationAt(locations, ptr);
    return loc ? { file: planFile, line: loc.line, col: loc.col, endLine: loc.line, endCol: loc.col } : undefined;
  };
  return {
    file: planFile,
    depth: yaml.depth,
    deepest: yaml.deepest,
    has: (ptr) => yaml.has(ptr),
    at: (ptr): NodeSpans => {
      const s = span(ptr);
      return s ? { key: s, value: s } : yaml.at(ptr);
    },
    keyAt: (ptr) => span(ptr) ?? yaml.keyAt(ptr),
    valueAt: (ptr) => span(ptr) ?? yaml.valueAt(ptr),
  };
}
