import { recommenderPatterns } from '../../../src/core/letter/recommender-refs';
import { teamForWe } from '../../../src/core/letter/team-we';

const CHEN = recommenderPatterns('Michael Chen');
const team = (s: string) => teamForWe(s, CHEN);

describe('teamForWe: the candidate’s “we” is the team, unless the recommender is in the sentence', () => {
  it.each([
    [
      'We admitted a 7-year-old boy with new type 1 diabetes.',
      'The team admitted a 7-year-old boy with new type 1 diabetes.',
    ],
    ['I told the resident, and we gave labetalol.', 'I told the resident, and the team gave labetalol.'],
    [
      'The nurse called us, and we ran to the room.',
      'The nurse called the team, and the team ran to the room.',
    ],
    [
      'We were late on most days, so our team made a list.',
      'The team was late on most days, so the team made a list.',
    ],
    ['We then checked our pathway.', 'The team then checked the pathway.'],
  ])('%s', (s, out) => expect(team(s)).toBe(out));

  it('keeps “we” when the recommender was part of it', () => {
    for (const s of [
      'I presented to Dr. Chen and we ordered the chest x-ray.',
      'Michael and I examined him, and we called surgery.',
      'My attending and I agreed, and we started heparin.',
    ])
      expect(team(s)).toBe(s);
  });

  it('leaves a “we” that is not the rotation team narrating', () => {
    for (const s of [
      'In Vietnam we used them often.',
      'She explained how we monitor levels now.',
      'We students were not documenting reassessments.',
      'We did the math together three times.',
      'We rounded as a team every morning.',
      'We admitted him and our team kept us all informed.',
      'I did the exam myself.',
    ])
      expect(team(s)).toBe(s);
  });
});
