// Text a topology file may hold. YAML 1.2 allows only printable characters in a stream
// (tab, line breaks, U+0020-U+007E, U+0085, U+00A0 and up, except U+FFFE and U+FFFF); the
// yaml library accepts others silently, so a NUL or another control character is refused
// here, positioned, instead of ending up inside a name or a CIDR.

// C0 controls other than tab, LF and CR; DEL; C1 controls other than NEL; the two
// non-characters at the end of the Basic Multilingual Plane.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/;

/** The first character YAML does not allow, with its offset, or undefined. */
export function findForbiddenCharacter(text: string): { offset: number; codePoint: number } | undefined {
  const m = FORBIDDEN.exec(text);
  if (!m) return undefined;
  return { offset: m.index, codePoint: m[0].charCodeAt(0) };
}

/** `U+0000 (NUL)` and the like, for messages. */
export function describeCodePoint(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return codePoint === 0 ? `${hex} (NUL)` : hex;
}

/**
 * The offset of the first byte that is not part of valid UTF-8, or undefined when the
 * whole buffer is valid UTF-8 (overlong forms and surrogates count as invalid).
 */
export function findInvalidUtf8(bytes: Uint8Array): number | undefined {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return undefined;
}
