// Inputs shared by the diagram tests: the bundled scenarios, the traces of their checks,
// an in-process CLI, and hostile names: a topology whose free-text fields carry markup
// and metacharacters of every output format, and diagrams and traces whose every id,
// label and sentence does.
import { readdirSync, readFileSync } from 'node:fs';
import { runCli } from '../../src/cli/main.js';
import type { Diagram } from '../../src/diagram/diagram.js';
import type { LabelledTrace } from '../../src/diagram/trace-page-data.js';
import type { Hop, Trace } from '../../src/engine/trace.js';
import { traceFlow } from '../../src/engine/trace-flow.js';
import { collectCheckTraces } from '../../src/scenarios/collect-check-traces.js';
import { scenario, topologyOf } from '../helpers/load.js';

/** Every bundled scenario by name (without .yaml), sorted. */
export const SCENARIOS = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();

/** The traces of a scenario's checks, as `graph --checks` draws them. */
export function checkTraces(name: string): LabelledTrace[] {
  return collectCheckTraces(scenario(name), traceFlow);
}

/** Run the CLI in-process and capture everything it writes. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {} });
  return { code, out, err };
}

/**
 * Markup and metacharacters of every format: an HTML tag with an event handler, a closing
 * script tag, both quotes, Mermaid's `;`, `%%`, `#`, `|`, brackets and `end`, DOT's braces,
 * backslash escapes (\N \G \l) and a quote escape, an entity, a backtick, a line break.
 */
export const HOSTILE = `<img src=x onerror="window.__pwned=1"> "dq" 'sq' ;%% #x; |p| [[s]] ((c)) end} {\\N\\G\\l\\" &amp; \`bt\` </script><script>window.__pwned=2</script>\nline2`;

/** The PrivateLink scenario with HOSTILE in its name, description, rule and check names and private DNS name. */
export function hostileTopologyText(): string {
  const q = JSON.stringify(HOSTILE);
  let text = readFileSync('scenarios/privatelink-endpoint-service.yaml', 'utf8');
  const swap = (from: string, to: string): void => {
    if (!text.includes(from)) throw new Error(`fixture text moved: ${from}`);
    text = text.split(from).join(to);
  };
  swap("name: A provider's API offered to another account over PrivateLink", `name: ${q}`);
  swap('description: >\n', `description: ${q}\nx-was-description: >\n`);
  swap('description: from the NLB nodes', `description: ${q}`);
  swap('privateDnsName: api.example.com', `privateDnsName: ${q}`);
  swap('- name: the consumer reaches the API through the endpoint by id', `- name: ${q}`);
  // The YAML folded description that followed is now under an unknown key: drop it.
  return text.replace(/x-was-description: >\n(?: {2}.*\n)+/, '');
}

/** The hostile topology, loaded. */
export function hostileTopology(): ReturnType<typeof topologyOf> {
  return topologyOf(hostileTopologyText(), 'hostile.yaml');
}

const evil = (s: string): string => `${HOSTILE}${s}`;

/** A diagram with HOSTILE in every label and every model id it maps. */
export function hostileDiagram(d: Diagram): Diagram {
  const nodeOf = new Map<string, string>();
  for (const [ref, id] of d.nodeOf) nodeOf.set(evil(ref), id);
  return {
    title: evil(d.title),
    clusters: d.clusters.map((c) => ({ ...c, ref: evil(c.ref), lines: c.lines.map(evil) })),
    nodes: d.nodes.map((n) => ({ ...n, ref: evil(n.ref), lines: n.lines.map(evil) })),
    edges: d.edges.map((e) => ({ ...e, label: evil(e.label ?? '') })),
    nodeOf,
  };
}

function hostileHop(h: Hop): Hop {
  return { ...h, component: { ...h.component, id: evil(h.component.id) }, detail: evil(h.detail), ...(h.why ? { why: evil(h.why) } : {}) };
}

/** A trace with HOSTILE in every component id, detail, sentence, explanation and flow name. */
export function hostileTrace(t: Trace): Trace {
  return {
    ...t,
    flow: { ...t.flow, from: evil(t.flow.from), to: evil(t.flow.to), ...(t.flow.branch ? { branch: t.flow.branch.map(evil) } : {}) },
    hops: t.hops.map(hostileHop),
    returnHops: t.returnHops.map(hostileHop),
    explanations: t.explanations.map((e) => ({ ...e, message: evil(e.message) })),
  };
}
