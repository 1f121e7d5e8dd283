// Bytes of a topology file -> text. A file that is not UTF-8 (a binary, or text in another
// encoding) is refused at the first bad byte instead of being read with replacement
// characters that would then fail somewhere less clear.
import { findInvalidUtf8 } from './check-characters.js';
import type { Diagnostic } from './diagnostic.js';
import type { Span } from './span.js';

/** The text of a file, or the diagnostic that says why it is not text. */
export type DecodedText = { readonly text: string } | { readonly diagnostic: Diagnostic };

function spanOfByte(file: string, bytes: Uint8Array, offset: number): Span {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Columns count characters: decode the (valid) part of the line before the bad byte.
  const col = Buffer.from(bytes.subarray(lineStart, offset)).toString('utf8').length + 1;
  return { file, line, col, endLine: line, endCol: col + 1 };
}

/** Decode UTF-8 strictly; a leading byte order mark is dropped. */
export function decodeTopologyText(file: string, bytes: Uint8Array): DecodedText {
  const bad = findInvalidUtf8(bytes);
  if (bad !== undefined) {
    const hex = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      diagnostic: {
        code: 'NOT_TEXT',
        severity: 'error',
        message: `the file is not UTF-8 text (byte 0x${hex} at offset ${bad}); is it a binary file?`,
        span: spanOfByte(file, bytes, bad),
      },
    };
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}
