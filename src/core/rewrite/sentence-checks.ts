/**
 * The sentence checks of the fact guard (fact-guard.ts): each reads one proposed sentence against what the
 * answers support and returns its reasons for refusing it, in words for the writer's comment.
 */
import type { PronounSet } from '../letter/point-of-view';
import { EQUIVALENTS, isPlainEnglish, numbersIn, stem, type Token, tokens } from './words';

/** Who the section is about and who speaks, as the letter names them. */
export interface GuardFacts {
  /** Every form the answers give the candidate's name ("Dr. Rahman", "Dr. Aisha Rahman", "Aisha Rahman"). */
  readonly candidateNames: readonly string[];
  readonly pronouns: PronounSet;
  /** The recommender as the letter names them, and any other fact text the section may use (site, city). */
  readonly context: readonly string[];
}

export interface Support {
  readonly words: Set<string>;
  readonly stems: Set<string>;
  readonly bigrams: Set<string>;
  readonly numbers: Map<number, Set<string>>;
}

export function supportOf(texts: readonly string[]): Support {
  const words = new Set<string>();
  const bigrams = new Set<string>();
  const numbers = new Map<number, Set<string>>();
  for (const text of texts) {
    const list = tokens(text);
    list.forEach((t, i) => {
      words.add(t.folded);
      if (i > 0) bigrams.add(`${list[i - 1]!.folded} ${t.folded}`);
    });
    for (const n of numbersIn(text)) {
      const units = numbers.get(n.value) ?? new Set<string>();
      units.add(n.unit);
      numbers.set(n.value, units);
    }
  }
  const joined = ` ${[...bigrams].join(' | ')} `;
  for (const [a, b] of EQUIVALENTS) {
    const has = (phrase: string) =>
      phrase.includes(' ')
        ? joined.includes(` ${phrase.split(' ').slice(0, 2).join(' ')} `)
        : words.has(phrase);
    if (has(a)) for (const w of b.split(' ')) words.add(w);
    if (has(b)) for (const w of a.split(' ')) words.add(w);
  }
  return { words, stems: new Set([...words].map(stem)), bigrams, numbers };
}

export const supported = (s: Support, folded: string) => s.words.has(folded) || s.stems.has(stem(folded));

export function numberReasons(sentence: string, s: Support): string[] {
  return numbersIn(sentence).flatMap((n) => {
    const units = s.numbers.get(n.value);
    if (!units) return [`the number “${n.text}” is not in the answers`];
    // "the second week" is not supported by "two-handed": a number with a unit needs the same unit.
    if (n.unit && !units.has(n.unit))
      return [`“${n.text} ${n.unit}”: the answers give ${n.text} with another unit`];
    return [];
  });
}

/** Names, places, drugs, tests, procedures: any word that is not plain English needs the answers' support. */
export function termReasons(list: readonly Token[], s: Support): string[] {
  const out: string[] = [];
  for (const t of list) {
    if (/^\d+(?:[.,]\d+)*$/.test(t.text)) continue;
    const capitalized = /^\p{Lu}/u.test(t.text) && t.index > 0 && t.folded !== 'i';
    const plain = isPlainEnglish(t.folded) && !/\d/.test(t.text) && !/^\p{Lu}{2,}$/u.test(t.text);
    if ((plain && !capitalized) || supported(s, t.folded)) continue;
    out.push(`“${t.text}” is not in the answers`);
  }
  return out;
}

