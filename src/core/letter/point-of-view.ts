/**
 * Rewrites the candidate's first-person answers from the recommender's point of view: "I admitted…" becomes
 * "Dr. Delgado admitted…" (or "she admitted…"), "my resident" becomes "her resident", and the candidate's
 * references to the recommender ("Dr. Chen", "my attending") become "I"/"me"/"my".
 *
 * The rules work sentence by sentence on words, never on meaning, so they refuse whenever they cannot be
 * sure: a sentence with first person inside a quotation, an unknown present-tense verb after "I", a
 * reflexive with no pronoun to use, or reported speech that mixes the recommender and another "he"/"she" is
 * kept exactly as the candidate wrote it, marked for the writer, and turned into an open question. A
 * refused sentence is visible and honest; a silently garbled one would go out under a physician's name.
 */
import { escapeRegExp } from '../text';
import { introducedPerson, isAboutTheAnswer, withoutAnswerFrame } from './about-the-answer';
import { withoutInnerState } from './inner-states';
import { MARK_CLOSE, MARK_OPEN } from './model';
import { OtherPeople, peopleIn, withOpeningNamed } from './other-person';
import { withoutOwnQuotation, withRecommenderContinued } from './recommender-pronoun';

/** The candidate's pronouns: the three common sets, two neopronoun sets, or none (the name every time). */
export type PronounSet = 'she' | 'he' | 'they' | 'ze' | 'zir' | 'xe' | 'name';

export interface PronounForms {
  readonly subject: string;
  readonly object: string;
  readonly possessive: string;
  readonly possessivePronoun: string;
  readonly reflexive: string;
  /** Whether verbs agree as plural ("they are"). */
  readonly plural: boolean;
}

export const PRONOUN_FORMS: Readonly<Record<Exclude<PronounSet, 'name'>, PronounForms>> = {
  she: {
    subject: 'she',
    object: 'her',
    possessive: 'her',
    possessivePronoun: 'hers',
    reflexive: 'herself',
    plural: false,
  },
  he: {
    subject: 'he',
    object: 'him',
    possessive: 'his',
    possessivePronoun: 'his',
    reflexive: 'himself',
    plural: false,
  },
  they: {
    subject: 'they',
    object: 'them',
    possessive: 'their',
    possessivePronoun: 'theirs',
    reflexive: 'themselves',
    plural: true,
  },
  ze: {
    subject: 'ze',
    object: 'hir',
    possessive: 'hir',
    possessivePronoun: 'hirs',
    reflexive: 'hirself',
    plural: false,
  },
  zir: {
    subject: 'ze',
    object: 'zir',
    possessive: 'zir',
    possessivePronoun: 'zirs',
    reflexive: 'zirself',
    plural: false,
  },
  xe: {
    subject: 'xe',
    object: 'xem',
    possessive: 'xyr',
    possessivePronoun: 'xyrs',
    reflexive: 'xemself',
    plural: false,
  },
};

/** Every form of a set, for finding another person who shares the candidate's pronouns. */
export function pronounWords(forms: PronounForms): RegExp {
  const words = [forms.subject, forms.object, forms.possessive, forms.possessivePronoun, forms.reflexive];
  return new RegExp(`\\b(?:${[...new Set(words)].join('|')})\\b`, 'i');
}

/**
 * The pronoun set for the questionnaire answer: "she/her", "he/him", "they/them", and the neopronoun sets
 * "ze/hir", "ze/zir" and "xe/xem". Anything else (two sets such as "she/they", "any", "no pronouns, use my
 * name", a set these rules do not know how to decline) makes the letter use the name only: guessing which
 * pronoun to print would be worse than printing none.
 */
export function pronounSetOf(pronouns: string | undefined): PronounSet {
  const words = (pronouns ?? '')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w !== '' && w !== 'pronouns');
  const first = words[0];
  if (words.some((w, i) => i > 0 && ['she', 'he', 'they', 'ze', 'xe'].includes(w))) return 'name';
  if (first === 'she' || first === 'he' || first === 'they' || first === 'xe') return first;
  if (first === 'ze' || first === 'zie') return words.includes('zir') ? 'zir' : 'ze';
  return 'name';
}

/** "Dr. Delgado’s"; the Chicago style adds ’s to names ending in s too. */
export function possessiveOf(name: string): string {
  return `${name}’s`;
}

export interface PovOptions {
  readonly pronouns: PronounSet;
  /** The candidate's form of address, e.g. "Dr. Delgado". */
  readonly name: string;
  /** The recommender's full name without title or degree ("Michael Chen"), to recognize "Dr. Chen". */
  readonly recommenderName?: string;
  /** How questions address the recommender, e.g. "Dr. Chen". */
  readonly recommenderAddress: string;
  /**
   * `relationship`: the answer to "How did this physician supervise you?", where "he"/"she" can only mean
   * the recommender and needs no confirmation. Elsewhere a generic "the attending" becomes "I" with a
   * question asking the recommender to confirm.
   */
  readonly source: 'relationship' | 'competency' | 'highlight';
  /**
   * The recommender's pronouns if the relationship answer shows them ("I presented to him"): a later "his"
   * in a sentence that mentions the recommender is then ambiguous only when it matches.
   */
  readonly recommenderPronouns?: 'he' | 'she';
}

/** Per section: whether the candidate has been named yet (first mention uses the name). */
export interface PovState {
  named: boolean;
  /**
   * Whether the whole answer narrates in the past, when the text converted is only part of it (the prose
   * between marked notes): "I read" is then "she read", not a verb to ask about.
   */
  narrativePast?: boolean;
}

/** Whether an answer narrates in the past: "I was", "I had", "I examined". */
export const narratesInPast = (text: string): boolean =>
  /\bI\s+(?:\p{L}+ly\s+)?(?:was|had|did|\p{L}+ed)\b/u.test(text);

export interface PovSegment {
  readonly text: string;
  readonly marked: boolean;
}

export interface PovIssue {
  readonly kind: 'pointOfView' | 'recommender';
  /** Occurs verbatim in the converted text. */
  readonly quote: string;
  readonly question: string;
}

export interface PovResult {
  readonly segments: readonly PovSegment[];
  readonly issues: readonly PovIssue[];
}

// ---------------------------------------------------------------------------------------------------------
// Word lists. Small on purpose: an unknown word makes the rules refuse, which is the safe direction.

const MODALS = new Set(
  'can could will would shall should may might must cannot can’t couldn’t won’t wouldn’t shouldn’t mustn’t did didn’t had hadn’t used ought'
    .split(' ')
    .map((w) => w.replace(/’/g, "'")),
);

const IRREGULAR_PAST = new Set(
  `was were had did saw took made led wrote gave went came got found felt knew thought told said began ran kept
  left met brought taught caught bought sent spent stood understood held heard paid sat spoke chose drew drove
  ate fell forgot grew hid hung lay lost meant rode rose sang sank shook shot slept slid sought stuck struck swore
  threw woke wore won built dealt fed fled lit overheard oversaw undertook withdrew became broke bled rang sewed
  dug stole swam taught forgave foresaw mistook overcame withstood upheld sped`.split(/\s+/),
);

/** Same form in present and past: only safe to leave alone when the answer is told in the past. */
const AMBIGUOUS_PAST = new Set(
  'read put set cut let hit hurt shut spread quit cast cost split bid burst fit beat reset upset'.split(' '),
);

/** Verbs ending in -ed that are present-tense base forms. */
const ED_BASE = new Set(
  'need feed bleed proceed succeed exceed breed speed heed seed shed embed shred wed plead'.split(' '),
);

