/**
 * Candidate text that is not prose: bullet notes ("- saw 5 pts/day") and note abbreviations (pt, w/, f/u,
 * "64F"). What a rule can rewrite with one meaning is rewritten; a bullet that is a clause with its subject
 * left out ("saw five patients a day") is finished as the candidate's sentence ("I saw…"), which the point
 * of view conversion then turns into the physician's. Anything else (a noun phrase, an abbreviation with two
 * meanings such as d/c) is a note: the composer marks it and asks, in session 1, for full sentences.
 */
import { normalizeText } from '../text';
import { arrowNoteProse, isPastVerb, isPastWord } from './arrow-notes';
import { feedbackNote } from './fragments';
import { numberWord } from './letter-dates';
import { capitalize } from './pov-words';
import { cleanProse, dropEmoji, sentenceKey, spellSmallCounts, unquoteName } from './source-text';

/** A stretch of an answer: prose for the conversion, or a note the composer marks for the writer. */
export interface AnswerPiece {
  readonly text: string;
  readonly kind: 'prose' | 'note';
  /** A bullet note as the candidate typed it (without its bullet), which the letter shows marked. */
  readonly typed?: string;
}

/** A bullet or numbered item's marker at the start of a line. */
export const BULLET = /^(?:[-*•·–—▪◦]|\d{1,2}[.)])\s+/;

/** "64F", "72 M", "64 yo F", "80 y/o male": an age and sex as notes write them. */
const AGE_SEX =
  /\b(?:(a|an|the|one)\s+)?(\d{2,3})\s?(?:-?\s?(?:yo|y\/o|y\.o\.|year-old|years? old)\s?)?(F|M|female|male)\b(?![\p{L}\d/])/gu;

const PER = /\b(\p{L}+)\/(day|week|wk|night|shift|month)\b/gu;

