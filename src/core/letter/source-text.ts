/**
 * Cleans a candidate's answer before its point of view is converted: the letter should not inherit the
 * accidents of a web form (a line break in mid-sentence, a sentence pasted six times, emoji, a rotation name
 * in quotation marks) or the habits of notes ("5 patients" where a letter writes "five patients").
 *
 * Each step changes only what it can change without reading meaning: a doubtful case is left as typed, and
 * the words stay the candidate's. Bullet notes and note abbreviations are note-text.ts's work.
 */
import { numberWord } from './letter-dates';
import { splitSentences } from './point-of-view';
import { capitalize } from './pov-words';

const EMOJI = /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*\uFE0F?/gu;
/** Skin tones, keycap and variation selectors an emoji leaves behind. */
const EMOJI_PARTS = /[\u{1F3FB}-\u{1F3FF}\uFE0F\u20E3]/gu;

/** Drops emoji, and the space or punctuation gap they leave ("unit 🙂." → "unit."). */
export function dropEmoji(text: string): string {
  return text
    .replace(EMOJI, '')
    .replace(EMOJI_PARTS, '')
    .replace(/[ \t]+([.,;:!?])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+$/gm, '');
}

const ENDS_SENTENCE = /[.!?…:;]["”’)\]]*$/;
/** Words a sentence cannot end on: a line ending with one was cut by a line break, not finished. */
const CANNOT_END =
  /\b(?:the|a|an|and|or|but|of|to|in|on|at|for|with|from|by|my|his|her|their|our|its|that|which|who|was|were|is|are|had|has|have|I|we|she|he|they|as|so|than|into|about|after|before)$/i;

/**
 * Lines joined into one paragraph. A line break inside a sentence (the next line goes on in lower case, or
 * the line ends on a word no sentence ends on, or on a comma) is a space; a hyphen at the break joins the
 * word; any other line without an end mark is a sentence and gets a full stop.
 */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (out === '') {
      out = line;
    } else if (/\p{L}-$/u.test(out) && /^\p{Ll}/u.test(line)) {
      out += line;
    } else if (ENDS_SENTENCE.test(out)) {
      out += ` ${line}`;
    } else if (/^[\p{Ll}\p{N}(]/u.test(line) || CANNOT_END.test(out) || /,$/.test(out)) {
      out += ` ${line}`;
    } else {
      out += `. ${line}`;
    }
  }
  return out;
}

/** What two copies of one sentence share: its letters and digits, in lower case. */
export const sentenceKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Drops a sentence that repeats an earlier one of the same answer (pasted twice), keeping the first. */
export function dropRepeatedSentences(text: string): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const sentence of splitSentences(text)) {
    const key = sentenceKey(sentence);
    if (key !== '' && seen.has(key)) continue;
    seen.add(key);
    kept.push(sentence.trim());
  }
  return kept.filter(Boolean).join(' ');
}

const QUOTES = [/"([^"\n]+)"/g, /“([^”\n]+)”/g, /‘([^’\n]+)’/g, /'([^'\n]+)'/g];

/** Quotation marks the candidate put around the rotation's name (or any name they quote as a name). */
export function unquoteName(text: string, name: string): string {
  const wanted = name.trim().toLowerCase();
  if (wanted === '') return text;
  return QUOTES.reduce(
    (t, re) =>
      t.replace(re, (whole, inner: string) => (inner.trim().toLowerCase() === wanted ? inner : whole)),
    text,
  );
}

