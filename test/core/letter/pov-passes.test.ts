/**
 * The passes convertSentence runs, each on its own: a SentenceWork over one sentence, the pass applied at
 * one token, and the output read back. (point-of-view.test.ts covers them together, sentence by sentence.)
 */
import {
  asGerund,
  coordinatedAnd,
  elide,
  possessiveAsThe,
  splitBefore,
} from '../../../src/core/letter/clause-rhythm';
import { convertFirstPerson, isCandidateFirstPerson } from '../../../src/core/letter/first-person';
import { type PovOptions, Refuse, type SentenceContext } from '../../../src/core/letter/pov-types';
import type { PronounSet } from '../../../src/core/letter/pronoun-sets';
import { convertReference } from '../../../src/core/letter/recommender-reference';
import { recommenderPatterns } from '../../../src/core/letter/recommender-refs';
import { SentenceWork } from '../../../src/core/letter/sentence-work';
import { agree, agreeWithI } from '../../../src/core/letter/verb-agreement';

function work(sentence: string, pronouns: PronounSet = 'she', named = false): SentenceWork {
  const options: PovOptions = {
    pronouns,
    name: 'Dr. Lee',
    recommenderName: 'Michael Chen',
    recommenderAddress: 'Dr. Chen',
    source: 'competency',
  };
  const ctx: SentenceContext = {
    options,
    explicit: recommenderPatterns('Michael Chen'),
    narrativePast: true,
    competitor: null,
  };
  return new SentenceWork(sentence, '', ctx, { named });
}
const at = (w: SentenceWork, word: string, from = 0) =>
  w.tokens.findIndex((t, k) => k >= from && t.text === word);
const text = (w: SentenceWork) => w.result().text;

describe('verb-agreement', () => {
  it('agrees the verb with the candidate in the third person, and refuses what it cannot change', () => {
    // Only the verb changes here; the subject is first-person.ts's.
    const w = work('I see patients.');
    agree(w, at(w, 'see'), false, false);
    expect(text(w)).toBe('I sees patients.');
    const am = work('I am ready.');
    agree(am, at(am, 'am'), true, false);
    expect(text(am)).toBe('I are ready.');
    const both = work('I see patients and write notes.');
    expect(() => agree(both, at(both, 'see'), false, false)).toThrow(Refuse);
  });

  it('agrees the verb with the physician’s “I”', () => {
    const w = work('He asks questions and she has time.');
    agreeWithI(w, at(w, 'asks'));
    agreeWithI(w, at(w, 'has'));
    expect(text(w)).toBe('He ask questions and she have time.');
  });
});

describe('first-person', () => {
  it('knows the pronoun from a numeral or an abbreviation', () => {
    const w = work('I treated type I diabetes and checked I/O.');
    expect(isCandidateFirstPerson(w, at(w, 'I'))).toBe(true);
    expect(isCandidateFirstPerson(w, at(w, 'I', 2))).toBe(false);
    expect(isCandidateFirstPerson(w, at(w, 'I', at(w, 'checked')))).toBe(false);
  });

  it('names the candidate first, then uses the pronoun, and agrees the verb', () => {
    const w = work('I am on call and my pager is on.');
    convertFirstPerson(w, at(w, 'I'));
    convertFirstPerson(w, at(w, 'my'));
    expect(text(w)).toBe('Dr. Lee is on call and her pager is on.');
    expect(w.result().candidate).toBe(true);
  });

  it('refuses a quoted "I" and an "I’d" that could be "had" or "would"', () => {
    const q = work('She said "I am fine".');
    expect(() => convertFirstPerson(q, at(q, 'I'))).toThrow(Refuse);
    // Before a participle "I’d" is "I had", before a base verb "I would"; with neither it is refused.
    const d = work('I’d liked it.', 'she', true);
    convertFirstPerson(d, 0);
    expect(text(d)).toBe('She had liked it.');
    const would = work('I’d like to.', 'she', true);
    convertFirstPerson(would, 0);
    expect(text(would)).toBe('She would like to.');
    const neither = work('I’d always.', 'she', true);
    expect(() => convertFirstPerson(neither, 0)).toThrow(Refuse);
  });
});

describe('recommender-reference', () => {
  it('makes the recommender the physician’s “I” as a subject and “me” as an object', () => {
    const w = work('Dr. Chen asked me, and I called Dr. Chen back.');
    convertReference(w, 0, w.refs[0]!);
    convertReference(w, at(w, 'Dr', 4), w.refs[1]!);
    expect(text(w)).toBe('I asked me, and I called me back.');
  });

  it('refuses a later pronoun that could now mean the wrong person', () => {
    const w = work('Dr. Chen said he was proud.');
    expect(() => convertReference(w, 0, w.refs[0]!)).toThrow(Refuse);
  });
});

describe('clause-rhythm', () => {
  it('drops a coordinated second “I” with the comma before its “and”', () => {
    const w = work('I was on call, and I saw her first.', 'name');
    w.firstSubject = 0;
    const i = at(w, 'I', 1);
    const and = coordinatedAnd(w, i);
    expect(and).toBeGreaterThan(0);
    elide(w, i, and);
    expect(text(w)).toBe('I was on call and saw her first.');
  });

  it('turns “before I left” into a gerund on the first clause’s subject', () => {
    const w = work('I finished the notes before I left.', 'name');
    w.firstSubject = 0;
    const i = at(w, 'I', 1);
    expect(asGerund(w, i, at(w, 'left'))).toBe(true);
    expect(text(w)).toBe('I finished the notes before leaving.');
  });

  it('splits a new clause after “, so” into its own sentence', () => {
    const w = work('She was breathing fast, so I called the resident.', 'name');
    splitBefore(w, at(w, 'I'));
    expect(text(w)).toBe('She was breathing fast. So I called the resident.');
  });

  it('writes a second “my” as “the” where the name would repeat, not where a pronoun can stand', () => {
    const w = work('At my feedback I was told that my notes were long.', 'name');
    expect(possessiveAsThe(w, at(w, 'my'))).toBe(true);
    expect(text(w)).toBe('At the feedback I was told that my notes were long.');
    const she = work('At my feedback I was told that my notes were long.', 'she');
    expect(possessiveAsThe(she, at(she, 'my'))).toBe(false);
  });
});
