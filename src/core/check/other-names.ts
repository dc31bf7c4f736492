/**
 * The other orders' candidate names worth giving the name check for one letter, found through an index
 * built once per batch. `scanNames` compares every other name with every word of the letter; handed all
 * 20,000 names of a busy season, each letter costs time in proportion to the number of orders, and a batch
 * grows with its square. The index hands it only the names that could match, so a letter costs the same
 * in a batch of 100 as in one of 20,000.
 *
 * It gives exactly the findings all names would give, because it keeps the same conditions `scanNames`
 * applies before it reports a name (names.ts), and narrows nothing else:
 *  - a name of one token never matches (only a full name of two or more, a titled surname or a given name);
 *  - the whole name needs every token among the letter's words;
 *  - a given name alone needs a first token that is not the candidate's own, not a word of the answers and
 *    not a dictionary word;
 *  - a titled surname needs a later token that is not the candidate's own and not a word of the answers;
 *  - names with the same tokens (after folding) match the same words, and the first of them to be scanned
 *    marks those words, so the later ones can never add a finding: one name per token sequence is enough,
 *    and the sequence of the candidate's own name is skipped by `scanNames` itself.
 */
import type { Answers } from '../questionnaire';
import { nameTokens } from './names';
import { fold, wordsOf } from './text-scan';
import { answerVocabulary, isKnownWord } from './vocabulary';

interface NameGroup {
  /** The folded tokens every name of the group has. */
  readonly tokens: readonly string[];
  readonly key: string;
  /**
   * The group's names with their place in the list given (so they come back in that order); two are enough,
   * since one may be the letter's own candidate.
   */
  readonly names: { readonly name: string; readonly order: number }[];
}

export interface OtherNamesIndex {
  /** The names (other than `candidate`) to pass as `otherCandidateNames` when checking this letter. */
  namesFor(letterText: string, answers: Answers, candidate: string): string[];
}

/** The letter's words as `scanNames` compares them: folded, without a possessive 's. */
function foldedWordsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of wordsOf(text)) out.add(fold(w.text.replace(/['’]s$/u, '')));
  return out;
}

function couldMatch(
  tokens: readonly string[],
  words: ReadonlySet<string>,
  own: ReadonlySet<string>,
  answerWords: ReadonlySet<string>,
): boolean {
  if (tokens.every((t) => words.has(t))) return true;
  const free = (t: string) => words.has(t) && !own.has(t) && !answerWords.has(t);
  if (free(tokens[0]!) && !isKnownWord(tokens[0]!)) return true;
  return tokens.slice(1).some(free);
}

export function otherNamesIndex(names: Iterable<string>): OtherNamesIndex {
  const groups = new Map<string, NameGroup>();
  const byToken = new Map<string, NameGroup[]>();
  let order = 0;
  for (const raw of names) {
    const name = raw.trim();
    order += 1;
    const tokens = nameTokens(name).map(fold);
    if (tokens.length < 2) continue;
    const key = tokens.join(' ');
    const group = groups.get(key);
    if (group) {
      if (group.names.length < 2 && !group.names.some((n) => n.name === name))
        group.names.push({ name, order });
      continue;
    }
    const made: NameGroup = { tokens, key, names: [{ name, order }] };
    groups.set(key, made);
    for (const t of new Set(tokens)) {
      const list = byToken.get(t);
      if (list) list.push(made);
      else byToken.set(t, [made]);
    }
  }

  return {
    namesFor(letterText, answers, candidate) {
      const words = foldedWordsOf(letterText);
      const fullName = answers['candidate.fullName'];
      const preferred = answers['candidate.preferredName'];
      const own = new Set(
        [...(fullName ? nameTokens(fullName) : []), ...(preferred ? nameTokens(preferred) : [])].map(fold),
      );
      const ownKey = fullName ? nameTokens(fullName).map(fold).join(' ') : undefined;
      let answerWords: Set<string> | undefined;
      const picked = new Set<NameGroup>();
      for (const w of words) {
        for (const group of byToken.get(w) ?? []) {
          if (picked.has(group) || group.key === ownKey) continue;
          answerWords ??= answerVocabulary(answers);
          if (couldMatch(group.tokens, words, own, answerWords)) picked.add(group);
        }
      }
      const self = candidate.trim();
      return [...picked]
        .flatMap((g) => g.names.filter((n) => n.name !== self).slice(0, 1))
        .sort((a, b) => a.order - b.order)
        .map((n) => n.name);
    },
  };
}
