// Hostile inputs for the loader and the CLI: each must end, in seconds, in one clear
// diagnostic with a position, never in a hang, an out-of-memory crash or a stack trace.
import type { DiagnosticCode } from '../../src/model/diagnostic-codes.js';

/** One hostile input: its bytes and the diagnostic code it must end in. */
export interface HostileInput {
  readonly name: string;
  readonly bytes: Buffer;
  readonly code: DiagnosticCode;
}

/** Seeded bytes (an LCG), so the "random" file is the same on every run. */
function randomBytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

function billionLaughs(): string {
  const levels = ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i <= 9; i++) levels.push(`lol${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
  return `version: 1\nname: billion laughs\n${levels.join('\n')}\n`;
}

/** Every hostile input of the issue, generated (none is committed). */
export function hostileInputs(): HostileInput[] {
  const text = (name: string, s: string, code: DiagnosticCode): HostileInput => ({ name, bytes: Buffer.from(s, 'utf8'), code });
  return [
    text('alias-bomb.yaml', billionLaughs(), 'ALIAS_LIMIT'),
    text('deep-flow.yaml', `version: 1\nname: deep\ndescription: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 'NESTING_TOO_DEEP'),
    text('deep-flow-unclosed.yaml', `version: 1\nname: deep\ndescription: ${'{a: '.repeat(10_000)}\n`, 'NESTING_TOO_DEEP'),
    text('deep-block.yaml', `version: 1\nname: deep\ndescription:\n${'- '.repeat(10_000)}x\n`, 'NESTING_TOO_DEEP'),
    text('deep-block-indented.yaml', `version: 1\nname: deep\n${Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i)}k:\n`).join('')}`, 'NESTING_TOO_DEEP'),
    text('flow-400k-items.yaml', `version: 1\nname: many\ndescription: [${'0,'.repeat(400_000)}0]\n`, 'TOO_MANY_NODES'),
    text('flow-300k-aliases.yaml', `version: 1\nname: many\nx: &a 0\ndescription: [${'*a,'.repeat(300_000)}*a]\n`, 'TOO_MANY_NODES'),
    text('five-mebibytes.yaml', `version: 1\nname: big\n${'# padding\n'.repeat((5 * 1024 * 1024) / 10)}`, 'FILE_TOO_LARGE'),
    { name: 'random-bytes.yaml', bytes: randomBytes(64 * 1024, 20_240_601), code: 'NOT_TEXT' },
    text('empty.yaml', '', 'WRONG_TYPE'),
    text('scalar.yaml', 'just a sentence, not a topology\n', 'WRONG_TYPE'),
    text('list.yaml', '- version: 1\n- name: a list, not a mapping\n', 'WRONG_TYPE'),
    { name: 'nul-byte.yaml', bytes: Buffer.from('version: 1\nname: "nul \u0000 inside"\n', 'utf8'), code: 'NOT_TEXT' },
  ];
}
