// A strict little XML reader for tests of the JUnit report: elements, double- or
// single-quoted attributes, text, the five predefined entities and character references.
// It throws on anything not well-formed (a stray `<` or `&`, a mismatched or unclosed tag,
// a repeated attribute), which is what a CI system's XML parser would reject.

/** An element of the tree. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(s: string, where: number): string {
  if (s.includes('<')) throw new Error(`raw "<" in text or attribute near offset ${where}`);
  return s.replace(/&([^;]*);?/g, (m, name: string) => {
    if (!m.endsWith(';')) throw new Error(`bare "&" near offset ${where}`);
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    const v = ENTITIES[name];
    if (v === undefined) throw new Error(`unknown entity &${name}; near offset ${where}`);
    return v;
  });
}

/** Parse a document; returns its root element. */
export function parseXml(text: string): XmlElement {
  let i = 0;
  if (text.startsWith('<?xml')) {
    i = text.indexOf('?>') + 2;
    if (i < 2) throw new Error('unterminated XML declaration');
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const NAME = /[A-Za-z_][\w.-]*/y;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt === -1 ? text.length : lt);
    if (stack.length > 0) stack[stack.length - 1]!.text += unescape(chunk, i);
    else if (chunk.trim() !== '') throw new Error(`text outside the root element near offset ${i}`);
    if (lt === -1) break;
    i = lt + 1;
    if (text[i] === '/') {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(text);
      const open = stack.pop();
      if (!m || !open || open.name !== m[0]) throw new Error(`mismatched closing tag near offset ${lt}`);
      i = NAME.lastIndex;
      while (text[i] === ' ' || text[i] === '\n') i++;
      if (text[i] !== '>') throw new Error(`bad closing tag near offset ${lt}`);
      i++;
      continue;
    }
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (!m) throw new Error(`bad tag near offset ${lt}`);
    i = NAME.lastIndex;
    const attrs: Record<string, string> = {};
    for (;;) {
      const ws = /\s*/y;
      ws.lastIndex = i;
      ws.exec(text);
      i = ws.lastIndex;
      if (text.startsWith('/>', i) || text[i] === '>') break;
      const a = /([A-Za-z_][\w.:-]*)=(?:"([^"]*)"|'([^']*)')/y;
      a.lastIndex = i;
      const am = a.exec(text);
      if (!am) throw new Error(`bad attribute near offset ${i}`);
      if (am[1]! in attrs) throw new Error(`repeated attribute ${am[1]} near offset ${i}`);
      attrs[am[1]!] = unescape(am[2] ?? am[3] ?? '', i);
      i = a.lastIndex;
    }
    const el: XmlElement = { name: m[0], attrs, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1]!.children.push(el);
    else if (root) throw new Error('a second root element');
    else root = el;
    if (text.startsWith('/>', i)) i += 2;
    else {
      i += 1;
      stack.push(el);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}