/** Strips quotation marks around a whole answer that is a name ("“Night Float”" → "Night Float"). */
export function unquoteWhole(name: string): string {
  const m = /^["“‘'](.+)["”’']$/.exec(name.trim());
  return m && !/["“”]/.test(m[1]!) ? m[1]!.trim() : name;
}

/**
 * Words that make a number a measurement, not a count: units, doses, scores and the like. A count of these
 * keeps its digits ("2 units of insulin", "5 mg", "3 puffs").
 */
const MEASURE_WORDS = new Set(
  `mg mcg g kg lb lbs pounds ounces oz ml cc l liter liters litre litres unit units meq mmol iu mmhg cm mm
  inches inch feet ft km miles bpm breaths beats points point percent degrees am pm h hr hrs x times tab tabs
  tablet tablets pill pills capsule capsules puff puffs drop drops dose doses vial vials amp amps bag bags
  sec secs seconds`.split(/\s+/),
);

/** Words after which a number is a label or a value ("stage 3", "bed 5", "day 2", "age 7"). */
const LABEL_WORDS = new Set(
  `stage grade class type level phase day week month year bed room step score pod hd page number no version
  lead leads floor ward unit bay trial cycle round age aged gravida para pgy ms ms3 ms4 apgar gcs`.split(
    /\s+/,
  ),
);

const MONTHS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/i;

/** A number of 1 to 12 standing alone (not in "5.5", "3/10", "x3", "5%", "7:30"), or a range of two. */
const COUNT = /(?<![\p{L}\p{N}.,:/#$%+-])(\d{1,2})(?:(\s(?:to|or|and)\s|[-–])(\d{1,2}))?(?=\s)/gu;

/**
 * Small counts spelled out, as a letter writes them: "5 patients" → "five patients", "3-4 hours" → "three
 * to four hours". Only a number followed by a plain lower-case word; never a value with a unit, a dose, a
 * score ("7 of 10"), an age ("3 years old", "5-year-old"), a date, a time, or a number after a label.
 */
export function spellSmallCounts(text: string): string {
  return text.replace(
    COUNT,
    (whole, a: string, join: string | undefined, b: string | undefined, at: number) => {
      const numbers = b === undefined ? [Number(a)] : [Number(a), Number(b)];
      if (numbers.some((n) => n < 1 || n > 12)) return whole;
      const before = /(\S+)\s*$/u.exec(text.slice(0, at))?.[1] ?? '';
      if (!isCountContext(before, text.slice(at + whole.length))) return whole;
      const [first, second] = numbers.map(numberWord);
      // "2 large IV lines were placed" opening a sentence is "Two large IV lines…".
      const opens = /(?:^|[.!?]["”’)]?\s+)$/.test(text.slice(0, at));
      const lead = opens ? first!.charAt(0).toUpperCase() + first!.slice(1) : first!;
      if (second === undefined) return lead;
      return `${lead}${join === '-' || join === '–' ? ' to ' : join}${second}`;
    },
  );
}

function isCountContext(before: string, after: string): boolean {
  const prev = before.toLowerCase().replace(/[(,;:]$/, '');
  if (LABEL_WORDS.has(prev) || MONTHS.test(prev) || /^\p{Lu}{2,}\d*$/u.test(before)) return false;
  const next = /^\s+(\p{L}[\p{L}'’/-]*)/u.exec(after)?.[1] ?? '';
  if (!/^\p{Ll}/u.test(next) || MEASURE_WORDS.has(next.toLowerCase().split('/')[0]!)) return false;
  if (/^(?:of|out)$/.test(next) && /^\s+(?:out\s+)?of\s+\d/.test(after)) return false;
  if (/-old$|^y\/?o$/.test(next)) return false;
  if (/^(?:years?|months?|weeks?|days?)$/.test(next) && /^\s+\S+\s+(?:old|of age)\b/.test(after))
    return false;
  return true;
}

/** The whole cleaning, in order, for one answer's lines (already normalized, bullets already handled). */
export function cleanProse(lines: readonly string[], rotationName: string): string {
  const joined = joinLines(lines.map(dropEmoji));
  return agesAsAdjectives(
    reportedInThePast(
      eventsInThePast(wantThemTo(spellSmallCounts(unquoteName(dropRepeatedSentences(joined), rotationName)))),
    ),
  );
}

/** "an 80-year-old", "an 18-year-old", "a 58-year-old". */
const articleOf = (age: string) => (/^(?:8|11|18|8\d)$/.test(age) ? 'an' : 'a');
const AGE_NOUN = '(woman|man|girl|boy|child|patient|lady|gentleman|female|male)';
const SEX_NOUN: Readonly<Record<string, string>> = { female: 'woman', male: 'man' };

/**
 * A non-native "58 years old woman", "59 year old male" or "a woman of 45 years" is the letter's "58-year-old
 * woman": the age before the noun, hyphenated.
 */
export function agesAsAdjectives(text: string): string {
  const noun = (n: string) => SEX_NOUN[n.toLowerCase()] ?? n;
  return text
    .replace(
      new RegExp(`\\b(\\d{1,3})[ -]years?[ -]old ${AGE_NOUN}\\b`, 'gi'),
      (_m, age: string, who: string) => `${age}-year-old ${noun(who)}`,
    )
    .replace(
      new RegExp(`\\b([Aa]n?) ${AGE_NOUN} of (\\d{1,3}) years(?: old)?\\b`, 'g'),
      (_m, article: string, who: string, age: string) =>
        `${/^A/.test(article) ? capitalize(articleOf(age)) : articleOf(age)} ${age}-year-old ${noun(who)}`,
    );
}

const REPORTED =
  /\b(said|told\s+(?:him|her|them|the\s+[\p{L}-]+)|explained|answered|replied)(\s+(?:that\s+)?)(I\s[^.!?;"“”]*)/gu;
const BACKSHIFT: Readonly<Record<string, string>> = {
  'do not': 'did not',
  "don't": "didn't",
  'don’t': 'didn’t',
  will: 'would',
  "won't": "wouldn't",
  'won’t': 'wouldn’t',
  am: 'was',
  can: 'could',
  cannot: 'could not',
  "can't": "couldn't",
  'can’t': 'couldn’t',
};

/**
 * What the candidate said, reported without quotation marks, told as a letter reports it: "I said I do not
 * know and I will look for it" is "I said I did not know and I would look for it". Only the candidate's
 * own "I" in the reported clause shifts; a quotation keeps its words.
 */
export function reportedInThePast(text: string): string {
  return text.replace(REPORTED, (_m, verb: string, gap: string, clause: string) => {
    const shifted = clause.replace(
      /\bI\s+(do not|don['’]t|will|won['’]t|am|can|cannot|can['’]t)\b/g,
      (_w, v: string) => `I ${BACKSHIFT[v] ?? v}`,
    );
    return `${verb}${gap}${shifted}`;
  });
}

const PERFECT_EVENT =
  /\bI(?:\s+have|['’]ve)\s+(done|seen|taken|given|written|spoken|made|examined|performed|presented|started|called|checked|asked|told|assisted|admitted|discharged|placed|reviewed)\b/g;
const PAST_OF_PARTICIPLE: Readonly<Record<string, string>> = {
  done: 'did',
  seen: 'saw',
  taken: 'took',
  given: 'gave',
  written: 'wrote',
  spoken: 'spoke',
};
// What makes a present perfect mean experience or a span of time, which the simple past would change.
const EXPERIENCE = /\b(?:ever|never|always|already|since|often|many|times|every|so far|yet)\b/i;

/**
 * A non-native speaker's present perfect for one event of the rotation, "I have done NIHSS together with
 * resident, score was 14", is the simple past a letter narrates in ("I did…"): only in a sentence that
 * already tells in the past, and never with words of experience ("I have never seen…", "since…").
 */
export function eventsInThePast(text: string): string {
  return text.replace(/[^.!?]+[.!?]*/g, (sentence) =>
    EXPERIENCE.test(sentence) || !/\b(?:was|were|did|had)\b/.test(sentence)
      ? sentence
      : sentence.replace(PERFECT_EVENT, (_m, verb: string) => `I ${PAST_OF_PARTICIPLE[verb] ?? verb}`),
  );
}

const WANT_THEY =
  /\b(want|wanted|did not want|didn[’']t want|asked|told)\s+(they|he|she)\s+(come|go|stay|wait|leave|call|eat|sleep|worry|sign|see|know|feel)\b/g;
const OBJECT_OF: Readonly<Record<string, string>> = { they: 'them', he: 'him', she: 'her' };

/**
 * A non-native speaker's "I did not want they come" is "I did not want them to come": a subject pronoun
 * between a verb of wanting or asking and a bare verb can mean nothing else.
 */
export function wantThemTo(text: string): string {
  return text.replace(
    WANT_THEY,
    (_w, verb: string, who: string, action: string) => `${verb} ${OBJECT_OF[who]} to ${action}`,
  );
}
