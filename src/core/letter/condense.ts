/**
 * A long answer condensed extractively (issue 11, part 9): one 800-word story would fill two pages while
 * the other sections get a line. The section keeps, in the candidate's order, the sentence that sets the
 * scene and then, paragraph by paragraph, the sentence that carries most of what the candidate did and
 * found (their own actions, numbers, names, findings), as many as fit the budget; every other sentence goes,
 * whole and in order, to the writer in one comment. Nothing is rewritten: each kept sentence is the
 * candidate's, for the conversion to take. A story's paragraphs are its events, so taking the best of each
 * before the second-best of any keeps the story whole rather than its densest episode twice.
 */
import { isAboutTheAnswer } from './about-the-answer';
import { withoutInnerState } from './inner-states';
import { MARK_CLOSE, MARK_OPEN } from './model';
import { splitSentences } from './point-of-view';

/** About 150 words of the candidate's text: the conversion lengthens it ("I" → "Dr. Tanaka Ortiz") to under 180. */
export const SECTION_SOURCE_WORDS = 150;

const words = (s: string) => (s.match(/\S+/g) ?? []).length;
const OWN = /(?<![\p{L}'’])(?:I|my|me|myself)(?![\p{L}'’&/-])/u;
// What the candidate learned, felt or plans: the letter leaves it out of the body anyway (inner-states.ts).
const REFLECTION =
  /\b(?:I (?:also |have |had |then )*(?:learned|realized|understood|will never forget)|taught me|the reason I|made me (?:want|realize|feel)|(?:this|the whole|my) (?:story|answer|example)\b)/i;
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
  readonly words: number;
  readonly score: number;
}

/**
 * How much a sentence tells of what the candidate did: its facts, and more when it is the candidate's own
 * action. Nothing for a sentence the letter leaves out anyway (about the answer, a feeling, a lesson).
 */
function scoreOf(s: string): number {
  if (REFLECTION.test(s) || isAboutTheAnswer(s) || withoutInnerState(s)?.kept === '') return 0;
  const facts = (s.match(FACT) ?? []).length;
  return facts + (OWN.test(s) ? 2 : 0);
}

/**
 * The order to try sentences in: the opening (the scene), the outcome (the best of the last paragraph that
 * tells events rather than lessons), then each other paragraph's best, then the rest, best first.
 */
function priority(all: readonly Candidate[]): Candidate[] {
  const rest = [...all].sort((a, b) => b.score - a.score || a.at - b.at);
  const seen = new Set<number>();
  const bests = rest.filter((c) => c.score > 0 && !seen.has(c.paragraph) && seen.add(c.paragraph));
  const lastEvents = Math.max(...bests.map((c) => c.paragraph));
  const outcome = bests.filter((c) => c.paragraph === lastEvents);
  const opening = all.find((c) => c.score > 0) ?? all[0]!;
  return [
    opening,
    ...outcome.filter((c) => c !== opening),
    ...bests.filter((c) => !outcome.includes(c) && c !== opening),
    ...rest.filter((c) => !bests.includes(c) && c !== opening && c.score > 0),
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
  const all: Candidate[] = storyParts(paragraphs).map((c, at) => ({
    ...c,
    at,
    words: words(c.text),
    score: scoreOf(c.text),
  }));
  const total = all.reduce((n, c) => n + c.words, 0);
  if (total <= budget || all.length < 2) return { kept: all.map((c) => c.text).join(' '), cut: '' };
  // A sentence about the answer stays where it is at no cost: the composer moves it to a comment, and
  // the person it introduces names the next sentence's "she" (about-the-answer.ts).
  const keep = new Set(all.filter((c) => isAboutTheAnswer(c.text)).map((c) => c.at));
  let used = 0;
  for (const c of priority(all)) {
    if (keep.has(c.at) || (used > 0 && used + c.words > budget)) continue;
    keep.add(c.at);
    used += c.words;
  }
  const pick = (wanted: boolean) =>
    all
      .filter((c) => keep.has(c.at) === wanted)
      .map((c) => c.text)
      .join(' ');
  return { kept: pick(true), cut: pick(false) };
}
