/**
 * What a program can see wrong in one sentence of a draft. Each detector reads the sentence as the reader
 * sees it; most look only at the unmarked text, because a passage the composer marked (⟦…⟧, kept verbatim
 * with a comment) is counted as verbatim instead, and counting it twice would reward deleting it.
 * Detectors that a reader notices whatever the marks (emoji, a split sentence, a sentence about the
 * answer) read the whole sentence.
 */
import { normalizeSentence, stem, unmarkedText } from './sentences';

export const DEFECT_KINDS = [
  'objectPronounAsSubject',
  'nameTwice',
  'labelList',
  'selfQuotation',
  'emoji',
  'splitAtLineBreak',
  'duplicateSentence',
  'paragraphWithoutEndPunctuation',
  'notesInBody',
  'firstPersonUnmarked',
  'presentTense',
  'sectionOverBudget',
  'innerStateAsKnowledge',
  'aboutTheAnswer',
  'smallCountAsDigit',
  'refusalWithoutComment',
  'refusalWithoutFirstPerson',
  'inventedFact',
] as const;

export type DefectKind = (typeof DEFECT_KINDS)[number];

/** Who the candidate is in this draft, and what they wrote. */
export interface SentenceContext {
  /** The name the letter addresses the candidate by, without a title ("Rahman", "Sam Okafor"). */
  readonly name: string;
  /** The candidate's subject pronoun in this run ("she", "they", "ze"), or none for name-only. */
  readonly subject?: string;
  /** The candidate's own sentences that have a first-person word, normalized (normalizeSentence). */
  readonly firstPersonAnswerSentences: ReadonlySet<string>;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex alternative for "the candidate as a subject": their pronoun or their name. */
function candidateSubject(ctx: SentenceContext): string {
  const forms = [esc(ctx.name)];
  if (ctx.subject) forms.push(esc(ctx.subject), esc(ctx.subject[0]!.toUpperCase() + ctx.subject.slice(1)));
  return `(?:${forms.join('|')})`;
}

const PAST_IRREGULAR =
  'was|were|had|did|saw|said|told|went|took|made|gave|came|knew|thought|found|wrote|ran|felt|began|brought|kept|left|met|taught|stayed';
const CLAUSE_START =
  '(?:^|[,;:]\\s*|\\b(?:and|but|so|because|when|while|after|before|then|until|that|if|which|who)\\s+)';
// "me asked", "…and him said": an object pronoun where a subject belongs.
const OBJECT_AS_SUBJECT = new RegExp(
  `${CLAUSE_START}(?:me|him|us|them|hir|xem)\\s+(?:[a-z]+ed|${PAST_IRREGULAR})\\b`,
  'i',
);
const MINE_AS_DETERMINER =
  /\bmine\s+(?!(?:and|or|was|were|is|are|who|that|which|to|in|on|at|for|with|as|but|had|did|from|by|too|until|when|while|before|after|because|so|then|during|of|again|also|now)\b)[a-z]+/i;
const I_AS_OBJECT = /\b(?:to|with|for|by|from|about|asked|told|showed|gave|thanked)\s+I\b(?!')/;

// "After her first week me told her…": "me" before a verb of speech or decision, anywhere in a clause.
const ME_AS_SUBJECT =
  /\bme\s+(?:was|were|told|said|asked|decided|agreed|explained|reviewed|showed|gave|taught)\b/i;

export function objectPronounAsSubject(sentence: string): boolean {
  const t = unmarkedText(sentence);
  return (
    OBJECT_AS_SUBJECT.test(t) || MINE_AS_DETERMINER.test(t) || I_AS_OBJECT.test(t) || ME_AS_SUBJECT.test(t)
  );
}

export function nameTwice(sentence: string, ctx: SentenceContext): boolean {
  const re = new RegExp(`\\b${esc(ctx.name)}\\b`, 'g');
  return (unmarkedText(sentence).match(re) ?? []).length >= 2;
}

/** "Procedures: …; Presentations: …": two or more labels with colons in one passage. */
export function labelList(text: string): boolean {
  const labels = unmarkedText(text).match(/(?:^|[.;,]\s+)[A-Z][a-z]+(?: [a-z]+){0,2}:\s/g) ?? [];
  return labels.length >= 2;
}

const SELF_QUOTE =
  /\bI\s+(?:said|wrote|stated|commented|remarked|noted that|told (?:her|him|them|hir|xem|the \w+|[A-Z]\w+) that)\b/;

export function selfQuotation(sentence: string): boolean {
  return SELF_QUOTE.test(unmarkedText(sentence));
}

export function emoji(sentence: string): boolean {
  return /\p{Extended_Pictographic}/u.test(sentence.replace(/[©®™]/g, ''));
}

// Words a sentence does not end on; "her", "that", "to", "in" are left out because sentences do end on them ("asked her to").
// Not "with": a sentence may end on it ("…the students I had worked with.").
const FUNCTION_WORD_END = /(?:\b(?:the|a|an|of|and|or|my|their|from|by)|,)[.!?]["”’]?⟧?$/;

/**
 * A sentence cut in two where the candidate's line broke: it ends on a function word ("called the.") or a
 * comma (",."), or the sentence after it starts in lower case.
 */
export function splitAtLineBreak(sentence: string, next: string | undefined): boolean {
  const t = sentence.trim();
  if (FUNCTION_WORD_END.test(t)) return true;
  return next !== undefined && /[.!?]⟧?$/.test(t) && /^⟦?[a-z]/.test(next.trim());
}

const BULLET = /(?:^|[;:]\s*|\s)[-•*]\s+\S|->|→|=>/;
const NOTE_ABBREVIATIONS =
  /\b(?:pts?|w\/o?|d\/c|f\/u|h\/o|s\/p|b\/c|c\/o|n\/v|hx|dx|tx|abx|sx|yo|y\/o|pmh|mgmt|mtg|fb|dispo|incl|wks?|POD\d*|q\d+(?:h|min)|x\d+)(?![\p{L}/])/iu;
const AGE_SEX = /\b\d{1,3}\s?(?:M|F|yo)\b/;

export function notesInBody(sentence: string): boolean {
  const t = unmarkedText(sentence);
  return BULLET.test(t) || NOTE_ABBREVIATIONS.test(t) || AGE_SEX.test(t);
}

/**
 * A candidate's first-person sentence that reached the letter unmarked and unchanged. Only the singular
 * counts: an unchanged "we" is right when the recommender was part of it, which a program cannot tell.
 */
export function firstPersonUnmarked(sentence: string, ctx: SentenceContext): boolean {
  const t = unmarkedText(sentence);
  if (!/\b(?:I|my|me|mine|myself)\b/i.test(t)) return false;
  return ctx.firstPersonAnswerSentences.has(normalizeSentence(t));
}

const ADVERB = '(?:(?:also|always|often|usually|still|then|now|never|really|again|just|[a-z]+ly)\\s+)?';
const NOT_VERBS =
  'was|has been|always|sometimes|perhaps|its|this|thus|less|across|unless|towards|afterwards|as|us|his|hers|was|does not';
const THEY_PRESENT =
  'are|have|do|go|take|tell|see|ask|call|make|come|know|want|like|think|feel|examine|check|explain|write|present|start|stay|find|follow|help|need|try';

const PRESENT_TO_FIRST_PERSON: Readonly<Record<string, string>> = {
  is: 'am',
  are: 'am',
  has: 'have',
  does: 'do',
};

/**
 * Whether a match means the candidate. The name always does. A pronoun may be a patient's ("he was
 * scared"), so it counts only when the candidate wrote the same word of themselves ("I … scared").
 */
function meansCandidate(subject: string, word: string, ctx: SentenceContext): boolean {
  if (subject === ctx.name) return true;
  const own = PRESENT_TO_FIRST_PERSON[word.toLowerCase()] ?? stem(word);
  const firstPerson = [...ctx.firstPersonAnswerSentences].join(' . ');
  return new RegExp(`\\bi\\s+(?:\\S+\\s+){0,4}${esc(own)}`).test(firstPerson);
}

/**
 * "…the checklist for the parents so they know…": a plural "they" right after a plural noun is that
 * noun's, for a reader of a they/them letter as of any other (the she/her letter has the same words).
 */
const PLURAL_BEFORE =
  /\b(?:family|team|parents|patients|nurses|residents|students|children|notes|results)\s+(?:\S+\s+){0,2}$/i;

function anyMatch(re: RegExp, text: string, ctx: SentenceContext): boolean {
  return [...text.matchAll(re)].some(
    (m) =>
      meansCandidate(m[1]!, m[2]!, ctx) &&
      !(m[1]!.toLowerCase() === 'they' && PLURAL_BEFORE.test(text.slice(0, m.index))),
  );
}

/** The candidate narrated in the present ("She tells to resident…", "They are the sub-intern…"). */
export function presentTense(sentence: string, ctx: SentenceContext): boolean {
  const t = unmarkedText(sentence);
  const subject = candidateSubject(ctx);
  const verb =
    ctx.subject === 'they' ? `(${THEY_PRESENT})` : `(?!(?:${NOT_VERBS})\\b)(is|has|does|[a-z]{2,}[^s\\W]s)`;
  return anyMatch(new RegExp(`\\b(${subject})\\s+${ADVERB}${verb}\\b`, 'g'), t, ctx);
}

const FEELING_WORD =
  '(?:liked|loved|enjoyed|enjoys|likes|loves|wanted|wants|felt|feels|believed|believes|hoped|hopes|dreamed|dreams|nervous|scared|afraid|proud|happy|excited|anxious|worried|sad|frustrated|grateful|honored|passionate|knew(?= (?:it|that)\\b))';
const FEELING = `(?:has |had |was |were |is |are |felt )?(?:always |really |never |so |very |a little )?(${FEELING_WORD})`;

/** The candidate's feelings, motives or plans stated as if the physician knew them. */
export function innerStateAsKnowledge(sentence: string, ctx: SentenceContext): boolean {
  const t = unmarkedText(sentence);
  const subject = candidateSubject(ctx);
  if (anyMatch(new RegExp(`\\b(${subject})\\s+${FEELING}\\b`, 'g'), t, ctx)) return true;
  const motive = new RegExp(
    `\\b(?:the reason (?:why )?)?(${subject})\\s+(wants?|chose|plans?|hopes|intends) to (?:train|pursue|become|apply)`,
    'gi',
  );
  return anyMatch(motive, t, ctx);
}

// A digit that names a count in prose ("5 patients"); not a value, a dose, a score, a label or a time.
const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';
const SMALL_COUNT = new RegExp(
  `(?<![\\d.,:/+$-]|\\b(?:type|grade|stage|class|day|week|level|score|of|Mobitz|POD|Apgar|rated|at|to|by|${MONTH_NAMES})\\s)` +
    '\\b[1-9]\\s+(?!(?:mg|mcg|ml|mL|mm|cm|kg|g|am|pm|units?|mmHg|mEq|mmol|L|in|to|and|or|on|at|of|by|for|from|with|the|a|an|was|were|is|are)\\b)[a-z]{2,}',
);

/** A small count written as a digit in prose, where a letter spells it out ("five patients"). */
export function smallCountAsDigit(sentence: string): boolean {
  return SMALL_COUNT.test(unmarkedText(sentence));
}

const ABOUT_THE_ANSWER = [
  /\b(?:I|[Ss]he|[Hh]e|[Tt]hey|[Zz]e|[Xx]e|\p{Lu}[\p{L}-]+)\s+(?:want|wants|would like)\s+to\s+(?:describe|share|tell about|write about|mention|give an example)\b/u,
  /\bsorry\b/i,
  /\b(?:this|my) (?:answer|example|story|response) (?:is|was|will|shows)\b/i,
  /\b(?:this|it|my answer|the answer) (?:is|was|got|may be) (?:a bit|a little|too|very|quite|so) long\b/i,
  /\bin this (?:answer|example|section|question)\b/i,
  /\bas (?:I|she|he|they) (?:wrote|mentioned|said) (?:above|before|earlier)\b/i,
  /\bfor this (?:question|competency|section)\b/i,
  /\bto answer (?:this|the) question\b/i,
  /\bI hope this (?:is|answers|helps)\b/i,
];

/** A sentence about the answer itself ("I want to describe…", "sorry this is long"). */
export function aboutTheAnswer(sentence: string): boolean {
  return ABOUT_THE_ANSWER.some((re) => re.test(sentence));
}
