/**
 * The verb after a subject the conversion changed: "I am" → "she is", "I see" → "she sees", and for the
 * recommender, "he asks" → "I ask". A verb these rules cannot change safely refuses the sentence.
 */
import { Refuse } from './pov-types';
import {
  AMBIGUOUS_PAST,
  BASE_VERBS,
  IRREGULAR_PAST,
  isPast,
  MODALS,
  norm,
  THIRD_TO_BASE,
  thirdPersonS,
} from './pov-words';
import type { SentenceWork } from './sentence-work';

const THIRD_PERSON: Readonly<Record<string, [string, string]>> = {
  am: ['is', 'are'],
  was: ['was', 'were'],
  "wasn't": ['wasn’t', 'weren’t'],
  have: ['has', 'have'],
  "haven't": ['hasn’t', 'haven’t'],
  do: ['does', 'do'],
  "don't": ['doesn’t', 'don’t'],
};

/** Agrees the verb at token k with a third-person subject (singular unless `plural`). */
export function agree(w: SentenceWork, k: number, plural: boolean, compound: boolean): void {
  if (k < 0) return;
  const { tokens } = w;
  const word = tokens[k]!.text;
  const n = norm(word);
  const entry = THIRD_PERSON[n];
  if (entry) {
    const next = plural ? entry[1] : entry[0];
    if (next.replace(/’/g, "'") !== n) {
      if (compound) throw new Refuse({ why: 'compound', verb: word });
      w.out[k] = word.includes("'") ? next.replace(/’/g, "'") : next;
      w.changed = true;
    }
    return;
  }
  if (MODALS.has(n) || IRREGULAR_PAST.has(n)) return;
  if (AMBIGUOUS_PAST.has(n)) {
    // Another past verb in the sentence ("I read the guideline, asked a hospitalist…") dates this one too.
    const pastBeside = tokens.some((t, m) => m !== k && t.word && isPast(t.text));
    if (w.ctx.narrativePast || plural || pastBeside) return;
    throw new Refuse({ why: 'verb', verb: word });
  }
  if (isPast(n)) return;
  if (plural) return;
  if (BASE_VERBS.has(n)) {
    if (compound) throw new Refuse({ why: 'compound', verb: word });
    w.out[k] = thirdPersonS(n);
    w.changed = true;
    refuseCoordinatedPresent(w, k);
    return;
  }
  throw new Refuse({ why: 'verb', verb: word });
}

/**
 * A second present-tense verb joined to the one at k ("see patients and write notes") would need the same
 * change, and telling that verb from a noun needs more than word lists.
 */
function refuseCoordinatedPresent(w: SentenceWork, k: number): void {
  for (let m = k + 1; m < w.tokens.length; m++) {
    const t = w.tokens[m]!;
    if (!t.word) continue;
    const before = w.prevWord(m);
    const afterComma = w.tokens[m - 1]?.text.trim() === ',';
    if ((before === 'and' || before === 'or' || afterComma) && BASE_VERBS.has(norm(t.text))) {
      throw new Refuse({ why: 'coordinated', verb: t.text });
    }
  }
}

const FIRST_PERSON: Readonly<Record<string, string>> = {
  is: 'am',
  "isn't": 'am not',
  has: 'have',
  "hasn't": 'haven’t',
  does: 'do',
  "doesn't": 'don’t',
  were: 'was',
  "weren't": 'wasn’t',
};

/** The verb at k with "I" (the recommender) as its subject: "he asks" → "I ask". */
export function agreeWithI(w: SentenceWork, k: number): void {
  if (k < 0) return;
  const word = w.tokens[k]!.text;
  const n = norm(word);
  const first = FIRST_PERSON[n];
  if (first !== undefined) {
    w.out[k] = word.includes("'") ? first.replace(/’/g, "'") : first;
    w.changed = true;
    return;
  }
  if (MODALS.has(n) || isPast(n) || n === 'was') return;
  const base = THIRD_TO_BASE.get(n);
  if (base) {
    w.out[k] = base;
    w.changed = true;
    return;
  }
  throw new Refuse({ why: 'verb', verb: word });
}

/** Whether token k is a finite verb form a subject before it would govern. */
export function isVerbish(w: SentenceWork, k: number): boolean {
  if (k < 0) return false;
  const n = norm(w.tokens[k]!.text);
  return (
    MODALS.has(n) ||
    isPast(n) ||
    AMBIGUOUS_PAST.has(n) ||
    THIRD_TO_BASE.has(n) ||
    ['is', 'was', 'has', 'does', "isn't", "wasn't", "hasn't", "doesn't", 'were', 'are'].includes(n)
  );
}
