// Topology -> Diagram: place every resource, connect them, and cut down to one VPC and
// its neighbours when asked. The diagram is a pure function of the topology.
import type { Topology } from '../model/topology.js';
import type { Diagram } from './diagram.js';
import { diagramBuilder } from './diagram-builder.js';
import { connectResources } from './connect-resources.js';
import { focusDiagram } from './focus-diagram.js';
import { placeResources } from './place-resources.js';

/** How much of the topology to draw. */
export interface DiagramOptions {
  /** Draw this VPC in full and its neighbours as one box each. */
  readonly focus?: string | undefined;
}

/** The diagram of a topology. */
export function buildDiagram(t: Topology, options: DiagramOptions = {}): Diagram {
  const b = diagramBuilder();
  placeResources(b, t);
  connectResources(b, t);
  const full = b.finish(t.name);
  return options.focus === undefined ? full : focusDiagram(full, t, options.focus);
}