const TITLE = /\b(Dr|Mr|Ms|Mrs|Mx|Miss|Doctor)\.?\s+(\p{Lu}[\p{L}'’-]+)/gu;

/** The candidate named in a form the answers do not give ("Aisha", "Ms. Rahman" for Dr. Rahman). */
export function nameReasons(sentence: string, facts: GuardFacts): string[] {
  const forms = [...facts.candidateNames].sort((a, b) => b.length - a.length);
  let rest = sentence;
  for (const f of forms) if (f) rest = rest.split(f).join(' ');
  const out: string[] = [];
  const parts = new Set(forms.flatMap((f) => tokens(f).map((t) => t.folded)));
  for (const m of rest.matchAll(TITLE)) {
    if (parts.has(m[2]!.toLowerCase()) || facts.context.some((c) => c.includes(m[0])))
      out.push(`“${m[0]}”: the candidate is named as the answers give it (${forms[forms.length - 1] ?? ''})`);
  }
  for (const t of tokens(rest)) {
    if (/^\p{Lu}/u.test(t.text) && parts.has(t.folded) && !/^(?:dr|mr|ms|mrs|mx|miss)$/.test(t.folded))
      if (!facts.context.some((c) => tokens(c).some((x) => x.folded === t.folded)))
        out.push(`“${t.text}”: the candidate is named only as the answers give it`);
  }
  return [...new Set(out)];
}

const FIRST_PERSON = new Set(['i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves']);
const OBJECT_FIRST = new Set(['me', 'us', 'myself', 'ourselves', 'mine', 'ours']);

/**
 * "I" and "we" speak for the recommender only where the rule-based section already has them: the rules put
 * them there from facts; anything else is the candidate's own "I" left in, or a claim the recommender never
 * made ("I was impressed").
 */
export function firstPersonReasons(list: readonly Token[], ruleBigrams: Set<string>): string[] {
  const out: string[] = [];
  list.forEach((t, i) => {
    if (!FIRST_PERSON.has(t.folded)) return;
    const pair = OBJECT_FIRST.has(t.folded)
      ? `${list[i - 1]?.folded ?? ''} ${t.folded}`
      : `${t.folded} ${list[i + 1]?.folded ?? ''}`;
    if (!ruleBigrams.has(pair))
      out.push(`“${t.text}” speaks for the recommender where the rule-based section does not`);
  });
  return out;
}

const SUPERLATIVE =
  /^(?:best|worst|finest|greatest|strongest|brightest|smartest|hardest|highest|fastest|calmest|sharpest|most|least|top|rank|ranks|ranked|ranking|percentile|percent|outstanding|exceptional|extraordinary|unparalleled|unmatched|superior|better|among|ever|than)$/;

/** Superlatives, rankings, comparisons and percentiles, each only as the answers put it. */
export function rankingReasons(sentence: string, list: readonly Token[], s: Support): string[] {
  const out: string[] = [];
  list.forEach((t, i) => {
    if (!SUPERLATIVE.test(t.folded)) return;
    const pair =
      t.folded === 'than' || t.folded === 'ever'
        ? `${list[i - 1]?.folded ?? ''} ${t.folded}`
        : `${t.folded} ${list[i + 1]?.folded ?? ''}`;
    if (!s.bigrams.has(pair)) out.push(`“${pair}”: a ranking or comparison the answers do not make`);
  });
  if (/%/.test(sentence) && !s.words.has('percent')) out.push('a percentage the answers do not give');
  return out;
}

const PEOPLE = new Set(
  (
    'patient man woman boy girl baby infant toddler child teen teenager adolescent mother father parent son ' +
    'daughter wife husband partner sister brother grandmother grandfather family nurse pharmacist resident ' +
    'intern attending surgeon physician doctor colleague interpreter chaplain therapist technician midwife ' +
    'anesthesiologist fellow chief manager consultant cardiologist radiologist worker friend neighbor person'
  )
    .split(' ')
    .map(stem),
);

export function peopleReasons(list: readonly Token[], s: Support): string[] {
  return list
    .filter((t) => PEOPLE.has(stem(t.folded)) && !s.stems.has(stem(t.folded)))
    .map((t) => `“${t.text}”: a person the answers do not mention`);
}

export const PRONOUN_GROUPS: Readonly<Record<'she' | 'he' | 'they', readonly string[]>> = {
  she: ['she', 'her', 'hers', 'herself'],
  he: ['he', 'him', 'his', 'himself'],
  they: ['they', 'them', 'their', 'theirs', 'themselves'],
};

export function pronounCount(list: readonly Token[], group: readonly string[]): number {
  return list.filter((t) => group.includes(t.folded)).length;
}
