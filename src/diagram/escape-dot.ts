// User text inside Graphviz DOT source: a double-quoted string in which backslashes and
// quotes are escaped (so `\N` or `\G` never expand), `&`, `<` and `>` are written as
// entities (Graphviz reads entities in every label and writes them through to SVG as
// text), and line breaks become spaces. Our own line breaks are `\n` between lines.

/** One line of user text, escaped for the inside of a DOT string (without the quotes). */
export function dotText(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A quoted DOT string of several lines. */
export function dotLines(lines: readonly string[]): string {
  return `"${lines.map(dotText).join('\\n')}"`;
}
