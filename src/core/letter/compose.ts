/**
 * Composes the letter model from typed answers: letterhead, date, salutation, the relationship paragraph,
 * the six competency sections in ACGME order, highlights, the comparison choice, closing and signature.
 *
 * Every claim comes from an answer. A missing optional fact becomes a marked placeholder with an open
 * question; the comparison is always a marked choice (only the recommender knows the denominator).
 *
 * Length: the letter must fit two U.S. Letter pages. When the answers are too long, each competency and the
 * highlights get a share of the space (short sections keep everything; long ones share what is left), a long
 * section is cut at a sentence boundary, a marked note says how many words were left out, and an open
 * question carries the left-out text in the candidate's words. Nothing is dropped silently.
 */
import { COMPETENCIES } from '../competencies';
import type { Answers, IsoDate, ItemId } from '../questionnaire';
import { normalizeLine, normalizeText } from '../text';
import { condense, SECTION_SOURCE_WORDS, wholeSentences } from './condense';
import { labelledFeedback, relationshipFragment, relationshipInProse } from './fragments';
import { HIGHLIGHT_IDS, highlightsSource } from './highlights';
import {
  compareDays,
  daysInclusive,
  formatDateRange,
  formatLongDate,
  numberFromWord,
  numberWord,
  parseIsoDay,
  roundedWeeks,
} from './letter-dates';
import {
  type Block,
  createDocumentModel,
  type LetterModel,
  type LetterSectionId,
  MARK_CLOSE,
  MARK_OPEN,
  markedRun,
  type OpenQuestionDraft,
  type OpenQuestionKind,
  type Paragraph,
  type ParagraphRole,
  type Run,
} from './model';
import { type AnswerPiece, answerPieces, BULLET, hasBulletLines } from './note-text';
import { inPastNarration } from './past-tense';
import {
  convertPointOfView,
  type PovState,
  PRONOUN_FORMS,
  type PronounSet,
  pronounSetOf,
  recommenderPronounsIn,
  splitSentences,
} from './point-of-view';
import { capitalize } from './pov-words';
import { unquoteWhole } from './source-text';
import { usStateName } from './us-states';

/**
 * How much text two pages hold, in estimated lines of the rendered letter (Times New Roman 11 pt, 6.5 in
 * lines, 1.15 spacing). Calibrated against LibreOffice's PDF page count in test/node/docx-letter.test.ts.
 */
export interface LetterBudget {
  readonly charsPerLine: number;
  readonly lines: number;
}

export const DEFAULT_BUDGET: LetterBudget = { charsPerLine: 100, lines: 83 };

export interface ComposeOptions {
  /** The date printed on the letter; absent or null leaves a marked placeholder for the signing date. */
  readonly letterDate?: IsoDate | null;
  readonly budget?: LetterBudget;
}

/** The names and pronouns the letter uses, derived once from the answers. */
export interface LetterPeople {
  readonly fullName: string;
  /** The form of address used throughout ("Dr. Delgado"). */
  readonly name: string;
  /** The first mention in the relationship paragraph ("Dr. Rosa Delgado"). */
  readonly firstMention: string;
  readonly pronouns: PronounSet;
  readonly recommenderName: string;
  /** "Dr. Chen" for physicians, the full name otherwise. */
  readonly recommenderAddress: string;
  readonly recommenderSignature: string;
  readonly recommenderPronouns?: 'he' | 'she';
}

const TITLES = /^(Dr\.?|Mr\.?|Ms\.?|Mrs\.?|Mx\.?|Miss|Doctor)\s+(.+)$/;
const PHYSICIAN_DEGREES = ['MD', 'DO', 'MBBS', 'MBCHB', 'MBBCH'];

