/**
 * First person left from the candidate's answers: the composer rewrites "I admitted…" as "Dr. Rivera
 * admitted…"; a sentence that still carries the candidate's "I" or "my" reads as if the recommender did it.
 *
 * A letter sentence is traced to an answer sentence by the overlap of their content words; it is flagged
 * only when one of its first-person words stands where the answer had the same word, with the same
 * neighbour ("I recognized", "my resident"). So the recommender's own "I supervised…" and "my highest
 * recommendation", or "Dr. Delgado answered my questions" where the candidate wrote "the attending's
 * questions", are fine.
 */
import type { Answers, ItemId } from '../questionnaire';
import { findingAt } from './finding';
import { escapeRegExp, type Span, sentencesOf, wordsOf } from './text-scan';
import type { Finding } from './types';

const FIRST_PERSON = new Set(['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'd", "i'll"]);

const STOPWORDS = new Set(
  `a an the and or but of to in on at for with by from as into onto over under about after before during
  while when that this these those which who whom whose what is was were be been being am are has have had do
  did does so than then it its it's he she they them their his her him hers i me my mine we us our you your
  not no also very more most just up out each every all any one`.split(/\s+/),
);

const ANSWER_ITEMS: readonly ItemId[] = [
  'competency.patientCare',
  'competency.medicalKnowledge',
  'competency.practiceBasedLearning',
  'competency.communication',
  'competency.professionalism',
  'competency.systemsBasedPractice',
  'highlights.procedures',
  'highlights.presentations',
  'highlights.feedback',
  'recommender.relationship',
];

interface AnswerSentence {
  readonly content: Set<string>;
  /** "i recognized", "with my", "my resident": each first-person word with each neighbour. */
  readonly pairs: Set<string>;
}

// Clinical terms and roman numerals written with a capital I are never the candidate's "I": sub-I, I-PASS,
// I&D, I/O, "Step I", "type I", "Mobitz I and Mobitz II". They are blanked (same length, so offsets hold) before words are read.
const I_TERMS =
  /(?<![\p{L}])(?:[Ss]ub-?I|I-PASS|I\s?&\s?D|I\/O|I\/D|I-(?=\p{Lu}))(?![\p{L}])|(?<=\b(?:Step|Part|Phase|Level|Class|Type|Grade|Stage|Year|Block|Chapter|Section|Medicine|Surgery|Anatomy|Physiology|Pathology)\s)I(?![\p{L}&/-])|(?<=\p{Lu}\p{Ll}+\s)I(?=\s+(?:and|or|vs\.?|versus|to)\s+(?:\p{Lu}\p{Ll}+\s+)?(?:II|III|IV)\b)/gu;

export function withoutClinicalI(text: string): string {
  return text.replace(I_TERMS, (m) => '#'.repeat(m.length));
}

// The recommender's own first person: a recommendation or an offer to be contacted, the relationship ("I
// have known…", "I served as…", "I was her attending"), or "I" beside the candidate as the one worked with
// ("I worked closely with her", "I supervised Dr. Delgado"). The candidate's own answer never says these
// about the candidate, so a sentence like this is the writer's even when it shares words with an answer.
const RECOMMENDER_OWN =
  /\b(?:recommend\w*|contact me|reach me|hesitate|I(?:'ve|’ve| have| had)? (?:known|met|served as|serve as)|I (?:was|am|served as) (?:the|his|her|their|its|an?)(?: [\w-]+){0,3} (?:attending|supervisor|advisor|adviser|mentor|preceptor|clerkship director|program director|chief|course director)|I (?:was|am) attending (?:of|on|for)|(?:presented|presenting|presents|reported|reporting) to me|(?:she|he|they) (?:is|was|were|are) on my (?:service|team))\b/i;
const WITH_CANDIDATE =
  /\b(?:with|alongside|supervised|supervise|taught|mentored|precepted|advised|know|knew|known|met|evaluated|observed|watched)\s+(?:him|her|them)\b/i;

/**
 * "I worked with Dr. Delgado", "I supervised Rosa Delgado": the candidate's name after a verb of working
 * together. Built once per check from the candidate's name forms (null when the answers give none).
 */
function withCandidateNamed(forms: readonly string[]): RegExp | null {
  if (forms.length === 0) return null;
  const names = forms.map(escapeRegExp).join('|');
  // "Dr. Moreau and I interviewed her": the recommender beside the candidate, by name.
  return new RegExp(
    `\\b(?:with|alongside|supervised|taught|mentored|precepted|advised|know|knew|known|met|evaluated|observed)\\s+(?:${names})\\b|(?:${names})\\s+and\\s+I\\b|\\bI\\s+and\\s+(?:${names})\\b`,
  );
}

function isRecommenderOwn(sentence: string, namedCandidate: RegExp | null): boolean {
  return RECOMMENDER_OWN.test(sentence) || WITH_CANDIDATE.test(sentence) || !!namedCandidate?.test(sentence);
}

function candidateForms(answers: Answers): string[] {
  const full = answers['candidate.fullName'];
  const preferred = answers['candidate.preferredName'];
  const out: string[] = [];
  if (typeof full === 'string' && full.trim()) {
    const parts = full.trim().split(/\s+/);
    out.push(full.trim(), parts[0]!, ...parts.slice(1).map((p) => `Dr. ${p}`));
  }
  if (typeof preferred === 'string' && preferred.trim()) out.push(preferred.trim());
  return out;
}

function lower(words: readonly Span[]): string[] {
  return words.map((w) => w.text.toLowerCase().replace(/’/g, "'"));
}

function contentWords(tokens: readonly string[]): Set<string> {
  return new Set(tokens.filter((t) => !STOPWORDS.has(t) && !/^\d+$/.test(t) && t.length > 1));
}

// The neighbour that carries the meaning: the verb after "I", the noun after "my", the verb before "me".
const LOOKS_BACK = new Set(['me', 'myself', 'mine']);

function firstPersonPairs(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    if (!FIRST_PERSON.has(t)) return;
    const neighbour = LOOKS_BACK.has(t) ? tokens[i - 1] : tokens[i + 1];
    if (neighbour !== undefined) out.add(LOOKS_BACK.has(t) ? `${neighbour} ${t}` : `${t} ${neighbour}`);
  });
  return out;
}

function answerSentences(answers: Answers): AnswerSentence[] {
  const out: AnswerSentence[] = [];
  for (const id of ANSWER_ITEMS) {
    const value = answers[id];
    if (typeof value !== 'string') continue;
    for (const s of sentencesOf(value)) {
      const tokens = lower(wordsOf(withoutClinicalI(s.text)));
      if (!tokens.some((t) => FIRST_PERSON.has(t))) continue;
      out.push({ content: contentWords(tokens), pairs: firstPersonPairs(tokens) });
    }
  }
  return out;
}

export function checkFirstPerson(text: string, sentences: readonly Span[], answers: Answers): Finding[] {
  const sources = answerSentences(answers);
  if (sources.length === 0) return [];
  const namedCandidate = withCandidateNamed(candidateForms(answers));
  const out: Finding[] = [];
  // A sentence the composer could not convert is left marked (⟦…⟧) for the writer: PLACEHOLDER reports it
  // until the writer rewrites it, and this rule once the marks are gone.
  const marks = [...text.matchAll(/⟦[^⟧]*⟧/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
  for (const s of sentences) {
    if (marks.some(([a, b]) => s.start >= a && s.end <= b)) continue;
    const words = wordsOf(withoutClinicalI(s.text), s.start);
    const tokens = lower(words);
    if (!tokens.some((t) => FIRST_PERSON.has(t))) continue;
    if (isRecommenderOwn(s.text, namedCandidate)) continue;
    const content = contentWords(tokens);
    const pairs = firstPersonPairs(tokens);
    const traced = sources.some((a) => {
      let shared = 0;
      for (const w of content) if (a.content.has(w)) shared++;
      const overlap = shared / Math.max(1, Math.min(content.size, a.content.size));
      if (shared < 3 || overlap < 0.5) return false;
      for (const p of pairs) if (a.pairs.has(p)) return true;
      return false;
    });
    if (!traced) continue;
    const first = words.find((w, i) => FIRST_PERSON.has(tokens[i]!) && w !== undefined);
    out.push(
      findingAt(
        'FIRST_PERSON_CANDIDATE',
        text,
        s.start,
        s.end,
        `This sentence keeps the candidate’s own first person${first ? ` ("${first.text}")` : ''} from the questionnaire; rewrite it about the candidate.`,
      ),
    );
  }
  return out;
}