/** One meaning each, in a clinical answer. Order matters: "w/o" before "w/", "with h/o" before "h/o". */
const REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bw\/o(?=[\s\p{L}])/gu, 'without'],
  [/\bw\/(?=[\s\p{L}])\s?/gu, 'with '],
  [/\bwith h\/o\b/g, 'with a history of'],
  [/\bh\/o\b/g, 'history of'],
  [/\b(year-old (?:woman|man)) history of\b/g, '$1 with a history of'],
  // A child's age without a sex ("2yo w/ ear pain"): the adult form above needs the sex.
  [/(^|[\s(])(\d{1,2})\s?(?:yo|y\/o)\b(?!\s?(?:[MF]|male|female)\b)/g, '$1a $2-year-old'],
  [/\bs\/p fall\b/g, 'after a fall'],
  [/\bs\/p\b/g, 'after'],
  [/\bno sx\b/g, 'no symptoms'],
  [/\bCT (head|chest|neck)\b/g, '$1 CT'],
  [/\bCT abd(?:omen)?\b/g, 'abdominal CT'],
  [/\banticoag\b/g, 'anticoagulation'],
  [/\b(I|we|she|he|they)\s+f\/u(?:'?d)?\b/g, '$1 followed up'],
  [/\bf\/u\b/g, 'follow-up'],
  [/\bd\/c(?:'?d|ed)?\s+(?=home\b|to (?:home|rehab|a SNF|SNF|a skilled)\b)/g, 'discharged '],
  [/\bd\/c\s+(?=summary|summaries|planning|plan|paperwork|instructions)/g, 'discharge '],
  [/\bPts\b/g, 'Patients'],
  [/\bpts\b/g, 'patients'],
  [/\bPt\b(?!\.)/g, 'Patient'],
  [/\bpt\b/g, 'patient'],
  [/\bexac\b\.?/g, 'exacerbation'],
  [/\babx\b/g, 'antibiotics'],
  [/\bnebs\b/g, 'nebulizers'],
  [/\bhx\b/g, 'history'],
  [/\bddx\b/g, 'differential diagnosis'],
  [/\bw\/u\b/g, 'workup'],
  [/\bb\/c\b/g, 'because'],
  [/\bapprox\.?(?=\s)/g, 'about'],
  [/\bat d\/c\b/g, 'at discharge'],
  [/\bgen surg\b/gi, 'general surgery'],
  [/\bwks\b/g, 'weeks'],
  [/\bwk\b/g, 'week'],
  [/\bmtg\b/g, 'meeting'],
  [/\bmgmt\b/g, 'management'],
  [/\bincl\.?(?=\s)/g, 'including'],
  [/\bQs\b/g, 'questions'],
  [/\bdispo\b/g, 'disposition'],
  [/\bfb\b/g, 'feedback'],
  [/\bq(\d{1,2})\s?min\b/g, 'every $1 minutes'],
  [/\bq1\s?(?:h|hr|hour)\b/g, 'every hour'],
  [/\bq(\d{1,2})\s?(?:h|hr|hrs|hours?)\b/g, 'every $1 hours'],
  [/\bmed rec\b/g, 'medication reconciliation'],
  [/\bmeds\b/g, 'medications'],
  [/\bBPs\b/g, 'blood pressures'],
  [/\bBP\b/g, 'blood pressure'],
  [/\bHTN\b/g, 'hypertension'],
  [/\bURIs?\b/g, 'upper respiratory infection'],
  // "US" is also ultrasound ("the US showed gallstones"); after "to/in/from the" and before no verb, the country.
  [
    /\b(to|in|from|across|outside|throughout) the US\b(?!\s+(?:showed|revealed|was|found|demonstrated|of)\b)/g,
    '$1 the United States',
  ],
  // "48h", "24 hrs": a duration; "q4h" is read above.
  [/\b(\d{1,3})\s?(?:h|hr|hrs)\b(?![/\p{L}])/gu, '$1 hours'],
  // A diagnosis as notes write it: "dx'd with" and "was dx with" are the verb, "new dementia dx" the noun.
  [/\bdx(?:'d|’d|ed|d)\b/g, 'diagnosed'],
  [/\b(was|were|been|newly|got) dx\b/g, '$1 diagnosed'],
  [/\b(new|initial|final|working|the|a|his|her|their) ([\p{L}-]+) dx\b(?![/\p{L}])/gu, '$1 $2 diagnosis'],
  [/\s[&+]\s/g, ' and '],
];

/** Abbreviations with more than one meaning, and note syntax no rule can turn into a sentence. */
const UNCLEAR = /(?:\b(?:d\/c|dx|tx|sx|bx|c\/o|r\/o|s\/s|n\/v)\b|->|→|=>|\/\/)/i;

const article = (n: string) => (/^(?:8|11|18|8\d)$/.test(n) ? 'an' : 'a');

/** Rewrites the abbreviations that have one meaning; leaves the rest as typed. */
export function expandAbbreviations(text: string): string {
  const aged = text.replace(AGE_SEX, (whole, det: string | undefined, age: string, sex: string) => {
    const n = Number(age);
    if (n < 18 || n > 110) return whole;
    const noun = /^f/i.test(sex) ? 'woman' : 'man';
    const lead = det && !/^one$/i.test(det) ? det : article(age);
    const fixed = /^an?$/i.test(lead) ? (/^A/.test(lead) ? capitalize(article(age)) : article(age)) : lead;
    return `${fixed} ${age}-year-old ${noun}`;
  });
  const times = aged.replace(
    /\b(\d{1,2})x\/(day|week|wk|month)\b/g,
    (_w, n: string, unit: string) =>
      `${n === '1' ? 'once' : n === '2' ? 'twice' : `${numberWord(Number(n))} times`} a ${unit === 'wk' ? 'week' : unit}`,
  );
  const per = times.replace(
    PER,
    (_w, noun: string, unit: string) => `${noun} a ${unit === 'wk' ? 'week' : unit}`,
  );
  return REWRITES.reduce((t, [re, to]) => t.replace(re, to), per);
}

const PERSON_ROLE =
  'resident|nurse|family|patient|attending|intern|pharmacist|fellow|team|mother|father|daughter|son|wife|husband|senior|chief resident|charge nurse|social worker';
// Only where the noun ends its phrase ("told resident right away"), not as a modifier ("patient safety").
const ROLE_AFTER =
  /(?=\s*(?:[.,;:)]|$)|\s+(?:and|about|right|when|that|who|why|at|in|on|to|for|with|before|after|during|because|if|so|the|a|an|his|her|their|what|how|every|each)\b)/
    .source;
const BARE_ROLE = new RegExp(
  `\\b(with|to|told|asked|called|paged|informed|updated|for|from|by|showed|taught) (${PERSON_ROLE})\\b${ROLE_AFTER}`,
  'g',
);
const BARE_THING = new RegExp(
  `\\b(ran|led|held|organized|made|wrote|created|built|prepared|designed) (family meeting|checklist|handout|presentation|talk|list|template|protocol|spreadsheet|schedule|flowchart|poster)\\b${ROLE_AFTER}`,
  'g',
);

/**
 * The article a note leaves out before a person or a thing made: "explained to family why…" → "…to the
 * family why…", "told resident right away" → "told the resident…", "made checklist" → "made a checklist".
 */
export const withNoteArticles = (text: string): string =>
  text.replace(BARE_ROLE, '$1 the $2').replace(BARE_THING, '$1 a $2');

export const hasUnclearNotation = (text: string): boolean => UNCLEAR.test(text);

/**
 * A bullet as a sentence, when it is one: it already starts with "I", or it is a clause whose first word
 * is a past-tense verb and whose subject the candidate left out ("saw five patients a day" → "I saw five
 * patients a day."). Anything else (a noun phrase) returns null.
 */
export function finishBullet(bullet: string): string | null {
  const trimmed = bullet.replace(/[\s;,.]+$/, '').trim();
  if (trimmed === '') return null;
  // An adverb before the verb ("always finished notes same day") stays where the candidate put it.
  const adverb = /^(?:always|also|then|often|usually|never|later|personally|independently)\s+/i.exec(trimmed);
  if (adverb) {
    const rest = finishBullet(trimmed.slice(adverb[0].length));
    return rest ? `I ${adverb[0].toLowerCase()}${rest.slice(2)}` : null;
  }
  const text = trimmed;
  const first = /^[\p{L}']+/u.exec(text)?.[0] ?? '';
  const withStop = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
  if (!actionsAllVerbs(text)) return null;
  if (/^I(?:'|’|$)/.test(first) || first === 'I') return withStop(text);
  const verb = first.toLowerCase();
  if (!isPastVerb(verb) || (first !== verb && first !== capitalize(verb))) return null;
  return withStop(`I ${verb}${text.slice(first.length)}`);
}

/**
 * Whether a bullet listing actions ("sat down, apologized for the wait, rechecked pain") has a verb in each
 * of them: one item without ("…, pain meds per his care plan, …") leaves the sentence broken, so the bullet
 * stays a note. A bullet with one action and a description ("saw 5 pts a day, mostly elderly") is fine.
 */
function actionsAllVerbs(text: string): boolean {
  const items = text.split(/,\s+(?![^()]*\))/).slice(1);
  const opensWithVerb = (item: string) =>
    isPastWord(
      item
        .replace(/^(?:and|then|also|later)\s+/i, '')
        .split(/\s+/)[0]!
        .toLowerCase(),
    );
  return !items.some(opensWithVerb) || items.every(opensWithVerb);
}

const DETERMINER =
  /^(?:the|a|an|her|his|their|its|one|two|three|four|five|six|seven|eight|nine|ten|both|all|most|many|several|\d+(?:st|nd|rd|th)?)$/i;
/** Nouns a note writes without their article: "Family chose…" is "The family chose…". */
const BARE_NOUN =
  /^(?:patient|resident|family|nurse|attending|team|chief|intern|mother|father|daughter|son)(?:['’]s)?$/i;

/**
 * A bullet that is already a clause with its own subject and a past verb ("Family chose comfort-focused
 * care", "Patients without insurance could not afford inhalers") as a sentence, with the article a note
 * leaves out; null for anything else (a noun phrase, a label "fb: …", notation no rule can read).
 */
export function clauseBullet(bullet: string): string | null {
  const text = bullet.replace(/[\s;,.]+$/, '').trim();
  const words = text.split(/\s+/);
  if (words.length < 3 || /[:]/.test(text)) return null;
  const k = words.findIndex((w, i) => i > 0 && i <= 5 && isPastWord(w.toLowerCase()));
  if (k < 1) return null;
  const subject = words.slice(0, k);
  if (subject.some((w) => /[,;()]/.test(w) || isPastWord(w.toLowerCase()))) return null;
  const head = subject[0]!;
  const plural = /^\p{L}+s$/u.test(head) && !/ss$/.test(head);
  if (!DETERMINER.test(head) && !BARE_NOUN.test(head) && !plural) return null;
  const withArticle = BARE_NOUN.test(head) ? `The ${head.toLowerCase()}${text.slice(head.length)}` : text;
  return `${capitalize(withArticle)}.`;
}

/** Whether any line of the answer is a bullet or a numbered item. */
export const hasBulletLines = (raw: string | undefined): boolean =>
  normalizeText(raw ?? '')
    .split('\n')
    .some((line) => BULLET.test(line.trim()));

/** Lines of an answer, with bullets typed on one line ("- saw 5 pts; - 64F w/ COPD") put on lines of their own. */
function answerLines(raw: string): string[] {
  return normalizeText(raw)
    .split('\n')
    .flatMap((line) => (BULLET.test(line) ? line.split(/;\s*(?=[-*•·–]\s)/) : [line]));
}

/**
 * The answer as pieces in order: prose lines cleaned and joined (source-text.ts), each bullet finished as a
 * sentence or kept as a note, and any sentence with notation no rule can read kept as a note.
 */
export function answerPieces(raw: string | undefined, rotationName = ''): AnswerPiece[] {
  const pieces: AnswerPiece[] = [];
  const seen = new Set<string>();
  // Prose runs on in one piece; each note stays its own piece, for the composer to mark.
  const push = (text: string, kind: AnswerPiece['kind'], typed?: string) => {
    const key = sentenceKey(text);
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    const last = pieces[pieces.length - 1];
    if (last && last.kind === 'prose' && kind === 'prose')
      pieces[pieces.length - 1] = { kind, text: `${last.text} ${text}` };
    else pieces.push(typed === undefined ? { text, kind } : { text, kind, typed });
  };
  let prose: string[] = [];
  const flushProse = () => {
    if (prose.length > 0) {
      for (const sentence of splitProse(
        withNoteArticles(expandAbbreviations(cleanProse(prose, rotationName))),
      ))
        push(sentence, hasUnclearNotation(sentence) ? 'note' : 'prose');
    }
    prose = [];
  };
  for (const line of answerLines(raw ?? '')) {
    if (!BULLET.test(line)) {
      prose.push(line);
      continue;
    }
    flushProse();
    const text = spellSmallCounts(
      unquoteName(withNoteArticles(expandAbbreviations(dropEmoji(line.replace(BULLET, '')))), rotationName),
    );
    const sentence = hasUnclearNotation(text)
      ? arrowNote(text)
      : (finishBullet(text) ?? clauseBullet(text) ?? feedbackNote(text));
    if (sentence) push(sentence, 'prose');
    else
      push(
        text.replace(/[\s;,]+$/, ''),
        'note',
        dropEmoji(line.replace(BULLET, '')).replace(/[\s;,.]+$/, ''),
      );
  }
  flushProse();
  return pieces;
}

/** An arrow note as sentences (arrow-notes.ts), when they leave no notation unread. */
function arrowNote(text: string): string | null {
  const prose = arrowNoteProse(text);
  return prose !== null && !hasUnclearNotation(prose) ? spellSmallCounts(prose) : null;
}

// Splitting at sentence ends only where a full stop is followed by a capital: enough to find the one
// sentence with notation in a paragraph; the conversion splits properly later.
const splitProse = (text: string) => text.split(/(?<=[.!?]["”’)]?)\s+(?=[\p{Lu}“"(])/u);
