// User text inside the HTML page: as element text and attribute values, and as JSON in
// an inline script element, where `</script>`, `<!--` and the line separators U+2028 and
// U+2029 must not appear literally.

/** Text safe as HTML element content or a quoted attribute value. */
export function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON safe inside `<script type="application/json">`: no `<`, `>` or `&` appear literally. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
