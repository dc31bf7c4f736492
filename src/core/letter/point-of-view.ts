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
import {
  withoutOwnQuotation,
  withRecommenderContinued,
  withRecommenderFromBefore,
} from './recommender-pronoun';
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

/** A sentence left out of the letter, waiting for the next sentence to anchor its comment on. */
interface LeftOut {
  readonly text: string;
  readonly why: 'answer' | 'inner';
}

/**
 * Converts one answer. Sentences that change are returned unmarked; sentences that cannot be converted
 * safely are returned as written, wrapped in ⟦ ⟧ and marked, each with an open question.
 */
export function convertPointOfView(text: string, options: PovOptions, state: PovState): PovResult {
  const answer = new AnswerConversion(text, options, state);
  const pieces = splitSentences(text);
  for (const [index, piece] of pieces.entries()) answer.sentence(piece, pieces[index + 1] ?? '');
  return answer.result();
}

/**
 * One answer's conversion, sentence by sentence, with what it carries from one sentence to the next: the
 * sentence before (whose people may compete with the candidate's pronoun), whether it was about the
 * candidate, the sentences left out waiting for a comment, and the people the answer has introduced.
 */
class AnswerConversion {
  private readonly ctx: SentenceContext;
  /** The candidate's own pronouns, which in a first-person answer can only mean someone else. */
  private readonly others: { readonly subject: string; readonly forms: ReadonlySet<string> } | null;
  private readonly content: number;
  private readonly segments: PovSegment[] = [];
  private readonly issues: PovIssue[] = [];
  private readonly leftOut: LeftOut[] = [];
  private readonly people: OtherPeople;
  private previous = '';
  /** The sentence before as the candidate wrote it, before the recommender's words were made the physician's. */
  private previousWritten = '';
  private previousCandidate = false;
  // After a sentence about the answer ("I want to describe one patient…"), which the letter leaves out, the
  // sentences that go on with "she"/"he"/"they" may have no one left to refer to; `person` is whom the
  // left-out sentence introduced ("the patient"), to name in their place.
  private afterMeta = false;
  private person: string | undefined;
  private lastQuote = '';

  constructor(
    text: string,
    private readonly options: PovOptions,
    private readonly state: PovState,
  ) {
    const explicit = recommenderPatterns(options.recommenderName);
    const narrativePast = state.narrativePast ?? narratesInPast(text);
    const competitor = options.pronouns === 'name' ? null : pronounWords(PRONOUN_FORMS[options.pronouns]);
    this.ctx = { options, explicit, narrativePast, competitor };
    const forms = options.pronouns === 'name' ? null : PRONOUN_FORMS[options.pronouns];
    // Reflexives are left out: "the patient hurt himself" cannot mean the candidate.
    this.others =
      forms && options.source !== 'relationship'
        ? {
            subject: forms.subject,
            forms: new Set([forms.subject, forms.object, forms.possessive, forms.possessivePronoun]),
          }
        : null;
    this.content = splitSentences(text).filter((p) => p.trim() !== '' && !isAboutTheAnswer(p)).length;
    this.people = new OtherPeople(options.pronouns);
  }

  result(): PovResult {
    if (this.leftOut.length > 0 && this.lastQuote !== '') this.anchorLeftOut(this.lastQuote);
    return { segments: this.segments, issues: this.issues };
  }

  /** One sentence of the answer, `next` the one after it. */
  sentence(piece: string, next: string): void {
    let body = piece.trimEnd();
    const tail = piece.slice(body.length);
    if (body === '') {
      this.push(piece, false);
      return;
    }
    const snapshot = this.state.named;
    try {
      const prepared = this.options.source === 'relationship' ? body : this.prepare(body);
      // Left out: the next sentence still follows the one before this.
      if (prepared === null) return;
      this.afterMeta = false;
      body = this.recommenderWords(prepared);
      this.previousWritten = prepared;
      const { text, converted } = this.convert(body, next);
      this.previousCandidate = converted.candidate;
      this.push(text + tail, false);
      this.anchorLeftOut(text.trim());
      if (converted.genericRefs.length > 0)
        this.ask('recommender', text.trim(), genericRefQuestion(converted.genericRefs, this.options));
    } catch (e) {
      if (!(e instanceof Refuse)) throw e;
      this.state.named = snapshot;
      this.keep(body, tail, e.refusal);
    }
    this.previous = body;
    this.people.note(body);
  }

  /** The recommender's pronoun and praise in the candidate's words, made the physician's (recommender-pronoun.ts). */
  private recommenderWords(body: string): string {
    const { explicit } = this.ctx;
    const address = this.options.recommenderAddress;
    const carried = withRecommenderFromBefore(body, this.previousWritten, explicit, address);
    return withRecommenderContinued(withoutOwnQuotation(carried, explicit, address), explicit, address);
  }

