/**
 * A long answer condensed extractively (issue 11, part 9): one 800-word story would fill two pages while
 * the other sections get a line. The section keeps, in the candidate's order, the sentence that sets the
 * scene, the outcome, and then, paragraph by paragraph, the sentence that carries most of what the
 * candidate did and found for the room it takes, as many as fit the budget; every other sentence goes,
 * whole and in order, to the writer in one comment. Nothing is rewritten: each kept sentence is the
 * candidate's, for the conversion to take. A story's paragraphs are its events, so taking the best of each
 * before the second-best of any keeps the story whole rather than its densest episode twice.
 *
 * What a sentence is worth: the candidate's own action first ("I checked his glucose"), then its facts
 * (numbers, names, clinical words); others' actions and the patient's results are context. What it costs:
 * the words the letter will keep of it, without the candidate's reasons and feelings (inner-states.ts). A
 * sentence whose "she" or "he" was introduced in a sentence left out comes with that sentence, or not at
 * all, so that the reader has met everyone the section mentions; lessons ("This case taught me… First, …")
 * take no room.
 */

import { isPlainEnglish } from '../rewrite/words';
import { isAboutTheAnswer } from './about-the-answer';
import { withoutInnerState } from './inner-states';
import { MARK_CLOSE, MARK_OPEN } from './model';
import { peopleIn } from './other-person';
import { splitSentences } from './point-of-view';

/** About 150 words of the candidate's text: the conversion lengthens it ("I" → "Dr. Tanaka Ortiz") to under 180. */
export const SECTION_SOURCE_WORDS = 150;

