// Exit codes, the same for every command (docs/cli.md).

/** Process exit codes. */
export const EXIT = {
  /** Valid input; reachable; every check passed. */
  ok: 0,
  /** Valid input, but unreachable (trace) or a check failed (check). */
  failed: 1,
  /** Bad input: a file, a flag or a flow that cannot be understood. */
  badInput: 2,
  /** A bug in vpcsim; please report it with the input that caused it. */
  internal: 3,
} as const;