  /**
   * The passes before the conversion: a sentence about the answer or an inner state leaves (null), a
   * clinical worry is a concern, the candidate's "we" the team, and a "she" that meant the person a
   * left-out sentence introduced is named.
   */
  private prepare(sentence: string): string | null {
    let body = withoutAnswerFrame(sentence) ?? sentence;
    if (isAboutTheAnswer(body)) {
      // Only an answer that says something else loses it; one that is all about itself keeps it marked.
      if (this.content === 0) throw new Refuse({ why: 'meta' });
      this.leftOut.push({ text: body, why: 'answer' });
      this.person = introducedPerson(body) ?? this.person;
      this.afterMeta = true;
      return null;
    }
    const cut = withoutInnerState(body);
    if (cut && (cut.kept !== '' || this.content > 1)) {
      this.leftOut.push({ text: cut.leftOut, why: 'inner' });
      if (cut.kept === '') return null;
      body = cut.kept;
    }
    body = teamForWe(asObserved(body), this.ctx.explicit);
    if (this.afterMeta && this.person) {
      const named = withOpeningNamed(body, 'she|he', this.person);
      if (named) {
        body = named;
        this.afterMeta = false;
      }
    }
    // A pronoun that opens the sentence has no one to mean; one further on may have its person in the
    // sentence ("It is the story of Mrs. Adjei, … in her third pregnancy").
    const dangling = this.afterMeta ? OPENING_PRONOUN.exec(body)?.[1] : undefined;
    if (dangling) throw new Refuse({ why: 'afterMeta', pronoun: dangling });
    return body;
  }

  /** The sentence in the physician's voice, with another person of the candidate's pronoun made clear. */
  private convert(body: string, next: string): { text: string; converted: Converted } {
    const { options, ctx } = this;
    // "I sat down with him, … gave him a realistic time": the father's "him" and "his" stay clear as long as
    // the candidate is named in the sentence ("Mr. Whitfield sat down with him") and never "him" or "his".
    // A next sentence that is someone else's ("She said she had a fall.") competes like the one before: the
    // candidate here is named, not "she", so that sentence's "she" is not taken for the candidate.
    // Not for they/them, where a plural "they" ahead is too common to name the candidate for.
    const nextOther =
      options.pronouns !== 'they' &&
      !FIRST_PERSON.test(next) &&
      this.otherPronounIn(next, true) !== undefined;
    const context = nextOther ? `${this.previous} ${next}` : this.previous;
    let converted = convertSentence(body, context, ctx, this.state, this.otherPronounIn(body, false));
    // "I called Dr. Marsh; he had a circumflex occlusion opened": once "I" becomes "Mr. Whitfield" or
    // "he", the patient's "he" in this sentence reads as the candidate, named or not.
    let other = this.otherPronounIn(body, true);
    if (other && converted.candidate) {
      const named = this.withIntroducedNamed(body, other, context);
      if (named) {
        converted = named;
        other = undefined;
      } else converted = this.namedAtEveryMention(body, other, context);
    }
    let text = withOneName(converted.text, options.name);
    if (other && this.previousCandidate) text = this.afterCandidate(text, body, other);
    return { text, converted };
  }

  /**
   * "I took a history, including when she had last eaten": with one person the answer has introduced,
   * that person is named at their first "she" ("…when the patient had last eaten"), after which "she" is
   * theirs; undefined when that cannot be done, or would name the candidate twice.
   */
  private withIntroducedNamed(body: string, other: string, context: string): Converted | undefined {
    const { options } = this;
    if (!plainPast(body)) return undefined;
    const introduced =
      this.people.only() ??
      (options.pronouns === 'she' || options.pronouns === 'he'
        ? onlyPersonIn(body, options.pronouns)
        : undefined);
    // Not when someone else in the sentence could be that "she" ("the educator told me she had seen…"); the
    // recommender, who becomes "I" or "me", is not one of them.
    if (!introduced) return undefined;
    const explicit = this.ctx.explicit;
    const others = body.split(introduced).join(' ');
    const withoutRecommender = explicit ? others.replace(explicit, ' ') : others;
    if (OTHER_ROLES.test(withoutRecommender)) return undefined;
    const named = withFirstNamed(body, other, introduced);
    const again = named ? convertSentence(named, context, this.ctx, this.state, other) : undefined;
    return again && !namesTwice(again.text, options.name) ? again : undefined;
  }

