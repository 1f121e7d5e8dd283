// `reach --format csv`: one row per (source, destination, port) for spreadsheets and pandas.
import { pairVerdict } from '../reach/query-relation.js';
import { selfPair } from '../reach/reach-ends.js';
import type { ReachRelation } from '../reach/reach-relation.js';
import { portLabel } from './render-reach-text.js';

/** The CSV header. */
export const REACH_CSV_HEADER = 'from,to,protocol,port,reachable';

function cell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Write the CSV in chunks (one per source and port), so that large relations stream. */
export function writeReachCsv(rel: ReachRelation, write: (chunk: string) => void): void {
  write(`${REACH_CSV_HEADER}\n`);
  for (const port of rel.ports) {
    const label = cell(portLabel(rel.query.protocol, port.ports));
    for (const s of rel.ends.sources) {
      const rows: string[] = [];
      const from = cell(s.id);
      for (const d of rel.ends.destinations) {
        if (selfPair(s, d)) continue;
        const v = pairVerdict(rel, port, s, d);
        rows.push(`${from},${cell(d.id)},${rel.query.protocol},${label},${v === 'reachable' ? 'true' : v === 'unreachable' ? 'false' : 'unknown'}\n`);
      }
      if (rows.length > 0) write(rows.join(''));
    }
  }
}