const words = (s: string) => (s.match(/\S+/g) ?? []).length;
// The candidate doing something: "I checked", "I also asked", not "I was", "I felt", "I learned".
const OWN_ACTION =
  /(?<![\p{L}'’])I\s+(?:(?:also|then|first|later|still|\p{L}+ly)\s+)?(?!(?:was|am|were|felt|feel|think|thought|knew|know|learned|realized|wanted|want|hope|hoped|could|did\s+not|will|would)\b)\p{L}+/u;
const TEAM_ACTION = /(?<![\p{L}'’])we\s+(?!(?:were|are|was)\b)\p{L}+/iu;
// What the candidate learned, felt or plans: the letter leaves it out of the body anyway (inner-states.ts).
const REFLECTION =
  /\b(?:I (?:also |have |had |then )*(?:learned|realized|understood|will never forget)|I will (?:always remember|never forget)|taught me|the reason I|made me (?:want|realize|feel)|(?:this|the whole|my) (?:story|answer|example)\b)/i;
// A number, or a capitalized word inside the sentence (a drug, a test, a place, a person): facts a reader
// of the letter wants kept.
const FACT = /\d+(?:[.,/:]\d+)*|(?<=\S\s+)(?!(?:I|Dr|Mr|Ms|Mx|Mrs)\b)\p{Lu}[\p{L}-]*/gu;

/** Sentences with each marked run of notes (⟦…⟧) kept in one piece. */
export function wholeSentences(text: string): string[] {
  const out: string[] = [];
  let open = false;
  for (const s of splitSentences(text)) {
    if (open) out[out.length - 1] += s;
    else out.push(s);
    const opens = s.split(MARK_OPEN).length - 1;
    const closes = s.split(MARK_CLOSE).length - 1;
    open = open ? closes < opens + 1 : opens > closes;
  }
  return out;
}

interface Candidate {
  readonly at: number;
  readonly paragraph: number;
  readonly text: string;
  /** The words the letter will carry: the sentence without the inner state the composer takes out. */
  readonly words: number;
  readonly score: number;
  /** The earlier sentence that introduces the person this one's "she" or "he" means, when there is one. */
  readonly needs?: number;
}

/** A word a reader of a clinical story takes as a fact: a drug, a test, a finding ("tenecteplase", "FLAIR"). */
const isTechnical = (w: string) => w.length > 3 && !isPlainEnglish(w.toLowerCase());

/**
 * How much a sentence tells of what the candidate did: its facts, and more when it is the candidate's own
 * action, read in `kept`, what the letter keeps of it. Nothing for a sentence the letter leaves out anyway
 * (about the answer, a feeling, a lesson).
 */
function scoreOf(s: string, kept: string): number {
  // The reflection test is on what the letter keeps: "I checked it because I had learned that…" is an action.
  if (kept === '' || REFLECTION.test(kept) || isAboutTheAnswer(s)) return 0;
  const facts = new Set(kept.match(FACT) ?? []);
  for (const w of kept.match(/\p{Ll}[\p{L}-]+/gu) ?? []) if (isTechnical(w)) facts.add(w.toLowerCase());
  // A letter tells what the candidate did: their own action weighs most, the team's a little, and a
  // sentence about others (the patient's labs, the family) is context that earns its place by its facts.
  if (OWN_ACTION.test(kept)) return facts.size + 3;
  if (TEAM_ACTION.test(kept)) return facts.size + 1;
  return Math.min(facts.size, 3) / 2;
}

// "This case taught me several things. First, serial exams… Second, the pathway…": the numbered lessons
// after a lesson sentence are lessons too, though they name no one.
const ORDINAL = /^(?:first|second|third|fourth|fifth|also|finally|lastly|most\s+importantly),?\s/iu;

/** The sentences that list what the candidate learned, after a sentence that says so. */
function lessonsIn(texts: readonly string[]): Set<number> {
  const out = new Set<number>();
  texts.forEach((t, i) => {
    if (i > 0 && ORDINAL.test(t) && (REFLECTION.test(texts[i - 1]!) || out.has(i - 1))) out.add(i);
  });
  return out;
}

/** What the letter keeps of a sentence: it without the candidate's reasons and feelings (inner-states.ts). */
const keptOf = (s: string) => withoutInnerState(s)?.kept ?? s;

// A third-person pronoun outside a quotation: the candidate is "I" in their own answer, so it means someone
// else, whom a reader of the condensed story must have met.
const SHE = /(?<![\p{L}'’])(?:she|her|hers|herself)(?![\p{L}'’])/iu;
const HE = /(?<![\p{L}'’])(?:he|him|his|himself)(?![\p{L}'’])/iu;

/**
 * For each sentence, the earlier one that introduced the person its "she" or "he" means: the last sentence
 * that named a woman (or a man) of the story, when this one names none itself.
 */
function introductions(texts: readonly string[]): (number | undefined)[] {
  let lastWoman: number | undefined;
  let lastMan: number | undefined;
  return texts.map((t, i) => {
    const unquoted = t.replace(/["“][^"”]*["”]/gu, '');
    const women = peopleIn(unquoted, 'she').length > 0;
    const men = peopleIn(unquoted, 'he').length > 0;
    const needs =
      (!women && SHE.test(unquoted) ? lastWoman : undefined) ??
      (!men && HE.test(unquoted) ? lastMan : undefined);
    if (women) lastWoman = i;
    if (men) lastMan = i;
    return needs;
  });
}

// What a sentence adds for the room it takes: its worth over the square root of its length, so that a
// long sentence full of what the candidate did still beats a short one that says little ("The CT showed no
// bleeding"); a very short sentence ("The educator and I watched.") leans on the one before it, so it
// counts as SHORT words at least.
const SHORT = 8;
const density = (c: Candidate) => c.score / Math.sqrt(Math.max(c.words, SHORT));

/**
 * The order to try sentences in: the opening (the scene), the outcome (the best of the last paragraph that
 * tells events rather than lessons), then each other paragraph's densest, then the rest, densest first.
 */
function priority(all: readonly Candidate[]): Candidate[] {
  const rest = [...all].sort((a, b) => density(b) - density(a) || a.at - b.at);
  const seen = new Set<number>();
  const bests = rest.filter((c) => c.score > 0 && !seen.has(c.paragraph) && seen.add(c.paragraph));
  const lastEvents = Math.max(...bests.map((c) => c.paragraph));
  const outcome = [...all]
    .filter((c) => c.paragraph === lastEvents && c.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 1);
  const opening = all.find((c) => c.score > 0) ?? all[0]!;
  return [
    opening,
    ...outcome.filter((c) => c !== opening),
    ...bests.filter((c) => !outcome.includes(c) && c !== opening),
    ...rest.filter((c) => !bests.includes(c) && !outcome.includes(c) && c !== opening && c.score > 0),
  ];
}

// A story typed as one paragraph is read as this many parts of consecutive sentences, so that what is
// kept spreads over the whole story as it does over a story's paragraphs.
const PARTS_OF_ONE_PARAGRAPH = 6;

/** Each sentence with the paragraph (or, for a story in one paragraph, the part) it belongs to. */
function storyParts(paragraphs: readonly string[]): { paragraph: number; text: string }[] {
  const sentences = paragraphs.flatMap((p, paragraph) =>
    wholeSentences(p)
      .map((s) => ({ paragraph, text: s.trim() }))
      .filter((c) => c.text !== ''),
  );
  if (paragraphs.length > 1) return sentences;
  const size = Math.ceil(sentences.length / PARTS_OF_ONE_PARAGRAPH);
  return sentences.map((c, i) => ({ ...c, paragraph: Math.floor(i / size) }));
}

/**
 * The sentences to keep within `budget` words, and the rest, from an answer's paragraphs (each already
 * cleaned as prose); the text as it is when it fits.
 */
export function condense(
  paragraphs: readonly string[],
  budget = SECTION_SOURCE_WORDS,
): { kept: string; cut: string } {
  const parts = storyParts(paragraphs);
  const needs = introductions(parts.map((c) => c.text));
  const lessons = lessonsIn(parts.map((c) => c.text));
  const all: Candidate[] = parts.map((c, at) => {
    const kept = keptOf(c.text);
    const score = lessons.has(at) ? 0 : scoreOf(c.text, kept);
    return { ...c, at, words: words(kept), score, needs: needs[at] };
  });
  const total = all.reduce((n, c) => n + words(c.text), 0);
  if (total <= budget || all.length < 2) return { kept: all.map((c) => c.text).join(' '), cut: '' };
  // A sentence about the answer stays where it is at no cost: the composer moves it to a comment, and
  // the person it introduces names the next sentence's "she" (about-the-answer.ts).
  const keep = new Set(all.filter((c) => isAboutTheAnswer(c.text)).map((c) => c.at));
  let used = 0;
  for (const c of priority(all)) {
    // A sentence comes with the one that introduces its "she" or "he", or not at all.
    const take = [c, ...(c.needs === undefined ? [] : [all[c.needs]!])].filter((t) => !keep.has(t.at));
    const cost = take.reduce((n, t) => n + t.words, 0);
    if (take.length === 0 || (used > 0 && used + cost > budget)) continue;
    for (const t of take) keep.add(t.at);
    used += cost;
  }
  const pick = (wanted: boolean) =>
    all
      .filter((c) => keep.has(c.at) === wanted)
      .map((c) => c.text)
      .join(' ');
  return { kept: pick(true), cut: pick(false) };
}
