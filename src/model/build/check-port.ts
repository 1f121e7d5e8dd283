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
