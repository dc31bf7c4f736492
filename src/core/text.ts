/**
 * Text normalization applied to every answer before it is used.
 *
 * The Docs API strips control characters (U+0000–U+0008, U+000C–U+001F, including CR) and private-use
 * characters from inserted text, so offsets computed on un-normalized text would point at the wrong place.
 * Normalizing once, here, keeps the letter model, the Docs requests and the checker on the same string.
 * Curly quotes, dashes, emoji and right-to-left text are kept as typed.
 */

// Private use: BMP U+E000–U+F8FF and the supplementary planes 15–16 (as surrogate pairs).
const PRIVATE_USE =
  /[\uE000-\uF8FF]|\uDB80[\uDC00-\uDFFF]|[\uDB81-\uDBBE][\uDC00-\uDFFF]|\uDBBF[\uDC00-\uDFFD]|[\uDBC0-\uDBFE][\uDC00-\uDFFF]|\uDBFF[\uDC00-\uDFFD]/g;
// C0 controls other than tab and newline, DEL, and C1 controls.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// A lone surrogate cannot be stored by Docs or written to XML.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Normalizes multi-line text: CRLF and CR become LF, tabs and runs of spaces become one space, control and
 * private-use characters are dropped, each line is trimmed, and runs of blank lines collapse to one.
 */
export function normalizeText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(LONE_SURROGATE, '')
    .replace(PRIVATE_USE, '')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .replace(/ {2,}/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Normalizes single-line text (names, titles): like `normalizeText`, with line breaks becoming spaces. */
export function normalizeLine(raw: string): string {
  return normalizeText(raw).replace(/\s*\n+\s*/g, ' ');
}

/** Escapes text for use inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
