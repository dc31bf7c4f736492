/**
 * Sentence and word handling for the letter-quality measurement. Written apart from the composer on
 * purpose: a measurement that reused the composer's splitter would share its mistakes and never see them.
 */
import { MARK_CLOSE, MARK_OPEN } from '../../src/core/letter/model';

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'ms',
  'mrs',
  'mx',
  'st',
  'vs',
  'e.g',
  'i.e',
  'no',
  'approx',
  'etc',
  'jr',
  'sr',
  'prof',
  'incl',
]);

/**
 * Splits a paragraph into sentences at a full stop, question or exclamation mark followed by a space, so a
 * sentence split at a line break ("called the. nurse") stays two sentences for the detectors to see. Marks
 * (⟦ ⟧) stay on the sentence they enclose.
 */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`[.!?…]["”’)\\]]*${MARK_CLOSE}?(?=\\s+\\S)`, 'g');
  let start = 0;
  for (const m of paragraph.matchAll(re)) {
    const end = m.index + m[0].length;
    const before = paragraph.slice(start, m.index);
    const lastWord = (/([A-Za-z.]+)$/.exec(before)?.[1] ?? '').toLowerCase();
    // An abbreviation or a single initial ("J. Smith") does not end a sentence.
    if (m[0].startsWith('.') && (ABBREVIATIONS.has(lastWord) || /^[a-z]$/.test(lastWord))) continue;
    out.push(paragraph.slice(start, end).trim());
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
  return closeMarks(out.filter(Boolean));
}

/** A marked passage of several sentences ("⟦A. B.⟧") as one marked sentence each ("⟦A.⟧", "⟦B.⟧"). */
function closeMarks(sentences: readonly string[]): string[] {
  let open = false;
  return sentences.map((s) => {
    const text = open ? `${MARK_OPEN}${s}` : s;
    open = text.lastIndexOf(MARK_OPEN) > text.lastIndexOf(MARK_CLOSE);
    return open ? `${text}${MARK_CLOSE}` : text;
  });
}

/** The text without the marked (⟦…⟧) passages: what the composer claims to have converted. */
export function unmarkedText(text: string): string {
  return text
    .replace(new RegExp(`${MARK_OPEN}[^${MARK_CLOSE}]*${MARK_CLOSE}`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The marked passages of a text, without their brackets. */
export function markedPassages(text: string): string[] {
  return [...text.matchAll(new RegExp(`${MARK_OPEN}([^${MARK_CLOSE}]*)${MARK_CLOSE}`, 'g'))].map(
    (m) => m[1]!,
  );
}

/** Whether the whole sentence is one marked passage (a sentence kept verbatim, or a composer note). */
export function isMarkedSentence(sentence: string): boolean {
  const t = sentence.trim();
  return t.startsWith(MARK_OPEN) && t.endsWith(MARK_CLOSE) && t.indexOf(MARK_CLOSE) === t.length - 1;
}

/** Lower case, brackets and punctuation removed, spaces collapsed: for comparing sentences. */
export function normalizeSentence(s: string): string {
  return s
    .replace(new RegExp(`[${MARK_OPEN}${MARK_CLOSE}]`, 'g'), '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export const wordsOf = (s: string): string[] => s.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];

export const wordCount = (s: string): number => (s.match(/\S+/g) ?? []).length;

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];

/** "five" → "5", "twenty-four" → "24"; other words unchanged (lower-cased). */
export function numberToken(word: string): string {
  const w = word.toLowerCase();
  const i = NUMBER_WORDS.indexOf(w);
  if (i >= 0) return String(i);
  const compound =
    /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)$/.exec(
      w,
    );
  if (compound) {
    const tens = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
    return String((tens.indexOf(compound[1]!) + 2) * 10 + NUMBER_WORDS.indexOf(compound[2]!));
  }
  return w;
}

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

/** "third" and "3rd" → "3"; other words unchanged. */
function ordinalToken(w: string): string {
  const i = ORDINALS.indexOf(w);
  if (i >= 0) return String(i + 1);
  return /^\d+(?:st|nd|rd|th)$/.test(w) ? w.replace(/\D+$/, '') : w;
}

/**
 * A crude stem for "does this word appear": lower case, numbers and ordinals as digits, a plural or past
 * ending dropped, then the first six letters, so "called"/"call", "biopsies"/"biopsy" and
 * "diuresed"/"diuresis" meet but "patient"/"pathway" do not.
 */
export function stem(word: string): string {
  // An acronym's plural is the acronym: "IUDs", "ABGs".
  const singular = /^\p{Lu}{2,}s$/u.test(word) ? word.slice(0, -1) : word;
  const w = ordinalToken(numberToken(singular.replace(/[’']s$/, '').replace(/[’']/g, '')));
  if (/^\d/.test(w)) return w;
  // "-es" is a suffix only after a hiss ("patches", "boxes"); "tubes" is "tube" + "s", as "tube" is.
  const base =
    w.length > 4
      ? w
          .replace(/ies$/, 'y')
          .replace(/(?<=(?:s|x|z|ch|sh))es$/, '')
          .replace(/(?:ing|ed|s)$/, '')
      : w;
  return base.slice(0, 6);
}