const BASE_VERBS = new Set(
  `see check examine admit follow present write review order call manage take make lead help work talk teach
  explain ask answer discuss learn think believe want feel know like love enjoy hope plan try use keep practice
  prepare care round document update perform assist place suture counsel educate coordinate communicate listen
  spend stay arrive leave start finish go come give get find notice recognize consider remember understand
  appreciate value aim seek strive continue tend need wish intend look bring build choose collect create
  develop ensure include improve interpret mentor monitor obtain organize participate provide reassess
  recommend request respond run share show speak support serve study suggest summarize tell treat volunteer
  visit cover handle interview diagnose prescribe draw insert intubate scrub assess evaluate triage chart note
  attend join contribute encourage advocate reflect realize remain become hold meet pay sit stand sleep eat
  drive say hear see feel mean lose win teach catch buy send bring think read put set cut let hit hurt shut
  spread quit cast cost split fit reset upset love prefer plan apply supply reply rely comply carry study
  worry hurry copy identify verify clarify modify notify`.split(/\s+/),
);

const ADVERBS = new Set(
  `also always never often then still just even already first later soon once again sometimes usually now only
  not personally immediately quickly actually really eventually subsequently initially finally independently
  promptly routinely consistently ultimately gradually rapidly carefully thoroughly regularly frequently
  together afterwards afterward too`.split(/\s+/),
);

const FUNCTION_WORDS = new Set(
  `to with for by from at of about on in into onto over under after before until during without through than as
  like near and or but so because when while that if the a an every each this these those all some any no we
  they he she it i me you again later today daily directly too throughout around across between among against
  since then there here very much more most less least first last`.split(/\s+/),
);

const CLAUSE_STARTERS = new Set(
  'and but so or when while because after before until that then since although though where once if as whereas'.split(
    ' ',
  ),
);

const COPULAS = new Set(['was', 'is', 'were', 'are', 'be', 'been', 'became', 'become', 'as']);

const ROMAN_CONTEXT = new Set(
  'type class grade stage phase mobitz part level schedule tier lead factor complex section chapter category zone'.split(
    ' ',
  ),
);

const THIRD_SINGULAR = /^(he|him|his|himself|she|her|hers|herself)$/i;

/** The recommender's pronouns as the relationship answer uses them, when it uses only one set. */
export function recommenderPronounsIn(relationship: string): 'he' | 'she' | undefined {
  const he = /\b(he|him|his|himself)\b/i.test(relationship);
  const she = /\b(she|her|hers|herself)\b/i.test(relationship);
  return he && !she ? 'he' : she && !he ? 'she' : undefined;
}

