// The diagram of a topology and a trace laid over it: which boxes sit in which cluster,
// which edges join them, how a trace's hops land on boxes, what --focus keeps, how empty
// subnets collapse, and the lifelines of a PrivateLink sequence diagram.
import type { HopStep } from '../../src/engine/steps.js';
import { describe, expect, it } from 'vitest';
import { buildDiagram } from '../../src/diagram/build-diagram.js';
import type { Diagram } from '../../src/diagram/diagram.js';
import { neighbourVpcs } from '../../src/model/vpc-graph.js';
import { overlayTrace } from '../../src/diagram/overlay-trace.js';
import { renderMermaidSequence } from '../../src/diagram/render-mermaid-sequence.js';
import type { TraceResult } from '../../src/engine/query.js';
import { traceFlow } from '../../src/engine/trace-flow.js';
import { scenario, topologyOf } from '../helpers/load.js';

const PL = scenario('privatelink-endpoint-service');

function refOf(d: Diagram, id: string | undefined): string | undefined {
  return d.nodes.find((n) => n.id === id)?.ref;
}

function clusterPath(d: Diagram, ref: string): string[] {
  const byId = new Map(d.clusters.map((c) => [c.id, c]));
  const out: string[] = [];
  for (let c = d.nodes.find((n) => n.ref === ref)?.cluster; c !== undefined; c = byId.get(c)?.parent) out.unshift(`${byId.get(c)!.kind}:${byId.get(c)!.ref}`);
  return out;
}

function edgesOf(d: Diagram): string[] {
  return d.edges.map((e) => `${refOf(d, e.from)} ${e.kind} ${refOf(d, e.to)}`);
}

