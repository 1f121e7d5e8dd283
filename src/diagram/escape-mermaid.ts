// User text inside Mermaid source. Every character outside a small safe set becomes a
// Mermaid entity code (`#60;` for `<`), which Mermaid shows as the character and never
// parses: double quotes, braces, pipes, semicolons, `%%` comments, `#`, `&`, backticks (so
// the text can sit in a Markdown fence), `<` (so no HTML tag can form) and every non-ASCII
// character all pass as text. Line breaks become spaces. The safe set is proven by the
// browser test, which renders hostile names with the mermaid library.

const UNSAFE = /[^A-Za-z0-9 .,:/_()=+@'?!\[\]>-]/gu;

/** Text safe inside a quoted Mermaid label, a participant alias, a message or a note. */
export function mermaidText(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').replace(UNSAFE, (c) => `#${c.codePointAt(0)};`);
}

/** Lines of a flowchart label: each escaped, joined by Mermaid's line break. */
export function mermaidLines(lines: readonly string[]): string {
  return lines.map(mermaidText).join('<br/>');
}
