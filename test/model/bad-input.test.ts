// The bad-input corpus: every file in test/model/bad-input starts with `# expect:` lines
// naming the exact diagnostics (code@line:col) it must produce, never the message text.
// Every code of the closed list has a corpus file, except the few whose input is generated
// here instead (a missing file, a file over the size limit, a broken AWS snapshot folder).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadInput } from '../../src/import/load-input.js';
import { DIAGNOSTIC_CODES, WARNING_CODES, type DiagnosticCode } from '../../src/model/diagnostic-codes.js';
import { exampleFile } from '../../src/model/diagnostics-doc.js';
import { loadTopologyFile, loadTopologyText } from '../../src/model/load-topology.js';
import { MAX_NODES } from '../../src/model/count-yaml-nodes.js';
import { MAX_FILE_BYTES } from '../../src/model/parse-yaml.js';
import { at, CORPUS_DIR, corpusFiles, expectedOf, GENERATED_CODES } from '../helpers/bad-input.js';

function kebab(code: string): string {
  return code.toLowerCase().replace(/_/g, '-');
}

const scratch = mkdtempSync(join(tmpdir(), 'vpcsim-bad-input-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the bad-input corpus', () => {
  for (const file of corpusFiles()) {
    it(file, () => {
      const path = join(CORPUS_DIR, file);
      const expected = expectedOf(readFileSync(path, 'utf8'));
      expect(expected.length, `${file} starts with no "# expect: CODE@line:col" line`).toBeGreaterThan(0);
      const { topology, diagnostics } = loadTopologyFile(path);
      expect(diagnostics.map(at).sort()).toEqual([...expected].sort());
      // Every diagnostic points into the file it is about.
      for (const d of diagnostics) expect(d.span.file).toBe(path);
      // Warnings are exactly the codes the closed list calls warnings.
      for (const d of diagnostics) expect(d.severity, at(d)).toBe(WARNING_CODES.has(d.code) ? 'warning' : 'error');
      // A topology comes back exactly when every diagnostic is a warning.
      expect(topology === undefined).toBe(diagnostics.some((d) => d.severity === 'error'));
      // The file is named after (one of) the codes it shows.
      const codes = expected.map((e) => e.split('@')[0]!);
      expect(codes.some((c) => file.startsWith(kebab(c))), `${file} is not named after ${codes.join(', ')}`).toBe(true);
    });
  }

  it('covers every diagnostic code (a corpus file, or an input generated below)', () => {
    const covered = new Set<string>(GENERATED_CODES);
    for (const file of corpusFiles()) {
      for (const e of expectedOf(readFileSync(join(CORPUS_DIR, file), 'utf8'))) covered.add(e.split('@')[0]!);
    }
    const missing = Object.keys(DIAGNOSTIC_CODES).filter((c) => !covered.has(c));
    expect(missing).toEqual([]);
  });

  it('holds, for every code not generated below, a file named exactly after it', () => {
    const files = new Set(corpusFiles());
    for (const code of Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]) {
      if (!GENERATED_CODES.includes(code)) expect(files.has(exampleFile(code)), code).toBe(true);
    }
  });

  it('names only codes of the closed list', () => {
    for (const file of corpusFiles()) {
      for (const e of expectedOf(readFileSync(join(CORPUS_DIR, file), 'utf8'))) {
        expect(Object.keys(DIAGNOSTIC_CODES), file).toContain(e.split('@')[0]);
      }
    }
  });
});

describe('inputs generated instead of committed', () => {
  it('FILE_UNREADABLE: a file that does not exist, and a folder', () => {
    const missing = join(scratch, 'no-such-file.yaml');
    expect(loadTopologyFile(missing).diagnostics.map(at)).toEqual(['FILE_UNREADABLE@1:1']);
    const folder = join(scratch, 'a-folder.yaml');
    mkdirSync(folder);
    expect(loadTopologyFile(folder).diagnostics.map(at)).toEqual(['FILE_UNREADABLE@1:1']);
  });

  it('FILE_TOO_LARGE: a file one byte over the limit, read from disk and given as text', () => {
    const text = `version: 1\nname: big\ndescription: "${'x'.repeat(MAX_FILE_BYTES)}"\n`;
    const path = join(scratch, 'too-large.yaml');
    writeFileSync(path, text);
    expect(loadTopologyFile(path).diagnostics.map(at)).toEqual(['FILE_TOO_LARGE@1:1']);
    expect(loadTopologyText('too-large.yaml', text).diagnostics.map(at)).toEqual(['FILE_TOO_LARGE@1:1']);
  });

  it('TOO_MANY_NODES: a flow sequence past the node bound, at the node that crosses it, before composing', () => {
    // Nodes the syntax announces: three `key:` and the `[` (4), then one per comma: the item
    // after comma MAX_NODES - 3 is node MAX_NODES + 1, at column 15 + 2 * (MAX_NODES - 3) of line 3.
    const text = `version: 1\nname: n\ndescription: [${'0,'.repeat(MAX_NODES + 50_000)}0]\n`;
    const started = performance.now();
    expect(loadTopologyText('many.yaml', text).diagnostics.map(at)).toEqual([`TOO_MANY_NODES@3:${15 + 2 * (MAX_NODES - 3)}`]);
    expect(performance.now() - started).toBeLessThan(1000);
    const path = join(scratch, 'many.yaml');
    writeFileSync(path, text);
    expect(loadTopologyFile(path).diagnostics.map((d) => d.code)).toEqual(['TOO_MANY_NODES']);
    // Just under the bound, the same shape loads (as far as the schema: description is text).
    const under = `version: 1\nname: n\ndescription: [${'0,'.repeat(MAX_NODES - 10)}0]\n`;
    expect(loadTopologyText('under.yaml', under).diagnostics.map((d) => d.code)).toEqual(['WRONG_TYPE']);
  });

  it('ALIAS_LIMIT: aliases that expand past the node bound, though few and under the alias count', () => {
    const text = `version: 1\nname: n\nx: &big [${'0,'.repeat(60_000)}0]\ndescription: [*big, *big, *big, *big]\n`;
    expect(loadTopologyText('expand.yaml', text).diagnostics.map(at)).toEqual(['ALIAS_LIMIT@4:14']);
  });

  it('IMPORT_FAILED: an AWS snapshot folder whose JSON is broken', () => {
    const folder = join(scratch, 'snapshot');
    mkdirSync(folder);
    writeFileSync(join(folder, 'describe-vpcs.json'), '{ "Vpcs": [ broken\n');
    const { topology, diagnostics } = loadInput(folder);
    expect(topology).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['IMPORT_FAILED']);
  });

  it('IMPORT_WARNING: a Terraform plan imported with a warning, located in the plan', () => {
    const path = join(scratch, 'plan.json');
    writeFileSync(path, JSON.stringify({
      format_version: '1.2',
      planned_values: { root_module: { resources: [{ address: 'aws_vpc.main', mode: 'managed', type: 'aws_vpc', name: 'main', provider_name: 'registry.terraform.io/hashicorp/aws', values: { cidr_block: '10.0.0.0/16' } }] } },
      resource_changes: [],
    }, null, 2));
    const { topology, diagnostics } = loadInput(path);
    expect(topology).toBeDefined();
    // no provider region anywhere: us-east-1 is assumed, and said so
    expect(diagnostics.map(at)).toEqual(['IMPORT_WARNING@1:1']);
  });
});
