// JSON text -> values, with the offset of every object and array, so that errors and
// traces can name the line:col of a plan's resource object. A small recursive-descent
// parser (RFC 8259): JSON.parse gives no positions. Depth is bounded (hostile input must
// not overflow the stack); a syntax error carries the offset where it was found.

/** Where each object or array value starts (offset into the text). */
export type JsonOffsets = WeakMap<object, number>;

/** A parsed document, or the first syntax error and its offset. */
export type JsonParse =
  | { readonly ok: true; readonly value: unknown; readonly offsets: JsonOffsets }
  | { readonly ok: false; readonly offset: number; readonly message: string };

/** Deepest nesting read; real plans nest well under 40 levels. */
export const MAX_JSON_DEPTH = 256;

class JsonSyntaxError {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** Parse JSON text, recording where every object and array starts. */
export function parseJsonWithPositions(text: string): JsonParse {
  const offsets: JsonOffsets = new WeakMap();
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new JsonSyntaxError(at, message);
  };
  const ws = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const found = (): string => (i >= text.length ? 'the end of the text (the file is cut short)' : `"${text[i]}"`);
  const str = (): string => {
    const start = i;
    i++;
    let out = '';
    let run = i;
    while (true) {
      if (i >= text.length) fail('a string is not closed (the file is cut short)', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail('a control character inside a string');
      if (c === 0x5c) {
        out += text.slice(run, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail('a bad escape in a string');
        run = i;
        continue;
      }
      i++;
    }
    out += text.slice(run, i);
    i++;
    return out;
  };
  const value = (depth: number): unknown => {
    if (depth > MAX_JSON_DEPTH) fail(`the JSON nests deeper than ${MAX_JSON_DEPTH} levels`);
    ws();
    const c = text[i];
    if (c === '{') {
      const o: Record<string, unknown> = {};
      offsets.set(o, i);
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return o;
      }
      while (true) {
        ws();
        if (text[i] !== '"') fail(`expected a key in quotes, found ${found()}`);
        const k = str();
        ws();
        if (text[i] !== ':') fail(`expected ":" after a key, found ${found()}`);
        i++;
        Object.defineProperty(o, k, { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return o;
        }
        fail(`expected "," or "}" in an object, found ${found()}`);
      }
    }
    if (c === '[') {
      const a: unknown[] = [];
      offsets.set(a, i);
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return a;
      }
      while (true) {
        a.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return a;
        }
        fail(`expected "," or "]" in an array, found ${found()}`);
      }
    }
    if (c === '"') return str();
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!lit) return fail(`expected a JSON value, found ${found()}`);
    i += lit[0].length;
    const t = lit[0];
    return t === 'true' ? true : t === 'false' ? false : t === 'null' ? null : Number(t);
  };
  try {
    const v = value(0);
    ws();
    if (i < text.length) fail(`unexpected text after the JSON value: ${found()}`);
    return { ok: true, value: v, offsets };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, offset: e.offset, message: e.message };
    throw e;
  }
}

/** Turns offsets into 1-based line and column (line starts found once, then binary search). */
export function lineIndex(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) starts.push(k + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  };
}