describe('buildDiagram', () => {
  it('nests account and region, VPC and subnet; interfaces sit in their subnets, VPC-wide things in the VPC', () => {
    const d = buildDiagram(PL);
    expect(clusterPath(d, 'client')).toEqual(['account:111111111111|us-east-1', 'vpc:vpc-consumer', 'subnet:consumer-a']);
    expect(clusterPath(d, 'vpce-api/consumer-b')).toEqual(['account:111111111111|us-east-1', 'vpc:vpc-consumer', 'subnet:consumer-b']);
    expect(clusterPath(d, 'nlb-api/provider-a')).toEqual(['account:222222222222|us-east-1', 'vpc:vpc-provider', 'subnet:provider-a']);
    expect(clusterPath(d, 'svc-api')).toEqual(['account:222222222222|us-east-1', 'vpc:vpc-provider']);
    expect(clusterPath(d, 'vpce-api')).toEqual(['account:111111111111|us-east-1', 'vpc:vpc-consumer']);
  });

  it('joins endpoint -> interfaces, endpoint -> service -> load balancer -> nodes, target group -> targets', () => {
    expect(edgesOf(buildDiagram(PL))).toEqual(expect.arrayContaining([
      'vpce-api attaches vpce-api/consumer-a',
      'vpce-api attaches vpce-api/consumer-b',
      'vpce-api connects svc-api',
      'svc-api forwards nlb-api',
      'nlb-api attaches nlb-api/provider-a',
      'nlb-api forwards tg-api',
      'tg-api forwards api-1',
      'tg-api forwards api-2',
    ]));
  });

  it('route tables draw their non-local routes; peering and the internet are top-level boxes', () => {
    const d = buildDiagram(scenario('nat-gateway-egress'));
    const edges = edgesOf(d);
    expect(edges.some((e) => / routes nat-/.test(e))).toBe(true);
    expect(edges.some((e) => / routes igw-/.test(e))).toBe(true);
    expect(edges).toContain(`${[...scenario('nat-gateway-egress').internetGateways.keys()][0]} connects internet`);
    const p = buildDiagram(scenario('peering-not-transitive'));
    expect(p.nodes.filter((n) => n.kind === 'peeringConnection').map((n) => n.cluster)).toEqual([undefined, undefined]);
  });

  it('collapses subnets with nothing to draw into one box per VPC', () => {
    const t = topologyOf(`version: 1
name: empty subnets
region: us-east-1
vpcs:
  vpc-a:
    cidr: 10.0.0.0/16
    subnets:
      used: { az: use1-az1, cidr: 10.0.1.0/24 }
      spare-1: { az: use1-az1, cidr: 10.0.2.0/24 }
      spare-2: { az: use1-az2, cidr: 10.0.3.0/24 }
    instances:
      app: { subnet: used }
`);
    const d = buildDiagram(t);
    expect(d.clusters.filter((c) => c.kind === 'subnet').map((c) => c.ref)).toEqual(['used']);
    const empty = d.nodes.filter((n) => n.kind === 'emptySubnets');
    expect(empty).toHaveLength(1);
    expect(empty[0]!.lines.slice(1)).toEqual(['spare-1 10.0.2.0/24', 'spare-2 10.0.3.0/24']);
  });

  it('--focus draws one VPC in full and its PrivateLink or peering neighbours as one box each', () => {
    expect(neighbourVpcs(PL, 'vpc-consumer')).toEqual(['vpc-provider']);
    const d = buildDiagram(PL, { focus: 'vpc-consumer' });
    expect(d.clusters.map((c) => `${c.kind}:${c.ref}`)).toEqual(['account:111111111111|us-east-1', 'vpc:vpc-consumer', 'subnet:consumer-a', 'subnet:consumer-b', 'account:222222222222|us-east-1']);
    expect(d.nodes.filter((n) => n.kind === 'vpcSummary').map((n) => n.ref)).toEqual(['vpc-provider']);
    expect(d.nodes.some((n) => n.ref === 'api-1')).toBe(false);
    expect(edgesOf(d)).toContain('vpce-api connects vpc-provider');
    // Provider-side hops land on the neighbour's box.
    expect(refOf(d, d.nodeOf.get('nlb-api/provider-a'))).toBe('vpc-provider');
    const p = buildDiagram(scenario('peering-not-transitive'), { focus: 'vpc-a' });
    expect(p.nodes.filter((n) => n.kind === 'vpcSummary').map((n) => n.ref)).toEqual(['vpc-b']);
    expect(p.nodes.filter((n) => n.kind === 'peeringConnection').map((n) => n.ref)).toEqual(['pcx-a-b']);
  });
});

describe('overlayTrace', () => {
  const result = traceFlow(PL, { from: 'client', to: 'api.example.com', protocol: 'tcp', port: 443, pinAddress: '10.2.1.4' }) as TraceResult;
  const trace = result.traces[0]!;
  const d = buildDiagram(PL);
  const path = overlayTrace(d, trace);

  it('every hop lands on a box: its own, or the one the packet is at', () => {
    expect(path.steps).toHaveLength(trace.hops.length + trace.returnHops.length);
    const forward = path.steps.filter((s) => s.direction === 'forward').map((s) => refOf(d, s.node));
    expect(forward).toEqual(['client', 'client', 'client', 'vpc-consumer/main', 'vpc-consumer/main', 'vpce-api/consumer-a', 'svc-api', 'nlb-api/provider-a', 'nlb-api/provider-a', 'nlb-api/provider-a', 'vpc-provider/main', 'vpc-provider/main', 'api-1']);
    // The target group's choice happens at the node, and its own box is marked too.
    const choice = path.steps.find((s) => s.direction === 'forward' && trace.hops[s.index]!.component.kind === 'targetGroup')!;
    expect(refOf(d, choice.also)).toBe('tg-api');
  });

  it('numbers the edges between boxes in path order, forward then back', () => {
    const edges = path.edges.map((e) => `${e.number} ${e.direction} ${refOf(d, e.from)} -> ${refOf(d, e.to)}`);
    expect(edges.slice(0, 6)).toEqual([
      '1 forward client -> vpc-consumer/main',
      '2 forward vpc-consumer/main -> vpce-api/consumer-a',
      '3 forward vpce-api/consumer-a -> svc-api',
      '4 forward svc-api -> nlb-api/provider-a',
      '5 forward nlb-api/provider-a -> vpc-provider/main',
      '6 forward vpc-provider/main -> api-1',
    ]);
    expect(edges.at(-1)).toMatch(/return .* -> client$/);
    expect(path.blockedAt).toBeUndefined();
  });

  it('an unreachable flow stops at the box that dropped it', () => {
    const r = traceFlow(PL, { from: 'api-1', to: 'client', protocol: 'tcp', port: 443 }) as TraceResult;
    expect(refOf(d, overlayTrace(d, r.traces[0]!).blockedAt)).toBe('vpc-provider/main');
  });
});

