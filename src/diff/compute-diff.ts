// `diff`'s engine: the reach relation of each version over the ends both hold, laid over
// each other (port atoms of both, classes of both), the cells that changed grouped into
// changes, and each change explained by tracing one of its pairs in both versions.
import type { FlowProtocol } from '../engine/query.js';
import type { Topology } from '../model/topology.js';
import { computeReach } from '../reach/compute-reach.js';
import type { PortSpan } from '../reach/port-atoms.js';
import { relationGroups } from '../reach/query-relation.js';
import { collectEnds, type ReachEnd } from '../reach/reach-ends.js';
import type { ReachQuery } from '../reach/reach-relation.js';
import { WITNESS_LIMIT } from '../reach/witness.js';
import { compareRelations } from './compare-relations.js';
import type { DiffResult, FlowChange } from './diff-result.js';
import type { DiffRequest } from './explain-change.js';
import { compareChanges, groupChanges, KIND_ORDER } from './group-changes.js';
import { overlayPorts } from './overlay-ports.js';
import { refineGroups, type Block } from './refine-groups.js';
import { resourceChanges } from './resource-changes.js';
import { splitByWhy, type BlockMaps, type WhyBudget } from './split-by-why.js';

/** What to compare. */
export interface DiffQuery {
  readonly protocols: readonly FlowProtocol[];
  /** Ports for protocols that have them; default every port (or ICMP type). */
  readonly port?: number | PortSpan | 'all';
  /** Only these sources / destinations (end ids); default every end both versions hold. */
  readonly sources?: ReadonlySet<string>;
  readonly destinations?: ReadonlySet<string>;
  /** reach's budget of pairs traced one by one, per version and protocol. */
  readonly maxTraces?: number;
  readonly request?: DiffRequest;
  /** Most witness pairs traced to explain changes (default WITNESS_LIMIT). */
  readonly maxWhy?: number;
}

/** Ends of `a` that `b` holds as the same kind of end, in `a`'s order. */
function common(a: readonly ReachEnd[], b: readonly ReachEnd[], chosen: ReadonlySet<string> | undefined): ReachEnd[] {
  const kinds = new Map(b.map((e) => [e.id, e.kind]));
  return a.filter((e) => kinds.get(e.id) === e.kind && (chosen === undefined || chosen.has(e.id)));
}

/** Compare two versions of a topology. */
export function computeDiff(oldTopology: Topology, newTopology: Topology, query: DiffQuery): DiffResult {
  const oldEnds = collectEnds(oldTopology);
  const newEnds = collectEnds(newTopology);
  const sources = common(newEnds.sources, oldEnds.sources, query.sources);
  const destinations = common(newEnds.destinations, oldEnds.destinations, query.destinations);
  const order = new Map<string, number>();
  for (const e of [...newEnds.sources, ...newEnds.destinations]) if (!order.has(e.id)) order.set(e.id, order.size);
  const changes: Omit<FlowChange, 'why'>[] = [];
  const blocksOf = new Map<Omit<FlowChange, 'why'>, BlockMaps>();
  let unknownPairs = 0;
  if (sources.length > 0 && destinations.length > 0) {
    for (const protocol of query.protocols) {
      const reachQuery: ReachQuery = {
        protocol,
        port: protocol === 'all' ? undefined : (query.port ?? 'all'),
        sources: new Set(sources.map((e) => e.id)),
        destinations: new Set(destinations.map((e) => e.id)),
        ...(query.maxTraces !== undefined ? { maxTraces: query.maxTraces } : {}),
        ...(query.request !== undefined ? { request: query.request } : {}),
      };
      const oldRel = computeReach(oldTopology, reachQuery);
      const newRel = computeReach(newTopology, reachQuery);
      const oldGroups = relationGroups(oldRel);
      const newGroups = relationGroups(newRel);
      const sourceBlocks = refineGroups(sources.map((e) => e.id), oldGroups.sources, newGroups.sources);
      const destinationBlocks = refineGroups(destinations.map((e) => e.id), oldGroups.destinations, newGroups.destinations);
      const cmp = compareRelations(oldRel, newRel, overlayPorts(oldRel.ports, newRel.ports), sourceBlocks, destinationBlocks);
      unknownPairs += cmp.unknownPairs;
      const blocks: BlockMaps = { source: blockMap(sourceBlocks), destination: blockMap(destinationBlocks) };
      for (const c of groupChanges(cmp.cells, protocol, order)) {
        changes.push(c);
        blocksOf.set(c, blocks);
      }
    }
  }
  const protocolOrder = new Map(query.protocols.map((p, i) => [p, i]));
  const sortChanges = <T extends Omit<FlowChange, 'why'>>(list: T[]): T[] =>
    list.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || protocolOrder.get(a.protocol)! - protocolOrder.get(b.protocol)! || compareChanges(a, b, order));
  sortChanges(changes);
  const budget: WhyBudget = { left: query.maxWhy ?? WITNESS_LIMIT };
  const request = query.request ?? {};
  const explained = sortChanges(changes.flatMap((c) => splitByWhy(oldTopology, newTopology, c, blocksOf.get(c)!, request, budget)));
  const { added, removed } = resourceChanges(oldTopology, newTopology);
  return {
    oldFile: oldTopology.file,
    newFile: newTopology.file,
    protocols: query.protocols,
    changes: explained,
    added,
    removed,
    sources: sources.length,
    destinations: destinations.length,
    unknownPairs,
    whyOmitted: explained.filter((c) => c.why === undefined).length,
  };
}

/** Each end's block key. */
function blockMap(blocks: readonly Block[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of blocks) for (const m of b.members) out.set(m, b.key);
  return out;
}
