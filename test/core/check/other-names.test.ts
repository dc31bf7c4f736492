import fc from 'fast-check';
import { check } from '../../../src/core/check';
import { otherNamesIndex } from '../../../src/core/check/other-names';
import { answerSets, cleanLetters } from './corpus';

const DELGADO = answerSets().get('delgado')!;
const LETTER = cleanLetters().find((l) => l.file === 'delgado-1.txt')!.text;

// Tokens a name can be built from: the candidate's own, the recommender's, dictionary words, words of the
// letter, and strangers; so a generated name can match as a whole, as a titled surname or as a given name.
const TOKENS = ['Rosa', 'Delgado', 'Chen', 'Aisha', 'Rahman', 'Okafor', 'Chinedu', 'Will', 'Young', 'Khan'];
const INSERTS = [
  'Aisha Rahman stayed late.',
  'Dr. Okafor agreed.',
  'Chinedu presented the case.',
  'Ms. Rahman called.',
  'Will Young joined us.',
  'ROSA DELGADO',
  'Dr. Khan and Aisha Khan, our nurse, were there.',
];

const nameArb = fc
  .array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 3 })
  .chain((tokens) =>
    fc.constantFrom(tokens.join(' '), tokens.join(' ').toUpperCase(), `Dr. ${tokens.join(' ')}`),
  );

describe('the other-names index', () => {
  it('gives the name check exactly the findings that every other name gives', () => {
    let found = 0;
    fc.assert(
      fc.property(fc.array(nameArb, { maxLength: 25 }), fc.subarray(INSERTS), (names, inserts) => {
        const text = `${LETTER}\n${inserts.join(' ')}\n`;
        const all = names.filter((n) => n !== 'Rosa Delgado');
        const picked = otherNamesIndex(names).namesFor(text, DELGADO, 'Rosa Delgado');
        expect(picked.length).toBeLessThanOrEqual(all.length);
        const context = { letterDate: '2026-09-15' };
        const expected = check(text, DELGADO, { ...context, otherCandidateNames: all });
        expect(check(text, DELGADO, { ...context, otherCandidateNames: picked })).toEqual(expected);
        if (expected.some((f) => f.code === 'OTHER_CANDIDATE_NAME')) found += 1;
      }),
      { numRuns: 150 },
    );
    // The comparison means something only if other candidates were found in many of the letters.
    expect(found).toBeGreaterThan(30);
  });

  it('hands a letter one name per spelling, and none that cannot occur in it', () => {
    // The busy-season shape: thousands of candidates sharing the surname of this letter's candidate.
    const names = Array.from({ length: 3000 }, (_, i) => `Test${i} ${['Delgado', 'Rahman', 'Khan'][i % 3]}`);
    const index = otherNamesIndex([...names, 'Aisha Rahman', 'Chinedu Okafor']);
    const picked = index.namesFor(`${LETTER}\nAisha Rahman stayed late.`, DELGADO, 'Rosa Delgado');
    // "Test… Delgado" needs "Test" in the letter (Delgado is the candidate's own); "Test… Khan" needs "Khan".
    // "Test… Rahman" may be a titled surname ("Dr. Rahman"): one of them stands for all.
    expect(picked).toEqual(['Test1 Rahman', 'Aisha Rahman']);
  });

  it('leaves out the letter’s own candidate, however the list spells it', () => {
    const index = otherNamesIndex(['Rosa Delgado', ' Rosa Delgado ', 'Aisha Rahman']);
    expect(index.namesFor(`${LETTER}\nAisha Rahman`, DELGADO, 'Rosa Delgado')).toEqual(['Aisha Rahman']);
  });
});
