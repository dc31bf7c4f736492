/**
 * Hard-wrapped text: a letter pasted from a PDF or an email breaks its lines every 70–80 characters, and
 * the rules take every line break as the end of a sentence and a paragraph. Before sentences and paragraphs
 * are found, each soft break (one that only wraps a line) becomes a space, so offsets stay those of the
 * letter as written. Headings, letterhead lines, the date line, the salutation, the signature and list
 * items keep their breaks: they are short, or end with a colon, or start with a marker.
 */

// A list item or a bullet note starts its own line.
const ITEM = /^\s*(?:[-–—•*·▪◦>]|\d{1,2}[.)]\s|\(\w\)\s|[a-z][.)]\s)/u;
const OWN_LINE =
  /^\s*(?:dear\b|sincerely|respectfully|regards|best regards|warm regards|yours\b|cc:|enclosure)/i;
const ENDS_SENTENCE = /[.!?]["”’')\]]*$/;
// A line that stops on one of these goes on: "from July 14 to" / "August 8".
const ENDS_MID_PHRASE =
  /\b(?:to|and|or|of|the|a|an|from|through|with|in|on|at|for|by|her|his|their|than|that|as|who|which|was|were|is|has|had|very|most|our|my)$/i;

/** Long lines that stop mid-sentence before a line that goes on in lower case: the mark of a hard wrap. */
function wrapWidth(lines: readonly string[]): number {
  let wraps = 0;
  const long: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i]!.trimEnd();
    if (a.length >= 40 && a.length <= 110) long.push(a.length);
    const b = lines[i + 1]?.trimStart() ?? '';
    if (a.length >= 40 && a.length <= 110 && !ENDS_SENTENCE.test(a) && /^\p{Ll}/u.test(b)) wraps++;
  }
  if (wraps < 2) return 0;
  long.sort((x, y) => x - y);
  return long[Math.floor(long.length * 0.9)] ?? 0;
}

/** `continued`: the line itself continues the one before it (a short tail is then still mid-sentence). */
function isSoftBreak(a: string, b: string, width: number, continued: boolean): boolean {
  const line = a.trimEnd();
  const next = b.trimStart();
  if (
    (line.length < 20 && !continued) ||
    next === '' ||
    ITEM.test(b) ||
    OWN_LINE.test(next) ||
    /[:;]$/.test(line)
  )
    return false;
  const endsSentence = ENDS_SENTENCE.test(line);
  if (!endsSentence && ENDS_MID_PHRASE.test(line) && /^[\p{L}\p{N}"“(]/u.test(next)) return true;
  if (!endsSentence && line.length >= 30 && /^\p{Ll}/u.test(next)) return true;
  // In wrapped text a line that reaches the margin goes on, even after a full stop.
  return width > 0 && line.length >= width * 0.75 && /^[\p{L}\p{N}"“(]/u.test(next);
}

/** The text with every soft line break replaced by a space (same length, same offsets). */
export function unwrapLines(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  const width = wrapWidth(lines);
  let out = '';
  let continued = false;
  for (let i = 0; i < lines.length; i++) {
    out += lines[i]!;
    if (i === lines.length - 1) break;
    continued = isSoftBreak(lines[i]!, lines[i + 1]!, width, continued);
    out += continued ? ' ' : '\n';
  }
  return out;
}
