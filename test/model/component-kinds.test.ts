// The closed list of component kinds: every listed kind is one the engine really emits (so
// `never: [kind]` cannot pass vacuously), every emitted kind is listed, the docs table and
// the schema enum are derived from it, and a word no hop is ever at is bad input.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { traceFlow } from '../../src/engine/trace-flow.js';
import type { FlowQuery } from '../../src/engine/query.js';
import { COMPONENT_KINDS, componentKindsTable, isComponentKind } from '../../src/model/component-kinds.js';
import { loadTopologyFile } from '../../src/model/load-topology.js';
import { topologySchema } from '../../src/model/schema/topology-schema.js';
import type { Topology } from '../../src/model/topology.js';
import { runCheck } from '../../src/scenarios/run-check.js';

const files = [
  ...readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort().map((f) => `scenarios/${f}`),
  ...readdirSync('test/engine/fixtures').filter((f) => f.endsWith('.yaml')).sort().map((f) => `test/engine/fixtures/${f}`),
];

// Flows of the engine tests that reach kinds no bundled check crosses (test/engine/fabric-*.test.ts).
const EXTRA_FLOWS: readonly (readonly [string, FlowQuery])[] = [
  ['test/engine/fixtures/fabric.yaml', { from: 'bastion', to: '10.0.1.200', protocol: 'tcp', port: 443 }],
  ['test/engine/fixtures/fabric.yaml', { from: 'web', to: '2606:4700::1', protocol: 'tcp', port: 443 }],
  // A VPC with a route to a transit gateway it is not attached to (test/engine/walk/transit-gateway.test.ts).
  ['test/engine/fixtures/transit-gateway.yaml', { from: 'lone-app', to: 'shared-svc', protocol: 'tcp', port: 443 }],
];

/** Every kind seen in a forward or return hop, with the first flow that showed it. */
function kindsSeen(): Map<string, string> {
  const seen = new Map<string, string>();
  const topologies = new Map<string, Topology>();
  const record = (file: string) => (t: Topology, q: FlowQuery) => {
    const r = traceFlow(t, q);
    if ('traces' in r) {
      for (const tr of r.traces) for (const h of [...tr.hops, ...tr.returnHops]) if (!seen.has(h.component.kind)) seen.set(h.component.kind, `${file}: ${q.from} -> ${q.to}`);
    }
    return r;
  };
  for (const f of files) {
    const { topology } = loadTopologyFile(f);
    expect(topology, f).toBeDefined();
    topologies.set(f, topology!);
    for (const c of topology!.checks) runCheck(topology!, c, record(f));
  }
  for (const [f, q] of EXTRA_FLOWS) record(f)(topologies.get(f)!, q);
  return seen;
}

describe('component kinds', () => {
  it('are exactly the kinds the engine emits in the hops of the bundled scenarios and engine fixtures', () => {
    const seen = kindsSeen();
    expect([...seen.keys()].filter((k) => !isComponentKind(k))).toEqual([]);
    expect(COMPONENT_KINDS.filter((k) => !seen.has(k))).toEqual([]);
  });

  it('docs/check.md holds the table generated from the list', () => {
    const doc = readFileSync('docs/check.md', 'utf8');
    const m = /<!-- component-kinds -->\n([\s\S]*?)\n<!-- \/component-kinds -->/.exec(doc);
    expect(m?.[1]).toBe(componentKindsTable());
  });

  it('the schema offers the list for never:', () => {
    const check = (topologySchema as { properties: { checks: { items: { properties: { never: { items: { anyOf: { enum?: string[] }[] } } } } } } }).properties.checks.items;
    expect(check.properties.never.items.anyOf[0]!.enum).toEqual([...COMPONENT_KINDS]);
    expect(JSON.parse(readFileSync('schema/topology.schema.json', 'utf8')).properties.checks.items.properties.never.items.anyOf[0].enum).toEqual([...COMPONENT_KINDS]);
  });
});
