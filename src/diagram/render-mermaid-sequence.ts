// Traces -> a Mermaid `sequenceDiagram`: one lifeline per place the packet travels to
// (client, DNS, endpoint interface, PrivateLink, load balancer node, target), a message
// per move with the packet's addresses, a note per decision (security group, ACL, route,
// target choice) with its rule and file:line, dashed messages for the reply. Several
// traces (a name with several addresses, several targets) are `alt` branches of one diagram.
import type { ComponentKind, Hop, Trace } from '../engine/trace.js';
import { formatPacket } from './format-packet.js';
import { mermaidText } from './escape-mermaid.js';
import { describeStepShort, isIngressFilter } from './describe-step-short.js';
import { sequenceRole, type SequenceRole } from './sequence-roles.js';

const KIND_WORDS: Readonly<Partial<Record<ComponentKind, string>>> = {
  securityGroup: 'security group',
  networkAcl: 'network ACL',
  routeTable: 'route table',
  targetGroup: 'target group',
};

// A note is short (the text trace and the HTML page have the full sentence): what acted,
// what it did, and the line of the rule that decided.
function hopNote(h: Hop, own: boolean): string {
  const stop = h.action === 'denied' || h.action === 'dropped' ? 'STOP: ' : '';
  const short = describeStepShort(h);
  if (short !== undefined) return `${stop}${short}${h.location ? ` (line ${h.location.line})` : ''}`;
  const what = own ? '' : `${KIND_WORDS[h.component.kind] ?? h.component.kind} ${h.component.id}: `;
  const change = h.action === 'translated' ? ` to ${formatPacket(h.packet)}` : '';
  return `${stop}${what}${h.action}${change}${h.location ? ` (line ${h.location.line})` : ''}`;
}

/** A label for one trace among several: the flow, its address and the branch it took. */
export function traceLabel(t: Trace): string {
  const f = t.flow;
  const port = f.dstPort === undefined ? '' : f.protocol.startsWith('icmp') ? ` type ${f.dstPort}` : `:${f.dstPort}`;
  return `${f.from} -> ${f.to} ${f.protocol}${port} at ${f.dstIp || 'no address'}${f.branch ? ` via ${f.branch.join(', ')}` : ''}`;
}

/** A lifeline's title, escaped: the name, and what it is on a second line. */
function titleOf(role: SequenceRole): string {
  if (role.kind !== 'participant') return '';
  return role.what === undefined ? mermaidText(role.name) : `${mermaidText(role.name)}<br/>${mermaidText(role.what)}`;
}

interface Lines {
  readonly participants: Map<string, { id: string; title: string }>;
  readonly body: string[];
}

function participant(l: Lines, key: string, title: string): string {
  let p = l.participants.get(key);
  if (!p) {
    p = { id: `p${l.participants.size}`, title };
    l.participants.set(key, p);
  }
  return p.id;
}

function walkHops(l: Lines, t: Trace, pad: string): void {
  // The flow's source speaks first, even when a DNS answer is the first hop.
  const first = t.hops.find((h) => h.component.kind !== 'dns' && sequenceRole(h.component).kind === 'participant');
  const firstRole = first ? sequenceRole(first.component) : undefined;
  let at = first && firstRole ? participant(l, first.component.id, titleOf(firstRole)) : participant(l, `source:${t.flow.from}`, mermaidText(t.flow.from));
  const source = at;
  let previous: Hop | undefined;
  const pending: Hop[] = [];
  const run = (hops: readonly Hop[], reply: boolean): void => {
    for (const h of hops) {
      const role = sequenceRole(h.component);
      if (h.component.kind === 'dns') {
        const dns = participant(l, 'dns', titleOf(role));
        l.body.push(`${pad}${at}->>${dns}: ${mermaidText(`where is ${h.component.id}?`)}`);
        l.body.push(`${pad}${dns}-->>${at}: ${mermaidText(h.packet.dst)}`);
        l.body.push(`${pad}Note over ${dns}: ${mermaidText(hopNote(h, true))}`);
      } else if (role.kind === 'participant') {
        const id = participant(l, h.component.id, titleOf(role));
        if (id !== at) {
          const packet = previous ? previous.packet : h.packet;
          l.body.push(`${pad}${at}${reply ? '-->>' : '->>'}${id}: ${mermaidText(formatPacket(packet))}`);
          at = id;
        }
        // Ingress filters met on the way are drawn where the packet arrived.
        for (const f of pending.splice(0)) l.body.push(`${pad}Note over ${id}: ${mermaidText(hopNote(f, false))}`);
        // A plain move needs no note: the arrow says it.
        if (h.action !== 'forwarded') l.body.push(`${pad}Note over ${id}: ${mermaidText(hopNote(h, true))}`);
      } else if (isIngressFilter(h)) {
        pending.push(h);
      } else {
        l.body.push(`${pad}Note over ${at}: ${mermaidText(hopNote(h, false))}`);
      }
      previous = h;
    }
  };
  const flush = (): void => {
    for (const f of pending.splice(0)) l.body.push(`${pad}Note over ${at}: ${mermaidText(hopNote(f, false))}`);
  };
  run(t.hops, false);
  flush();
  if (t.returnHops.length > 0) {
    l.body.push(`${pad}Note over ${source},${at}: ${mermaidText('the reply')}`);
    run(t.returnHops, true);
    flush();
  }
  const codes = [...new Set(t.explanations.map((e) => e.code))];
  l.body.push(`${pad}Note over ${at}: ${mermaidText(t.reachable ? 'REACHABLE' : `UNREACHABLE: ${codes.join(', ')}`)}`);
}

/** The sequence diagram of one or more traces of a flow. */
export function renderMermaidSequence(traces: readonly Trace[]): string {
  const l: Lines = { participants: new Map(), body: [] };
  if (traces.length === 1) walkHops(l, traces[0]!, '  ');
  else {
    traces.forEach((t, i) => {
      l.body.push(`  ${i === 0 ? 'alt' : 'else'} ${mermaidText(`${t.reachable ? 'reachable' : 'UNREACHABLE'}: ${traceLabel(t)}`)}`);
      walkHops(l, t, '    ');
    });
    if (traces.length > 0) l.body.push('  end');
  }
  const head = ['sequenceDiagram', '  autonumber'];
  for (const p of l.participants.values()) head.push(`  participant ${p.id} as ${p.title}`);
  return [...head, ...l.body].join('\n') + '\n';
}
