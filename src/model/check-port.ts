// `name:port` as written in checks and on the command line.

/** Split "target:port" (IPv6 addresses need brackets: "[2001:db8::1]:443"). */
export function splitPort(text: string): { target: string; port: number | undefined } {
  const bracket = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracket) return { target: bracket[1]!, port: bracket[2] !== undefined ? Number(bracket[2]) : undefined };
  const colons = text.split(':').length - 1;
  const m = /^(.*):(\d{1,5})$/.exec(text);
  if (colons === 1 && m) return { target: m[1]!, port: Number(m[2]) };
  return { target: text, port: undefined };
}

/**
 * Why a port does not fit a protocol, or undefined when it does: TCP and UDP ports are
 * 1-65535 (0 is reserved), ICMP types 0-255.
 */
export function portProblem(protocol: string, port: number | undefined, what: string): string | undefined {
  if (port === undefined) return undefined;
  if (protocol === 'tcp' || protocol === 'udp') {
    return Number.isInteger(port) && port >= 1 && port <= 65535 ? undefined : `${what} ${port} is not a ${protocol} port (1-65535)`;
  }
  if (protocol === 'icmp' || protocol === 'icmpv6') {
    return Number.isInteger(port) && port >= 0 && port <= 255 ? undefined : `${what} ${port} is not an ICMP type (0-255)`;
  }
  return undefined;
}