  /**
   * A plural "they" beside a they/them candidate ("The family stayed…; they asked me…") is clear once the
   * candidate is named at every mention in the sentence; anything else with another person's pronoun is
   * refused.
   */
  private namedAtEveryMention(body: string, other: string, context: string): Converted {
    const { options } = this;
    if (
      options.pronouns !== 'they' ||
      !plainPast(body) ||
      !PLURAL_ANTECEDENT.test(`${this.previous} ${body}`)
    )
      throw new Refuse({ why: 'otherPronoun', pronoun: other });
    const converted = convertSentence(body, context, this.ctx, this.state, other);
    // Named at every mention, a sentence that names the candidate twice is kept instead.
    if (namesTwice(converted.text, options.name)) throw new Refuse({ why: 'otherPronoun', pronoun: other });
    return converted;
  }

  /**
   * Someone else's sentence after one about the candidate: kept as written (it has no first person to
   * convert), with the person it opens on named when the answer has introduced just one, else a comment.
   */
  private afterCandidate(text: string, body: string, other: string): string {
    // Narrated in the present ("Two days later she is oriented"), it waits for a tense pass: kept as before.
    if (PRESENT_NARRATION.test(body)) throw new Refuse({ why: 'otherPronoun', pronoun: other });
    const person = this.people.only();
    const named = person ? withOpeningNamed(text, other, person) : null;
    if (named) return named;
    this.ask(
      'pointOfView',
      text.trim(),
      `“${other}” here means someone other than the candidate, but the sentence before is about ${this.options.name}. Make sure a reader can tell who “${other}” is (for example, “the patient”).`,
    );
    return text;
  }

  /** A refused sentence, kept as the candidate wrote it, marked, with its question. */
  private keep(body: string, tail: string, refusal: Refusal): void {
    // Kept as written, the candidate is still "I" here; once the writer rewrites it, a "he" in the next
    // sentence is as unclear as after a converted one.
    this.previousCandidate = FIRST_PERSON.test(body);
    this.afterMeta = refusal.why === 'meta' || refusal.why === 'afterMeta';
    this.push(`${MARK_OPEN}${body}${MARK_CLOSE}`, true);
    if (tail) this.push(tail, false);
    this.anchorLeftOut(body);
    this.ask('pointOfView', body, refusalQuestion(refusal, this.options));
  }

  /** The first of the candidate's own pronouns in s used for someone else, as a subject or not. */
  private otherPronounIn(s: string, subject: boolean): string | undefined {
    const { others } = this;
    if (!others) return undefined;
    return tokenize(s).find((t) => {
      const w = t.text.toLowerCase();
      return t.word && others.forms.has(w) && (w === others.subject) === subject;
    })?.text;
  }

  private push(text: string, marked: boolean): void {
    const last = this.segments[this.segments.length - 1];
    if (last && last.marked === marked && !marked)
      this.segments[this.segments.length - 1] = { text: last.text + text, marked };
    else this.segments.push({ text, marked });
  }

  private ask(kind: PovIssue['kind'], quote: string, question: string): void {
    this.issues.push({ kind, quote, question });
  }

  /** Left-out sentences get their comment on the next sentence of the letter. */
  private anchorLeftOut(quote: string): void {
    this.lastQuote = quote;
    for (const left of this.leftOut.splice(0))
      this.ask('pointOfView', quote, leftOutQuestion(left, this.options));
  }
}

/** A sentence narrated in the plain past, not the present and not notes with arrows. */
const plainPast = (body: string) => !PRESENT_NARRATION.test(body) && !/->|→|=>/.test(body);

function leftOutQuestion({ text, why }: LeftOut, options: PovOptions): string {
  return why === 'answer'
    ? `CEAD left out a sentence about the answer itself: “${text}” If the letter needs anything in it, add it from ${options.recommenderAddress}’s point of view (${addressLine(options)}).`
    : `CEAD left out the candidate’s own feelings or plans, which a letter states only as what ${options.recommenderAddress} saw: “${text}” Add it back in ${options.recommenderAddress}’s words only if you can vouch for it.`;
}

function refusalQuestion(refusal: Refusal, options: PovOptions): string {
  const why = refusalReason(refusal, options);
  if (refusal.why === 'meta' || refusal.why === 'afterMeta')
    return `This sentence is kept as the candidate wrote it because ${why}. Delete it, or rewrite what it says about the candidate from ${options.recommenderAddress}’s point of view (${addressLine(options)}).`;
  const who =
    refusal.why === 'otherPronoun' || refusal.why === 'otherReflexive'
      ? `, and make clear who “${refusal.pronoun}” is`
      : '';
  return `This sentence is kept as the candidate wrote it because ${why}. Rewrite it from ${options.recommenderAddress}’s point of view (${addressLine(options)})${who}.`;
}

function genericRefQuestion(refs: readonly string[], options: PovOptions): string {
  const what = refs
    .map((g) => {
      const [from, to] = g.split('→');
      return `“${from}”, which the draft turns into “${to}”`;
    })
    .join(' and ');
  return `The candidate wrote ${what}. ${options.recommenderAddress}, please confirm that this was you, or rewrite the sentence.`;
}
