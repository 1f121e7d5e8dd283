// Text a user gave (an argument, a value from a file), quoted for a message and cut at a
// width a terminal shows: a megabyte-long argument must not come back as a megabyte of error.
import { quoted } from '../model/suggest.js';

/** `"value"`, or `"first 80 characters…" (1048576 characters)` when longer. */
export const echo = quoted;

/** Longest line of a message printed on a terminal, in characters. */
export const MAX_LINE = 400;

/** Each line of a message cut at MAX_LINE characters, saying how much was left out. */
export function clipLines(text: string, max: number = MAX_LINE): string {
  return text
    .split('\n')
    .map((line) => (line.length <= max ? line : `${line.slice(0, max)}… (${line.length - max} more characters)`))
    .join('\n');
}
