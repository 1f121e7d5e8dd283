// The vpcsim command: parse the command name, run it, turn every failure into a message
// and an exit code. No stack trace reaches the user.
import { COMMANDS } from './commands.js';
import { clipLines, echo } from './echo-argument.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

import { VERSION } from './version.js';

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const rows = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `vpcsim ${VERSION}: offline reachability verifier for AWS VPC designs

usage: vpcsim <command> [options]

commands:
${rows}

Run \`vpcsim <command> --help\` for a command's options. Exit codes: 0 ok, 1 unreachable or
a check failed, 2 bad input, 3 internal error.`;
}

/** Run the CLI with arguments (without `node` and the script); returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp() + '\n');
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`vpcsim: unknown command ${echo(name)}\n\n${mainHelp()}\n`);
    return EXIT.badInput;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.help + '\n');
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`vpcsim ${name}: ${clipLines((e as Error).message)}\n\n${command.help}\n`);
      return EXIT.badInput;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`vpcsim ${name}: internal error: ${clipLines(message)}\nThis is a bug in vpcsim; please report it with the input that caused it.\n`);
    return EXIT.internal;
  }
}
