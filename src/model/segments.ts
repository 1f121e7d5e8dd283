// Segments: named groups of ends and the segment-to-segment pairs allowed to talk (on any
// port, or on listed ports only). Every other pair of two segments must be isolated; within
// a segment nothing is asked (as AWS Cloud WAN segments, whose attachments talk freely
// unless isolated: "Segments", AWS Cloud WAN guide). Run by `vpcsim check` as checks.
import type { PortAllowance } from './allowed-ports.js';
import type { CheckSelector } from './check.js';
import type { Span } from './span.js';

/** A named group of ends, written as a check's `from` / `to` is. */
export interface Segment {
  readonly name: string;
  readonly selector: CheckSelector;
  /** Where the selector is written, and each item of a list selector. */
  readonly span: Span;
  readonly itemSpans: readonly Span[];
}

/** One allowed direction between two segments. */
export interface SegmentRule {
  readonly from: string;
  readonly to: string;
  /** The only ports allowed; undefined: any protocol and port. */
  readonly ports: readonly PortAllowance[] | undefined;
  readonly span: Span;
  readonly fromSpan: Span;
  readonly toSpan: Span;
}

/** A file's `segments:` block. */
export interface Segments {
  readonly groups: readonly Segment[];
  readonly allow: readonly SegmentRule[];
  /** Where the block is written. */
  readonly span: Span;
}
