// Problems found while running checks that make the input bad (exit 2), not a check that
// failed: an unknown id, a selector that matches nothing, a flow the engine cannot run.
// Errors are data, positioned like diagnostics; only the CLI turns them into text.
import type { Span } from '../model/span.js';

/** Every check error code, with its meaning (listed in docs/check.md). */
export const CHECK_ERROR_CODES = {
  UNKNOWN_CHECK_ID: 'A selector, via, never or only names an id (or kind) that is not in the topology.',
  NOT_A_HOP: 'via, never or only names an id or a kind no hop is ever at (a subnet, an account, a prefix list), so it could never be crossed.',
  EMPTY_SELECTOR: 'A selector matches no endpoint, so the check would hold vacuously.',
  MISSING_PORT: 'A tcp or udp check names no destination port (`port:` or a `:port` suffix).',
  UNKNOWN_EXPLANATION_CODE: '`because` names a code that is not an explanation code.',
  CONFLICTING_CHECK_FIELDS: 'Fields that contradict each other (because with expect reachable, isolated with via).',
  QUERY_REJECTED: 'The engine cannot run a flow of the check (a source packets cannot start from).',
  UNKNOWN_DNS_NAME: 'The destination is a DNS name no resolver of the file answers (a typo, with "did you mean"); write expect: unreachable, because: DNS_NAME_NOT_RESOLVED to assert exactly that.',
  TOO_MANY_PAIRS: 'The selectors expand to more flows than one check (10,000) or one file (20,000) traces, and the all-pairs engine cannot answer the check (a reason or path condition, an IP or DNS name end) or must trace more of its pairs one by one; narrow from or to, or split the check.',
  UNKNOWN_SEGMENT: 'A rule of `segments.allow` names a segment the block does not define (with "did you mean").',
  OVERLAPPING_SEGMENTS: 'Two segments hold the same end, so its pairs would be both allowed and isolated; an end is in one segment only.',
} as const;

/** A check error code from the closed list. */
export type CheckErrorCode = keyof typeof CHECK_ERROR_CODES;

/** One reason a check could not run. */
export interface CheckError {
  readonly code: CheckErrorCode;
  readonly message: string;
  readonly span: Span;
}
