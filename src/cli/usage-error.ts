// A command line that cannot be understood: printed with the command's usage, exit 2.

/** Wrong flags or arguments. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
