/**
 * Fragments a candidate types where a sentence belongs, made into the sentence a letter needs, in the
 * candidate's voice so the point-of-view conversion turns them into the physician's like any other answer.
 * Each rule covers one shape with one reading; anything else is left for the composer to mark.
 *   - a relationship role: "Preceptor in clinic, three days a week" → "Dr. Birchfield was my preceptor in
 *     clinic, three days a week."
 *   - a counted procedure: "lac repair x7" → "seven laceration repairs"
 *   - feedback as a label: "Dr. Ferraro: “hardest worker on the team”" → "I was the hardest worker on the team."
 *   - feedback received, as a note: "midpoint fb: plans too vague" → "At midpoint, the feedback was that my
 *     plans were too vague."
 */
import { numberWord } from './letter-dates';
import { capitalize } from './pov-words';

const ROLE_NOUN =
  '(?:attending(?:\\s+physician)?|preceptor|supervisor|mentor|advisor|adviser|(?:clerkship|course|site|program|residency|rotation)\\s+director|director|instructor|teacher|chief)';

/** "Ward attending, two weeks", "attending on general surgery", "my preceptor in clinic". */
const ROLE = new RegExp(
  `^(?:(?:my|the)\\s+)?(?:(?!(?:was|is|were|are|has|had)\\s)[\\p{L}-]+\\s+){0,2}?${ROLE_NOUN}\\b`,
  'iu',
);

const DURATION =
  /,\s*((?:about\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days?|weeks?|months?|years?))$/i;

/** Lower-cases a first word that is only capitalized ("Ward"), not an acronym ("ICU"). */
export const lowerFirst = (s: string): string =>
  /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;

/**
 * A relationship fragment that names the recommender's role as a sentence about the recommender, or null
 * when the text is not such a fragment (it starts with "I", or with anything but a role).
 */
export function relationshipFragment(text: string, recommender: string): string | null {
  const t = text.replace(/[\s;,.]+$/, '').trim();
  if (recommender === '' || !ROLE.test(t)) return null;
  const role = lowerFirst(t)
    .replace(/^(?:my|the)\s+/i, '')
    .replace(DURATION, (_w, span: string) => ` for ${span.replace(/\d+/, (n) => numberWord(Number(n)))}`);
  return `${recommender} was my ${role}.`;
}

/** A relationship answer with each role fragment in it (between semicolons or sentence ends) made a sentence. */
export function relationshipInProse(text: string, recommender: string): string {
  const parts = text
    .split(/;\s+|(?<=[.!?])(?<!\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|St)\.)\s+(?=\p{Lu})/u)
    .map((part) => part.trim())
    .filter(Boolean);
  const sentences = parts.map((part) => relationshipFragment(part, recommender));
  // Text with no fragment stays as the candidate punctuated it.
  if (sentences.every((s) => s === null)) return text;
  return parts
    .map((part, i) => {
      const sentence = sentences[i];
      if (sentence) return sentence;
      const capital = part.charAt(0).toUpperCase() + part.slice(1);
      return /[.!?]["”’)]*$/.test(capital) ? capital : `${capital}.`;
    })
    .join(' ');
}

/** Procedure words a note shortens, with one meaning each in a procedure log. */
const PROCEDURE_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\blap\s+appy\b/gi, 'laparoscopic appendectomy'],
  [/\blap\s+chole\b/gi, 'laparoscopic cholecystectomy'],
  [/\blap\b(?=\s+\p{L})/giu, 'laparoscopic'],
  [/\blac\b(?=\s+repair)/gi, 'laceration'],
  [/\bappy\b/gi, 'appendectomy'],
  [/\bFAST\b(?!\s+exam)/g, 'FAST exam'],
  [/\bABGs?\b/g, 'arterial blood gas'],
  [/\bLPs?\b/g, 'lumbar puncture'],
  [/\bart(?:erial)? lines?\b/gi, 'arterial line'],
];

/** The plural of a procedure noun phrase's last word: "repair" → "repairs", "paracentesis" → "paracenteses". */
function plural(phrase: string): string {
  return phrase.replace(/([\p{L}&]+)$/u, (word) => {
    if (/^\p{Lu}[\p{Lu}&]*$/u.test(word)) return `${word}s`;
    if (/sis$/.test(word)) return word.replace(/sis$/, 'ses');
    if (/(?:s|x|ch|sh)$/.test(word)) return `${word}es`;
    if (/[^aeiou]y$/.test(word)) return word.replace(/y$/, 'ies');
    return `${word}s`;
  });
}

