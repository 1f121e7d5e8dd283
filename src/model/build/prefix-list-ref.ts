// Prefix lists are referenced by id (pl-63a5400a) or name (com.amazonaws.us-east-1.s3),
// customer-managed from the file or AWS-managed from the catalogue.
import { report, suggestFor, type BuildContext } from './context.js';

/** Every known prefix list reference (id or name) -> the prefix list's id. */
export type PrefixListLookup = ReadonlyMap<string, string>;

/** Resolve an id-or-name to a prefix list id; report UNKNOWN_REFERENCE when none. */
export function resolvePrefixListRef(
  ctx: BuildContext,
  text: string,
  pointer: string,
  lookup: PrefixListLookup,
): string | undefined {
  const id = lookup.get(text);
  if (id === undefined) {
    const entry = ctx.ids.get(text);
    const what = entry ? `"${text}" is not a prefix list` : `no prefix list "${text}"${suggestFor(ctx, text, () => lookup.keys())}`;
    report(ctx, entry ? 'WRONG_REFERENCE_KIND' : 'UNKNOWN_REFERENCE', what, pointer);
  }
  return id;
}

/** Whether a route destination is written as a prefix list rather than a CIDR. */
export function looksLikePrefixList(text: string, lookup: PrefixListLookup): boolean {
  return lookup.has(text) || text.startsWith('pl-') || text.startsWith('com.amazonaws.') || !/[/:.]/.test(text);
}
