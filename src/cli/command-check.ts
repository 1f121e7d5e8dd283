// `vpcsim check FILE|DIR...`: run every check of every topology file and report in the
// chosen format. Exit 0 when every check passes, 1 when any fails, 2 on bad input.
import { appendFileSync, writeFileSync } from 'node:fs';
import { formatSpan } from '../model/span.js';
import { traceFlow } from '../engine/trace-flow.js';
import type { CheckRun } from '../scenarios/check-result.js';
import { reportGithub } from '../scenarios/report-github.js';
import { reportJson } from '../scenarios/report-json.js';
import { reportJunit } from '../scenarios/report-junit.js';
import { reportMarkdown } from '../scenarios/report-markdown.js';
import { reportSarif } from '../scenarios/report-sarif.js';
import { reportText } from '../scenarios/report-text.js';
import { runCheckFiles } from '../scenarios/run-check-files.js';
import type { TraceFn } from '../scenarios/run-check.js';
import { baselineAnnotations, baselineText, FAIL_ON, runBaseline } from './check-baseline.js';
import { readChecksFile, type ChecksFile } from '../model/checks-file.js';
import { EXIT } from './exit-codes.js';
import { echo } from './echo-argument.js';
import { expandInputs } from './input-files.js';
import type { CliIo } from './io.js';
import { parseCommandArgs } from './parse-command-args.js';
import { formatDiagnostic } from './print-diagnostics.js';
import { refuseOverwrite } from './refuse-overwrite.js';
import { UsageError } from './usage-error.js';
// Used only when a command runs, after every module has loaded, so the cycle is harmless.
import { VERSION } from './version.js';

/** Report formats of `vpcsim check`. */
export const CHECK_FORMATS = ['text', 'json', 'junit', 'github', 'sarif', 'markdown'] as const;
type CheckFormat = (typeof CHECK_FORMATS)[number];

/** Help text of the command. */
export const CHECK_HELP = `usage: vpcsim check FILE|DIR... [--checks FILE] [--format text|json|junit|github|sarif|markdown] [--output FILE] [--verbose]
                     [--baseline OLD [--fail-on protected|opened]]

Runs every check of every topology file (folders: every .yaml/.yml inside) and reports
  PASS  file:line  name
  FAIL  file:line  name      (with the trace that disproves it)
  N passed, M failed
--format picks the report: text (default), json (docs/check.md), junit (JUnit XML),
github (workflow annotations; with GITHUB_STEP_SUMMARY set, a Markdown summary is appended
there), sarif (SARIF 2.1.0), markdown (that summary on its own: a table of the checks and,
for each failure, its trace as text and as a Mermaid sequence diagram). --output FILE writes the report to FILE and prints the text
report. Exit 0 when every check passes, 1 when any fails, 2 on bad input (a file that
does not load, an unknown id in a check). --output never writes over an input file.
An AWS snapshot folder is imported in memory; its import warnings go to stderr, summed up
in one line per folder, or each with --verbose. --checks FILE runs the checks of FILE (a YAML
file with only \`checks:\` and \`protect:\`) against every input after its own: the way to check a Terraform
plan or a snapshot, which hold no checks (docs/check.md).
--baseline OLD also compares each file with OLD (a file, REF:PATH, or a git revision such as
main: each file's own version there) as vpcsim diff does, and fails on flows the change
opens toward the destinations under the file's protect: block (docs/diff.md); --fail-on
opened fails on every opened flow. Baseline failures count toward exit 1.`;

/** Run the command with the engine. */
export function runCheckCommand(args: readonly string[], io: CliIo): number {
  return runCheckWith(args, io, traceFlow);
}

