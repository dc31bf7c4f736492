/**
 * How close a draft is to its target letter: the word-level longest-common-subsequence ratio,
 * 2·LCS / (draft words + target words), over the relationship paragraph and the content sections, in
 * letter order. 1 means the same words in the same order; words are compared lower-cased, without
 * punctuation or marks. Simple on purpose: it rewards keeping the target's words in the target's order,
 * and padding or deleting both lower it.
 */
import type { LetterModel, LetterSectionId } from '../../src/core/letter/model';
import type { Target } from './facts';
import { sectionText } from './measure';
import { wordsOf } from './sentences';

export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++)
      row[j] = x === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    previous = row;
  }
  return previous[b.length]!;
}

export function lcsRatio(a: readonly string[], b: readonly string[]): number {
  return a.length + b.length === 0 ? 1 : (2 * lcsLength(a, b)) / (a.length + b.length);
}

const words = (text: string) => wordsOf(text.replace(/[⟦⟧*]/g, '').toLowerCase());

/** The closeness of the draft to the target, over the sections the target has. */
export function closeness(model: LetterModel, target: Target): number {
  const ids = [...target.sections.keys()] as LetterSectionId[];
  const draft = ids.flatMap((id) => words(sectionText(model, id)));
  const wanted = ids.flatMap((id) => words(target.sections.get(id)!));
  return lcsRatio(draft, wanted);
}