export function letterPeople(answers: Answers): LetterPeople {
  const fullName = normalizeLine(answers['candidate.fullName'] ?? '') || 'the candidate';
  const preferred = normalizeLine(answers['candidate.preferredName'] ?? '');
  const name = preferred || fullName;
  // "Dr. Delgado" with full name "Rosa Delgado" first appears as "Dr. Rosa Delgado".
  const titled = TITLES.exec(name);
  const firstMention =
    titled && fullName.toLowerCase().endsWith(titled[2]!.toLowerCase())
      ? `${titled[1]} ${fullName}`
      : fullName;
  const recommenderName = normalizeLine(answers['recommender.name'] ?? '');
  const degree = normalizeLine(answers['recommender.degree'] ?? '');
  const surname = recommenderName.split(' ').slice(-1)[0] ?? recommenderName;
  const physician = PHYSICIAN_DEGREES.includes(degree.toUpperCase().replace(/[^A-Z]/g, ''));
  // Spanish double surnames ("Beatriz Colón Rivera") are addressed with both ("Dr. Colón Rivera"); accents
  // are the only signal the answers give, so other three-word names keep the last word.
  const hispanicDouble = /\s\S+\s\S+$/.test(recommenderName) && /[ÁÉÍÓÚÑáéíóúñ]/.test(recommenderName);
  const addressSurname = hispanicDouble ? recommenderName.split(' ').slice(1).join(' ') : surname;
  return {
    fullName,
    name,
    firstMention: firstMention === name ? name : firstMention,
    pronouns: pronounSetOf(answers['candidate.pronouns']),
    recommenderName,
    recommenderAddress:
      physician || degree.toUpperCase() === 'PHD' ? `Dr. ${addressSurname}` : recommenderName,
    recommenderSignature:
      degree && degree.toLowerCase() !== 'other' ? `${recommenderName}, ${degree}` : recommenderName,
    ...withRecommenderPronouns(recommenderPronounsIn(answers['recommender.relationship'] ?? '')),
  };
}

const withRecommenderPronouns = (p: 'he' | 'she' | undefined) => (p ? { recommenderPronouns: p } : {});

// ---------------------------------------------------------------------------------------------------------

class BlockBuilder {
  private runs: Run[] = [];
  private readonly paragraphs: Paragraph[] = [];
  readonly questions: OpenQuestionDraft<LetterSectionId>[] = [];

  constructor(
    readonly sectionId: LetterSectionId,
    readonly answerIds: ItemId[],
  ) {}

  text(text: string, style: { bold?: boolean; italic?: boolean } = {}): this {
    if (text === '') return this;
    const last = this.runs[this.runs.length - 1];
    if (last && !last.marked && !!last.bold === !!style.bold && !!last.italic === !!style.italic) {
      this.runs[this.runs.length - 1] = { ...last, text: last.text + text };
    } else {
      this.runs.push({
        text,
        ...(style.bold ? { bold: true } : {}),
        ...(style.italic ? { italic: true } : {}),
      });
    }
    return this;
  }

  mark(label: string, question?: { kind: OpenQuestionKind; question: string }): this {
    const run = markedRun(label);
    this.runs.push(run);
    if (question) this.ask(question.kind, run.text, question.question);
    return this;
  }

  ask(kind: OpenQuestionKind, quote: string, question: string): this {
    this.questions.push({ sectionId: this.sectionId, kind, quote, question });
    return this;
  }

  paragraph(role: ParagraphRole): this {
    if (this.runs.length > 0) this.paragraphs.push({ role, runs: this.runs });
    this.runs = [];
    return this;
  }

  build(): Block<LetterSectionId> {
    return { sectionId: this.sectionId, answerIds: this.answerIds, paragraphs: this.paragraphs };
  }
}

