// Every bundled scenario is teaching material and a CI fixture: it must load with no
// diagnostic at all, point editors at the schema, teach its lesson in `description`, and
// state that lesson as checks whose ids, addresses and codes make sense before any engine
// runs them.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isExplanationCode } from '../../src/engine/explanation-codes.js';
import { lookupAlias } from '../../src/engine/resolve-alias.js';
import { INTERFACE_TYPES } from '../../src/model/resources.js';
import type { CheckSelector } from '../../src/model/check.js';
import { loadTopologyFile } from '../../src/model/load-topology.js';
import type { Topology } from '../../src/model/topology.js';
import { parseIp } from '../../src/net/ip.js';

const SCHEMA_LINE = '# yaml-language-server: $schema=../schema/topology.schema.json';
const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

function load(file: string): Topology {
  const { topology, diagnostics } = loadTopologyFile(`${dir}${file}`);
  expect(diagnostics.map((d) => `${d.span.line}:${d.span.col} ${d.severity} ${d.code} ${d.message}`)).toEqual([]);
  expect(topology).toBeDefined();
  return topology!;
}

// A check end names a resource (by id or Name tag), an ENI (`<endpoint>/<subnet>`), an IP,
// an interface type, or (for `to`) a DNS name.
function unknownItems(t: Topology, sel: CheckSelector, namesAllowed: boolean): string[] {
  if (sel.kind === 'interfaceType') return (INTERFACE_TYPES as readonly string[]).includes(sel.id) ? [] : [sel.id];
  if (sel.kind !== 'list') return t.byId.has(sel.id) ? [] : [sel.id];
  return sel.items.filter((item) => {
    if (item === 'internet' || t.byId.has(item) || t.enis.has(item) || parseIp(item) || lookupAlias(t, item).kind === 'id') return false;
    return !(namesAllowed && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(item));
  });
}

describe('bundled scenarios', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  describe.each(files)('%s', (file) => {
    it('loads with no errors and no warnings', () => {
      load(file);
    });

    it('starts with the schema comment line', () => {
      const firstLine = readFileSync(`${dir}${file}`, 'utf8').split('\n')[0];
      expect(firstLine).toBe(SCHEMA_LINE);
    });

    it('teaches its lesson in a description', () => {
      expect(load(file).description?.trim().length ?? 0).toBeGreaterThan(80);
    });

    it('states the lesson as checks that name real things', () => {
      const t = load(file);
      expect(t.checks.length).toBeGreaterThan(0);
      const names = t.checks.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const c of t.checks) {
        expect(c.expect, c.name).toBeDefined();
        expect(unknownItems(t, c.from, false), `from of "${c.name}"`).toEqual([]);
        expect(unknownItems(t, c.to, true), `to of "${c.name}"`).toEqual([]);
        expect(c.via.filter((id) => !t.byId.has(id)), `via of "${c.name}"`).toEqual([]);
        if (c.protocol === 'tcp' || c.protocol === 'udp') expect(c.port, `port of "${c.name}"`).toBeDefined();
        if (c.because !== undefined) {
          expect(isExplanationCode(c.because), `because of "${c.name}"`).toBe(true);
          expect(c.expect, `"${c.name}" gives a because`).toBe('unreachable');
        }
      }
    });
  });

  it('include unreachable checks with an expected explanation code', () => {
    const explained = files.flatMap((f) => load(f).checks).filter((c) => c.expect === 'unreachable' && c.because);
    expect(explained.length).toBeGreaterThan(0);
  });
});
