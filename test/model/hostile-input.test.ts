// Hostile input is bounded: an alias bomb, 10,000-deep nesting (flow and block), flow
// sequences of 400,000 items and 300,000 aliases (the node count), a 5 MiB
// file, random bytes, an empty file, a top-level scalar or list, a NUL byte. Each ends in
// one positioned diagnostic within a second (a bound, not a benchmark), read from disk and
// given as text.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTopologyFile, loadTopologyText } from '../../src/model/load-topology.js';
import { findExcessiveNesting } from '../../src/model/scan-nesting.js';
import { hostileInputs } from '../helpers/hostile-inputs.js';

const scratch = mkdtempSync(join(tmpdir(), 'vpcsim-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function timed<T>(f: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = f();
  return { value, ms: performance.now() - start };
}

describe('hostile input', () => {
  for (const input of hostileInputs()) {
    it(`${input.name} ends in ${input.code} within a second`, () => {
      const path = join(scratch, input.name);
      writeFileSync(path, input.bytes);
      const { value: fromFile, ms } = timed(() => loadTopologyFile(path));
      expect(ms).toBeLessThan(1000);
      expect(fromFile.topology).toBeUndefined();
      expect(fromFile.diagnostics.map((d) => d.code)).toEqual([input.code]);
      const d = fromFile.diagnostics[0]!;
      expect(d.span.file).toBe(path);
      expect(d.span.line).toBeGreaterThanOrEqual(1);
      expect(d.span.col).toBeGreaterThanOrEqual(1);
      expect(d.message.length).toBeGreaterThan(10);

      // The same bytes given as text (decoded leniently, as an editor would) also end fast.
      const { value: fromText, ms: textMs } = timed(() => loadTopologyText(input.name, input.bytes.toString('utf8')));
      expect(textMs).toBeLessThan(1000);
      expect(fromText.topology).toBeUndefined();
      expect(fromText.diagnostics.length).toBeGreaterThan(0);
    });
  }

  it('positions the depth error where the nesting crosses the bound', () => {
    const text = `version: 1\nname: deep\ndescription: ${'['.repeat(100)}${']'.repeat(100)}\n`;
    const [d] = loadTopologyText('deep.yaml', text).diagnostics;
    expect([d!.code, d!.span.line]).toEqual(['NESTING_TOO_DEEP', 3]);
  });

  it('positions a NUL byte at its line and column', () => {
    const [d] = loadTopologyText('nul.yaml', 'version: 1\nname: "a\u0000b"\n').diagnostics;
    expect(`${d!.code}@${d!.span.line}:${d!.span.col}`).toBe('NOT_TEXT@2:9');
  });

  it('positions the first invalid UTF-8 byte', () => {
    const path = join(scratch, 'latin1.yaml');
    writeFileSync(path, Buffer.from('version: 1\nname: caf\xe9\n', 'latin1'));
    const [d] = loadTopologyFile(path).diagnostics;
    expect(`${d!.code}@${d!.span.line}:${d!.span.col}`).toBe('NOT_TEXT@2:10');
  });

  it('reads a UTF-8 byte order mark as nothing', () => {
    const path = join(scratch, 'bom.yaml');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('version: 1\nname: with a BOM\n')]));
    expect(loadTopologyFile(path).diagnostics).toEqual([]);
  });

  it('keeps a big but sane file linear: 12,000 subnets (under the node bound) load, overlap-checked, in seconds', () => {
    const subnets = Array.from({ length: 12_000 }, (_, i) => `      s${i}:\n        az: use1-az1\n        cidr: 10.${i >> 8}.${i & 255}.0/24\n`).join('');
    const text = `version: 1\nname: wide\nvpcs:\n  v:\n    cidr: 10.0.0.0/8\n    subnets:\n${subnets}      dup:\n        az: use1-az1\n        cidr: 10.0.0.0/24\n`;
    const { value, ms } = timed(() => loadTopologyText('wide.yaml', text));
    // (a /8 VPC is more than AWS allows, said once; the subnets are still checked)
    expect(value.diagnostics.map((d) => d.code)).toEqual(['VPC_CIDR_SIZE', 'SUBNET_OVERLAP']);
    // Linear takes about 2 s; quadratic would take minutes. The slack is for a busy machine.
    expect(ms).toBeLessThan(30_000);
  });

  it('never flags the nesting of an ordinary topology', () => {
    const text = [
      'version: 1', 'name: ordinary', 'description: |', '  [[[[[ text in a block scalar is not nesting', '    - - - - neither is this',
      'vpcs:', '  v:', '    cidr: 10.0.0.0/16', '    securityGroups:', '      sg:', '        ingress:',
      '          - { protocol: tcp, ports: "443", cidr: "10.0.0.0/8", description: "see [1] and {2" }',
    ].join('\n');
    expect(findExcessiveNesting(text, 8)).toBeUndefined();
  });
});
