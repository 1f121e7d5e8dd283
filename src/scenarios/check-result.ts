// What running checks produces: per check a status and, for a failure, the pairs that
// disprove it with the trace of each. Reporters read these; they never trace anything.
import type { Diagnostic } from '../model/diagnostic.js';
import type { Check } from '../model/check.js';
import type { Span } from '../model/span.js';
import type { ExplanationCode } from '../engine/explanation-codes.js';
import type { Component, Trace } from '../engine/trace.js';
import type { CheckError } from './check-errors.js';

/** How a pair disproves its check (a closed list, documented in docs/check.md). */
export const FAILURE_KINDS = {
  UNEXPECTED_UNREACHABLE: 'The check expects the flow to be reachable and it is not.',
  UNEXPECTED_REACHABLE: 'The check expects the flow to be unreachable and it is reachable.',
  WRONG_REASON: 'The flow is unreachable, but not for the reason named by `because`.',
  VIA_NOT_CROSSED: 'A reachable path does not cross every id listed in `via`.',
  NEVER_CROSSED: 'A reachable path crosses an id or kind listed in `never`.',
  ONLY_NOT_CROSSED: 'A reachable path crosses none of the ids listed in `only`.',
  NOT_ISOLATED: 'An `isolated` check found a protocol and port on which the flow is reachable.',
  OUTSIDE_ONLY_PORTS: 'An `only: { ports }` check found a protocol and port outside its list on which the flow is reachable.',
  NO_SUCH_DESTINATION: 'The destination is an address no interface, internet host, VPC or AWS service of the file holds, so the check would hold (or fail) about nothing.',
  RESTS_ON_UNMODELLED: 'The check expects the flow to be unreachable, and the trace stops at a route target vpcsim does not model (UNMODELLED_TARGET), or at a DNS answer it does not model (DNS_ANSWER_UNMODELLED): AWS may deliver it. Name that code in `because:` to assert exactly that.',
} as const;

/** A failure kind from the closed list. */
export type FailureKind = keyof typeof FAILURE_KINDS;

/** The hop or explanation that decided a verdict, with where its rule is written. */
export interface Blocker {
  readonly component: Component | undefined;
  readonly detail: string;
  readonly location: Span | undefined;
}

/** One (from, to, protocol, port) that disproves a check. */
export interface PairFailure {
  readonly kind: FailureKind;
  readonly from: string;
  readonly to: string;
  readonly protocol: string;
  readonly port: number | undefined;
  /** "reachable", "unreachable because NO_ROUTE_TO_DESTINATION", "a path via vpce-s3". */
  readonly expected: string;
  /** What the trace showed, in the same words. */
  readonly got: string;
  /** The trace that disproves the check (the first offending one when a name has several). */
  readonly trace: Trace | undefined;
  /** The blocking hop (unreachable) or the offending hop (never), when there is one. */
  readonly blocker: Blocker | undefined;
  /** The explanation codes of the disproving trace, in order, without repeats. */
  readonly codes: readonly ExplanationCode[];
  /** Forward path as component ids, for a reader. */
  readonly path: readonly string[];
  /**
   * When the all-pairs engine answered the check: the class pair this failure stands for
   * (`from` and `to` are its witness pair, traced), and how many of its pairs fail.
   */
  readonly classes?: FailureClasses;
}

/** A set of ends with one fate (docs/reach.md): an instance class, or an end of another kind alone. */
export interface EndClass {
  /** `c<N>` for an instance class, else the end's id. */
  readonly id: string;
  readonly size: number;
  /** The first members, in order (at most MAX_NAMED_MEMBERS). */
  readonly members: readonly string[];
  readonly subnet: string | undefined;
  readonly securityGroups: readonly string[];
}

/** The class pair a failure found by the all-pairs engine stands for. */
export interface FailureClasses {
  readonly from: EndClass;
  readonly to: EndClass;
  /** Failing pairs of the class pair (every one fails alike). */
  readonly pairs: number;
  /** The protocols and ports the witness fails on, as `tcp/8000-8010` (`all`: every protocol). */
  readonly ports: readonly string[];
}

/** Members named per class in a failure. */
export const MAX_NAMED_MEMBERS = 3;

/** How a check ended. */
export type CheckStatus = 'pass' | 'fail' | 'error';

/** The result of one check. */
export interface CheckResult {
  readonly file: string;
  readonly check: Check;
  readonly status: CheckStatus;
  /** How many (from, to) pairs the selectors expanded to. */
  readonly pairs: number;
  /** How many pairs failed; `failures` keeps the first MAX_REPORTED_FAILURES. */
  readonly failedPairs: number;
  readonly failures: readonly PairFailure[];
  /** Why the check could not run (status 'error'). */
  readonly errors: readonly CheckError[];
}

/** The checks of one file, or the diagnostics that stopped it loading. */
export interface FileResult {
  readonly file: string;
  /** Load errors (the file's checks did not run when there is any). */
  readonly diagnostics: readonly Diagnostic[];
  readonly checks: readonly CheckResult[];
}

/** A whole run over files. */
export interface CheckRun {
  readonly files: readonly FileResult[];
  readonly passed: number;
  readonly failed: number;
  /** Checks that could not run (bad input). */
  readonly errored: number;
  /** Files that did not load. */
  readonly invalidFiles: number;
}

/** Failing pairs kept per check, with the total still counted. */
export const MAX_REPORTED_FAILURES = 5;