/** Run the command with a given tracer (tests use a stand-in for the engine). */
export function runCheckWith(args: readonly string[], io: CliIo, trace: TraceFn): number {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string', default: 'text' }, output: { type: 'string' }, verbose: { type: 'boolean', default: false },
    baseline: { type: 'string' }, 'fail-on': { type: 'string' }, checks: { type: 'string' },
  });
  const failOn = values['fail-on'] ?? 'protected';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not ${echo(failOn)}`);
  if (values['fail-on'] !== undefined && values.baseline === undefined) throw new UsageError('--fail-on needs --baseline OLD');
  const format = values.format as CheckFormat;
  if (!CHECK_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${CHECK_FORMATS.join(', ')}, not ${echo(values.format)}`);
  if (positionals.length === 0) throw new UsageError('name at least one topology file or folder');
  const files = expandInputs(positionals);
  if (files.length === 0) throw new UsageError(`no .yaml files in ${positionals.map((p) => echo(p)).join(', ')}`);
  if (values.output !== undefined) refuseOverwrite('--output', values.output, files);
  if (values.output !== undefined && values.checks !== undefined) refuseOverwrite('--output', values.output, [values.checks]);
  let checks: ChecksFile | undefined;
  if (values.checks !== undefined) {
    const read = readChecksFile(values.checks);
    if ('diagnostics' in read) {
      for (const d of read.diagnostics) io.stderr.write(formatDiagnostic(d, io.stderr.isTTY === true) + '\n');
      return EXIT.badInput;
    }
    checks = read.checks;
  }

  const run = runCheckFiles(files, trace, {
    verbose: values.verbose,
    ...(checks ? { checks } : {}),
    onImportWarnings: (_file, warnings) => {
      for (const d of warnings) io.stderr.write(formatDiagnostic(d, io.stderr.isTTY === true) + '\n');
    },
  });
  const report = render(format, run);
  const textOnStdout = format === 'text' || format === 'github' || values.output !== undefined;
  if (!textOnStdout) printProblems(run, io);
  if (values.output !== undefined) {
    try {
      writeFileSync(values.output, report);
    } catch (e) {
      throw new UsageError(`cannot write --output ${values.output}: ${(e as Error).message}`);
    }
    io.stdout.write(reportText(run));
  } else {
    io.stdout.write(report);
  }
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (format === 'github' && summaryFile) {
    try {
      appendFileSync(summaryFile, reportMarkdown(run));
    } catch (e) {
      io.stderr.write(`vpcsim check: warning: cannot append to GITHUB_STEP_SUMMARY (${summaryFile}): ${(e as Error).message}\n`);
    }
  }
  if (run.files.every((f) => f.diagnostics.length === 0 && f.checks.length === 0)) {
    io.stderr.write(`vpcsim check: warning: no checks in ${files.length} file${files.length === 1 ? '' : 's'}${checks ? '' : ' (a Terraform plan or an AWS snapshot holds none: give them with --checks FILE)'}\n`);
  }
  let baselineFailed = 0;
  if (values.baseline !== undefined) {
    const results = runBaseline(files, values.baseline, failOn === 'opened', io, checks);
    if (!results) return EXIT.badInput;
    baselineFailed = results.reduce((n, r) => n + r.violations.length, 0);
    if (format === 'github') for (const a of baselineAnnotations(results)) io.stdout.write(a + '\n');
    // Machine formats keep stdout one document: the baseline goes to stderr beside them.
    (textOnStdout ? io.stdout : io.stderr).write(baselineText(results, values.baseline));
  }
  if (run.invalidFiles > 0 || run.errored > 0) return EXIT.badInput;
  return run.failed > 0 || baselineFailed > 0 ? EXIT.failed : EXIT.ok;
}

function render(format: CheckFormat, run: CheckRun): string {
  switch (format) {
    case 'text':
      return reportText(run);
    case 'json':
      return reportJson(run);
    case 'junit':
      return reportJunit(run);
    case 'github':
      return reportGithub(run);
    case 'sarif':
      return reportSarif(run, VERSION);
    case 'markdown':
      return reportMarkdown(run);
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

/** Load errors and check errors as `file:line:col: error CODE: message` on stderr. */
function printProblems(run: CheckRun, io: CliIo): void {
  for (const f of run.files) {
    for (const d of f.diagnostics) io.stderr.write(formatDiagnostic(d, false) + '\n');
    for (const r of f.checks) for (const e of r.errors) io.stderr.write(`${formatSpan(e.span)}: error ${e.code}: ${e.message}\n`);
  }
}
