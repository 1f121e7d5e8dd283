// docs/diagnostics.md, rendered from the closed list of diagnostic codes so the docs cannot
// drift. Regenerate after `npm run build` with:
//   node --input-type=module -e "import('./dist/src/model/diagnostics-doc.js').then((m) => process.stdout.write(m.diagnosticsMarkdown()))" > docs/diagnostics.md
import { DIAGNOSTIC_CODES, WARNING_CODES, type DiagnosticCode } from './diagnostic-codes.js';

/** Codes whose example input a test generates (a missing file, a huge one, a snapshot folder). */
export const GENERATED_EXAMPLES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['FILE_UNREADABLE', 'FILE_TOO_LARGE', 'TOO_MANY_NODES', 'IMPORT_FAILED', 'IMPORT_WARNING']);

/** The corpus file that shows a code: `test/model/bad-input/<code-in-kebab-case>.yaml`. */
export function exampleFile(code: DiagnosticCode): string {
  return `${code.toLowerCase().replace(/_/g, '-')}.yaml`;
}

function example(code: DiagnosticCode): string {
  if (GENERATED_EXAMPLES.has(code)) return 'generated in `test/model/bad-input.test.ts`';
  const file = exampleFile(code);
  return `[${file}](../test/model/bad-input/${file})`;
}

/** The Markdown of docs/diagnostics.md. */
export function diagnosticsMarkdown(): string {
  const rows = (Object.entries(DIAGNOSTIC_CODES) as [DiagnosticCode, string][]).map(
    ([code, meaning]) => `| \`${code}\` | ${WARNING_CODES.has(code) ? 'warning' : 'error'} | ${meaning} | ${example(code)} |`,
  );
  return [
    '# Diagnostics',
    '',
    '`vpcsim validate` (and every command that loads a topology) reports each problem it finds',
    'in a file, all of them in one run, as',
    '',
    '```',
    'file:line:col: error CODE: message',
    '```',
    '',
    'with a caret excerpt under it on a terminal (`--excerpt` / `--no-excerpt` to choose), or as',
    'JSON with `--format json` (`file`, `line`, `col`, `endLine`, `endCol`, `severity`, `code`,',
    '`message`). The exit code is 0 when every file is valid (warnings are allowed) and 2 when any',
    'file has an error. Codes are a closed list: scripts and tests match on the code and the',
    'position, never on the message text, which may improve.',
    '',
    'Every code has an example in the bad-input corpus, `test/model/bad-input/`: each file starts',
    'with `# expect: CODE@line:col` lines naming exactly what loading it reports.',
    '',
    'Hostile input is bounded: files over 2 MiB, characters YAML does not allow (a NUL byte,',
    'invalid UTF-8), nesting deeper than 64 levels, more than 200,000 YAML nodes (counted by the',
    'lexer before anything is composed), and alias expansion beyond 100 aliases or 200,000 nodes',
    'once expanded each end in one positioned error, at once, instead of a hang or a crash.',
    '',
    'This page is generated from `src/model/diagnostic-codes.ts` by `src/model/diagnostics-doc.ts`;',
    'a test keeps them equal.',
    '',
    '| code | severity | meaning | example |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
