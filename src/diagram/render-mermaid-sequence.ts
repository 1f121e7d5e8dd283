// Traces -> a Mermaid `sequenceDiagram`: one lifeline per place the packet travels to
// (client, DNS, endpoint interface, PrivateLink, load balancer node, target), a message
// per move with the packet's addresses, a note per decision (security group, ACL, route,
// target choice) with its rule and file:line, dashed messages for the reply. Several
// traces (a name with several addresses, several targets) are `alt` branches of one diagram.
import type { Hop, Trace } from '../engine/trace.js';
import { formatSpan } from '../model/span.js';
import { formatPacket } from './format-packet.js';
import { mermaidText } from './escape-mermaid.js';
import { sequenceRole } from './sequence-roles.js';

function hopNote(h: Hop): string {
  const mark = h.action === 'denied' || h.action === 'dropped' ? 'STOP ' : '';
  return `${mark}${h.action}: ${h.detail}${h.location ? ` [${formatSpan(h.location)}]` : ''}`;
}

/** A label for one trace among several: the flow, its address and the branch it took. */
export function traceLabel(t: Trace): string {
  const f = t.flow;
  const port = f.dstPort === undefined ? '' : f.protocol.startsWith('icmp') ? ` type ${f.dstPort}` : `:${f.dstPort}`;
  return `${f.from} -> ${f.to} ${f.protocol}${port} at ${f.dstIp || 'no address'}${f.branch ? ` via ${f.branch.join(', ')}` : ''}`;
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
  let at = first ? participant(l, first.component.id, (sequenceRole(first.component) as { title: string }).title) : participant(l, `source:${t.flow.from}`, t.flow.from);
  const source = at;
  let previous: Hop | undefined;
  const run = (hops: readonly Hop[], reply: boolean): void => {
    for (const h of hops) {
      const role = sequenceRole(h.component);
      if (h.component.kind === 'dns') {
        const dns = participant(l, 'dns', role.kind === 'participant' ? role.title : 'DNS');
        l.body.push(`${pad}${at}->>${dns}: ${mermaidText(`where is ${h.component.id}?`)}`);
        l.body.push(`${pad}${dns}-->>${at}: ${mermaidText(h.packet.dst)}`);
        l.body.push(`${pad}Note over ${dns}: ${mermaidText(hopNote(h))}`);
      } else if (role.kind === 'participant') {
        const id = participant(l, h.component.id, role.title);
        if (id !== at) {
          const packet = previous ? previous.packet : h.packet;
          l.body.push(`${pad}${at}${reply ? '-->>' : '->>'}${id}: ${mermaidText(formatPacket(packet))}`);
          at = id;
        }
        l.body.push(`${pad}Note over ${id}: ${mermaidText(hopNote(h))}`);
      } else {
        l.body.push(`${pad}Note over ${at}: ${mermaidText(`${h.component.kind} ${h.component.id} ${hopNote(h)}`)}`);
      }
      previous = h;
    }
  };
  run(t.hops, false);
  if (t.returnHops.length > 0) {
    l.body.push(`${pad}Note over ${source},${at}: ${mermaidText('the reply')}`);
    run(t.returnHops, true);
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
  for (const p of l.participants.values()) head.push(`  participant ${p.id} as ${mermaidText(p.title)}`);
  return [...head, ...l.body].join('\n') + '\n';
}