const COUNTED = /^(.*?\S)\s*(?:x|×)\s?(\d{1,3})\b\s*(\(.*\))?$/u;
// The same log written as "Pap smears 4" or "1 IUD (assisted)".
const COUNT_AFTER = /^(\p{L}[\p{L}\s&'’-]*?\p{L})\s+(\d{1,3})\s*(\(.*\))?$/u;
const COUNT_BEFORE = /^(\d{1,3})\s+(\p{L}[\p{L}\s&'’-]*?\p{L})\s*(\(.*\))?$/u;

/** A log entry as its noun, count and note, whichever way round it was typed. */
function countedParts(item: string): { noun: string; n: number; note: string } | null {
  const x = COUNTED.exec(item) ?? COUNT_AFTER.exec(item);
  if (x) return { noun: x[1]!, n: Number(x[2]), note: x[3] ?? '' };
  const before = COUNT_BEFORE.exec(item);
  return before ? { noun: before[2]!, n: Number(before[1]), note: before[3] ?? '' } : null;
}

/** "lac repair x7" → "seven laceration repairs"; "paracentesis x1 (supervised)" → "one paracentesis (supervised)". */
export function countedItem(item: string): string {
  const m = countedParts(item.trim().replace(/[\s.;]+$/, ''));
  if (!m || m.n === 0) return item;
  const named = PROCEDURE_WORDS.reduce((t, [re, to]) => t.replace(re, to), m.noun);
  // A list's capital ("Lacerations 9") is not the word's; an eponym's ("Pap", "Foley") and an acronym's are.
  const noun = /^\p{Lu}\p{Ll}/u.test(named) && !EPONYM.test(named) ? lowerFirst(named) : named;
  const note = m.note ? ` ${m.note}` : '';
  return `${numberWord(m.n)} ${m.n === 1 ? noun : pluralHead(noun)}${note}`;
}

const EPONYM =
  /^(?:Pap|Foley|Swan|Whipple|Nissen|Hartmann|Mohs|Epley|Heimlich|Seldinger|Gram|Doppler|Holter)\b/;

/**
 * The plural of a counted thing: its head, before any "of", "with" or "in" ("joint injections of the
 * knee", "echo reads with the fellow"); one typed plural already ("Pap smears 4") stays, while
 * "paracentesis" and "bronchus" are singular.
 */
function pluralHead(noun: string): string {
  const at = noun.search(/\s(?:of|with|in|on|under|for|at)\s/);
  const head = at < 0 ? noun : noun.slice(0, at);
  const tail = at < 0 ? '' : noun.slice(at);
  // "gas" ends in s but is one ("three arterial blood gases").
  return `${/[^siu]s$/.test(head) && !/\bgas$/.test(head) ? head : plural(head)}${tail}`;
}

/** Every counted item of a comma or semicolon list. */
export const countedList = (text: string): string =>
  text
    .split(/(\s*[,;]\s*)(?![^()]*\))/)
    .map((part, i) => (i % 2 === 0 ? countedItem(part) : part))
    .join('');

const PRAISE_START =
  /^(?:best|hardest|strongest|most|finest|top|one of the|among the|ready|excellent|outstanding|exceptional|a|an|the)\b/i;

/**
 * Feedback written as a label, "Dr. Ferraro: “hardest worker on the team”", or quoted, "Dr. Porter said
 * “Maya is a natural”", from the recommender (by
 * surname): the praise made the candidate's sentence, "I was the hardest worker on the team.", so that the
 * letter states it rather than has the physician quote themselves. Null for anything else.
 */
export function labelledFeedback(text: string, recommenderSurname: string, firstName = ''): string | null {
  if (recommenderSurname === '') return null;
  // "Dr. Porter: …", or a quotation: "Dr. Porter said “Maya is a natural”".
  const m =
    /^(?:Dr\.?\s+)?(?:\p{Lu}[\p{L}'’-]*\s+)?(?!(?:said|wrote)\b)([\p{L}'’-]+)(?:\s*:\s*["“]?|\s+(?:said|wrote)[,:]?\s*["“])([^"”]+?)["”]?[\s.]*$/u.exec(
      text.trim(),
    );
  if (!m || m[1] !== recommenderSurname) return null;
  // "Oleksandr is reliable and his knowledge … is excellent": the praise, about the candidate by first name.
  const named = firstName ? new RegExp(`^${firstName}\\s+(?:is|was)\\s+`, 'u').exec(m[2]!) : null;
  if (named) {
    const rest = m[2]!
      .slice(named[0].length)
      .replace(/\b(?:his|her|their)\b/g, 'my')
      .replace(/\bis\b/g, 'was')
      .replace(/\bare\b/g, 'were');
    return `I was ${rest.replace(/[\s.]+$/, '')}.`;
  }
  if (!PRAISE_START.test(m[2]!)) return null;
  const praise = lowerFirst(m[2]!.trim());
  const article = /^(?:best|hardest|strongest|most|finest|top)\b/i.test(praise) ? 'the ' : '';
  return `I was ${article}${praise}.`;
}

const JUDGED =
  /^(.+?)\s+((?:too|very|a bit|a little|somewhat|much)\s+)?(slow|vague|long|short|late|disorganized|unclear|incomplete|quiet|brief|wordy|fast|rushed|scattered)$/i;

/**
 * Feedback the candidate received, written as a label: "midpoint feedback: plans too vague", "feedback
 * from Dr. Vukovic: disposition decisions slow", "feedback: need to set agenda". In the candidate's voice,
 * for the conversion: "At midpoint, the feedback was that my plans were too vague." Null for anything else.
 */
export function feedbackNote(text: string): string | null {
  const m =
    /^(?:(midpoint|mid-rotation|final|early|first-week)\s+)?(?:fb|feedback)(\s+from\s+[^:]+?)?\s*:\s*(.+?)[\s.]*$/i.exec(
      text.trim(),
    );
  if (!m) return null;
  const body = m[3]!;
  const need = /^needs?\s+to\s+(.+)$/i.exec(body);
  const judged = JUDGED.exec(body);
  let clause: string;
  if (need) clause = `I needed to ${need[1]}`;
  else if (judged && !/^(?:my|I)\b/i.test(judged[1]!)) {
    const noun = judged[1]!.replace(/^(?:the|his|her|their)\s+/i, '');
    const plural = /s$/i.test(noun) && !/ss$/i.test(noun);
    clause = `my ${lowerFirst(noun)} ${plural ? 'were' : 'was'} ${judged[2] ?? ''}${judged[3]}`;
  } else return null;
  // "Dr. Vukovic's feedback", which the conversion makes "my feedback" when Dr. Vukovic is the recommender.
  const giver = m[2] ? `${m[2].replace(/^\s+from\s+/i, '')}’s` : 'the';
  const feedback = m[1] ? `At ${m[1].toLowerCase()}, ${giver} feedback` : `${capitalize(giver)} feedback`;
  return `${feedback} was that ${clause}.`;
}
