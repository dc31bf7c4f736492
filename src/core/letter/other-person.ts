/**
 * The other people in a candidate's answer who share the candidate's pronoun: "a 71-year-old woman", "her
 * mother", "Mrs. Adjei". Once "I" becomes "she", a sentence such as "She said she had a fall" could mean
 * either; naming the other person ("The patient said she had a fall") settles it. Only a person the answer
 * has introduced, and only when there is one such person so far, is named: with two ("the mother", "the
 * girl") the pronoun stays as written, since picking the wrong one would put words in someone's mouth.
 */

import type { PronounSet } from './point-of-view';

type Gendered = 'she' | 'he';

// A woman or a man in a clinical answer is a patient; relatives keep their relation.
// A patient the answer gives no gender ("a 4-month-old", "an anxious teenager") may be either one's.
const PATIENT_NOUNS: Readonly<Record<Gendered, RegExp>> = {
  she: /\b(?:woman|girl|lady|\d+-(?:year|month|week|day)-old|infant|baby|toddler|newborn|teenager|adolescent)\b/iu,
  he: /\b(?:man|boy|gentleman|guy|\d+-(?:year|month|week|day)-old|infant|baby|toddler|newborn|teenager|adolescent)\b/iu,
};
const RELATIVES: Readonly<Record<Gendered, RegExp>> = {
  she: /\b(mother|mom|wife|daughter|sister|grandmother|granddaughter|aunt|niece)\b/giu,
  he: /\b(father|dad|husband|son|brother|grandfather|grandson|uncle|nephew)\b/giu,
};
const TITLED: Readonly<Record<Gendered, RegExp>> = {
  she: /\b(?:Mrs|Ms|Miss)\.?\s+(\p{Lu}[\p{L}'’-]+)/gu,
  he: /\bMr\.?\s+(\p{Lu}[\p{L}'’-]+)/gu,
};

/** How the letter would name each person of the candidate's gender that a sentence of the answer mentions. */
export function peopleIn(sentence: string, set: Gendered): string[] {
  const out: string[] = [];
  if (PATIENT_NOUNS[set].test(sentence)) out.push('the patient');
  for (const m of sentence.matchAll(RELATIVES[set])) out.push(`the ${m[1]!.toLowerCase()}`);
  for (const m of sentence.matchAll(TITLED[set])) out.push(m[0].replace(/\s+/g, ' '));
  return out;
}

/** People an answer has introduced so far. */
// A sentence that opens on a named person as its subject: "Mr. Haddad went home…", "On Monday Mrs. Adjei
// called…". Only a name: "Her mother said she had a fall" opens on the mother, but its "she" is the girl.
const OPENS_ON_NAME =
  /^(?:(?:[Oo]n|[Ii]n|[Aa]t|[Aa]fter|[Bb]efore|[Bb]y|[Ww]hen|[Ll]ater|[Tt]hen)\b[^,]{0,30},?\s+)?((?:Mrs?|Ms|Miss)\.?\s+\p{Lu}[\p{L}'’-]+)\s+\p{Ll}/u;

/** The titled person of the gender a sentence opens on, as the letter names them; undefined otherwise. */
function openingName(sentence: string, set: Gendered): string | undefined {
  const name = OPENS_ON_NAME.exec(sentence.trim())?.[1];
  return name && peopleIn(name, set).length === 1 ? name.replace(/\s+/g, ' ') : undefined;
}

export class OtherPeople {
  private readonly seen = new Set<string>();

  /** The named person the last sentence opened on, whom a "she"/"he" in the next most likely means. */
  private opening: string | undefined;

  private readonly set: Gendered | 'they' | null;

  /** Only she, he and they have people to track: a neopronoun is nobody else's, and name-only has none. */
  constructor(pronouns: PronounSet) {
    this.set = pronouns === 'she' || pronouns === 'he' || pronouns === 'they' ? pronouns : null;
  }

  note(sentence: string): void {
    if (this.set === null) return;
    if (this.set === 'they') {
      for (const m of sentence.matchAll(/\b(patients|parents)\b/giu))
        this.seen.add(`the ${m[1]!.toLowerCase()}`);
      return;
    }
    for (const p of peopleIn(sentence, this.set)) this.seen.add(p);
    this.opening = openingName(sentence, this.set);
    // "a patient whose brother…": the patient is a person a "he" can mean too.
    if (/\bpatient\b/i.test(sentence)) this.seen.add('the patient');
  }

  /** The one person a "she"/"he" (or a plural "they") can mean, or undefined when there are none or several. */
  only(): string | undefined {
    // "Mrs. Adjei, a 34-year-old woman": a name and "the patient" are one person; the name is clearer.
    const names = [...this.seen].filter((p) => !p.startsWith('the '));
    const nouns = [...this.seen].filter((p) => p.startsWith('the '));
    if (names.length === 1 && nouns.every((n) => n === 'the patient')) return names[0];
    if (names.length === 0 && nouns.length === 1) return nouns[0];
    // With several, the named one the sentence before opened on: "Mr. Haddad went home on a Friday. I called
    // the family on Monday, and his wife said he was…" — the subject of the last sentence is whom a reader
    // takes the next "he" for.
    return this.opening;
  }
}

/** People a "she" or "he" could mean besides the patient and their family. */
export const OTHER_ROLES =
  /\b(?:educator|nurses?|residents?|attending|doctor|physician|pharmacist|therapist|interpreter|worker|midwife|chaplain|surgeon|anesthesiologist|radiologist|specialist|fellow|intern|student|colleague|coordinator|manager|technician|aide|senior|chief|Dr|Mrs?|Ms|Mx)\b/;

/** The one person of the candidate's gender a sentence mentions, by how the letter names them. */
export function onlyPersonIn(sentence: string, set: Gendered): string | undefined {
  const found = new Set(peopleIn(sentence, set));
  return found.size === 1 ? [...found][0] : undefined;
}

/** The person's name in place of the pronoun matched at `m`, capitalized where it opens the sentence. */
function named(sentence: string, m: RegExpExecArray, lead: string, person: string): string {
  const opens = sentence.slice(0, m.index + lead.length).trim() === '';
  const name = opens ? `${person.charAt(0).toUpperCase()}${person.slice(1)}` : person;
  return `${sentence.slice(0, m.index)}${lead}${name}${sentence.slice(m.index + m[0].length)}`;
}

/**
 * "She said she had a fall" → "The patient said she had a fall": the opening pronoun only (`pronouns` is
 * one or more alternatives, "she" or "she|he"), never a contraction ("He’d been sick").
 */
export function withOpeningNamed(sentence: string, pronouns: string, person: string): string | null {
  const m = new RegExp(`^(\\s*)(?:${pronouns})\\b(?!['’])`, 'iu').exec(sentence);
  return m ? named(sentence, m, m[1]!, person) : null;
}

// A possessive before a relative that opens a clause, as its subject: "…, and his wife said he was…".
// Elsewhere the pronoun it goes with comes first or the object makes it plain ("sat with her, and called
// her sister"), and naming the subject pronoun reads better.
const RELATIVE = String.raw`(?=\s+(?:mother|father|husband|wife|son|daughter|sister|brother|family|parents|children|partner)\b)`;
const CLAUSE_START = String.raw`(?<=^\s*|[,;]\s+(?:and\s+|but\s+|so\s+|then\s+)?)`;
const POSSESSIVE: Readonly<Record<string, string>> = {
  he: `${CLAUSE_START}his${RELATIVE}`,
  she: `${CLAUSE_START}her${RELATIVE}`,
  they: `${CLAUSE_START}their${RELATIVE}`,
};

/**
 * The sentence with its first `pronoun` (not a contraction), wherever it stands, replaced by the person; a
 * possessive of it that comes first is the person's ("…and his wife said he was…" → "…and Mr. Haddad’s
 * wife said he was…"), since it would otherwise read as the candidate's.
 */
export function withFirstNamed(sentence: string, pronoun: string, person: string): string | null {
  const possessive = POSSESSIVE[pronoun.toLowerCase()];
  const forms = possessive ? `${pronoun}|${possessive}` : pronoun;
  const m = new RegExp(`(?<![\\p{L}'’])(?:${forms})(?![\\p{L}'’])`, 'iu').exec(sentence);
  if (!m) return null;
  const isPossessive = m[0].toLowerCase() !== pronoun.toLowerCase();
  return named(sentence, m, '', isPossessive ? `${person}’s` : person);
}
