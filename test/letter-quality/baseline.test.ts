import { type Baseline, GOAL, type LetterFigures, nextBaseline, regressions } from './baseline';

const figures = (over: Partial<LetterFigures> = {}): LetterFigures => ({
  inputs: 'abc',
  candidateSentences: 20,
  verbatim: 4,
  verbatimShare: 0.2,
  factsTotal: 10,
  factsKept: 9,
  pronounExcess: 1,
  defects: { nameTwice: 2 },
  ...over,
});
const baseline = (letters: Record<string, LetterFigures>): Baseline => ({ goal: GOAL, letters });

describe('the letter-quality ratchet', () => {
  it('accepts the same figures and better ones', () => {
    expect(regressions('x', figures(), figures())).toEqual([]);
    const better = figures({
      verbatim: 1,
      verbatimShare: 0.05,
      factsKept: 10,
      pronounExcess: 0,
      defects: {},
    });
    expect(regressions('x', figures(), better)).toEqual([]);
  });

  it('names every figure that got worse', () => {
    const worse = figures({
      verbatim: 5,
      verbatimShare: 0.25,
      factsKept: 8,
      pronounExcess: 2,
      defects: { nameTwice: 3, emoji: 1 },
    });
    expect(regressions('x', figures(), worse)).toEqual([
      'x: nameTwice rose from 2 to 3',
      'x: emoji rose from 0 to 1',
      'x: verbatim sentences rose from 4 to 5',
      'x: facts missing rose from 1 to 2 (kept 8 of 10)',
      'x: verbatim sentences beyond the she/he runs rose from 1 to 2',
    ]);
  });

  it('does not count a sentence left out of the letter, with the same verbatim sentences, as worse', () => {
    const leftOut = figures({ candidateSentences: 19, verbatimShare: 0.2105 });
    expect(regressions('x', figures(), leftOut)).toEqual([]);
  });

  it('does not take deleting content for an improvement: fewer defects with fewer facts kept fails', () => {
    const deleted = figures({
      candidateSentences: 10,
      verbatim: 0,
      verbatimShare: 0,
      factsKept: 5,
      defects: {},
    });
    expect(regressions('x', figures(), deleted)).toEqual([
      'x: facts missing rose from 1 to 5 (kept 5 of 10)',
    ]);
  });

  it('treats a letter that is new, or whose inputs changed, as not comparable', () => {
    expect(regressions('x', undefined, figures())).toEqual(['x: not in the baseline']);
    expect(regressions('x', figures(), figures({ inputs: 'def' }))).toEqual([
      'x: its answers or target changed since the baseline',
    ]);
  });

  it('writes a lower baseline, takes new letters as they are, and refuses to raise any figure', () => {
    const then = baseline({ a: figures(), gone: figures() });
    const lower = nextBaseline(then, { a: figures({ defects: {} }), b: figures({ defects: { emoji: 9 } }) });
    expect(lower).toEqual({
      baseline: baseline({ a: figures({ defects: {} }), b: figures({ defects: { emoji: 9 } }) }),
    });
    expect(nextBaseline(then, { a: figures({ defects: { nameTwice: 3 } }) })).toEqual({
      refused: ['a: nameTwice rose from 2 to 3'],
    });
  });
});
