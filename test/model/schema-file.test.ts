import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaText } from '../../src/cli/command-schema.js';
import { diagnosticsOf } from '../helpers/load.js';

describe('schema/topology.schema.json', () => {
  it('is exactly what `vpcsim schema` prints (regenerate with npm run schema)', () => {
    expect(readFileSync('schema/topology.schema.json', 'utf8')).toBe(schemaText());
  });

  it('is draft-07 and closed at the top level', () => {
    const schema = JSON.parse(schemaText()) as { $schema: string; additionalProperties: boolean };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
  });

  it('rejects unknown keys at every level, pointing at the key', () => {
    expect(diagnosticsOf('version: 1\nname: x\ncolour: red\n')).toEqual(['UNKNOWN_KEY@3:1']);
    expect(
      diagnosticsOf('version: 1\nname: x\nvpcs:\n  a:\n    cidr: 10.0.0.0/16\n    subnets:\n      s: { az: use1-az1, cidr: 10.0.0.0/24, rtb: x }\n'),
    ).toEqual(['UNKNOWN_KEY@7:45']);
  });
});
