// Resources print in the order the file wrote them (by source position), so that `vpcsim
// fmt` keeps a person's grouping, and so that what depends on file order (public addresses
// drawn from the pool) comes out the same when the printed file is loaded again.
import type { Span } from '../span.js';

/** Items sorted by where they were written (line, column), then by id. */
export function inSourceOrder<T extends { readonly id: string; readonly span: Span }>(items: Iterable<T>): T[] {
  return [...items].sort((a, b) => a.span.line - b.span.line || a.span.col - b.span.col || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

type MaybeKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];

/** An object type where every field that may be undefined becomes an optional field instead. */
export type Defined<T> = { [K in Exclude<keyof T, MaybeKeys<T>>]: T[K] } & { [K in MaybeKeys<T>]?: Exclude<T[K], undefined> };

/** The object without its undefined fields: a field left undefined is not printed. */
export function defined<T extends Record<string, unknown>>(o: T): Defined<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Defined<T>;
}
