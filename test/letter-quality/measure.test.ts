import { createDocumentModel, type LetterModel, type Run } from '../../src/core/letter/model';
import type { Answers } from '../../src/core/questionnaire';
import { firstPersonSentences, measureLetter, refusalDefects } from './measure';
import { splitSentences } from './sentences';

const answers: Answers = {
  'recommender.relationship': 'Dr. Chen was my attending on the teaching service.',
  'competency.patientCare': 'I followed a man with sepsis. I re-examined him every hour.',
  'competency.professionalism': 'I stayed late to finish a discharge summary for his nursing home.',
};

function letter(sections: Record<string, Run[]>): LetterModel {
  const blocks = Object.entries(sections).map(([id, runs]) => ({
    sectionId: id as 'patientCare',
    answerIds: [],
    paragraphs: [{ role: 'body' as const, runs: [{ text: 'Heading. ', bold: true }, ...runs] }],
  }));
  return createDocumentModel('letter', 'Letter', blocks, []);
}

const measure = (model: LetterModel) =>
  measureLetter(model, answers, {
    name: 'Delgado',
    subject: 'she',
    firstPersonAnswerSentences: firstPersonSentences(answers),
  });

describe('measuring a letter', () => {
  it('splits sentences at a stop and a space, not after a title or an initial', () => {
    expect(splitSentences('Dr. Chen saw J. Smith. She called the. nurse ⟦I went.⟧ Done')).toEqual([
      'Dr. Chen saw J. Smith.',
      'She called the.',
      'nurse ⟦I went.⟧',
      'Done',
    ]);
    // A marked passage of several sentences is several marked sentences.
    expect(splitSentences('She went. ⟦6 pts/day. 67M -> CT.⟧ Done.')).toEqual([
      'She went.',
      '⟦6 pts/day.⟧',
      '⟦67M -> CT.⟧',
      'Done.',
    ]);
  });

  it('counts candidate sentences, verbatim ones, and leaves the composer’s own notes out', () => {
    const m = measure(
      letter({
        patientCare: [
          { text: 'Dr. Delgado followed a man with sepsis. ' },
          { text: '⟦I re-examined him every hour.⟧', marked: true },
          { text: ' ⟦84 more words are in the comment here.⟧', marked: true },
        ],
      }),
    );
    expect([m.candidateSentences, m.verbatim, m.converted]).toEqual([2, 1, 1]);
    // The note is the composer's, so only the verbatim sentence is held to the refusal rules.
    expect(m.defects.map((d) => d.kind)).toEqual(['refusalWithoutComment']);
  });

  it('counts a note pasted as typed as kept verbatim, not converted', () => {
    const m = measure(
      letter({
        patientCare: [{ text: 'Dr. Delgado followed a man with sepsis. - 6 pts/day. - 67M POD2 -> CT.' }],
      }),
    );
    expect([m.candidateSentences, m.verbatim, m.converted]).toEqual([3, 2, 1]);
    expect(m.defects.filter((d) => d.kind === 'notesInBody')).toHaveLength(2);
  });

  it('sees a section over budget, a duplicate, a paragraph without a stop and a first-person sentence', () => {
    const long = `${'She re-examined him again and again and again. '.repeat(24)}`;
    const m = measure(
      letter({
        patientCare: [{ text: long }],
        professionalism: [{ text: 'I stayed late to finish a discharge summary for his nursing home' }],
      }),
    );
    const kinds = m.defects.map((d) => d.kind);
    expect(kinds).toContain('sectionOverBudget');
    expect(kinds.filter((k) => k === 'duplicateSentence')).toHaveLength(23);
    expect(kinds).toContain('paragraphWithoutEndPunctuation');
    expect(kinds).toContain('firstPersonUnmarked');
  });

  it('counts only the relationship sentences that come from the candidate’s relationship answer', () => {
    const model = createDocumentModel(
      'letter',
      'Letter',
      [
        {
          sectionId: 'relationship',
          answerIds: [],
          paragraphs: [
            {
              role: 'body',
              runs: [
                {
                  text: 'It is my pleasure to recommend Dr. Delgado. I was her attending on the teaching service.',
                },
              ],
            },
          ],
        },
      ],
      [],
    );
    expect(measure(model).candidateSentences).toBe(1);
  });
});

describe('refusals', () => {
  const model = (marked: string, quote?: string) =>
    createDocumentModel(
      'letter',
      'Letter',
      [
        {
          sectionId: 'patientCare',
          answerIds: [],
          paragraphs: [{ role: 'body', runs: [{ text: `⟦${marked}⟧`, marked: true }] }],
        },
      ],
      quote ? [{ sectionId: 'patientCare', quote, question: 'Rewrite it.', kind: 'pointOfView' }] : [],
    );

  it('passes a first-person sentence kept verbatim with a comment on it', () => {
    const s = 'I re-examined him every hour.';
    expect(refusalDefects(`⟦${s}⟧`, 'patientCare', model(s, s))).toEqual([]);
  });

  it('holds notes marked for not being prose (a style comment) to the comment rule only', () => {
    const s = '6 pts/day.';
    const notes = createDocumentModel('letter', 'Letter', model(s).blocks, [
      { sectionId: 'patientCare', quote: `⟦${s}⟧`, question: 'Full sentences, please.', kind: 'style' },
    ]);
    expect(refusalDefects(`⟦${s}⟧`, 'patientCare', notes)).toEqual([]);
  });

  it('flags a refusal with no comment, and a refused sentence that has no first person', () => {
    const s = 'Her lactate was 1.4.';
    expect(refusalDefects(`⟦${s}⟧`, 'patientCare', model(s))).toEqual([
      'refusalWithoutComment',
      'refusalWithoutFirstPerson',
    ]);
  });
});
