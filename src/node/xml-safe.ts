/**
 * Text made safe for the XML inside .xlsx and .docx files, and for HTML. XML 1.0 forbids the C0 controls
 * other than tab, newline and carriage return, U+FFFE and U+FFFF, and any surrogate not in a pair; one such
 * character in one answer made a tracker.xlsx that no later run (nor Excel) could open. Each is replaced
 * by U+FFFD, one code unit for one, so offsets into the text (comment anchors, finding positions) still
 * point at the same places. The answers themselves are kept verbatim in responses/ (JSON escapes them).
 */

// A lookbehind/lookahead pair finds lone surrogates; everything else XML 1.0 allows is left as typed.
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const REPLACEMENT = '\uFFFD';

export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, REPLACEMENT);
}

/** A JSON-like value with every string in it made XML-safe (an order as the tracker shows it). */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map(xmlSafeDeep) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafeDeep(v)])) as T;
  }
  return value;
}
