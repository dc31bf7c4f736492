/**
 * The words that are known not to be a misspelled name: common English, clinical terms and eponyms, and
 * every word of the order's own answers other than the candidate's name (the recommender, the hospital, a
 * resident the candidate named).
 */
import { COMPETENCIES } from '../competencies';
import type { Answers, ItemId } from '../questionnaire';
import { CLINICAL_WORDS } from './data/clinical-words';
import { ENGLISH_WORDS } from './data/english-words';
import { fold, wordsOf } from './text-scan';

// Built on first use, not at load: the Apps Script bundle's top level runs in every execution (onOpen,
// every trigger), and only the letter check needs these 11,000 words.
let base: Set<string> | undefined;
function knownWords(): Set<string> {
  base ??= new Set<string>([
    ...ENGLISH_WORDS.split(','),
    ...CLINICAL_WORDS.split(/\s+/).filter(Boolean),
    ...COMPETENCIES.flatMap((c) => wordsOf(c.title).map((w) => fold(w.text))),
  ]);
  return base;
}

/** Whether a folded word is common English or clinical vocabulary. */
export function isKnownWord(folded: string): boolean {
  const words = knownWords();
  if (words.has(folded)) return true;
  // Plurals and possessives of known words ("Nurses", "Hospital's").
  const stem = folded.replace(/['’]s$/, '').replace(/s$/, '');
  return stem !== folded && words.has(stem);
}

const NAME_ITEMS: readonly ItemId[] = ['candidate.fullName', 'candidate.preferredName'];

/** Folded words of every text answer except the candidate's own name. */
export function answerVocabulary(answers: Answers): Set<string> {
  const out = new Set<string>();
  for (const [id, value] of Object.entries(answers)) {
    if (typeof value !== 'string' || NAME_ITEMS.includes(id as ItemId)) continue;
    for (const w of wordsOf(value)) out.add(fold(w.text));
  }
  return out;
}
