// Rows of bits over classes, as Uint32Array words: class i is bit (i & 31) of word i >> 5.
// The all-pairs engine joins whole rows at a time (32 class pairs per word operation).

/** Words needed for `n` bits. */
export function wordsFor(n: number): number {
  return (n + 31) >>> 5;
}

/** Set bits [from, to) of a row. */
export function setRange(row: Uint32Array, from: number, to: number, offset = 0): void {
  if (from >= to) return;
  const first = from >>> 5;
  const last = (to - 1) >>> 5;
  const lo = (~0 << (from & 31)) >>> 0;
  const hi = (~0 >>> (31 - ((to - 1) & 31))) >>> 0;
  if (first === last) {
    row[offset + first]! |= lo & hi;
    return;
  }
  row[offset + first]! |= lo;
  for (let w = first + 1; w < last; w++) row[offset + w] = 0xffffffff;
  row[offset + last]! |= hi;
}

/** Set one bit. */
export function setBit(row: Uint32Array, i: number, offset = 0): void {
  row[offset + (i >>> 5)]! |= 1 << (i & 31);
}

/** Read one bit. */
export function getBit(row: Uint32Array, i: number, offset = 0): boolean {
  return ((row[offset + (i >>> 5)]! >>> (i & 31)) & 1) === 1;
}

/** Number of set bits of a word. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Transpose a 32x32 bit block in place: `a[i]` bit j becomes `a[j]` bit i
 * (Hacker's Delight 7-3, with bit 0 as the first column).
 */
export function transpose32(a: Uint32Array): void {
  let m = 0x0000ffff;
  for (let j = 16; j !== 0; j >>>= 1, m = (m ^ (m << j)) >>> 0) {
    for (let k = 0; k < 32; k = (k + j + 1) & ~j) {
      const t = ((a[k]! >>> j) ^ a[k + j]!) & m;
      a[k + j] = (a[k + j]! ^ t) >>> 0;
      a[k] = (a[k]! ^ (t << j)) >>> 0;
    }
  }
}
