// The `protect:` block: destinations no change may open flows toward. Every id must name
// something in the topology (an end, a subnet, VPC, security group, endpoint or load
// balancer, an interface, or `internet`); ports parse as rule ports do.
import type { RawProtect, RawTopology } from '../format.js';
import type { ProtectRule } from '../protect.js';
import { pointer } from '../source-map.js';
import { PROTOCOL } from '../rules.js';
import { portsAt, report, type BuildContext } from './context.js';

function items(value: string | readonly string[] | undefined): readonly string[] | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? [value] : value;
}

/** Build the protect entries, reporting ids the topology does not hold. */
export function buildProtect(ctx: BuildContext, raw: RawTopology): ProtectRule[] {
  return (raw.protect ?? []).map((p: RawProtect, index) => {
    const ptr = pointer('protect', index);
    const from = items(p.from);
    const to = items(p.to) ?? [];
    for (const [field, list] of [['from', from], ['to', to]] as const) {
      (list ?? []).forEach((id, i) => {
        // An interface id is `<endpoint or load balancer>/<subnet>`.
        const known = id === 'internet' || ctx.ids.has(id) || (id.includes('/') && ctx.ids.has(id.slice(0, id.indexOf('/'))));
        if (!known) report(ctx, 'UNKNOWN_REFERENCE', `no resource "${id}" to protect`, typeof p[field] === 'string' ? `${ptr}/${field}` : `${ptr}/${field}/${i}`);
      });
    }
    const protocol = p.protocol as ProtectRule['protocol'];
    const number = protocol === 'icmp' ? PROTOCOL.icmp : protocol === 'icmpv6' ? PROTOCOL.icmpv6 : undefined;
    const ports = p.ports === undefined ? undefined : portsAt(ctx, p.ports, `${ptr}/ports`, number);
    return { index, name: p.name ?? `protect ${to.join(', ')}`, from, to, protocol, ports, span: ctx.map.valueAt(ptr), written: p };
  });
}
