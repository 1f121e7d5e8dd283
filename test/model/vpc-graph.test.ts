// The VPC graph: peering connections and PrivateLink endpoints join VPCs; a VPC joined to
// nothing has no neighbour; the graph is built once per topology.
import { describe, expect, it } from 'vitest';
import { neighbourVpcs, vpcGraph } from '../../src/model/vpc-graph.js';
import { scenario } from '../helpers/load.js';

describe('vpcGraph', () => {
  it('peering joins VPCs one connection at a time (no transit)', () => {
    const t = scenario('peering-not-transitive');
    expect(neighbourVpcs(t, 'vpc-a')).toEqual(['vpc-b']);
    expect(neighbourVpcs(t, 'vpc-b')).toEqual(['vpc-a', 'vpc-c']);
    expect(vpcGraph(t).edge('vpc-a', 'vpc-b', 'pcx-a-b')).toEqual({ kind: 'peering', connection: 'pcx-a-b' });
  });

  it('PrivateLink joins the consumer VPC to the provider VPC, consumer first', () => {
    const t = scenario('privatelink-endpoint-service');
    expect(neighbourVpcs(t, 'vpc-consumer')).toEqual(['vpc-provider']);
    expect(neighbourVpcs(t, 'vpc-provider')).toEqual(['vpc-consumer']);
    expect(vpcGraph(t).outEdges('vpc-consumer')!.map((e) => vpcGraph(t).edge(e))).toEqual([{ kind: 'privateLink', endpoint: 'vpce-api', service: 'svc-api' }]);
  });

  it('a self-contained VPC has no neighbour; an unknown one neither', () => {
    const t = scenario('nlb-zone-health');
    expect(neighbourVpcs(t, 'vpc-api')).toEqual([]);
    expect(neighbourVpcs(t, 'vpc-nowhere')).toEqual([]);
  });

  it('is built once per topology', () => {
    const t = scenario('peering-not-transitive');
    expect(vpcGraph(t)).toBe(vpcGraph(t));
  });
});
