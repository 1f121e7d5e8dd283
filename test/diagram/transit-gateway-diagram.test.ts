// Diagrams draw transit gateways: a box per gateway and per attachment, each attachment
// attached to its gateway (a peering attachment to both), and the VPC routes that send to it.
import { describe, expect, it } from 'vitest';
import { buildDiagram } from '../../src/diagram/build-diagram.js';
import { scenario } from '../helpers/load.js';

describe('transit gateways in diagrams', () => {
  it('draws the gateway, its attachments and the routes to it', () => {
    const d = buildDiagram(scenario('tgw-hub-and-spoke'));
    const ref = (id: string) => d.nodes.find((n) => n.id === id)?.ref;
    expect(d.nodes.filter((n) => n.kind === 'transitGateway').map((n) => n.ref)).toEqual(['tgw-hub']);
    expect(d.nodes.filter((n) => n.kind === 'transitGatewayAttachment').map((n) => n.ref).sort()).toEqual(['att-dev', 'att-prod', 'att-shared']);
    const edges = d.edges.map((e) => [ref(e.from), ref(e.to), e.kind]);
    expect(edges).toEqual(expect.arrayContaining([['att-prod', 'tgw-hub', 'attaches'], ['prod-rt', 'tgw-hub', 'routes']]));
  });

  it('attaches a peering attachment to both gateways', () => {
    const d = buildDiagram(scenario('tgw-peering-static-routes'));
    const ref = (id: string) => d.nodes.find((n) => n.id === id)?.ref;
    const edges = d.edges.filter((e) => ref(e.from) === 'att-east-west').map((e) => ref(e.to)).sort();
    expect(edges).toEqual(['tgw-east', 'tgw-west']);
  });
});
