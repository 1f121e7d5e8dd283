// docs/import.md documents every error and warning code the importer can report.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORT_ERROR_CODES, IMPORT_WARNING_CODES } from '../../src/import/aws/index.js';

describe('docs/import.md', () => {
  const doc = readFileSync('docs/import.md', 'utf8');
  it('lists every error and warning code', () => {
    for (const code of [...Object.keys(IMPORT_ERROR_CODES), ...Object.keys(IMPORT_WARNING_CODES)]) {
      expect(doc, code).toContain(`| \`${code}\` |`);
    }
  });
});