describe('renderMermaidSequence', () => {
  it('a PrivateLink flow: client, DNS, endpoint interface, endpoint service, NLB node, target, and dashed replies', () => {
    const result = traceFlow(PL, { from: 'client', to: 'api.example.com', protocol: 'tcp', port: 443, pinAddress: '10.2.1.4' }) as TraceResult;
    const text = renderMermaidSequence(result.traces);
    const participants = [...text.matchAll(/^ {2}participant (p\d+) as (\S+?)(<br\/>|$)/gm)].map((m) => m[2]);
    expect(participants).toEqual(['client', 'DNS', 'vpce-api/consumer-a', 'svc-api', 'nlb-api/provider-a', 'api-1']);
    expect([...text.matchAll(/^ {2}p\d+->>p\d+:/gm)]).toHaveLength(1 + 4); // the DNS question, then four moves
    expect([...text.matchAll(/^ {2}p\d+-->>p\d+:/gm)]).toHaveLength(1 + 4); // the DNS answer, then the reply's four moves
    expect(text).not.toMatch(/^ {2}alt /m);
  });

  it('several traces of one flow are alt branches of one diagram', () => {
    const result = traceFlow(PL, { from: 'client', to: 'api.example.com', protocol: 'tcp', port: 443 }) as TraceResult;
    const text = renderMermaidSequence(result.traces);
    expect(text.match(/^ {2}(alt|else) /gm)).toEqual(['  alt ', '  else ']);
    expect(text.trimEnd().endsWith('  end')).toBe(true);
  });
});

describe('typed steps (docs/trace.md) on hops', () => {
  const result = traceFlow(PL, { from: 'client', to: 'api.example.com', protocol: 'tcp', port: 443, pinAddress: '10.2.1.4' }) as TraceResult;
  const base = result.traces[0]!;
  const step: HopStep = { type: 'securityGroup', action: 'allowed', direction: 'ingress', verdict: 'rule', group: 'sg-vpce-api', groups: ['sg-vpce-api'], interface: 'vpce-api/consumer-a', rule: { index: 1, written: true, direction: 'ingress', ports: { from: 443, to: 443 }, text: 'ingress rule 1' } };
  const trace = { ...base, hops: base.hops.map((h) => (h.component.id === 'sg-vpce-api' ? { ...h, steps: [step] } : h)) };

  it('the sequence diagram draws an ingress filter where the packet arrives, with its rule', () => {
    const lines = renderMermaidSequence([trace]).split('\n');
    const arrive = lines.findIndex((l) => /^ {2}p0->>p2:/.test(l));
    expect(lines[arrive + 1]).toBe('  Note over p2: sg-vpce-api ingress rule 1 allowed (line 70)');
  });

  it('the trace page lists every field of the steps', async () => {
    const { tracePageData } = await import('../../src/diagram/trace-page-data.js');
    const page = tracePageData(buildDiagram(PL), [{ group: '', trace }]);
    const rows = page[0]!.steps.find((s) => s.id === 'sg-vpce-api')!.steps;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.type).toBe('securityGroup');
    expect(rows[0]!.fields).toContainEqual({ name: 'rule.index', value: '1' });
    expect(rows[0]!.fields).toContainEqual({ name: 'rule.ports.from', value: '443' });
  });
});