function thirdPersonS(base: string): string {
  if (base === 'have') return 'has';
  if (base === 'be') return 'is';
  if (base === 'do') return 'does';
  if (base === 'go') return 'goes';
  if (/(s|sh|ch|x|z|o)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

const THIRD_TO_BASE = new Map([...BASE_VERBS].map((b) => [thirdPersonS(b), b]));

const norm = (w: string) => w.toLowerCase().replace(/’/g, "'");

function isPast(w: string): boolean {
  const n = norm(w);
  if (IRREGULAR_PAST.has(n)) return true;
  return n.endsWith('ed') && n.length > 3 && !ED_BASE.has(n);
}

/** Nouns that end in -ly, so that "her family" is not read as "her" followed by an adverb. */
const LY_NOUNS = new Set(
  'family assembly supply anomaly ally belly reply rally monopoly jelly bully'.split(' '),
);

function isAdverb(w: string): boolean {
  const n = norm(w);
  if (ADVERBS.has(n)) return true;
  return n.endsWith('ly') && !BASE_VERBS.has(n) && !LY_NOUNS.has(n) && n.length > 3;
}

/**
 * Words after which a possessive stands alone ("the idea was his, and…", "with the attending's until…") and
 * an object pronoun ends its phrase ("presented to her on rounds").
 */
const PHRASE_BREAKS = new Set(
  `to with for by from at of about on in into onto over under after before until during without through than
  as near since throughout around across between among against and or but so because when while that if too
  also alone`.split(/\s+/),
);

/** Words that open a new noun phrase or clause after an object pronoun ("gave her my notes", "told her I…"). */
const PHRASE_OPENERS = new Set(
  `the a an this these those every each all some any no my his her their our your its i we they he she it
  you`.split(/\s+/),
);

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------------------------------------------------
// Sentences and tokens

const ABBREVIATIONS = new Set(
  'dr mr mrs ms mx st vs e.g i.e approx fig no jr sr prof inc dept univ ave mt ft pt pts hr hrs min'.split(
    ' ',
  ),
);

/**
 * Splits text into sentences whose concatenation is the text: each piece keeps its trailing whitespace.
 * A newline always ends a sentence; a full stop after a known abbreviation or an initial does not, and
 * nothing inside a quotation ends one.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let depth = 0;
  let straight = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '“') depth++;
    else if (ch === '”') depth = Math.max(0, depth - 1);
    else if (ch === '"') straight = !straight;
    if (ch === '\n') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      out.push(text.slice(start, j));
      start = j;
      i = j - 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < text.length && /[.!?”"’)\]]/.test(text[j]!)) {
      if (text[j] === '”') depth = Math.max(0, depth - 1);
      if (text[j] === '"') straight = !straight;
      j++;
    }
    if (depth > 0 || straight) continue;
    if (j < text.length && !/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < text.length && /[ \t]/.test(text[k]!)) k++;
    if (k < text.length && text[k] !== '\n' && !/[\p{Lu}\p{N}“"‘(⟦]/u.test(text[k]!)) continue;
    if (ch === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(start, i))?.[1] ?? '';
      if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) continue;
    }
    out.push(text.slice(start, k));
    start = k;
    i = k - 1;
  }
  if (start < text.length) out.push(text.slice(start));
  // Whitespace between sentences belongs to the sentence before it.
  return out.reduce<string[]>((acc, piece) => {
    if (piece.trim() === '' && acc.length > 0) acc[acc.length - 1] += piece;
    else acc.push(piece);
    return acc;
  }, []);
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly word: boolean;
}

const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of s.matchAll(WORD)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: s.slice(last, at), start: last, end: at, word: false });
    out.push({ text: m[0], start: at, end: at + m[0].length, word: true });
    last = at + m[0].length;
  }
  if (last < s.length) out.push({ text: s.slice(last), start: last, end: s.length, word: false });
  return out;
}

/** Character positions inside quotation marks (“…”, "…", and ‘…’ opened at a word start). */
function quotedMask(s: string): boolean[] {
  const mask = new Array<boolean>(s.length).fill(false);
  let curly = 0;
  let straight = false;
  let single = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '“') curly++;
    else if (ch === '”') curly = Math.max(0, curly - 1);
    else if (ch === '"') straight = !straight;
    else if (ch === '‘' && (i === 0 || /[\s(“"]/.test(s[i - 1]!))) single = true;
    else if (ch === '’' && single && (i + 1 >= s.length || !/\p{L}/u.test(s[i + 1]!))) single = false;
    mask[i] = curly > 0 || straight || single;
  }
  return mask;
}

// ---------------------------------------------------------------------------------------------------------
// Recommender references

interface RefSpan {
  readonly start: number;
  readonly end: number;
  readonly generic: boolean;
  readonly possessive: boolean;
  /** For generic spans: the determiner ("my", "the", "our") and the role noun phrase after it. */
  readonly determiner?: string;
  readonly role?: string;
  /** A relationship-answer pronoun (he/him/his/she/her…) standing for the recommender. */
  readonly pronoun?: string;
  /** "my attending, Dr. Chen, every day": the appositive's closing comma follows the span. */
  readonly appositiveComma?: boolean;
}

const SUBORDINATORS = new Set(
  'when while because after before until since although though once if as whereas'.split(' '),
);

function recommenderPatterns(fullName: string | undefined): RegExp | null {
  const parts = (fullName ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return null;
  const surnames: string[] = [];
  for (let k = 1; k < parts.length; k++) surnames.push(parts.slice(k).join(' '));
  if (parts.length === 1) surnames.push(parts[0]!);
  const forms = [parts.join(' '), ...surnames]
    .sort((a, b) => b.length - a.length)
    .map((f) => escapeRegExp(f).replace(/ /g, '\\s+'));
  const titled = `(?:Dr\\.?|Doctor|Professor|Prof\\.)\\s+(?:${forms.join('|')})`;
  // "Michael Chen", and "Michael" alone: a candidate who called the recommender by first name means them too.
  const bare =
    parts.length >= 2
      ? `|${escapeRegExp(parts.join(' ')).replace(/ /g, '\\s+')}|${escapeRegExp(parts[0]!)}`
      : '';
  return new RegExp(`(?<![\\p{L}])(?:${titled}${bare})(?![\\p{L}])`, 'gu');
}

const GENERIC =
  /(?<![\p{L}])(my|the|our)\s+((?:supervising\s+)?(?:attending|preceptor|supervisor)(?:\s+(?:physician|surgeon|doctor))?|supervising\s+(?:physician|doctor))(?![\p{L}-])/giu;

function findRefs(s: string, explicit: RegExp | null, source: PovOptions['source']): RefSpan[] {
  const spans: RefSpan[] = [];
  const possessiveAt = (end: number) => /^['’]s(?![\p{L}])/u.test(s.slice(end));
  if (explicit) {
    for (const m of s.matchAll(explicit)) {
      const start = m.index ?? 0;
      let end = start + m[0].length;
      const possessive = possessiveAt(end);
      if (possessive) end += 2;
      spans.push({ start, end, generic: false, possessive });
    }
  }
  for (const m of s.matchAll(GENERIC)) {
    const start = m.index ?? 0;
    let end = start + m[0].length;
    // "my attending, Dr. Chen," names the recommender: one explicit reference.
    const appositive = explicit
      ? new RegExp(`^,?\\s+(?:${explicit.source}),?`, 'u').exec(s.slice(end))
      : null;
    if (appositive) {
      const covered = end + appositive[0].length;
      for (let k = spans.length - 1; k >= 0; k--) {
        const sp = spans[k]!;
        if (sp.start >= end && sp.start < covered) spans.splice(k, 1);
      }
      const tail = s.slice(end, covered).endsWith(',') ? covered - 1 : covered;
      const possessive = possessiveAt(tail);
      spans.push({
        start,
        end: possessive ? tail + 2 : tail,
        generic: false,
        possessive,
        ...(tail < covered && !possessive ? { appositiveComma: true } : {}),
      });
      continue;
    }
    if (spans.some((sp) => sp.start < end && sp.end > start)) continue;
    const possessive = possessiveAt(end);
    if (possessive) end += 2;
    spans.push({
      start,
      end,
      generic: true,
      possessive,
      determiner: m[1]!.toLowerCase(),
      role: m[2]!,
    });
  }
  if (source === 'relationship') {
    for (const t of tokenize(s)) {
      if (
        t.word &&
        THIRD_SINGULAR.test(t.text) &&
        !spans.some((sp) => sp.start <= t.start && sp.end > t.start)
      ) {
        spans.push({
          start: t.start,
          end: t.end,
          generic: false,
          possessive: false,
          pronoun: t.text.toLowerCase(),
        });
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------------------
// One sentence

type Refusal =
  | { why: 'quotation' }
  | { why: 'verb'; verb: string }
  | { why: 'reflexive' }
  | { why: 'wouldHad' }
  | { why: 'compound'; verb: string }
  | { why: 'coordinated'; verb: string }
  | { why: 'laterPronoun'; pronoun: string }
  | { why: 'recommenderRole' }
  | { why: 'otherPronoun'; pronoun: string }
  | { why: 'otherReflexive'; pronoun: string; reflexive: string }
  | { why: 'meta' }
  | { why: 'afterMeta'; pronoun: string };

class Refuse extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.why);
  }
}

interface SentenceContext {
  readonly options: PovOptions;
  readonly explicit: RegExp | null;
  /** The answer is told in the past tense, so "I read" means "I read (past)". */
  readonly narrativePast: boolean;
  readonly competitor: RegExp | null;
}

interface Converted {
  readonly text: string;
  readonly genericRefs: readonly string[];
  readonly changed: boolean;
  /** Whether the conversion wrote the candidate (name or pronoun) in place of a first-person word. */
  readonly candidate: boolean;
}

/**
 * People named by a noun whose pronoun is the candidate's: a candidate's "he" next to "the patient's
 * father" or "a young man" could mean either. None for "they": plural nouns ("patients", "students") fill
 * clinical text, and a sentence's "they" as its subject reads as the candidate.
 */
const PERSON_NOUNS: Partial<Record<PronounSet, RegExp>> = {
  he: /\b(?:man|boy|gentleman|guy|father|dad|husband|son|brother|grandfather|grandson|uncle|nephew|boyfriend|fiancé|Mr\.)(?![\p{L}])/iu,
  she: /\b(?:woman|girl|lady|mother|mom|wife|daughter|sister|grandmother|granddaughter|aunt|niece|girlfriend|fiancée|Mrs\.|Ms\.|Miss)(?![\p{L}])/iu,
};

/**
 * `other` is an object or possessive form of the candidate's own pronoun set that the sentence uses for
 * someone else ("I sat down with him"): then the candidate is named every time, never a pronoun.
 */
function convertSentence(
  sentence: string,
  previous: string,
  ctx: SentenceContext,
  state: PovState,
  other?: string,
): Converted {
  const { options } = ctx;
  const tokens = tokenize(sentence);
  const quoted = quotedMask(sentence);
  const refs = findRefs(sentence, ctx.explicit, options.source);
  const out = tokens.map((t) => t.text);
  const genericRefs: string[] = [];
  let changed = false;
  let candidate = false;
  const forms = options.pronouns === 'name' ? null : PRONOUN_FORMS[options.pronouns];
  const recommenderPronoun =
    options.recommenderPronouns === 'he'
      ? /^(he|him|his|himself)$/i
      : options.recommenderPronouns === 'she'
        ? /^(she|her|hers|herself)$/i
        : THIRD_SINGULAR;
  // Whether another person in this or the previous sentence shares the candidate's pronoun: then "she"
  // could mean the patient, so the first mention in each sentence uses the name. A person named by a noun
  // of the candidate's gender ("a young man … after he suggested") competes within the sentence; in the
  // next one, the candidate as the subject before reads clearly enough ("…admitted a woman. She started…").
  const competing =
    options.source !== 'relationship' &&
    ((ctx.competitor !== null && (ctx.competitor.test(sentence) || ctx.competitor.test(previous))) ||
      PERSON_NOUNS[options.pronouns]?.test(sentence) === true);
  let namedInSentence = false;
  // The candidate's "I" beside the recommender ("Dr. Albright and I"), which becomes the physician's own.
  const physicianI = new Set<number>();
  // The token of the candidate's "I" that opened the sentence's first clause, for "…, and I saw her first".
  let firstSubject = -1;

  const wordIndexAfter = (i: number): number => {
    for (let k = i + 1; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.word) return k;
      if (t.text.trim() !== '') return -1;
    }
    return -1;
  };
  /** The verb after a subject: skips adverbs; -1 when punctuation or the end comes first. */
  const verbAfter = (i: number): number => {
    let k = wordIndexAfter(i);
    // "I myself placed…": the emphatic reflexive sits between subject and verb like an adverb.
    while (k >= 0 && (isAdverb(tokens[k]!.text) || norm(tokens[k]!.text) === 'myself')) k = wordIndexAfter(k);
    return k;
  };
  const atClauseStart = (tokenIndex: number): { start: boolean; sentenceStart: boolean } => {
    for (let k = tokenIndex - 1; k >= 0; k--) {
      const t = tokens[k]!;
      if (t.word) return { start: CLAUSE_STARTERS.has(norm(t.text)), sentenceStart: false };
      const p = t.text.trim();
      if (p === '') continue;
      if (/[,;:(—–]$/.test(p)) return { start: true, sentenceStart: false };
      if (/^[“"‘(⟦\s]*$/.test(p)) continue;
      return { start: false, sentenceStart: false };
    }
    return { start: true, sentenceStart: true };
  };
  const prevWord = (i: number): string => {
    for (let k = i - 1; k >= 0; k--) {
      const t = tokens[k]!;
      if (t.word) return norm(t.text);
      if (t.text.trim() !== '') return '';
    }
    return '';
  };
  const isSentenceStart = (i: number) => atClauseStart(i).sentenceStart;
  const put = (i: number, text: string) => {
    out[i] = isSentenceStart(i) ? capitalize(text) : text;
    changed = true;
  };

  /** The candidate in subject, object or possessive position: name on first mention, then pronouns. */
  const useName = (subject = false, at = -1): boolean => {
    if (forms === null || other !== undefined) return true;
    // With a competing "she" around, every new subject is named: "so Dr. Lee paged her senior"; but a second
    // subject in a sentence that already named the candidate, with no rival "she" or "woman" between, is
    // the candidate's pronoun ("Dr. Lee showed it to the resident and said that she thought…").
    // Not for they/them: a "they" after any plural noun ("the pharmacies … and they made") would be unclear.
    const second = namedInSentence && at >= 0 && !forms.plural && !rivalBefore(at);
    if (competing && subject && !second) return true;
    if (namedInSentence) return false;
    return !state.named || competing;
  };
  /** Whether someone else of the candidate's pronoun appears in the sentence before token i. */
  const rivalBefore = (i: number): boolean => {
    const before = sentence.slice(0, tokens[i]!.start);
    return ctx.competitor?.test(before) === true || PERSON_NOUNS[options.pronouns]?.test(before) === true;
  };
  const markNamed = (byName: boolean) => {
    if (byName) {
      state.named = true;
      namedInSentence = true;
    }
  };

  /**
   * "Dr. Rahman was on call, and I saw her first": a second "I" that coordinates with the candidate's first
   * clause, with no other subject or clause between, can go ("…on call and saw her first") rather than
   * name the candidate twice.
   */
  const coordinated = (i: number): number => {
    if (firstSubject < 0) return -1;
    const pv = prevWord(i);
    if (pv !== 'and' && pv !== 'but') return -1;
    let and = i - 1;
    while (and >= 0 && !tokens[and]!.word) and--;
    for (let k = firstSubject + 1; k < and; k++) {
      const t = tokens[k]!;
      if (!t.word) {
        if (/[;:—–()]/.test(t.text)) return -1;
        continue;
      }
      const n = norm(t.text);
      // "met with them and assessed capacity": a verb joined with its subject left out is no new clause.
      const joinedVerb = /^(?:and|or|but)$/.test(n) && isPast(tokens[wordIndexAfter(k)]?.text ?? '');
      if (joinedVerb) continue;
      if (CLAUSE_STARTERS.has(n) || /^(?:i|we|he|she|they|it|you|who|which|whom|whose)$/.test(n)) return -1;
    }
    return and;
  };
  /** Drops the "I" at i and the comma before its "and": "on call, and I saw" → "on call and saw". */
  const elide = (i: number, and: number) => {
    out[i] = '';
    if (tokens[i + 1] && !tokens[i + 1]!.word && tokens[i + 1]!.text.trim() === '') out[i + 1] = '';
    const before = tokens[and - 1];
    if (before && !before.word && before.text.trim() === ',') out[and - 1] = ' ';
    changed = true;
  };
  /**
   * The name a second time in a sentence (name-only, or where a pronoun would be someone else's): a new
   * clause after ", and", ", so" or ", but" becomes a sentence of its own ("…breathing fast. So Dr. Tanaka
   * Ortiz called the resident"), since no pronoun can stand for the candidate there.
   */
  const splitBefore = (i: number) => {
    const back = (k: number) => {
      let j = k - 1;
      while (j >= 0 && !tokens[j]!.word && tokens[j]!.text.trim() === '') j--;
      return j;
    };
    // The words between the comma and the "I": "and", "so", "but", "and then", or none (a comma splice).
    let c = back(i);
    const words: number[] = [];
    while (
      c >= 0 &&
      tokens[c]!.word &&
      words.length < 2 &&
      /^(?:and|so|but|then|later)$/.test(norm(tokens[c]!.text))
    ) {
      words.unshift(c);
      c = back(c);
    }
    const said = words.map((k) => norm(tokens[k]!.text)).join(' ');
    if (!['', 'and', 'so', 'but', 'and then', 'and later'].includes(said)) return;
    if (c < 0 || tokens[c]!.word || !/^[,;]$/.test(tokens[c]!.text.trim())) return;
    out[c] = tokens[c]!.text.replace(/[,;]/, '.');
    // "and" goes; "so", "but", "then" and "later" open the new sentence.
    const kept = words.filter((k) => norm(tokens[k]!.text) !== 'and');
    for (let k = c + 1; k < i; k++)
      if (!kept.includes(k) && !(kept.length > 0 && k > kept[0]! && !tokens[k]!.word)) out[k] = '';
    if (kept.length > 0) out[kept[0]!] = capitalize(norm(tokens[kept[0]!]!.text));
    // The new sentence's subject is the one a later "and I" coordinates with.
    firstSubject = i;
    changed = true;
  };
  /** Whether the candidate's "I" comes later in the sentence (then an earlier "my" need not name them). */
  const subjectLater = (i: number): boolean =>
    tokens.some((t, k) => k > i && t.text === 'I' && !quoted[t.start] && !ROMAN_CONTEXT.has(prevWord(k)));
  /**
   * "my" where the name would stand a second time ("At my feedback I was told that my notes…"): "the"
   * reads as the candidate's without the name ("At the feedback Dr. Rahman was told that the notes…").
   * Only before a noun it owns; "my own" loses "own" with it. Returns false where "the" cannot stand.
   */
  const possessiveAsThe = (i: number): boolean => {
    // With a pronoun to use, a second "my" is "her", unless another "her" is about (a woman in the sentence).
    if (forms !== null && other === undefined && !competing) return false;
    if (!namedInSentence && !subjectLater(i)) return false;
    let k = wordIndexAfter(i);
    // "my first day" and "my daily notes" take "the"; "my" before a break or a pronoun is not a determiner.
    const nextWord = k < 0 ? '' : norm(tokens[k]!.text);
    if (
      k < 0 ||
      PHRASE_BREAKS.has(nextWord) ||
      /^(?:the|a|an|this|these|those|we|they|he|she|it|i|me|you)$/.test(nextWord)
    )
      return false;
    if (nextWord === 'own') {
      const after = wordIndexAfter(k);
      if (after < 0 || PHRASE_BREAKS.has(norm(tokens[after]!.text))) return false;
      // "on my own first" is the idiom ("independently"); "on my own recheck" owns a noun.
      if (prevWord(i) === 'on' && /^(?:first|initiative|time|again|today)$/.test(norm(tokens[after]!.text)))
        return false;
      for (let m = k; m < after; m++) out[m] = '';
      k = after;
    }
    put(i, 'the');
    candidate = true;
    return true;
  };

  /** Agrees the verb at token k with a third-person subject (singular unless `plural`). */
  const agree = (k: number, plural: boolean, compound: boolean) => {
    if (k < 0) return;
    const w = tokens[k]!.text;
    const n = norm(w);
    const table: Record<string, [string, string]> = {
      am: ['is', 'are'],
      was: ['was', 'were'],
      "wasn't": ['wasn’t', 'weren’t'],
      have: ['has', 'have'],
      "haven't": ['hasn’t', 'haven’t'],
      do: ['does', 'do'],
      "don't": ['doesn’t', 'don’t'],
    };
    const entry = table[n];
    if (entry) {
      const next = plural ? entry[1] : entry[0];
      if (next.replace(/’/g, "'") !== n) {
        if (compound) throw new Refuse({ why: 'compound', verb: w });
        out[k] = w.includes("'") ? next.replace(/’/g, "'") : next;
        changed = true;
      }
      return;
    }
    if (MODALS.has(n) || IRREGULAR_PAST.has(n)) return;
    if (AMBIGUOUS_PAST.has(n)) {
      // Another past verb in the sentence ("I read the guideline, asked a hospitalist…") dates this one too.
      const pastBeside = tokens.some((t, m) => m !== k && t.word && isPast(t.text));
      if (ctx.narrativePast || plural || pastBeside) return;
      throw new Refuse({ why: 'verb', verb: w });
    }
    if (isPast(n)) return;
    if (plural) return;
    if (BASE_VERBS.has(n)) {
      if (compound) throw new Refuse({ why: 'compound', verb: w });
      out[k] = thirdPersonS(n);
      changed = true;
      // A second present-tense verb joined to this one ("see patients and write notes") would need the
      // same change, and telling that verb from a noun needs more than word lists.
      for (let m = k + 1; m < tokens.length; m++) {
        const t = tokens[m]!;
        if (!t.word) continue;
        const before = prevWord(m);
        const afterComma = tokens[m - 1]?.text.trim() === ',';
        if ((before === 'and' || before === 'or' || afterComma) && BASE_VERBS.has(norm(t.text))) {
          throw new Refuse({ why: 'coordinated', verb: t.text });
        }
      }
      return;
    }
    throw new Refuse({ why: 'verb', verb: w });
  };

  /** The verb at k with "I" (the recommender) as its subject: "he asks" → "I ask". */
  const agreeWithI = (k: number) => {
    if (k < 0) return;
    const w = tokens[k]!.text;
    const n = norm(w);
    const table: Record<string, string> = {
      is: 'am',
      "isn't": 'am not',
      has: 'have',
      "hasn't": 'haven’t',
      does: 'do',
      "doesn't": 'don’t',
      were: 'was',
      "weren't": 'wasn’t',
    };
    if (table[n] !== undefined) {
      out[k] = w.includes("'") ? table[n]!.replace(/’/g, "'") : table[n]!;
      changed = true;
      return;
    }
    if (MODALS.has(n) || isPast(n) || n === 'was') return;
    const base = THIRD_TO_BASE.get(n);
    if (base) {
      out[k] = base;
      changed = true;
      return;
    }
    throw new Refuse({ why: 'verb', verb: w });
  };

  const isVerbish = (k: number): boolean => {
    if (k < 0) return false;
    const n = norm(tokens[k]!.text);
    return (
      MODALS.has(n) ||
      isPast(n) ||
      AMBIGUOUS_PAST.has(n) ||
      THIRD_TO_BASE.has(n) ||
      ['is', 'was', 'has', 'does', "isn't", "wasn't", "hasn't", "doesn't", 'were', 'are'].includes(n)
    );
  };

  const candidatePossessive = (): string => {
    candidate = true;
    const byName = useName();
    markNamed(byName);
    return byName ? possessiveOf(options.name) : forms!.possessive;
  };

  let refIndex = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word) continue;
    const ref = refs[refIndex];
    if (ref && t.start >= ref.start) {
      // Consume every token of the reference; the replacement goes in the first one.
      let last = i;
      while (last + 1 < tokens.length && tokens[last + 1]!.start < ref.end) last++;
      refIndex++;
      if (quoted[t.start]) throw new Refuse({ why: 'quotation' });
      const original = sentence.slice(ref.start, ref.end);
      const pv = prevWord(i);
      const next = wordIndexAfter(last);
      const nextWord = next >= 0 ? norm(tokens[next]!.text) : '';
      // A number is a word to these rules: "his 3 patients" is a possessive, not "mine".
      const nextIsNumber = next < 0 && /^\s*\d/.test(sentence.slice(tokens[last]!.end));
      const standsAlone = next < 0 ? !nextIsNumber : PHRASE_BREAKS.has(nextWord);
      /** A possessive ("his", "Dr. Chen's"): "my" before what it owns, "mine" when it stands alone. */
      const possessiveForm = () => (standsAlone ? 'mine' : 'my');
      /**
       * "her" is an object ("presented to her every day") or a possessive ("her clinic"). Words such as
       * "only", "first" or "daily" can go either way ("her only student", "with her daily"): the word after
       * them decides, and when nothing does, the sentence is refused.
       */
      const herForm = (): string => {
        if (standsAlone || PHRASE_OPENERS.has(nextWord)) return 'me';
        if (nextIsNumber) throw new Refuse({ why: 'recommenderRole' });
        if (!FUNCTION_WORDS.has(nextWord) && !isAdverb(nextWord)) return 'my';
        const after = wordIndexAfter(next);
        const afterWord = after >= 0 ? norm(tokens[after]!.text) : '';
        const afterEnds = after < 0 && !/^\s*\d/.test(sentence.slice(tokens[next]!.end));
        if (afterEnds || PHRASE_BREAKS.has(afterWord) || PHRASE_OPENERS.has(afterWord)) return 'me';
        throw new Refuse({ why: 'recommenderRole' });
      };
      for (let k = i + 1; k <= last; k++) out[k] = '';
      // The tail of a possessive token ("attending's" → "attending" + "'s") is inside the same token.
      let replacement: string;
      if (ref.generic && COPULAS.has(pv) && !ref.possessive) {
        // "Dr. Marsh was my attending": a role, not a reference to the recommender.
        replacement = ref.determiner === 'my' ? `${candidatePossessive()} ${ref.role}` : original;
      } else if (ref.pronoun) {
        const p = ref.pronoun;
        if (p === 'he' || p === 'she') {
          replacement = 'I';
          agreeWithI(verbAfter(last));
        } else if (p === 'him') replacement = 'me';
        else if (p === 'himself' || p === 'herself') replacement = 'myself';
        else if (p === 'hers') replacement = 'mine';
        else if (p === 'his') replacement = possessiveForm();
        else replacement = herForm();
      } else if (ref.possessive) {
        replacement = possessiveForm();
      } else {
        const clause = atClauseStart(i);
        const verb = verbAfter(last);
        const and = wordIndexAfter(last);
        const partner = and >= 0 && nextWord === 'and' ? wordIndexAfter(and) : -1;
        if (partner >= 0 && tokens[partner]!.text === 'I' && clause.start) {
          // "Dr. Albright and I explained…": the two swap, "Mr. Navarro and I explained…"; that "I" stays.
          replacement = options.name;
          physicianI.add(partner);
          candidate = true;
          markNamed(true);
        } else if (clause.start && isVerbish(verb)) {
          replacement = 'I';
          agreeWithI(verb);
        } else if (
          clause.sentenceStart &&
          ref.generic &&
          ref.determiner === 'my' &&
          options.source === 'relationship'
        ) {
          // "My attending on the teaching service; …": a label, not a clause.
          replacement = `I was ${candidatePossessive()} ${ref.role}`;
        } else if (clause.sentenceStart) {
          throw new Refuse({ why: 'recommenderRole' });
        } else if (COPULAS.has(pv)) {
          throw new Refuse({ why: 'recommenderRole' });
        } else if (verb >= 0 && /^(?:had|would|could|has|will)$/.test(norm(tokens[verb]!.text))) {
          // "…the most caring students Dr. Greer had worked with": a relative clause's subject.
          replacement = 'I';
        } else {
          replacement = 'me';
        }
      }
      if (replacement === original) {
        for (let k = i + 1; k <= last; k++) out[k] = tokens[k]!.text;
      } else {
        put(i, replacement);
        // "presented to my attending, Dr. Chen, every day" → "presented to me every day": the comma that
        // closed the appositive goes with it, unless it also ends a clause ("When I met my attending, Dr.
        // Chen, I was nervous", "…, Dr. Chen, and she…").
        const after = tokens[last + 1];
        if (ref.appositiveComma && after && !after.word && after.text.startsWith(',')) {
          const nextClause = tokens[last + 2]?.word ? norm(tokens[last + 2]!.text) : '';
          const opensClause =
            CLAUSE_STARTERS.has(nextClause) ||
            /^(i|we|he|she|they|it|you)$/.test(nextClause) ||
            SUBORDINATORS.has(norm(tokens.find((x) => x.word)?.text ?? ''));
          if (!opensClause) out[last + 1] = after.text.slice(1);
        }
        const isRole = ref.generic && COPULAS.has(pv) && !ref.possessive;
        if (ref.generic && !isRole && options.source !== 'relationship') {
          genericRefs.push(`${original}→${replacement}`);
        }
        if (!isRole && options.source !== 'relationship') {
          // "Dr. Chen said he…", "Dr. Chen was my attending, and I presented to him": a later pronoun that
          // can mean the recommender would now point at the wrong person.
          const at = tokens.findIndex((x, k) => k > last && x.word && recommenderPronoun.test(x.text));
          // "…with Dr. Feldman, explained them to the patient, and respected his wish": a person between
          // is who the pronoun means, and it never meant the recommender.
          const between =
            at > 0
              ? tokens
                  .slice(last + 1, at)
                  .map((x) => x.text)
                  .join('')
              : '';
          // After "Dr. Albright and I", an object or possessive ("…the plan for her wound") is never the
          // recommender, who is that clause's subject.
          const swappedObject = physicianI.size > 0 && at > 0 && !/^(?:he|she)$/i.test(tokens[at]!.text);
          if (at > 0 && !PERSON_BETWEEN.test(between) && !swappedObject)
            throw new Refuse({ why: 'laterPronoun', pronoun: tokens[at]!.text });
        }
      }
      i = last;
      continue;
    }

    const w = t.text;
    const n = norm(w);
    const isFirstPerson =
      w === 'I' || /^I['’](m|ve|d|ll)$/.test(w) || n === 'me' || n === 'my' || n === 'mine' || n === 'myself';
    if (!isFirstPerson) continue;
    if (w === 'ME' || w === 'MY') continue;
    if (w === 'I') {
      // "type I diabetes", "Mobitz I", "I-131", "I/O": a numeral or abbreviation, not the pronoun.
      const before = sentence.slice(0, t.start);
      const after = sentence.slice(t.end);
      if (ROMAN_CONTEXT.has(prevWord(i)) || /^[-/&\d]/.test(after) || /[-/]$/.test(before)) continue;
    }
    if (quoted[t.start]) throw new Refuse({ why: 'quotation' });
    candidate = true;

    if (physicianI.has(i)) continue;
    if (w === 'I' || /^I['’]/.test(w)) {
      // Past narration only: a present-tense verb needs the tense pass first, or it would read as now.
      const verb = verbAfter(i);
      const pastVerb =
        verb >= 0 && (isPast(norm(tokens[verb]!.text)) || MODALS.has(norm(tokens[verb]!.text)));
      const and = w === 'I' && pastVerb && namedInSentence && useName(true, i) ? coordinated(i) : -1;
      if (and >= 0) {
        elide(i, and);
        agree(verb, false, false);
        continue;
      }
      const byName = useName(true, i);
      const subject = byName ? options.name : forms!.subject;
      const plural = !byName && forms!.plural;
      const pv = prevWord(i);
      // "The resident and I were…": a compound subject keeps its plural verb. After ", and" it is a new clause.
      const compound = (pv === 'and' || pv === 'or') && precededByWord(tokens, i);
      const contraction = /^I['’](m|ve|d|ll)$/.exec(w)?.[1];
      if (contraction === 'm') {
        put(i, `${subject} ${plural ? 'are' : 'is'}`);
      } else if (contraction === 've') {
        put(i, `${subject} ${plural ? 'have' : 'has'}`);
      } else if (contraction === 'll') {
        put(i, `${subject} will`);
      } else if (contraction === 'd') {
        const k = verbAfter(i);
        const nextW = k >= 0 ? norm(tokens[k]!.text) : '';
        const participle =
          nextW !== '' &&
          (isPast(nextW) ||
            /^(been|seen|done|gone|taken|given|written|known|spoken|chosen|begun|driven|eaten|fallen|grown|shown|drawn)$/.test(
              nextW,
            ));
        const base =
          nextW !== '' && (BASE_VERBS.has(nextW) || ['like', 'rather', 'prefer', 'be'].includes(nextW));
        if (participle === base) throw new Refuse({ why: 'wouldHad' });
        put(i, `${subject} ${participle ? 'had' : 'would'}`);
      } else {
        if (byName && namedInSentence) splitBefore(i);
        put(i, subject);
        agree(verbAfter(i), plural, compound);
      }
      if (firstSubject < 0 && !compound && atClauseStart(i).sentenceStart) firstSubject = i;
      markNamed(byName);
      continue;
    }
    if (n === 'me') {
      const byName = useName();
      put(i, byName ? options.name : forms!.object);
      markNamed(byName);
      continue;
    }
    if (n === 'my') {
      if (!possessiveAsThe(i)) put(i, candidatePossessive());
      continue;
    }
    if (n === 'mine') {
      const byName = useName();
      put(i, byName ? possessiveOf(options.name) : forms!.possessivePronoun);
      markNamed(byName);
      continue;
    }
    if (n === 'myself') {
      if (forms === null) throw new Refuse({ why: 'reflexive' });
      // "himself" for the candidate next to the father's "him": the name cannot stand in for a reflexive.
      if (other !== undefined)
        throw new Refuse({ why: 'otherReflexive', pronoun: other, reflexive: forms.reflexive });
      put(i, forms.reflexive);
    }
  }
  return { text: out.join(''), genericRefs, changed, candidate };
}

/** Whether the word before token i ("and") itself follows a word directly, not a comma. */
function precededByWord(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && !tokens[k]!.word) k--;
  k--;
  while (k >= 0 && tokens[k]!.text.trim() === '') k--;
  return k >= 0 && tokens[k]!.word;
}

function refusalReason(r: Refusal, options: PovOptions): string {
  switch (r.why) {
    case 'quotation':
      return 'it quotes someone, and “I” or “me” inside a quotation must stay as spoken';
    case 'verb':
      return `CEAD does not know how to change the verb “${r.verb}” after “I”`;
    case 'reflexive':
      return 'the letter uses the name only, and there is no pronoun for “myself”';
    case 'wouldHad':
      return '“I’d” could mean “I had” or “I would”';
    case 'compound':
      return `“and I” makes it unclear what the verb “${r.verb}” should become`;
    case 'coordinated':
      return `a second present-tense verb (“${r.verb}”) may need to change too`;
    case 'laterPronoun':
      return `the recommender becomes “I” or “me”, and “${r.pronoun}” later in the sentence could mean the recommender or someone else`;
    case 'recommenderRole':
      return 'it mentions the recommender in a way CEAD cannot turn into “I” or “me” safely';
    case 'meta':
      return 'it talks about the answer (“I want to describe…”, “In this example…”) rather than about what the candidate did, and such a sentence does not belong in a letter';
    case 'afterMeta':
      return `“${r.pronoun}” may refer to someone introduced only in the sentence before, which talks about the answer and may be deleted`;
    case 'otherPronoun':
      return `“${r.pronoun}” here means someone other than the candidate, but the letter also calls the candidate “${options.pronouns === 'name' ? options.name : PRONOUN_FORMS[options.pronouns].subject}”, so a reader could take “${r.pronoun}” for the candidate`;
    case 'otherReflexive':
      return `“${r.pronoun}” here means someone other than the candidate, and the candidate’s “myself” would become “${r.reflexive}”, which a reader could take for that person too`;
  }
}

function addressLine(options: PovOptions): string {
  return options.pronouns === 'name'
    ? `${options.name}, by name only, no pronouns`
    : `${options.name}, ${PRONOUN_FORMS[options.pronouns].subject}/${PRONOUN_FORMS[options.pronouns].object}`;
}

/** Plural nouns a "they" in the same or the sentence before can mean, other than a they/them candidate. */
const PLURAL_ANTECEDENT =
  /\b(?:family|families|parents|patients|nurses|residents|students|children|kids|notes|results|labs|twins|ratings|scores|values|levels|symptoms|vitals|doses|medications)\b/i;

/** A sentence narrated in the present: a present-tense verb after a personal pronoun. */
const PRESENT_NARRATION =
  /\b(?:she|he|they|it)\s+(?:\p{L}+ly\s+)?(?:is|are|has|have|does|do|says|tells|(?!(?:was|always|perhaps|this|thus|less|across|unless)\b)\p{L}{2,}[^s\P{L}]s)\b/iu;

const OPENING_PRONOUN = /^[\s“"‘(]*(she|he|they|her|him|them|his|hers|their|theirs)(?![\p{L}])/iu;

/** A patient or relative named between the recommender and a later pronoun. */
const PERSON_BETWEEN =
  /\b(?:patient|man|woman|boy|girl|baby|child|infant|toddler|mother|father|son|daughter|wife|husband|sister|brother|grandmother|grandfather|Mrs?\.|Ms\.)(?![\p{L}])/u;

/** Whether any sentence of a conversion (which may have split one into two) names the candidate twice. */
const namesTwice = (text: string, name: string): boolean =>
  splitSentences(text).some((s) => s.split(name).length > 2);

/** People a "she" or "he" could mean besides the patient and their family. */
const OTHER_ROLES =
  /\b(?:educator|nurses?|residents?|attending|doctor|physician|pharmacist|therapist|interpreter|worker|midwife|chaplain|surgeon|anesthesiologist|radiologist|specialist|fellow|intern|student|colleague|coordinator|manager|technician|aide|senior|chief|Dr|Mrs?|Ms|Mx)\b/;

/** The one person of the candidate's gender a sentence mentions, by how the letter names them. */
function onlyPersonIn(sentence: string, set: 'she' | 'he'): string | undefined {
  const found = new Set(peopleIn(sentence, set));
  return found.size === 1 ? [...found][0] : undefined;
}

/** The sentence with its first `pronoun` (a subject, not a contraction) replaced by the person's name. */
function withFirstNamed(sentence: string, pronoun: string, person: string): string | null {
  const re = new RegExp(`(?<![\\p{L}'’])${pronoun}(?![\\p{L}'’])`, 'iu');
  const m = re.exec(sentence);
  if (!m) return null;
  const atStart = sentence.slice(0, m.index).trim() === '';
  const name = atStart ? person.charAt(0).toUpperCase() + person.slice(1) : person;
  return sentence.slice(0, m.index) + name + sentence.slice(m.index + m[0].length);
}

const FIRST_PERSON = /(?<![\p{L}])(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)(?![\p{L}])/u;

/**
 * Converts one answer. Sentences that change are returned unmarked; sentences that cannot be converted
 * safely are returned as written, wrapped in ⟦ ⟧ and marked, each with an open question.
 */
export function convertPointOfView(text: string, options: PovOptions, state: PovState): PovResult {
  const explicit = recommenderPatterns(options.recommenderName);
  const narrativePast = state.narrativePast ?? narratesInPast(text);
  const competitor = options.pronouns === 'name' ? null : pronounWords(PRONOUN_FORMS[options.pronouns]);
  const ctx: SentenceContext = { options, explicit, narrativePast, competitor };
  // The candidate's own pronouns, which in a first-person answer can only mean someone else (a patient, the
  // patient's father). Reflexives are left out: "the patient hurt himself" cannot mean the candidate.
  const forms = options.pronouns === 'name' ? null : PRONOUN_FORMS[options.pronouns];
  const others =
    forms && options.source !== 'relationship'
      ? new Set([forms.subject, forms.object, forms.possessive, forms.possessivePronoun])
      : null;
  const otherPronounIn = (s: string, subject: boolean): string | undefined =>
    others
      ? tokenize(s).find((t) => {
          const w = t.text.toLowerCase();
          return t.word && others.has(w) && (w === forms!.subject) === subject;
        })?.text
      : undefined;
  let previousCandidate = false;
  // After a sentence about the answer ("I want to describe one patient…"), which the letter leaves out, the
  // sentences that go on with "she"/"he"/"they" may have no one left to refer to; `person` is whom the
  // left-out sentence introduced ("the patient"), to name in their place.
  let afterMeta = false;
  let person: string | undefined;
  const segments: PovSegment[] = [];
  const issues: PovIssue[] = [];
  let previous = '';
  const push = (text: string, marked: boolean) => {
    const last = segments[segments.length - 1];
    if (last && last.marked === marked && !marked)
      segments[segments.length - 1] = { text: last.text + text, marked };
    else segments.push({ text, marked });
  };
  // Left-out sentences wait for the next sentence of the letter to anchor their comment on.
  const pieces = splitSentences(text);
  const content = pieces.filter((p) => p.trim() !== '' && !isAboutTheAnswer(p)).length;
  const leftOut: { text: string; why: 'answer' | 'inner' }[] = [];
  let lastQuote = '';
  const anchorLeftOut = (quote: string) => {
    lastQuote = quote;
    for (const { text, why } of leftOut.splice(0)) {
      issues.push({
        kind: 'pointOfView',
        quote,
        question:
          why === 'answer'
            ? `CEAD left out a sentence about the answer itself: “${text}” If the letter needs anything in it, add it from ${options.recommenderAddress}’s point of view (${addressLine(options)}).`
            : `CEAD left out the candidate’s own feelings or plans, which a letter states only as what ${options.recommenderAddress} saw: “${text}” Add it back in ${options.recommenderAddress}’s words only if you can vouch for it.`,
      });
    }
  };
  const people = new OtherPeople(options.pronouns);
  for (const [index, piece] of pieces.entries()) {
    let body = piece.trimEnd();
    const tail = piece.slice(body.length);
    if (body === '') {
      push(piece, false);
      continue;
    }
    const snapshot = state.named;
    try {
      if (options.source !== 'relationship') {
        body = withoutAnswerFrame(body) ?? body;
        if (isAboutTheAnswer(body)) {
          // Only an answer that says something else loses it; one that is all about itself keeps it marked.
          if (content === 0) throw new Refuse({ why: 'meta' });
          leftOut.push({ text: body, why: 'answer' });
          person = introducedPerson(body) ?? person;
          afterMeta = true;
          continue;
        }
        const cut = withoutInnerState(body);
        if (cut && (cut.kept !== '' || content > 1)) {
          leftOut.push({ text: cut.leftOut, why: 'inner' });
          if (cut.kept === '') continue;
          body = cut.kept;
        }
        if (afterMeta && person) {
          const named = withOpeningNamed(body, 'she|he', person);
          if (named) {
            body = named;
            afterMeta = false;
          }
        }
        // A pronoun that opens the sentence has no one to mean; one further on may have its person in the
        // sentence ("It is the story of Mrs. Adjei, … in her third pregnancy").
        const dangling = afterMeta ? OPENING_PRONOUN.exec(body)?.[1] : undefined;
        if (dangling) throw new Refuse({ why: 'afterMeta', pronoun: dangling });
      }
      afterMeta = false;
      // "I sat down with him, … gave him a realistic time": the father's "him" and "his" stay clear as long as
      // the candidate is named in the sentence ("Mr. Whitfield sat down with him") and never "him" or "his".
      // A next sentence that is someone else's ("She said she had a fall.") competes like the one before: the
      // candidate here is named, not "she", so that sentence's "she" is not taken for the candidate.
      const next = pieces[index + 1] ?? '';
      // Not for they/them, where a plural "they" ahead is too common to name the candidate for.
      const nextOther =
        options.pronouns !== 'they' && !FIRST_PERSON.test(next) && otherPronounIn(next, true) !== undefined;
      const context = nextOther ? `${previous} ${next}` : previous;
      body = withRecommenderContinued(
        withoutOwnQuotation(body, explicit, options.recommenderAddress),
        explicit,
        options.recommenderAddress,
      );
      let converted = convertSentence(body, context, ctx, state, otherPronounIn(body, false));
      // "I called Dr. Marsh; he had a circumflex occlusion opened": once "I" becomes "Mr. Whitfield" or
      // "he", the patient's "he" in this sentence reads as the candidate, named or not. A plural "they"
      // beside a they/them candidate ("The family stayed…; they asked me…") is clear once the candidate is
      // named at every mention in the sentence.
      let other = otherPronounIn(body, true);
      const plainPast = !PRESENT_NARRATION.test(body) && !/->|→|=>/.test(body);
      // "I took a history, including when she had last eaten": with one person the answer has introduced,
      // that person is named at their first "she" ("…when the patient had last eaten"), after which "she"
      // is theirs; the candidate is named, and a sentence that would name them twice stays as it was.
      const introduced =
        other && converted.candidate && plainPast
          ? (people.only() ??
            (options.pronouns === 'she' || options.pronouns === 'he'
              ? onlyPersonIn(body, options.pronouns)
              : undefined))
          : undefined;
      // Not when someone else in the sentence could be that "she" ("the educator told me she had seen…").
      if (other && introduced && !OTHER_ROLES.test(body.split(introduced).join(' '))) {
        const named = withFirstNamed(body, other, introduced);
        const again = named ? convertSentence(named, context, ctx, state, other) : undefined;
        if (again && !namesTwice(again.text, options.name)) {
          converted = again;
          other = undefined;
        }
      }
      if (other && converted.candidate) {
        if (options.pronouns !== 'they' || !plainPast || !PLURAL_ANTECEDENT.test(`${previous} ${body}`))
          throw new Refuse({ why: 'otherPronoun', pronoun: other });
        converted = convertSentence(body, context, ctx, state, other);
        // Named at every mention, a sentence that names the candidate twice is kept instead.
        if (namesTwice(converted.text, options.name))
          throw new Refuse({ why: 'otherPronoun', pronoun: other });
      }
      let text = converted.text;
      // Narrated in the present ("Two days later she is oriented"), it waits for a tense pass: kept as before.
      if (other && previousCandidate && PRESENT_NARRATION.test(body))
        throw new Refuse({ why: 'otherPronoun', pronoun: other });
      if (other && previousCandidate) {
        // Someone else's sentence after one about the candidate: kept as written (it has no first person to
        // convert), with the person it opens on named when the answer has introduced just one.
        const person = people.only();
        const named = person ? withOpeningNamed(text, other, person) : null;
        if (named) text = named;
        else
          issues.push({
            kind: 'pointOfView',
            quote: text.trim(),
            question: `“${other}” here means someone other than the candidate, but the sentence before is about ${options.name}. Make sure a reader can tell who “${other}” is (for example, “the patient”).`,
          });
      }
      previousCandidate = converted.candidate;
      push(text + tail, false);
      anchorLeftOut(text.trim());
      if (converted.genericRefs.length > 0) {
        issues.push({
          kind: 'recommender',
          quote: text.trim(),
          question: `The candidate wrote ${converted.genericRefs
            .map((g) => {
              const [from, to] = g.split('→');
              return `“${from}”, which the draft turns into “${to}”`;
            })
            .join(
              ' and ',
            )}. ${options.recommenderAddress}, please confirm that this was you, or rewrite the sentence.`,
        });
      }
    } catch (e) {
      if (!(e instanceof Refuse)) throw e;
      state.named = snapshot;
      // Kept as written, the candidate is still "I" here; once the writer rewrites it, a "he" in the next
      // sentence is as unclear as after a converted one.
      previousCandidate = FIRST_PERSON.test(body);
      afterMeta = e.refusal.why === 'meta' || e.refusal.why === 'afterMeta';
      push(`${MARK_OPEN}${body}${MARK_CLOSE}`, true);
      if (tail) push(tail, false);
      anchorLeftOut(body);
      issues.push({
        kind: 'pointOfView',
        quote: body,
        question:
          e.refusal.why === 'meta' || e.refusal.why === 'afterMeta'
            ? `This sentence is kept as the candidate wrote it because ${refusalReason(e.refusal, options)}. Delete it, or rewrite what it says about the candidate from ${options.recommenderAddress}’s point of view (${addressLine(options)}).`
            : `This sentence is kept as the candidate wrote it because ${refusalReason(e.refusal, options)}. Rewrite it from ${options.recommenderAddress}’s point of view (${addressLine(options)})${e.refusal.why === 'otherPronoun' || e.refusal.why === 'otherReflexive' ? `, and make clear who “${e.refusal.pronoun}” is` : ''}.`,
      });
    }
    previous = body;
    people.note(body);
  }
  if (leftOut.length > 0 && lastQuote !== '') anchorLeftOut(lastQuote);
  return { segments, issues };
}
