/**
 * The ratchet: test/letter-quality/baseline.json holds each letter's figures as they were when last
 * written. A letter may get better (fewer defects, fewer verbatim sentences, more facts kept, fewer
 * verbatim sentences for a they/neopronoun run than for she/he) but never worse. Writing the baseline
 * (UPDATE_LETTER_BASELINE=1) refuses while any figure is worse, so it can only ever move down; a letter
 * whose inputs (answers, target) changed is a new letter and starts from its own figures. A change to the
 * measurement itself that counts more (a new detector) is the one reason to rewrite it from empty, and its
 * commit says so.
 */
import { createHash } from 'node:crypto';
import type { DefectKind } from './detectors';

export interface LetterFigures {
  /** A hash of the answers and target the figures were measured on. */
  readonly inputs: string;
  readonly candidateSentences: number;
  readonly verbatim: number;
  readonly verbatimShare: number;
  readonly factsTotal: number;
  readonly factsKept: number;
  /** Verbatim sentences beyond the most a she/her or he/him run of the same answers got (they/ze runs). */
  readonly pronounExcess?: number;
  readonly defects: Partial<Record<DefectKind, number>>;
}

export interface Baseline {
  readonly goal: string;
  readonly letters: Readonly<Record<string, LetterFigures>>;
}

export const GOAL =
  'Issue 11 is done when every letter has zero defects, all verbatim sentences together are at most 5% of all candidate sentences, every target fact is kept, and no they/neopronoun run has more verbatim sentences than the she/he runs of the same answers.';

export const inputsHash = (...parts: readonly unknown[]): string =>
  createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);

/** Shares are compared at this precision, so float noise is not a regression. */
export const roundShare = (x: number): number => Math.round(x * 10_000) / 10_000;

/** Every way `now` is worse than `then` for one letter, in words. */
export function regressions(key: string, then: LetterFigures | undefined, now: LetterFigures): string[] {
  if (!then) return [`${key}: not in the baseline`];
  if (then.inputs !== now.inputs) return [`${key}: its answers or target changed since the baseline`];
  const out: string[] = [];
  const kinds = new Set([...Object.keys(then.defects), ...Object.keys(now.defects)]) as Set<DefectKind>;
  for (const kind of kinds) {
    const a = then.defects[kind] ?? 0;
    const b = now.defects[kind] ?? 0;
    if (b > a) out.push(`${key}: ${kind} rose from ${a} to ${b}`);
  }
  // The count, not the share: leaving a sentence out of the letter that has no place in it ("Sorry this is
  // long.") shrinks the share's denominator, and a letter with the same kept sentences is no worse. Deleting
  // content to lower the count is caught by the facts below.
  if (now.verbatim > then.verbatim)
    out.push(`${key}: verbatim sentences rose from ${then.verbatim} to ${now.verbatim}`);
  // Facts lost rather than kept, so a fact added to a target is not mistaken for one the draft dropped.
  const lostThen = then.factsTotal - then.factsKept;
  const lostNow = now.factsTotal - now.factsKept;
  if (lostNow > lostThen)
    out.push(
      `${key}: facts missing rose from ${lostThen} to ${lostNow} (kept ${now.factsKept} of ${now.factsTotal})`,
    );
  if ((now.pronounExcess ?? 0) > (then.pronounExcess ?? 0))
    out.push(
      `${key}: verbatim sentences beyond the she/he runs rose from ${then.pronounExcess ?? 0} to ${now.pronounExcess}`,
    );
  return out;
}

/** Every regression of the current figures against the baseline. */
export function allRegressions(
  baseline: Baseline,
  current: Readonly<Record<string, LetterFigures>>,
): string[] {
  return Object.entries(current).flatMap(([key, now]) => regressions(key, baseline.letters[key], now));
}

/**
 * The baseline to write: the current figures, or a refusal listing every figure that would rise. A letter
 * new to the baseline, or whose inputs changed, is taken as it is.
 */
export function nextBaseline(
  baseline: Baseline,
  current: Readonly<Record<string, LetterFigures>>,
): { baseline: Baseline } | { refused: string[] } {
  const refused = Object.entries(current).flatMap(([key, now]) => {
    const then = baseline.letters[key];
    return then && then.inputs === now.inputs ? regressions(key, then, now) : [];
  });
  if (refused.length > 0) return { refused };
  const letters = Object.fromEntries(Object.entries(current).sort(([a], [b]) => a.localeCompare(b)));
  return { baseline: { goal: GOAL, letters } };
}
