// docs/explanation-codes.md, rendered from the closed list so the docs cannot drift.
import { EXPLANATION_CODES } from './explanation-codes.js';

/** The Markdown of docs/explanation-codes.md. */
export function explanationCodesMarkdown(): string {
  const rows = Object.entries(EXPLANATION_CODES).map(([code, meaning]) => `| \`${code}\` | ${meaning} |`);
  return [
    '# Explanation codes',
    '',
    'Every unreachable trace carries at least one of these codes, naming why the flow stops.',
    'Names follow AWS Reachability Analyzer where one fits, so that users who know one know',
    'the other; the ones marked "(ours)" are vpcsim\'s own, for cases Reachability Analyzer',
    'has no name for. A check\'s `because:` takes one of them.',
    '',
    'This page is generated from `src/engine/explanation-codes.ts`; a test keeps them equal.',
    '',
    '| code | meaning |',
    '| --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