const endWithStop = (s: string) => (/[.!?…]["”’)\]⟧]*$/.test(s) ? s : `${s}.`);

/** One paragraph of candidate text as typed: lines joined into sentences (a line without an end mark gets one). */
export function answerAsTyped(raw: string | undefined): string {
  return normalizeText(raw ?? '')
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i, all) => (i < all.length - 1 && !/[.!?:;…]["”’)\]]*$/.test(line) ? `${line}.` : line))
    .join(' ');
}

/**
 * One paragraph of candidate text, cleaned as a letter needs it (note-text.ts, source-text.ts): soft line
 * breaks joined, repeated sentences and emoji dropped, one-meaning note abbreviations expanded, bullets that
 * are clauses finished as sentences, small counts spelled out. The answers themselves stay verbatim in the
 * order's record; only the letter's copy is cleaned.
 */
export function answerAsProse(raw: string | undefined, rotationName = ''): string {
  const pieces = answerPieces(raw, rotationName);
  return hasBulletLines(raw) ? withNotesMarked(pieces) : pieces.map((p) => endWithStop(p.text)).join(' ');
}

/**
 * Pieces of a bullet answer as one paragraph: prose as it is, and each run of notes as the candidate typed
 * them, one sentence each, inside one ⟦…⟧ that the composer marks and asks about (appendConverted).
 */
export function withNotesMarked(pieces: readonly AnswerPiece[]): string {
  const out: string[] = [];
  let notes: string[] = [];
  const flush = () => {
    if (notes.length > 0) out.push(`${MARK_OPEN}${notes.join(' ')}${MARK_CLOSE}`);
    notes = [];
  };
  for (const p of pieces) {
    if (p.kind === 'note') {
      notes.push(endWithStop(capitalize((p.typed ?? p.text).trim())));
      continue;
    }
    flush();
    out.push(endWithStop(p.text));
  }
  flush();
  return out.join(' ');
}

/** A competency answer told in the past (past-tense.ts), all of it or sentence by sentence; notes stay as typed. */
const inThePast = (text: string) => (text.includes(MARK_OPEN) ? text : inPastNarration(text));

/**
 * A competency answer as its section's source: cleaned, told in the past, and, when it is a long story,
 * condensed (condense.ts) to its scene and the candidate's actions paragraph by paragraph, with what was
 * left out kept for the writer's comment. Bullet notes are not condensed: each note is short already.
 */
function competencySource(
  raw: string | undefined,
  rotationName: string,
): { source: string; condensedOut?: string } {
  const whole = answerAsProse(raw, rotationName);
  if (hasBulletLines(raw) || wordCount(whole) <= SECTION_SOURCE_WORDS) return { source: inThePast(whole) };
  const paragraphs = (raw ?? '').split(/\n/).map((p) => answerAsProse(p, rotationName));
  const { kept, cut } = condense(paragraphs.filter((p) => p.trim() !== ''));
  return { source: inThePast(kept), condensedOut: cut };
}

/**
 * A bullet that only restates the patients a day the questionnaire gave ("- 6 pts/day"), which the first
 * paragraph already states: the answer without that line, and the line. Undefined when there is none.
 */
function toldPerDay(raw: string | undefined, perDay: number): { rest: string; note: string } | undefined {
  if (!hasBulletLines(raw)) return undefined;
  const lines = normalizeText(raw ?? '').split('\n');
  const bullet = (line: string) => (BULLET.test(line.trim()) ? line.trim().replace(BULLET, '') : null);
  const i = lines.findIndex((line) => {
    const m = /^(?:about\s+|~)?(\w+)\s*(?:pts|patients)\s*(?:\/\s*|a\s+|per\s+)(?:day|d)\s*\.?\s*$/i.exec(
      bullet(line) ?? '',
    );
    return m !== null && numberFromWord(m[1]!) === perDay;
  });
  if (i < 0) return undefined;
  return { rest: lines.filter((_, k) => k !== i).join('\n'), note: bullet(lines[i]!)!.trim() };
}

/** The relationship answer, its role fragments ("Preceptor in clinic") made sentences about the recommender. */
function relationshipAsProse(raw: string | undefined, recommender: string): string {
  const pieces = answerPieces(raw).map((p): AnswerPiece => {
    if (p.kind === 'prose') return { kind: 'prose', text: relationshipInProse(p.text, recommender) };
    const sentence = relationshipFragment(p.text, recommender);
    return sentence ? { kind: 'prose', text: sentence } : p;
  });
  return hasBulletLines(raw) ? withNotesMarked(pieces) : pieces.map((p) => endWithStop(p.text)).join(' ');
}

/**
 * A highlights answer typed as bullets, as the text highlightsSource expects: procedures and presentations
 * as one list, feedback as sentences (feedback labelled with the recommender's name made the candidate's).
 */
function highlightAsProse(id: (typeof HIGHLIGHT_IDS)[number], raw: string | undefined, surname: string) {
  if (!hasBulletLines(raw)) return answerAsProse(raw);
  const items = answerPieces(raw).map((p) => (p.typed ?? p.text).replace(/^I\s+/, '').replace(/[.\s]+$/, ''));
  if (id !== 'highlights.feedback') return items.join(', ');
  return items.map((t) => labelledFeedback(t, surname) ?? endWithStop(capitalize(t))).join(' ');
}

const wordCount = (s: string) => (s.match(/\S+/g) ?? []).length;

interface FlexibleSection {
  readonly sectionId: LetterSectionId;
  readonly heading: string;
  readonly answerIds: ItemId[];
  /** The candidate's text (prose, first person), before conversion. */
  readonly source: string;
  /** What condensing a long story left out of `source`, in the candidate's words, for one comment. */
  readonly condensedOut?: string;
  readonly missingLabel?: string;
  /** A note left out because the letter already states it, with why, for a comment on the heading. */
  readonly leftOut?: { readonly note: string; readonly why: string };
}

/**
 * Water-filling: sections that need less than an equal share keep all their text, and what they leave is
 * shared by the rest. Returns a character cap per section (Infinity when everything fits).
 */
export function shareBudget(needs: readonly number[], pool: number): number[] {
  const caps = needs.map(() => Number.POSITIVE_INFINITY);
  if (needs.reduce((a, b) => a + b, 0) <= pool) return caps;
  const order = needs.map((n, i) => ({ n, i })).sort((a, b) => a.n - b.n);
  let left = Math.max(0, pool);
  let remaining = order.length;
  for (const { n, i } of order) {
    const share = left / remaining;
    if (n <= share) {
      left -= n;
    } else {
      caps[i] = Math.floor(share);
      left -= share;
    }
    remaining--;
  }
  return caps;
}

/** Keeps whole sentences up to `cap` characters (always the first), and returns what was cut. */
/**
 * How much of a cut answer one open question carries. Each question becomes one comment thread, and a
 * comment is a question, not a page (editing-session.ts refuses bodies over 2,000 characters): longer cut
 * text is spread over several questions so that every word the candidate wrote still reaches the writer.
 */
export const CUT_TEXT_PER_QUESTION = 1500;

/** Splits text into pieces of at most `max` characters, at sentence ends, else at spaces, else anywhere. */
export function chunkAtSentences(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  const push = () => {
    if (current.trim() !== '') pieces.push(current.trim());
    current = '';
  };
  for (const sentence of splitSentences(text)) {
    if ((current + sentence).trim().length <= max) {
      current += sentence;
      continue;
    }
    push();
    let rest = sentence;
    while (rest.trim().length > max) {
      const space = rest.lastIndexOf(' ', max);
      const at = space > 0 ? space : max;
      pieces.push(rest.slice(0, at).trim());
      rest = rest.slice(at);
    }
    current = rest;
  }
  push();
  return pieces;
}

export function trimAtSentence(source: string, cap: number): { kept: string; cut: string } {
  if (source.length <= cap) return { kept: source, cut: '' };
  const sentences = wholeSentences(source);
  let kept = '';
  let k = 0;
  while (k < sentences.length && (k === 0 || (kept + sentences[k]!).trimEnd().length <= cap)) {
    kept += sentences[k]!;
    k++;
  }
  return { kept: kept.trimEnd(), cut: sentences.slice(k).join('').trim() };
}

function estimateLines(paragraphs: readonly Paragraph[], charsPerLine: number): number {
  // Each paragraph costs its wrapped lines plus about half a line of spacing.
  return paragraphs.reduce(
    (sum, p) =>
      sum + Math.max(1, Math.ceil(p.runs.reduce((n, r) => n + r.text.length, 0) / charsPerLine)) + 0.5,
    0,
  );
}

// ---------------------------------------------------------------------------------------------------------

/** The answers the relationship paragraph (and the summary's rotation facts) are made from. */
export const RELATIONSHIP_ANSWER_IDS: readonly ItemId[] = [
  'candidate.fullName',
  'candidate.preferredName',
  'candidate.type',
  'candidate.school',
  'candidate.graduationYear',
  'candidate.specialty',
  'rotation.name',
  'rotation.type',
  'rotation.setting',
  'rotation.site',
  'rotation.city',
  'rotation.state',
  'rotation.start',
  'rotation.end',
  'rotation.hoursPerWeek',
  'rotation.patientsPerDay',
  'recommender.relationship',
];

export function composeLetter(answers: Answers, options: ComposeOptions = {}): LetterModel {
  const budget = options.budget ?? DEFAULT_BUDGET;
  const people = letterPeople(answers);
  const { name, recommenderAddress: addr } = people;
  const forms = people.pronouns === 'name' ? null : PRONOUN_FORMS[people.pronouns];
  const line = (id: ItemId) => normalizeLine(String(answers[id] ?? ''));
  const specialty = line('candidate.specialty');
  const start = parseIsoDay(answers['rotation.start']);
  const end = parseIsoDay(answers['rotation.end']);

  const blocks: BlockBuilder[] = [];
  const add = (sectionId: LetterSectionId, answerIds: ItemId[]) => {
    const b = new BlockBuilder(sectionId, answerIds);
    blocks.push(b);
    return b;
  };
  const orMark = (b: BlockBuilder, id: ItemId, label: string, question: string) => {
    const v = line(id);
    if (v) b.text(v);
    else b.mark(label, { kind: 'missing', question });
  };

  // Letterhead
  const head = add('letterhead', [
    'recommender.name',
    'recommender.degree',
    'recommender.title',
    'recommender.institution',
    'recommender.email',
    'recommender.phone',
  ]);
  const degree = line('recommender.degree');
  head.text(people.recommenderName || '', { bold: true });
  if (!people.recommenderName)
    head.mark('recommender name', { kind: 'missing', question: 'Who signs this letter?' });
  if (!degree || degree.toLowerCase() === 'other') {
    head.text(', ', { bold: true }).mark('degree', {
      kind: 'missing',
      question: `Which degree does ${addr} hold (MD, DO, …)? The candidate answered “${degree || 'nothing'}”.`,
    });
  } else {
    head.text(`, ${degree}`, { bold: true });
  }
  head.paragraph('letterheadName');
  orMark(head, 'recommender.title', 'title', `What is ${addr}’s title?`);
  head.text(' · ');
  const institution = line('recommender.institution');
  orMark(head, 'recommender.institution', 'institution', `Which institution should the letterhead name?`);
  head.paragraph('letterhead');
  orMark(head, 'recommender.email', 'email', `What is ${addr}’s email address? ERAS letters carry it.`);
  head.text(' · ');
  const phone = line('recommender.phone');
  orMark(
    head,
    'recommender.phone',
    'phone number',
    `${addr}’s phone number is missing (ERAS letters carry the writer’s phone, email and address). Add it, or remove the placeholder.`,
  );
  head.paragraph('letterhead');
  if (institution) {
    head.ask(
      'letterhead',
      institution,
      `Print the final letter on ${institution} letterhead with ${addr}’s mailing address: ERAS letters carry the writer’s address, phone and email.`,
    );
  }

  // Date
  const dateBlock = add('date', ['rotation.end']);
  const letterDate = parseIsoDay(options.letterDate ?? null);
  const after = end ? ` (after ${formatLongDate(end)})` : '';
  if (letterDate) {
    const text = formatLongDate(letterDate);
    dateBlock.text(text);
    if (end && compareDays(letterDate, end) < 0) {
      dateBlock.ask(
        'date',
        text,
        `The letter is dated ${text}, before the rotation ends on ${formatLongDate(end)}. Date it when ${addr} signs.`,
      );
    }
  } else {
    dateBlock.mark('date of signing', { kind: 'date', question: `Set the date when ${addr} signs${after}.` });
  }
  dateBlock.paragraph('date');

  add('salutation', []).text('Dear Program Director:').paragraph('body');

  // Relationship
  const rel = add('relationship', [...RELATIONSHIP_ANSWER_IDS]);
  rel.text(
    `It is my pleasure to recommend ${people.firstMention}${descriptor(answers)} for residency training in `,
  );
  if (specialty) rel.text(specialty);
  else rel.mark('specialty', { kind: 'missing', question: 'Which specialty is the candidate applying to?' });
  rel.text('. ');
  const rotationName = rotationPhrase(answers);
  const poss = forms ? forms.possessive : 'the';
  rel.text(`I supervised ${name} during ${poss} `);
  if (start && end && compareDays(end, start) >= 0) {
    const weeks = roundedWeeks(start, end);
    rel.text(weeks >= 1 ? `${numberWord(weeks)}-week ` : `${numberWord(daysInclusive(start, end))}-day `);
  }
  rel.text(`${rotationName} at `);
  orMark(rel, 'rotation.site', 'hospital or clinic', 'Where did the rotation take place?');
  rel.text(' in ');
  orMark(rel, 'rotation.city', 'city', 'In which city did the rotation take place?');
  const stateCode = line('rotation.state');
  const stateName = usStateName(stateCode);
  rel.text(', ');
  if (stateName) rel.text(stateName);
  else if (stateCode) {
    rel
      .text(stateCode)
      .ask(
        'check',
        stateCode,
        `“${stateCode}” is not a U.S. state or territory code. Where was the rotation?`,
      );
  } else rel.mark('state', { kind: 'missing', question: 'In which state did the rotation take place?' });
  rel.text(', from ');
  if (start && end) {
    const range = formatDateRange(start, end);
    rel.text(range);
    if (compareDays(end, start) < 0) {
      rel.ask('date', range, 'The rotation ends before it starts. Check the dates with the candidate.');
    }
  } else {
    rel.mark('rotation dates', {
      kind: 'date',
      question:
        'The rotation dates are missing or not real dates. Ask the candidate for the first and last day.',
    });
  }
  // Name-only: "worked with Dr. Okoro" would name the candidate twice in the sentence.
  rel.text(forms ? `, and worked with ${forms.object} about ` : ', and we worked together about ');
  const hours = answers['rotation.hoursPerWeek'];
  if (typeof hours === 'number') rel.text(String(hours));
  else {
    rel.mark('number', {
      kind: 'missing',
      question: `How many hours a week did ${addr} work with ${name}? The candidate left it blank.`,
    });
  }
  rel.text(' hours each week. ');
  const perDayAnswer = answers['rotation.patientsPerDay'];
  const perDay = typeof perDayAnswer === 'number' && perDayAnswer > 0 ? perDayAnswer : undefined;
  if (perDay !== undefined) {
    const subject = forms ? capitalize(forms.subject) : name;
    // A letter spells out a small count ("about six patients"); numberWord leaves larger ones as digits.
    rel.text(
      `${subject} followed about ${numberWord(perDay)} ${perDay === 1 ? 'patient' : 'patients'} each day. `,
    );
  }
  const relationship = relationshipAsProse(answers['recommender.relationship'], people.recommenderAddress);
  if (relationship) {
    appendConverted(rel, endWithStop(relationship), people, 'relationship', { named: true });
  } else {
    rel.mark('how I supervised the candidate', {
      kind: 'missing',
      question: `How did ${addr} supervise ${name}? The candidate left it blank.`,
    });
  }
  rel.paragraph('body');

  // Competencies and highlights, with the length budget.
  const flexible: FlexibleSection[] = COMPETENCIES.map((c) => {
    const raw = answers[`competency.${c.id}` as const];
    const told = perDay === undefined ? undefined : toldPerDay(raw, perDay);
    return {
      sectionId: c.id,
      heading: c.title,
      answerIds: [`competency.${c.id}` as const],
      ...competencySource(told?.rest ?? raw, answers['rotation.name'] ?? ''),
      missingLabel: `example for ${c.title}`,
      ...(told
        ? {
            leftOut: {
              note: told.note,
              why: `the first paragraph already says ${name} followed about ${numberWord(perDay!)} patients each day`,
            },
          }
        : {}),
    };
  });
  // Each highlight answer cleaned once, for the sentences and for the ids the section came from.
  const surname = people.recommenderName.split(' ').slice(-1)[0] ?? '';
  const cleaned = new Map(
    HIGHLIGHT_IDS.map((id) => [id, highlightAsProse(id, answers[id], surname)] as const),
  );
  const highlights = highlightsSource(
    {
      procedures: cleaned.get('highlights.procedures'),
      presentations: cleaned.get('highlights.presentations'),
      feedback: cleaned.get('highlights.feedback'),
      firstName: people.fullName.split(/\s+/)[0] ?? '',
    },
    surname,
  );
  if (highlights !== '') {
    flexible.push({
      sectionId: 'highlights',
      heading: 'Highlights',
      answerIds: HIGHLIGHT_IDS.filter((id) => cleaned.get(id) !== ''),
      source: highlights,
    });
  }
  // Slots, filled once the length budget is known.
  const flexibleBlocks = flexible.map((f) => add(f.sectionId, f.answerIds));

  const comparison = add('comparison', []);
  const comparisonSentence = `Among the [number] students and graduates I have supervised over [years] years, ${name} ranks in the top [5 / 10 / 25]%.`;
  comparison.mark(`Comparison — for ${addr} to choose: “${comparisonSentence}”`);
  comparison.ask(
    'comparison',
    comparisonSentence,
    `${addr}: only you can give this comparison. Choose the group and the percentile, or delete the sentence.`,
  );
  comparison.paragraph('body');

  const closing = add('closing', ['candidate.specialty', 'recommender.email', 'recommender.phone']);
  closing.text(`I give ${name} my highest recommendation for residency in `);
  if (specialty) closing.text(specialty);
  else closing.mark('specialty');
  const email = line('recommender.email');
  const contact = [email, phone].filter(Boolean).join(' or ');
  closing.text(
    `. ${contact ? `Please contact me at ${contact}` : 'Please contact me'} if I can tell you more.`,
  );
  closing.paragraph('body');

  const signature = add('signature', [
    'recommender.name',
    'recommender.degree',
    'recommender.title',
    'recommender.institution',
  ]);
  signature.text('Sincerely,').paragraph('closing');
  signature.text(people.recommenderSignature).paragraph('signatureName');
  if (line('recommender.title')) signature.text(line('recommender.title')).paragraph('signature');
  if (institution) signature.text(institution).paragraph('signature');

  // Share what the fixed parts leave among the flexible sections. Converted text is longer than the source
  // ("I" becomes "Dr. Delgado") by an amount that varies, so measure the converted paragraphs and tighten
  // the pool until the estimate fits.
  const fixed = blocks.filter((b) => !flexibleBlocks.includes(b)).flatMap((b) => b.build().paragraphs);
  const fixedLines = estimateLines(fixed, budget.charsPerLine);
  const flexibleLines = (built: readonly BlockBuilder[]) =>
    estimateLines(
      built.flatMap((b) => b.build().paragraphs),
      budget.charsPerLine,
    );
  let caps = flexible.map(() => Number.POSITIVE_INFINITY);
  let attempt = flexible.map((f, i) => flexibleBlock(f, caps[i]!, people));
  const full = attempt.map((b) =>
    b.build().paragraphs.reduce((n, p) => n + p.runs.reduce((m, r) => m + r.text.length, 0), 0),
  );
  let pool = (budget.lines - fixedLines - flexible.length * 0.5) * budget.charsPerLine;
  for (let round = 0; round < 6 && fixedLines + flexibleLines(attempt) > budget.lines; round++) {
    const shares = shareBudget(full, pool);
    // A cap on converted text becomes a cap on the source, scaled by how much this section grew.
    caps = shares.map((c, i) =>
      Number.isFinite(c) ? Math.floor((c * flexible[i]!.source.length) / Math.max(1, full[i]!)) : c,
    );
    attempt = flexible.map((f, i) => flexibleBlock(f, caps[i]!, people));
    const over = fixedLines + flexibleLines(attempt) - budget.lines;
    pool -= Math.max(1, over) * budget.charsPerLine;
  }
  flexibleBlocks.forEach((slot, i) => {
    blocks[blocks.indexOf(slot)] = attempt[i]!;
  });

  const built = blocks.map((b) => b.build());
  const questions = blocks.flatMap((b) => b.questions);
  questions.push(...emojiQuestions(built));
  return createDocumentModel(
    'letter',
    `Letter of recommendation — ${people.fullName}${specialty ? ` — ${specialty}` : ''}`,
    built,
    questions,
  );
}

function flexibleBlock(f: FlexibleSection, cap: number, people: LetterPeople): BlockBuilder {
  const b = new BlockBuilder(f.sectionId, f.answerIds);
  b.text(`${f.heading}. `, { bold: true });
  if (f.leftOut)
    b.ask(
      'style',
      `${f.heading}.`,
      `CEAD left out the candidate’s note “${f.leftOut.note}” here, because ${f.leftOut.why}.`,
    );
  if (f.source === '') {
    b.mark(`${f.missingLabel ?? f.heading}.`, {
      kind: 'missing',
      question: `The candidate gave no example for ${f.heading}. Ask for one concrete event from the rotation.`,
    });
  } else {
    // A long story was condensed already (competencySource); the page budget may cut further.
    const trimmed = trimAtSentence(f.source, cap);
    const kept = trimmed.kept;
    const cut = [f.condensedOut ?? '', trimmed.cut].filter(Boolean).join(' ');
    appendConverted(b, kept, people, f.sectionId === 'highlights' ? 'highlight' : 'competency', {
      named: false,
    });
    if (cut) {
      const parts = chunkAtSentences(cut.replace(/[⟦⟧]/g, ''), CUT_TEXT_PER_QUESTION);
      const where = parts.length === 1 ? 'the comment here' : `the ${parts.length} comments here`;
      const note = `${wordCount(cut)} more words from the candidate’s answer are in ${where}.`;
      b.text(' ').mark(note);
      parts.forEach((part, i) => {
        const label = parts.length === 1 ? '' : ` (part ${i + 1} of ${parts.length})`;
        b.ask(
          'length',
          note,
          `To keep the letter within two pages and its sections in balance, CEAD left out part of the candidate’s answer${label}. In the candidate’s words: “${part}” Choose what to keep, convert it to ${people.recommenderAddress}’s point of view, and delete this note.`,
        );
      });
    }
  }
  return b.paragraph('body');
}

/**
 * Candidate text converted to the physician's point of view; each marked run of notes (withNotesMarked)
 * stays as the candidate typed it, with one comment asking for full sentences in session 1.
 */
function appendConverted(
  b: BlockBuilder,
  text: string,
  people: LetterPeople,
  source: 'relationship' | 'competency' | 'highlight',
  state: PovState,
): void {
  const parts = text.split(new RegExp(`(${MARK_OPEN}[^${MARK_CLOSE}]*${MARK_CLOSE})`));
  // Marks come from a bullet answer, whose finished bullets all start with a past verb (finishBullet).
  if (parts.length > 1) state.narrativePast = true;
  for (const part of parts) {
    if (part.startsWith(MARK_OPEN)) {
      b.mark(part.slice(MARK_OPEN.length, -MARK_CLOSE.length), {
        kind: 'style',
        question: notesQuestion(people),
      });
    } else {
      // Spaces between a mark and the prose stay outside both, so a sentence is never marked with them.
      const [, lead, prose, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(part)!;
      if (lead) b.text(lead!);
      if (prose) appendProse(b, prose, people, source, state);
      if (trail) b.text(trail!);
    }
  }
}

function notesQuestion(people: LetterPeople): string {
  const forms = people.pronouns === 'name' ? null : PRONOUN_FORMS[people.pronouns];
  const did = `${forms ? forms.subject : people.name} did`;
  return `The candidate wrote notes here, not sentences. In session 1, ask ${people.name} to write them as full sentences (what ${did}, for which patient, and what came of it), so that they can be put in ${people.recommenderAddress}’s words.`;
}

function appendProse(
  b: BlockBuilder,
  text: string,
  people: LetterPeople,
  source: 'relationship' | 'competency' | 'highlight',
  state: PovState,
): void {
  const result = convertPointOfView(
    text,
    {
      pronouns: people.pronouns,
      name: people.name,
      recommenderName: people.recommenderName,
      recommenderAddress: people.recommenderAddress,
      source,
      ...(people.recommenderPronouns ? { recommenderPronouns: people.recommenderPronouns } : {}),
    },
    state,
  );
  for (const s of result.segments) {
    if (s.marked) b.mark(s.text.slice(MARK_OPEN.length, s.text.length - MARK_CLOSE.length));
    else b.text(s.text);
  }
  for (const issue of result.issues) b.ask(issue.kind, issue.quote, issue.question);
}

function descriptor(answers: Answers): string {
  const school = normalizeLine(answers['candidate.school'] ?? '');
  if (!school) return '';
  const year = answers['candidate.graduationYear'];
  switch (answers['candidate.type']) {
    case 'US MD senior':
    case 'US DO senior':
      return `, a senior medical student at ${school},`;
    case 'Visiting international student':
      return `, a visiting medical student from ${school},`;
    case 'International medical graduate':
    case 'US graduate':
      return typeof year === 'number' ? `, a ${year} graduate of ${school},` : `, a graduate of ${school},`;
    default:
      return '';
  }
}

/** "inpatient Internal Medicine externship": the setting and type, unless the name already says them. */
function rotationPhrase(answers: Answers): string {
  const name = unquoteWhole(normalizeLine(answers['rotation.name'] ?? '')) || 'rotation';
  const lower = name.toLowerCase();
  const type = normalizeLine(answers['rotation.type'] ?? '').toLowerCase();
  const typeWords: Record<string, RegExp> = {
    'core clerkship': /clerkship/,
    'sub-internship': /sub-?internship|sub-?i\b|acting internship/,
    elective: /elective/,
    externship: /externship/,
    observership: /observership/,
  };
  const withType = type && !(typeWords[type] ?? new RegExp(type)).test(lower) ? `${name} ${type}` : name;
  const setting = normalizeLine(answers['rotation.setting'] ?? '').toLowerCase();
  const settingWords = setting.split(/\s+and\s+/);
  const hasSetting = settingWords.every((w) => lower.includes(w));
  return setting && !hasSetting ? `${setting} ${withType}` : withType;
}

const EMOJI = /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*/gu;

function emojiQuestions(blocks: readonly Block<LetterSectionId>[]): OpenQuestionDraft<LetterSectionId>[] {
  const found: string[] = [];
  let first: { sectionId: LetterSectionId; emoji: string } | null = null;
  for (const b of blocks) {
    for (const p of b.paragraphs) {
      for (const r of p.runs) {
        for (const m of r.text.matchAll(EMOJI)) {
          if (!found.includes(m[0])) found.push(m[0]);
          first ??= { sectionId: b.sectionId, emoji: m[0] };
        }
      }
    }
  }
  if (!first) return [];
  return [
    {
      sectionId: first.sectionId,
      kind: 'style',
      quote: first.emoji,
      question: `The candidate’s answers contain emoji (${found.join(' ')}), kept as typed. A letter to a program director should not: remove them.`,
    },
  ];
}
