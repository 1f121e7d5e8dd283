// Checks as stored data: selectors parsed, a `to` of "name:port" split. They are run by
// src/scenarios; here only their shape and position are kept.
import { malformedAddress } from '../../net/ip.js';
import type { Check, CheckItemSpans, CheckSelector } from '../check.js';
import type { Span } from '../span.js';
import type { RawCheck, RawOnlyPorts, RawSelector, RawTopology } from '../format.js';
import { parseAllowance, type PortAllowance } from '../allowed-ports.js';
import { pointer } from '../source-map.js';
import type { BuildContext } from './context.js';
import { portProblem, splitPort } from '../check-port.js';
import { report } from './context.js';

/** A written selector as stored, and a `:port` suffix of a single target. */
export function selector(raw: RawSelector): { sel: CheckSelector; port: number | undefined } {
  if (typeof raw === 'string') {
    const { target, port } = splitPort(raw);
    return { sel: { kind: 'list', items: [target] }, port };
  }
  if (Array.isArray(raw)) return { sel: { kind: 'list', items: [...(raw as readonly string[])] }, port: undefined };
  const o = raw as { subnet?: string; vpc?: string; securityGroup?: string; interfaceType?: string; onPremises?: string };
  if (o.onPremises !== undefined) return { sel: { kind: 'onPremises', id: o.onPremises }, port: undefined };
  if (o.interfaceType !== undefined) return { sel: { kind: 'interfaceType', id: o.interfaceType }, port: undefined };
  if (o.subnet !== undefined) return { sel: { kind: 'subnet', id: o.subnet }, port: undefined };
  if (o.vpc !== undefined) return { sel: { kind: 'vpc', id: o.vpc }, port: undefined };
  return { sel: { kind: 'securityGroup', id: o.securityGroup ?? '' }, port: undefined };
}

/** Spans of a list's items; a single value (a string `from`) is its own one item. */
export function itemSpans(ctx: BuildContext, ptr: string, value: unknown): Span[] {
  if (Array.isArray(value)) return value.map((_, i) => ctx.map.valueAt(`${ptr}/${i}`));
  return typeof value === 'string' ? [ctx.map.valueAt(ptr)] : [];
}

/** A from / to item that is shaped like an address and is not one: bad input, never a DNS name. */
export function reportMalformed(ctx: BuildContext, sel: CheckSelector, spans: readonly Span[]): void {
  if (sel.kind !== 'list') return;
  sel.items.forEach((item, i) => {
    const why = malformedAddress(item);
    const span = spans[i];
    if (why && span) ctx.diagnostics.push({ code: 'INVALID_IP', severity: 'error', message: why, span });
  });
}

/** A port list (`only: { ports }`, a segment rule's `ports`), each bad entry reported at itself. */
export function buildAllowances(ctx: BuildContext, written: readonly (number | string)[], protocol: string, ptr: string): PortAllowance[] {
  const out: PortAllowance[] = [];
  written.forEach((w, i) => {
    const r = parseAllowance(w, protocol);
    if ('problem' in r) report(ctx, 'BAD_VALUE', r.problem, `${ptr}/${i}`);
    else out.push({ ...r, written: w, span: ctx.map.valueAt(`${ptr}/${i}`) });
  });
  return out;
}

/** Build the stored checks. */
export function buildChecks(ctx: BuildContext, raw: RawTopology): Check[] {
  return (raw.checks ?? []).map((c: RawCheck, index) => {
    const ptr = pointer('checks', index);
    const from = selector(c.from);
    const to = selector(c.to);
    const spans: CheckItemSpans = {
      from: itemSpans(ctx, `${ptr}/from`, c.from),
      to: itemSpans(ctx, `${ptr}/to`, c.to),
      via: itemSpans(ctx, `${ptr}/via`, c.via),
      never: itemSpans(ctx, `${ptr}/never`, c.never),
      only: Array.isArray(c.only) ? itemSpans(ctx, `${ptr}/only`, c.only) : [],
    };
    reportMalformed(ctx, from.sel, spans.from);
    reportMalformed(ctx, to.sel, spans.to);
    const protocol = c.protocol ?? 'tcp';
    const dst = portProblem(protocol, c.port ?? to.port, 'port');
    if (dst) report(ctx, 'BAD_VALUE', dst, c.port !== undefined ? `${ptr}/port` : `${ptr}/to`);
    const src = portProblem(protocol, c.sourcePort, 'source port');
    if (src) report(ctx, 'BAD_VALUE', src, `${ptr}/sourcePort`);
    return {
      index,
      name: c.name,
      from: from.sel,
      to: to.sel,
      port: c.port ?? to.port,
      sourcePort: c.sourcePort,
      protocol: (c.protocol ?? 'tcp') as Check['protocol'],
      expect: c.expect,
      via: c.via ?? [],
      because: c.because,
      never: c.never ?? [],
      only: Array.isArray(c.only) ? [...(c.only as readonly string[])] : [],
      onlyPorts: c.only !== undefined && !Array.isArray(c.only) ? buildAllowances(ctx, (c.only as RawOnlyPorts).ports, protocol, `${ptr}/only/ports`) : undefined,
      isolated: c.isolated ?? false,
      principal: c.principal,
      action: c.action,
      resource: c.resource,
      span: ctx.map.valueAt(ptr),
      fromSpan: ctx.map.valueAt(`${ptr}/from`),
      toSpan: ctx.map.valueAt(`${ptr}/to`),
      itemSpans: spans,
    };
  });
}
