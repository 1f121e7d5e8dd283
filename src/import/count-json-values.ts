// A bound on the work of parsing JSON: the number of values, counted in one pass over the
// text before JSON.parse builds anything. Under the 64 MiB byte cap, `{"Vpcs": [0, 0, ...]}`
// holds 33 million values: parsed, it exhausts the heap; refused here, it costs a scan.

/** Most JSON values one imported file may hold; a large real estate's describe output holds far fewer. */
export const MAX_JSON_VALUES = 5_000_000;

/**
 * Whether JSON text holds more than `limit` values: objects, arrays, and the members and
 * items separated by commas (strings are skipped, so commas inside them do not count). A
 * scan, not a parse: it stops as soon as the bound is crossed.
 */
export function tooManyJsonValues(text: string, limit: number = MAX_JSON_VALUES): boolean {
  let count = 1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string, with its escapes.
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x2c || c === 0x5b || c === 0x7b) {
      count += 1;
      if (count > limit) return true;
    }
  }
  return false;
}
