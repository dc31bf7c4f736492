/**
 * One name per sentence while converting: where the candidate's "I" or "my" would name them a second time
 * (name-only, or where a pronoun would be someone else's), the sentence is reshaped instead — a coordinated
 * "I" goes ("…on call and saw her first"), "before I left" becomes "before leaving", a new clause after ",
 * and" becomes its own sentence, a second "my" becomes "the". (name-rhythm.ts tidies what is left after.)
 */
import { gerundOfPast } from './past-tense';
import { CLAUSE_STARTERS, capitalize, isPast, norm, PHRASE_BREAKS, ROMAN_CONTEXT } from './pov-words';
import type { SentenceWork } from './sentence-work';

/** Whether the candidate's first clause runs on to token `end` with no other subject or clause between. */
export function sameSubjectUpTo(w: SentenceWork, end: number): boolean {
  const { tokens } = w;
  for (let k = w.firstSubject + 1; k < end; k++) {
    const t = tokens[k]!;
    if (!t.word) {
      if (/[;:—–()]/.test(t.text)) return false;
      continue;
    }
    const n = norm(t.text);
    // "met with them and assessed capacity": a verb joined with its subject left out is no new clause.
    const joinedVerb = /^(?:and|or|but)$/.test(n) && isPast(tokens[w.wordIndexAfter(k)]?.text ?? '');
    if (joinedVerb) continue;
    if (CLAUSE_STARTERS.has(n) || /^(?:i|we|he|she|they|it|you|who|which|whom|whose)$/.test(n)) return false;
  }
  return true;
}

/**
 * "Dr. Rahman was on call, and I saw her first": a second "I" that coordinates with the candidate's first
 * clause, with no other subject or clause between, can go ("…on call and saw her first") rather than name
 * the candidate twice. Returns the "and" token, or -1.
 */
export function coordinatedAnd(w: SentenceWork, i: number): number {
  if (w.firstSubject < 0) return -1;
  const pv = w.prevWord(i);
  if (pv !== 'and' && pv !== 'but') return -1;
  let and = i - 1;
  while (and >= 0 && !w.tokens[and]!.word) and--;
  return sameSubjectUpTo(w, and) ? and : -1;
}

/** Drops the "I" at i and the comma before its "and": "on call, and I saw" → "on call and saw". */
export function elide(w: SentenceWork, i: number, and: number): void {
  const { tokens } = w;
  w.out[i] = '';
  if (tokens[i + 1] && !tokens[i + 1]!.word && tokens[i + 1]!.text.trim() === '') w.out[i + 1] = '';
  const before = tokens[and - 1];
  if (before && !before.word && before.text.trim() === ',') w.out[and - 1] = ' ';
  w.changed = true;
}

/**
 * "…finished the notes before I left", where the name would stand a second time: the clause loses its
 * subject for a gerund ("before leaving"), as long as the candidate is the subject it leans on.
 */
export function asGerund(w: SentenceWork, i: number, verb: number): boolean {
  const { tokens } = w;
  if (w.firstSubject < 0 || verb !== w.wordIndexAfter(i)) return false;
  if (!/^(?:before|after|while|when)$/.test(w.prevWord(i))) return false;
  if (norm(tokens[w.wordIndexAfter(verb)]?.text ?? '') === 'not') return false;
  const gerund = gerundOfPast(norm(tokens[verb]!.text));
  let sub = i - 1;
  while (sub >= 0 && !tokens[sub]!.word) sub--;
  if (!gerund || !sameSubjectUpTo(w, sub)) return false;
  w.out[i] = '';
  if (tokens[i + 1] && !tokens[i + 1]!.word && tokens[i + 1]!.text.trim() === '') w.out[i + 1] = '';
  w.out[verb] = gerund;
  w.changed = true;
  return true;
}

/**
 * The name a second time in a sentence (name-only, or where a pronoun would be someone else's): a new
 * clause after ", and", ", so" or ", but" becomes a sentence of its own ("…breathing fast. So Dr. Tanaka
 * Ortiz called the resident"), since no pronoun can stand for the candidate there.
 */
export function splitBefore(w: SentenceWork, i: number): void {
  const { tokens } = w;
  const back = (k: number) => {
    let j = k - 1;
    while (j >= 0 && !tokens[j]!.word && tokens[j]!.text.trim() === '') j--;
    return j;
  };
  // The words between the comma and the "I": "and", "so", "but", "and then", or none (a comma splice).
  let c = back(i);
  const words: number[] = [];
  while (
    c >= 0 &&
    tokens[c]!.word &&
    words.length < 2 &&
    /^(?:and|so|but|then|later)$/.test(norm(tokens[c]!.text))
  ) {
    words.unshift(c);
    c = back(c);
  }
  const said = words.map((k) => norm(tokens[k]!.text)).join(' ');
  if (!['', 'and', 'so', 'but', 'and then', 'and later'].includes(said)) return;
  if (c < 0 || tokens[c]!.word || !/^[,;]$/.test(tokens[c]!.text.trim())) return;
  w.out[c] = tokens[c]!.text.replace(/[,;]/, '.');
  // "and" goes; "so", "but", "then" and "later" open the new sentence.
  const kept = words.filter((k) => norm(tokens[k]!.text) !== 'and');
  for (let k = c + 1; k < i; k++)
    if (!kept.includes(k) && !(kept.length > 0 && k > kept[0]! && !tokens[k]!.word)) w.out[k] = '';
  if (kept.length > 0) w.out[kept[0]!] = capitalize(norm(tokens[kept[0]!]!.text));
  // The new sentence's subject is the one a later "and I" coordinates with.
  w.firstSubject = i;
  w.changed = true;
}

/** Whether the candidate's "I" comes later in the sentence (then an earlier "my" need not name them). */
function subjectLater(w: SentenceWork, i: number): boolean {
  return w.tokens.some(
    (t, k) => k > i && t.text === 'I' && !w.quoted[t.start] && !ROMAN_CONTEXT.has(w.prevWord(k)),
  );
}

/**
 * "my" where the name would stand a second time ("At my feedback I was told that my notes…"): "the" reads
 * as the candidate's without the name ("At the feedback Dr. Rahman was told that the notes…"). Only before
 * a noun it owns; "my own" loses "own" with it. Returns false where "the" cannot stand.
 */
export function possessiveAsThe(w: SentenceWork, i: number): boolean {
  const { tokens } = w;
  // With a pronoun to use, a second "my" is "her", unless another "her" is about (a woman in the sentence).
  if (w.forms !== null && w.other === undefined && !w.competing) return false;
  if (!w.namedInSentence && !subjectLater(w, i)) return false;
  let k = w.wordIndexAfter(i);
  // "my first day" and "my daily notes" take "the"; "my" before a break or a pronoun is not a determiner.
  const nextWord = k < 0 ? '' : norm(tokens[k]!.text);
  if (
    k < 0 ||
    PHRASE_BREAKS.has(nextWord) ||
    /^(?:the|a|an|this|these|those|we|they|he|she|it|i|me|you)$/.test(nextWord)
  )
    return false;
  if (nextWord === 'own') {
    const after = w.wordIndexAfter(k);
    if (after < 0 || PHRASE_BREAKS.has(norm(tokens[after]!.text))) return false;
    // "on my own first" is the idiom ("independently"); "on my own recheck" owns a noun.
    if (w.prevWord(i) === 'on' && /^(?:first|initiative|time|again|today)$/.test(norm(tokens[after]!.text)))
      return false;
    for (let m = k; m < after; m++) w.out[m] = '';
    k = after;
  }
  w.put(i, 'the');
  w.candidate = true;
  return true;
}
