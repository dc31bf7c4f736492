import { arrowNoteProse } from '../../../src/core/letter/arrow-notes';
import { answerPieces, expandAbbreviations } from '../../../src/core/letter/note-text';

const prose = (note: string) => arrowNoteProse(expandAbbreviations(note));

describe('arrowNoteProse: a clinical note with arrows as the candidate’s sentences', () => {
  it.each([
    [
      '64F w/ COPD exac, h/o CHF -> started nebs, steroids, abx; noticed worsening edema + crackles -> BNP elevated, diuresed, pt improved',
      'I cared for a 64-year-old woman with COPD exacerbation and a history of CHF. I started nebulizers, steroids and antibiotics and noticed worsening edema and crackles. The BNP was elevated, I diuresed, and the patient improved.',
    ],
    [
      '72M s/p fall, on warfarin -> I checked INR (3.8), CT head neg, held warfarin, d/c home w/ f/u in anticoag clinic',
      'I cared for a 72-year-old man on warfarin after a fall. I checked INR (3.8), the head CT was negative, and I held warfarin and discharged the patient home with follow-up in anticoagulation clinic.',
    ],
    [
      '2yo w/ ear pain, mother worried about abx -> I did otoscopy, AOM, discussed watchful waiting w/ mother, f/u call in 48h, improved w/o abx',
      'I cared for a 2-year-old with ear pain whose mother was worried about antibiotics. I did otoscopy, which showed AOM. I discussed watchful waiting with mother and arranged a follow-up call in 48 hours, and the patient improved without antibiotics.',
    ],
    [
      '45F h/o HTN, BP 172/104 -> repeated, no sx, started amlodipine w/ Dr. Birchfield, f/u 2 wks BP 138/86',
      'I cared for a 45-year-old woman with a history of hypertension and a blood pressure of 172/104. I repeated it, the patient had no symptoms, I started amlodipine with Dr. Birchfield, and at follow-up 2 weeks later, the blood pressure was 138/86.',
    ],
    [
      "family of 4 came together, the mother and the grandmother disagreed about the baby's formula; they both wanted to be heard -> I listened to each, gave one plan in writing, they left agreeing",
      "The family of 4 came together; the mother and the grandmother disagreed about the baby's formula; they both wanted to be heard. I listened to each and gave one plan in writing, and they left agreeing.",
    ],
  ])('%s', (note, sentences) => expect(prose(note)).toBe(sentences));

  it('leaves the whole note as typed when one piece has no shape it reads', () => {
    for (const note of [
      'started writing "if/then" contingencies for each problem, e.g. if K < 3.5 -> replete',
      // A bare finding with no examination before it: found how, by whom?
      '64F w/ SOB -> PE, started heparin',
      // A result as a formula, and a plan with an abbreviation of two meanings.
      '58M w/ chest pain -> trop 0.04 x2 = NSTEMI, cards consulted',
      'pt w/ sepsis -> d/c the heparin',
      'chest pain -> ',
      'no arrow here, started heparin',
    ])
      expect(prose(note)).toBeNull();
  });

  it('turns an arrow bullet into prose pieces, and keeps the unreadable one as a note', () => {
    const pieces = answerPieces(
      '- 45F h/o HTN, BP 172/104 -> repeated, started amlodipine\n- 58M w/ chest pain -> trop x2 = NSTEMI',
    );
    expect(pieces.map((p) => p.kind)).toEqual(['prose', 'note']);
    expect(pieces[0]!.text).toContain('I cared for a 45-year-old woman with a history of hypertension');
    expect(pieces[1]!.typed).toBe('58M w/ chest pain -> trop x2 = NSTEMI');
  });
});
