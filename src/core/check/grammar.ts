/**
 * Slips a program director notices: a word written twice ("the the") and the wrong indefinite article
 * ("a excellent", "an 58-year-old"). The article follows the sound: "an MRI", "a UTI", "an 18-year-old",
 * "a university", "an hour".
 */
import { findingAt } from './finding';
import type { Finding } from './types';

// Doubled words that are grammatical.
const MAY_REPEAT = new Set([
  'had',
  'that',
  'is',
  'do',
  'very',
  'no',
  'bye',
  'so',
  'really',
  'ha',
  'far',
  'again',
  'more',
]);

// Initialisms said letter by letter start with a vowel sound when their first letter's name does.
const VOWEL_LETTERS = new Set('AEFHILMNORSX');
// Acronyms said as words, with the article they take.
const SPOKEN_ACRONYMS: Readonly<Record<string, 'a' | 'an'>> = {
  NICU: 'a',
  PICU: 'a',
  MICU: 'a',
  SICU: 'a',
  CVICU: 'a',
  STEMI: 'a',
  NSTEMI: 'an',
  SOAP: 'a',
  CABG: 'a',
  HIPAA: 'a',
  MELD: 'a',
  SOFA: 'a',
  SIRS: 'a',
  NASA: 'a',
  OSCE: 'an',
  AIDS: 'an',
  ESLOE: 'an',
  SLOE: 'a',
  SLOR: 'a',
  ERAS: 'an',
  LOR: 'a',
  FAST: 'a',
  ACLS: 'an',
  PALS: 'a',
  NRP: 'an',
};

function wantsAn(word: string): boolean | undefined {
  if (/^\d/.test(word)) {
    const n = /^\d+/.exec(word)![0];
    return /^8/.test(n) || /^1[18]$/.test(n) || /^1[18]\d{2}$/.test(n) || /^1[18]\d{4}$/.test(n);
  }
  if (/^[A-Z][A-Z0-9]+s?$/.test(word) && /^[A-Z]{2}/.test(word)) {
    const spoken = SPOKEN_ACRONYMS[word.replace(/s$/, '')];
    if (spoken) return spoken === 'an';
    // Four letters or more, consonant then vowel ("NICU", "HEART", "COVID"): said as a word.
    if (/^[B-DF-HJ-NP-TV-Z][AEIOU][A-Z]{2}/.test(word)) return false;
    return VOWEL_LETTERS.has(word[0]!);
  }
  const w = word.toLowerCase();
  if (/^(?:hour|honou?r|honest|heir|herb)/.test(w)) return true;
  if (
    /^(?:uni(?!nf|nh|nt|ns|nd|mp)|use|usu|uti|ure|uri|ura|ute|uro|uvu|ubiq|ukr|eu|ewe|one\b|once\b|one-)/.test(
      w,
    )
  )
    return false;
  // A letter said by name: "an x-ray", "a u-turn", "an F".
  if (/^[a-z](?:$|-)/.test(w)) return VOWEL_LETTERS.has(w[0]!.toUpperCase());
  if (/^[aeiou]/.test(w)) return true;
  return false;
}

export function checkGrammar(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(/(?<![\p{L}’'])([\p{L}]+)[ \t]+(\1)(?![\p{L}’'])/giu)) {
    const word = m[1]!;
    if (MAY_REPEAT.has(word.toLowerCase())) continue;
    const start = m.index!;
    out.push(findingAt('REPEATED_WORD', text, start, start + m[0].length, `"${word}" is written twice.`));
  }
  for (const m of text.matchAll(/(?<![\p{L}\p{N}’'-])(a|an|A|An)[ \t]+([\p{L}\p{N}][\p{L}\p{N}’'-]*)/gu)) {
    const article = m[1]!;
    const start = m.index!;
    // "Vitamin A deficiency", "Hepatitis A", "Part A": a capital A after a capitalized word is a letter.
    if (article === 'A' && /\p{Lu}[\p{L}]*\s+$/u.test(text.slice(Math.max(0, start - 20), start))) continue;
    if (article === 'A' && !/(?:^|[.!?:]\s+|\n\s*)$/.test(text.slice(Math.max(0, start - 3), start)))
      continue;
    const an = wantsAn(m[2]!);
    if (an === undefined || an === (article.toLowerCase() === 'an')) continue;
    const end = start + m[0].length;
    out.push(
      findingAt(
        'ARTICLE',
        text,
        start,
        end,
        `"${m[0]}": write "${an ? (article === 'A' ? 'An' : 'an') : article === 'An' ? 'A' : 'a'} ${m[2]}".`,
      ),
    );
  }
  return out;
}
