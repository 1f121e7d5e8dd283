// Protected destinations, stored with a topology: flows toward them that a change opens fail
// `vpcsim check --baseline OLD` even when no check names them (docs/diff.md).
import type { RawProtect } from './format.js';
import type { Span } from './span.js';

/** One `protect:` entry: destinations (and optionally sources, a protocol and ports) no change may open. */
export interface ProtectRule {
  readonly index: number;
  /** The entry's name, or a default built from its destinations. */
  readonly name: string;
  /** Selectors as `vpcsim reach --from/--to` takes them; undefined `from` is every source. */
  readonly from: readonly string[] | undefined;
  readonly to: readonly string[];
  /** undefined: every protocol diff compares (tcp, udp, icmp by default). */
  readonly protocol: 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'all' | undefined;
  /** Inclusive destination ports (ICMP types); undefined: every port. */
  readonly ports: { readonly from: number; readonly to: number } | undefined;
  readonly span: Span;
  /** The entry as written, for `vpcsim fmt`. */
  readonly written: RawProtect;
}
