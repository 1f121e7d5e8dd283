import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explanationCodesMarkdown } from '../../src/engine/explanation-codes-doc.js';
import { VERSION } from '../../src/cli/version.js';

describe('generated documentation', () => {
  it('docs/explanation-codes.md lists every explanation code (regenerate from explanationCodesMarkdown())', () => {
    expect(readFileSync('docs/explanation-codes.md', 'utf8')).toBe(explanationCodesMarkdown());
  });

  it('the CLI version is the package version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
