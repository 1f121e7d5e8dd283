// `--to name:port`, `--protocol`, `--port`, `--source-port` -> a FlowQuery.
import type { FlowProtocol, FlowQuery } from '../engine/query.js';
import { splitPort } from '../model/check-port.js';
import { echo } from './echo-argument.js';
import { UsageError } from './usage-error.js';

const PROTOCOLS: readonly FlowProtocol[] = ['tcp', 'udp', 'icmp', 'icmpv6', 'all'];

function port(text: string, what: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new UsageError(`${what} must be a port number 0-65535, not ${echo(text)}`);
  return Number(text);
}

/** Build a query from parsed flags. */
export function flowQueryOf(v: { from?: string | undefined; to?: string | undefined; protocol?: string | undefined; port?: string | undefined; 'source-port'?: string | undefined; pin?: string | undefined }): FlowQuery {
  if (!v.from) throw new UsageError('--from is required (an instance, interface, internet host or IP)');
  if (!v.to) throw new UsageError('--to is required (an IP, a resource id or a DNS name, with :PORT)');
  const protocol = (v.protocol ?? 'tcp') as FlowProtocol;
  if (!PROTOCOLS.includes(protocol)) throw new UsageError(`--protocol must be one of ${PROTOCOLS.join(', ')}, not ${echo(v.protocol ?? '')}`);
  const split = splitPort(v.to);
  if (v.port !== undefined && split.port !== undefined) {
    throw new UsageError(`--to ${echo(v.to)} names port ${split.port} and --port names ${echo(v.port)}; give the port once`);
  }
  const dstPort = v.port !== undefined ? port(v.port, '--port') : split.port;
  return {
    from: v.from,
    to: split.target,
    protocol,
    port: dstPort,
    ...(v['source-port'] !== undefined ? { sourcePort: port(v['source-port'], '--source-port') } : {}),
    ...(v.pin !== undefined ? { pinAddress: v.pin } : {}),
  };
}

/** The `parseArgs` options that describe a flow, shared by `trace` and `graph`. */
export const FLOW_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  protocol: { type: 'string' },
  port: { type: 'string' },
  'source-port': { type: 'string' },
  pin: { type: 'string' },
  principal: { type: 'string' },
  action: { type: 'string' },
  resource: { type: 'string' },
} as const;

/** A query from the flow options, with the request (principal, action, resource) for endpoint policies. */
export function requestQueryOf(v: Parameters<typeof flowQueryOf>[0] & { principal?: string | undefined; action?: string | undefined; resource?: string | undefined }): FlowQuery {
  return {
    ...flowQueryOf(v),
    ...(v.principal !== undefined ? { principal: v.principal } : {}),
    ...(v.action !== undefined ? { action: v.action } : {}),
    ...(v.resource !== undefined ? { resource: v.resource } : {}),
  };
}
