// Valid topologies as raw format-v1 objects, their YAML text, and scenarios (a topology with
// a few flows over it). Loading is strict: a generated file the loader refuses is a bug in
// the arbitrary (or the loader), and says which diagnostics it got.
import fc from 'fast-check';
import YAML from 'yaml';
import type { FlowQuery } from '../../src/engine/query.js';
import type { RawTopology } from '../../src/model/format.js';
import { loadTopologyText } from '../../src/model/load-topology.js';
import type { Topology } from '../../src/model/topology.js';
import { buildRaw } from './build-raw.js';
import { addPrivateLink } from './build-privatelink.js';
import { flowPlanArb, resolveFlow } from './flow.js';
import { addOnPremises } from './build-on-premises.js';
import { ALL_FEATURES, topologyPlanArb, type Features, type TopologyPlan } from './plan.js';

/** A valid raw topology using the given features. */
export function rawTopologyArb(features: Features = ALL_FEATURES): fc.Arbitrary<RawTopology> {
  return topologyPlanArb(features).map(buildTopology);
}

/** The raw topology of a plan, with its PrivateLink service when it has one. */
export function buildTopology(plan: TopologyPlan): RawTopology {
  const raw = buildRaw(plan);
  const withPrivateLink = plan.privateLink ? addPrivateLink(raw, plan.privateLink) : raw;
  return plan.onPremises ? addOnPremises(withPrivateLink, plan.onPremises) : withPrivateLink;
}

/** A topology and flows over it. */
export interface Scenario {
  readonly topology: RawTopology;
  readonly flows: readonly FlowQuery[];
}

/** A topology with one to `maxFlows` flows over it. */
export function scenarioArb(features: Features = ALL_FEATURES, maxFlows = 4): fc.Arbitrary<Scenario> {
  return fc
    .record({ topology: rawTopologyArb(features), flows: fc.array(flowPlanArb, { minLength: 1, maxLength: maxFlows }) })
    .map(({ topology, flows }) => ({ topology, flows: flows.map((f) => resolveFlow(topology, f)) }));
}

/** The file name generated topologies load under. */
export const GENERATED_FILE = 'generated.yaml';

/** The YAML text of a raw topology. */
export function yamlOf(raw: RawTopology): string {
  return YAML.stringify(raw, { lineWidth: 0 });
}

/** Load a raw topology through its YAML text; throw with every error when it is refused. */
export function loadRaw(raw: RawTopology): { topology: Topology; text: string } {
  const text = yamlOf(raw);
  const { topology, diagnostics } = loadTopologyText(GENERATED_FILE, text);
  if (!topology) {
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.span.line}:${d.span.col} ${d.code} ${d.message}`);
    throw new Error(`the loader refused a generated topology:\n${errors.join('\n')}`);
  }
  return { topology, text };
}
