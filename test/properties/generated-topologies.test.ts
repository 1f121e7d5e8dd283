// The arbitraries themselves: every generated topology is a file the loader accepts with no
// error, and the generator covers what the properties need (peering, NAT, endpoints, ...).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTopologyText } from '../../src/model/load-topology.js';
import { rawTopologyArb, yamlOf, GENERATED_FILE } from '../arbitraries/topology.js';
import { checkProperty, PROPERTY_TIMEOUT_MS } from './property-runner.js';

describe('generated topologies', () => {
  it('load with no error', { timeout: PROPERTY_TIMEOUT_MS }, () => {
    checkProperty('generated topologies load', fc.property(rawTopologyArb(), (raw) => {
      const { diagnostics } = loadTopologyText(GENERATED_FILE, yamlOf(raw));
      const errors = diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => `${d.span.line}:${d.span.col} ${d.code} ${d.message}`)).toEqual([]);
    }));
  });

  it('cover peering, NAT, gateway endpoints, NACLs, prefix lists and public IPs', () => {
    const samples = fc.sample(rawTopologyArb(), { numRuns: 300, seed: 42 });
    const has = (pred: (text: string) => boolean): number => samples.map(yamlOf).filter(pred).length;
    expect(has((t) => t.includes('peeringConnections:'))).toBeGreaterThan(20);
    expect(has((t) => t.includes('natGateways:'))).toBeGreaterThan(20);
    expect(has((t) => t.includes('type: gateway'))).toBeGreaterThan(20);
    expect(has((t) => t.includes('networkAcls:'))).toBeGreaterThan(20);
    expect(has((t) => t.includes('prefixList:'))).toBeGreaterThan(10);
    expect(has((t) => t.includes('publicIp:'))).toBeGreaterThan(20);
    expect(has((t) => /target: pcx-/.test(t))).toBeGreaterThan(5);
  });
});
