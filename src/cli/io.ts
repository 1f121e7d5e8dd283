// What a command may touch: its output streams, whether they are terminals, and the
// environment. Passed in so tests run commands in-process and capture every byte.

/** A writable text stream. */
export interface Out {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** The streams and environment a command runs with. */
export interface CliIo {
  readonly stdout: Out;
  readonly stderr: Out;
  readonly env: Readonly<Record<string, string | undefined>>;
}
