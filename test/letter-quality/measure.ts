/**
 * Measures one composed letter: the candidate sentences it carries, how many the composer converted or
 * kept verbatim (⟦…⟧), and every defect the detectors see, each with its section and sentence so a reader
 * of the test output can find it.
 */
import { COMPETENCIES } from '../../src/core/competencies';
import type { LetterModel, LetterSectionId } from '../../src/core/letter/model';
import { paragraphText } from '../../src/core/letter/model';
import type { Answers } from '../../src/core/questionnaire';
import {
  aboutTheAnswer,
  type DefectKind,
  emoji,
  firstPersonUnmarked,
  innerStateAsKnowledge,
  labelList,
  nameTwice,
  notesInBody,
  objectPronounAsSubject,
  presentTense,
  type SentenceContext,
  selfQuotation,
  smallCountAsDigit,
  splitAtLineBreak,
} from './detectors';
import {
  isMarkedSentence,
  normalizeSentence,
  splitSentences,
  unmarkedText,
  wordCount,
  wordsOf,
} from './sentences';

/** About 180 words: the most a competency section may hold (issue 11, point 9). */
export const SECTION_BUDGET_WORDS = 180;

export interface Defect {
  readonly kind: DefectKind;
  readonly sectionId: LetterSectionId;
  readonly text: string;
}

export interface LetterMeasure {
  readonly candidateSentences: number;
  readonly verbatim: number;
  readonly converted: number;
  readonly defects: readonly Defect[];
}

const COMPETENCY_IDS = new Set<string>(COMPETENCIES.map((c) => c.id));
export const isCompetency = (id: string): boolean => COMPETENCY_IDS.has(id);
const CONTENT_SECTIONS = new Set<string>([...COMPETENCY_IDS, 'relationship', 'highlights']);

/** A section's text as the reader sees it, without its bold run-in heading ("Patient Care. "). */
export function sectionText(model: LetterModel, sectionId: LetterSectionId): string {
  const block = model.blocks.find((b) => b.sectionId === sectionId);
  if (!block) return '';
  return block.paragraphs
    .map((p) => {
      const runs = isCompetency(sectionId) || sectionId === 'highlights' ? dropHeading(p.runs) : p.runs;
      return runs.map((r) => r.text).join('');
    })
    .join(' ');
}

const dropHeading = <R extends { bold?: boolean }>(runs: readonly R[]) =>
  runs[0]?.bold ? runs.slice(1) : runs;

/** All answer text, normalized, for telling a sentence kept verbatim from a note the composer wrote. */
export function answerCorpus(answers: Answers): string {
  return normalizeSentence(
    Object.values(answers)
      .map((v) => String(v))
      .join(' \n '),
  );
}

/** The candidate's sentences that contain a singular first-person word, normalized. */
export function firstPersonSentences(answers: Answers): Set<string> {
  const out = new Set<string>();
  for (const [id, v] of Object.entries(answers)) {
    if (!/^(competency|highlights|recommender\.relationship)/.test(id)) continue;
    for (const s of splitSentences(String(v).replace(/\s*\n\s*/g, ' '))) {
      if (/\b(?:I|my|me|mine|myself)\b/i.test(s)) out.add(normalizeSentence(s));
    }
  }
  return out;
}

/** A relationship sentence is the candidate's when most of its words come from their relationship answer. */
function fromRelationshipAnswer(sentence: string, answer: string): boolean {
  const own = new Set(wordsOf(answer.toLowerCase()));
  const words = wordsOf(unmarkedText(sentence).toLowerCase() || sentence.toLowerCase()).filter(
    (w) => w.length > 3,
  );
  return words.length > 0 && words.filter((w) => own.has(w)).length / words.length >= 0.5;
}

/**
 * What is wrong with a sentence kept verbatim (issue 11, "done when"): every refusal carries a comment
 * that quotes it, and a sentence with no first person is never refused, since there is nothing to convert.
 */
