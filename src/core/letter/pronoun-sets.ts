/**
 * The candidate's pronoun sets as the letter declines them: she/her, he/him, they/them, the neopronoun sets
 * ze/hir, ze/zir and xe/xem, and name-only for anything the rules cannot decline.
 */
/** The candidate's pronouns: the three common sets, two neopronoun sets, or none (the name every time). */
export type PronounSet = 'she' | 'he' | 'they' | 'ze' | 'zir' | 'xe' | 'name';

export interface PronounForms {
  readonly subject: string;
  readonly object: string;
  readonly possessive: string;
  readonly possessivePronoun: string;
  readonly reflexive: string;
  /** Whether verbs agree as plural ("they are"). */
  readonly plural: boolean;
}

export const PRONOUN_FORMS: Readonly<Record<Exclude<PronounSet, 'name'>, PronounForms>> = {
  she: {
    subject: 'she',
    object: 'her',
    possessive: 'her',
    possessivePronoun: 'hers',
    reflexive: 'herself',
    plural: false,
  },
  he: {
    subject: 'he',
    object: 'him',
    possessive: 'his',
    possessivePronoun: 'his',
    reflexive: 'himself',
    plural: false,
  },
  they: {
    subject: 'they',
    object: 'them',
    possessive: 'their',
    possessivePronoun: 'theirs',
    reflexive: 'themselves',
    plural: true,
  },
  ze: {
    subject: 'ze',
    object: 'hir',
    possessive: 'hir',
    possessivePronoun: 'hirs',
    reflexive: 'hirself',
    plural: false,
  },
  zir: {
    subject: 'ze',
    object: 'zir',
    possessive: 'zir',
    possessivePronoun: 'zirs',
    reflexive: 'zirself',
    plural: false,
  },
  xe: {
    subject: 'xe',
    object: 'xem',
    possessive: 'xyr',
    possessivePronoun: 'xyrs',
    reflexive: 'xemself',
    plural: false,
  },
};

/** Every form of a set, for finding another person who shares the candidate's pronouns. */
export function pronounWords(forms: PronounForms): RegExp {
  const words = [forms.subject, forms.object, forms.possessive, forms.possessivePronoun, forms.reflexive];
  return new RegExp(`\\b(?:${[...new Set(words)].join('|')})\\b`, 'i');
}

/**
 * The pronoun set for the questionnaire answer: "she/her", "he/him", "they/them", and the neopronoun sets
 * "ze/hir", "ze/zir" and "xe/xem"; "she/they" and "he/they" use the first set, as the questionnaire asks
 * for the set to use first. Anything else (other pairs, "any", "no pronouns, use my name", a set these rules
 * do not know how to decline) makes the letter use the name only: guessing which pronoun to print would be
 * worse than printing none.
 */
export function pronounSetOf(pronouns: string | undefined): PronounSet {
  const words = (pronouns ?? '')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w !== '' && w !== 'pronouns');
  const first = words[0];
  // Two sets, "she/they" or "he/they": the first, as the candidate wrote it first (issue 11, point 2).
  // Sets in another order, or more than two, are not guessed at.
  const sets = words.filter((w) => ['she', 'he', 'they', 'ze', 'xe'].includes(w));
  if (sets.length === 2 && (first === 'she' || first === 'he') && sets[1] === 'they') return first;
  if (sets.length > 1) return 'name';
  if (first === 'she' || first === 'he' || first === 'they' || first === 'xe') return first;
  if (first === 'ze' || first === 'zie') return words.includes('zir') ? 'zir' : 'ze';
  return 'name';
}

/** "Dr. Delgado’s"; the Chicago style adds ’s to names ending in s too. */
export function possessiveOf(name: string): string {
  return `${name}’s`;
}
