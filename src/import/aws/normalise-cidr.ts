// CIDR blocks from the snapshot, as format v1 accepts them: a block with host bits set
// (2.2.2.2/28, which some tools print) matches its network (2.2.2.0/28) in AWS, and format
// v1 refuses it as written, so it is written as the network with a warning. Text that is
// no CIDR at all is a shape error.
import { makePrefix, parsePrefix, type Prefix } from '../../net/prefix.js';
import type { ImportContext } from './context.js';
import type { Src } from './json-reader.js';

/** Parse a CIDR block, host bits masked; undefined when the text is not one. */
export function parseCidr(text: string): Prefix | undefined {
  const p = parsePrefix(text);
  if ('kind' in p) {
    if (p.kind !== 'hostBitsSet') return undefined;
    const q = parsePrefix(p.network);
    return 'kind' in q ? undefined : q;
  }
  return makePrefix(p.family, p.network, p.length);
}

/** The CIDR to write for `text`: as written, or its network when host bits are set. */
export function cidrOut(ctx: ImportContext, text: string, resource: string, src: Src, path: string): string | undefined {
  const written = text.trim();
  const p = parsePrefix(written);
  if (!('kind' in p)) return written;
  if (p.kind === 'invalid') {
    ctx.problems.error('WRONG_SHAPE', src.file, path, `"${text}" is not a CIDR block`);
    return undefined;
  }
  ctx.problems.warn('CIDR_NORMALISED', resource, src.file, path,
    `${resource}: ${written} has host bits set; it is written as ${p.network}, the block AWS matches`);
  return p.network;
}