export function refusalDefects(
  sentence: string,
  sectionId: LetterSectionId,
  model: LetterModel,
): DefectKind[] {
  const plain = sentence.replace(/[⟦⟧]/g, '').trim();
  const out: DefectKind[] = [];
  const comment = model.openQuestions.find(
    (q) =>
      q.sectionId === sectionId &&
      q.quote.trim() !== '' &&
      (plain.includes(q.quote) || q.quote.includes(plain)),
  );
  if (!comment) out.push('refusalWithoutComment');
  // Notes (a 'style' comment asks for full sentences) are marked for not being prose, whatever their
  // person; they still count as kept verbatim.
  if (comment?.kind !== 'style' && !/\b(?:I|my|me|mine|myself|we|our|us|ours|ourselves)\b/i.test(plain))
    out.push('refusalWithoutFirstPerson');
  return out;
}

type SentenceCheck = (s: string, ctx: SentenceContext, next: string | undefined) => boolean;

const SENTENCE_CHECKS: readonly [DefectKind, SentenceCheck][] = [
  ['objectPronounAsSubject', (s) => objectPronounAsSubject(s)],
  ['nameTwice', (s, ctx) => nameTwice(s, ctx)],
  ['selfQuotation', (s) => selfQuotation(s)],
  ['emoji', (s) => emoji(s)],
  ['splitAtLineBreak', (s, _ctx, next) => splitAtLineBreak(s, next)],
  ['notesInBody', (s) => notesInBody(s)],
  ['firstPersonUnmarked', (s, ctx) => firstPersonUnmarked(s, ctx)],
  ['aboutTheAnswer', (s) => aboutTheAnswer(s)],
  ['smallCountAsDigit', (s) => smallCountAsDigit(s)],
];

// Tense and inner states are about narration, which only the competency sections hold.
const NARRATION_CHECKS: readonly [DefectKind, SentenceCheck][] = [
  ['presentTense', (s, ctx) => presentTense(s, ctx)],
  ['innerStateAsKnowledge', (s, ctx) => innerStateAsKnowledge(s, ctx)],
];

export function measureLetter(model: LetterModel, answers: Answers, ctx: SentenceContext): LetterMeasure {
  const corpus = answerCorpus(answers);
  const defects: Defect[] = [];
  const seen = new Map<string, number>();
  let candidateSentences = 0;
  let verbatim = 0;
  for (const block of model.blocks) {
    const id = block.sectionId;
    for (const p of block.paragraphs) {
      const text = paragraphText(p);
      if (p.role === 'body' && id !== 'salutation' && !/[.!?…]["”’)\]]*⟧?\s*$/.test(text))
        defects.push({ kind: 'paragraphWithoutEndPunctuation', sectionId: id, text: text.slice(-80) });
    }
    if (!CONTENT_SECTIONS.has(id)) continue;
    const text = sectionText(model, id);
    if (labelList(text)) defects.push({ kind: 'labelList', sectionId: id, text });
    const sentences = splitSentences(text);
    let words = 0;
    sentences.forEach((s, i) => {
      const marked = isMarkedSentence(s);
      const note = marked && !corpus.includes(normalizeSentence(s));
      if (note) return;
      words += wordCount(s);
      const candidate =
        id !== 'relationship' || fromRelationshipAnswer(s, String(answers['recommender.relationship'] ?? ''));
      if (candidate) candidateSentences++;
      // A note pasted as typed ("- 6 pts/day.") was no more converted than a marked sentence: it counts as
      // kept verbatim as well as a defect, so marking it for the writer, or making prose of it, is what
      // lowers the count.
      if (candidate && (marked || notesInBody(s))) verbatim++;
      if (candidate && marked)
        for (const kind of refusalDefects(s, id, model)) defects.push({ kind, sectionId: id, text: s });
      const key = normalizeSentence(s);
      if (wordsOf(key).length >= 4) {
        seen.set(key, (seen.get(key) ?? 0) + 1);
        if (seen.get(key)! >= 2) defects.push({ kind: 'duplicateSentence', sectionId: id, text: s });
      }
      const checks = isCompetency(id) ? [...SENTENCE_CHECKS, ...NARRATION_CHECKS] : SENTENCE_CHECKS;
      for (const [kind, check] of checks)
        if (check(s, ctx, sentences[i + 1])) defects.push({ kind, sectionId: id, text: s });
    });
    if (isCompetency(id) && words > SECTION_BUDGET_WORDS)
      defects.push({ kind: 'sectionOverBudget', sectionId: id, text: `${words} words` });
  }
  return { candidateSentences, verbatim, converted: candidateSentences - verbatim, defects };
}
