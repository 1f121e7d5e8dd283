// Every `npx vpcsim ...` line of the README's short tour runs as written against the
// bundled files (in-process), and answers with a verdict (exit 0 or 1), never bad input:
// a README whose examples fail is the first thing a new user meets. Lines about files the
// reader makes themselves (net/estate.yaml, topology.yaml) are left out by name; files the
// tour writes go to a temporary folder.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVpcsim } from '../helpers/run-cli.js';

const README = readFileSync('README.md', 'utf8');
const tour = README.slice(README.indexOf('## A short tour'));
const block = tour.slice(tour.indexOf('```sh') + 5, tour.indexOf('```', tour.indexOf('```sh') + 5));
// Placeholders of the reader's own files, and `init`, which writes into the working folder.
const READER_FILES = /net\/estate\.yaml|topology\.yaml|topologies\/|vpcsim init/;
const lines = block.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l.startsWith('npx vpcsim ') && !READER_FILES.test(l));
const out = mkdtempSync(join(tmpdir(), 'vpcsim-readme-'));

/** `dir/*.ext` as the shell expands it (sorted), any other word as it is. */
function expand(word: string): string[] {
  const m = /^(.*)\/\*(\.[a-z]+)$/.exec(word);
  if (!m) return [word];
  return readdirSync(m[1]!).filter((f) => f.endsWith(m[2]!)).sort().map((f) => `${m[1]}/${f}`);
}

/** The arguments of a tour line: output files moved to the temporary folder, a shell redirect dropped. */
function argv(line: string): string[] {
  const words = line.replace(/\s*>\s*\S+$/, '').split(/\s+/).slice(2);
  return words.flatMap((w, i) => (['-o', '--output'].includes(words[i - 1] ?? '') ? [join(out, w)] : expand(w)));
}

describe("the README's short tour", () => {
  it('has the commands this test runs', () => {
    expect(lines.length).toBeGreaterThanOrEqual(12);
  });

  it.each(lines)('%s', async (line) => {
    const r = await runVpcsim(...argv(line));
    expect([0, 1], `${line}\n${r.err}`).toContain(r.code);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
