// Reading a YAML file from disk: a regular file, within the size bound, valid UTF-8; else
// the positioned diagnostic that says why not (never an exception).
import { readFileSync, statSync } from 'node:fs';
import { decodeTopologyText } from './decode-text.js';
import type { Diagnostic } from './diagnostic.js';
import { MAX_FILE_BYTES } from './parse-yaml.js';
import { fileStartSpan } from './span.js';

/** The text of a YAML file on disk, or the diagnostic that says why it cannot be read. */
export function readYamlFile(path: string): { readonly text: string } | { readonly diagnostic: Diagnostic } {
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    if (st.size > MAX_FILE_BYTES) {
      return { diagnostic: { code: 'FILE_TOO_LARGE', severity: 'error', message: `the file is ${st.size} bytes; vpcsim reads at most ${MAX_FILE_BYTES}`, span: fileStartSpan(path) } };
    }
    const decoded = decodeTopologyText(path, readFileSync(path));
    return 'diagnostic' in decoded ? { diagnostic: decoded.diagnostic } : { text: decoded.text };
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    return { diagnostic: { code: 'FILE_UNREADABLE', severity: 'error', message: `cannot read ${path}: ${why}`, span: fileStartSpan(path) } };
  }
}
