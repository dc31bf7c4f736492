import { introducedPerson, isAboutTheAnswer, withoutAnswerFrame } from './about-the-answer';
import { convertFirstPerson, isCandidateFirstPerson } from './first-person';
import { asObserved, withoutInnerState } from './inner-states';
import { MARK_CLOSE, MARK_OPEN } from './model';
import { withOneName } from './name-rhythm';
import { OTHER_ROLES, OtherPeople, onlyPersonIn, withFirstNamed, withOpeningNamed } from './other-person';
import { splitSentences, tokenize } from './pov-tokens';
import {
  type Converted,
  type PovOptions,
  type PovState,
  type Refusal,
  Refuse,
  type SentenceContext,
} from './pov-types';
import { PRONOUN_FORMS, pronounWords } from './pronoun-sets';
import { withoutOwnQuotation, withRecommenderContinued } from './recommender-pronoun';
import { convertReference } from './recommender-reference';
import { recommenderPatterns } from './recommender-refs';
import { SentenceWork } from './sentence-work';
import { teamForWe } from './team-we';

// The pronoun sets, sentences and the recommender's pronouns, for the modules that import them from here.
export { splitSentences } from './pov-tokens';
export type { PovOptions, PovState } from './pov-types';
export {
  PRONOUN_FORMS,
  type PronounForms,
  type PronounSet,
  possessiveOf,
  pronounSetOf,
  pronounWords,
} from './pronoun-sets';
export { recommenderPronounsIn } from './recommender-refs';

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
// One sentence

/**
 * One sentence, token by token: a reference to the recommender becomes the physician's "I"/"me"
 * (recommender-reference.ts), the candidate's first person becomes their name or pronoun
 * (first-person.ts), each with its verb agreed (verb-agreement.ts) and the name kept to once
 * (clause-rhythm.ts). `other` is an object or possessive form of the candidate's own pronoun set that the
 * sentence uses for someone else ("I sat down with him"): then the candidate is named every time.
 */
function convertSentence(
  sentence: string,
  previous: string,
  ctx: SentenceContext,
  state: PovState,
  other?: string,
): Converted {
  const w = new SentenceWork(sentence, previous, ctx, state, other);
  let refIndex = 0;
  for (let i = 0; i < w.tokens.length; i++) {
    if (!w.tokens[i]!.word) continue;
    const ref = w.refs[refIndex];
    if (ref && w.tokens[i]!.start >= ref.start) {
      refIndex++;
      i = convertReference(w, i, ref);
    } else if (isCandidateFirstPerson(w, i)) convertFirstPerson(w, i);
  }
  return w.result();
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

/** Whether any sentence of a conversion (which may have split one into two) names the candidate twice. */
const namesTwice = (text: string, name: string): boolean =>
  splitSentences(text).some((s) => s.split(name).length > 2);

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
        body = teamForWe(asObserved(body), explicit);
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
      let text = withOneName(converted.text, options.name);
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
