// Run the vpcsim CLI in-process, capturing stdout, stderr and the exit code.
import { runCli } from '../../src/cli/main.js';

/** What a run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Run `vpcsim ...argv` with an empty environment. */
export async function runVpcsim(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {} });
  return { code, out, err };
}
