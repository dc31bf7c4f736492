/**
 * The balance of a letter written by competency: a program director reads the six sections side by side,
 * so one that runs several times longer than the others reads as padding or as the only real example, and
 * one under a sentence as a competency the writer had nothing to say about (ACGME's six competencies are
 * meant to be assessed each on its own evidence).
 */
import { COMPETENCIES } from '../competencies';
import { competencySections } from './coverage';
import { findingAt } from './finding';
import { type Span, wordsOf } from './text-scan';
import type { Finding } from './types';

const MIN_SECTIONS = 4;
const LONG_FACTOR = 3;
const LONG_MIN_WORDS = 120;
const SENTENCE_MIN_WORDS = 8;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function checkBalance(text: string, paragraphs: readonly Span[]): Finding[] {
  const sections = competencySections(text, paragraphs);
  if (sections.length < MIN_SECTIONS) return [];
  const counts = sections.map((s) => wordsOf(s.own).length);
  const out: Finding[] = [];
  sections.forEach((s, i) => {
    const title = COMPETENCIES.find((c) => c.id === s.id)!.title;
    const others = median(counts.filter((_, j) => j !== i));
    const n = counts[i]!;
    const flag = (message: string) =>
      out.push(findingAt('SECTION_BALANCE', text, s.heading.start, s.heading.end, `${title} ${message}`));
    if (n >= LONG_MIN_WORDS && n > LONG_FACTOR * others)
      flag(
        `runs ${n} words, over ${LONG_FACTOR} times the others (about ${Math.round(others)}): keep its scene, actions and outcome.`,
      );
    else if (n > 0 && (n < SENTENCE_MIN_WORDS || !/[.!?]/.test(s.own)))
      flag('has less than a sentence under it: give it an example as the other sections have.');
  });
  return out;
}
