// Words for changes, shared by every diff report: the port label, the ends (a long list
// cut short), and the why as one line.
import { formatSpan } from '../model/span.js';
import type { FlowChange } from './diff-result.js';

/** "tcp/22", "tcp/1024-65535", "tcp (every port)", "icmp type 8", "icmp echo", "all traffic". */
export function portLabel(c: Pick<FlowChange, 'protocol' | 'portFrom' | 'portTo'>): string {
  if (c.protocol === 'all') return 'all traffic';
  const ported = c.protocol === 'tcp' || c.protocol === 'udp';
  if (c.portFrom === undefined || c.portTo === undefined) return ported ? c.protocol : `${c.protocol} echo`;
  const full = ported ? c.portFrom === 1 && c.portTo === 65535 : c.portFrom === 0 && c.portTo === 255;
  if (full) return `${c.protocol} (every ${ported ? 'port' : 'type'})`;
  const range = c.portFrom === c.portTo ? `${c.portFrom}` : `${c.portFrom}-${c.portTo}`;
  return ported ? `${c.protocol}/${range}` : `${c.protocol} type${c.portFrom === c.portTo ? '' : 's'} ${range}`;
}

/** Ids joined, at most `max` of them and "(+N more)". */
export function listIds(ids: readonly string[], max = 6): string {
  if (ids.length <= max) return ids.join(', ');
  return `${ids.slice(0, max).join(', ')} (+${ids.length - max} more)`;
}

/** The why of a change as one line: what decided, where, and the code of the blocked version. */
export function whyLine(c: Pick<FlowChange, 'why' | 'after'>): string {
  const why = c.why;
  if (!why) return 'not traced (past the witness limit)';
  const at = why.location ? ` (${formatSpan(why.location)})` : '';
  // The code is the unreachable version's: OLD's for an opened flow.
  const code = why.code ? (c.after === 'reachable' ? ` [was ${why.code}]` : ` [${why.code}]`) : '';
  const reply = why.direction === 'return' ? 'on the reply: ' : '';
  if (why.side === 'old') {
    const now = why.new ? `; now ${why.new.component.id}: ${why.new.detail}` : '';
    return `${reply}no longer in NEW: ${why.detail}${at}${now}${code}`;
  }
  return `${reply}${why.detail}${at}${code}`;
}

/** "opened" / "closed" / "changed" as a verb for a headline. */
export function changeVerb(c: FlowChange): string {
  return c.kind === 'opened' ? 'opens' : c.kind === 'closed' ? 'closes' : `${c.before} -> ${c.after}`;
}
