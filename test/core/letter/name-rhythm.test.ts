import { withOneName } from '../../../src/core/letter/name-rhythm';

const N = 'Dr. Ivarsson';
const one = (s: string) => withOneName(s, N);

describe('withOneName: the candidate named once per sentence', () => {
  it.each([
    // A possessive beside another mention.
    [
      'After Dr. Ivarsson’s first week I told Dr. Ivarsson the notes were long.',
      'After the first week I told Dr. Ivarsson the notes were long.',
    ],
    ['I let Dr. Ivarsson splint on Dr. Ivarsson’s own.', 'I let Dr. Ivarsson splint independently.'],
    // The same subject coordinated, with or without a time phrase.
    [
      'Dr. Ivarsson called the senior and Dr. Ivarsson stayed late.',
      'Dr. Ivarsson called the senior and stayed late.',
    ],
    [
      'Dr. Ivarsson practiced every day, and by the third week Dr. Ivarsson was done in ten minutes.',
      'Dr. Ivarsson practiced every day, and by the third week was done in ten minutes.',
    ],
    // A clause of time on the same subject.
    [
      'Dr. Ivarsson finished the notes before Dr. Ivarsson left.',
      'Dr. Ivarsson finished the notes before leaving.',
    ],
    // An admission of one's own act.
    ['Dr. Ivarsson admitted Dr. Ivarsson forgot to call.', 'Dr. Ivarsson admitted forgetting to call.'],
    ['Dr. Ivarsson told me that Dr. Ivarsson missed a dose.', 'Dr. Ivarsson told me about missing a dose.'],
    // Being asked, and who asked, said without a second subject.
    [
      'Dr. Ivarsson held the retractor and suctioned when Dr. Ivarsson was asked.',
      'Dr. Ivarsson held the retractor and suctioned when asked.',
    ],
    [
      'Dr. Ivarsson called out the blood loss every ten minutes, as I asked Dr. Ivarsson to.',
      'Dr. Ivarsson called out the blood loss every ten minutes, as I asked.',
    ],
    // An opening clause with "was".
    [
      'When Dr. Ivarsson was unsure about a rash Dr. Ivarsson asked.',
      'When unsure about a rash, Dr. Ivarsson asked.',
    ],
    // Any other opening clause on the same subject, as a gerund; then the coordinated subject.
    [
      'When Dr. Ivarsson made a mistake in the reconciliation Dr. Ivarsson told me and Dr. Ivarsson fixed it.',
      'When making a mistake in the reconciliation, Dr. Ivarsson told me and fixed it.',
    ],
    [
      'After Dr. Ivarsson examined the patient, Dr. Ivarsson called the senior.',
      'After examining the patient, Dr. Ivarsson called the senior.',
    ],
    [
      'Dr. Ivarsson did not sign because Dr. Ivarsson was an observer.',
      'As an observer, Dr. Ivarsson did not sign.',
    ],
    // Someone else telling the candidate something.
    [
      'When Dr. Ivarsson asked, she told Dr. Ivarsson she had lost weight.',
      'When Dr. Ivarsson asked, she said she had lost weight.',
    ],
    [
      'A dose was drawn up by Dr. Ivarsson and then Dr. Ivarsson saw the label.',
      'A dose was drawn up by Dr. Ivarsson, who then saw the label.',
    ],
    [
      'Dr. Ivarsson stayed late, because Mrs. Lund asked Dr. Ivarsson to.',
      'Dr. Ivarsson stayed late at Mrs. Lund’s request.',
    ],
    ['The resident told Dr. Ivarsson Dr. Ivarsson was ready.', 'The resident considered Dr. Ivarsson ready.'],
    // A new subject that includes the name is not the same subject: two sentences, not "…and worked".
    [
      'Dr. Ivarsson suggested stopping both, and her nurse and Dr. Ivarsson worked on her sleep.',
      'Dr. Ivarsson suggested stopping both. Her nurse and Dr. Ivarsson worked on her sleep.',
    ],
    [
      'Dr. Ivarsson asked the midwives to check the exams right after Dr. Ivarsson for a week.',
      'Dr. Ivarsson asked the midwives to check the exams right afterwards for a week.',
    ],
    [
      'Dr. Ivarsson followed the baby, because Mrs. Lund asked Dr. Ivarsson every morning how she was.',
      'Dr. Ivarsson followed the baby, because Mrs. Lund asked every morning how she was.',
    ],
    ['I told Dr. Ivarsson Dr. Ivarsson needed a focused exam.', 'I asked Dr. Ivarsson for a focused exam.'],
    [
      'Dr. Ivarsson saw patients first and after Dr. Ivarsson presented to me.',
      'Dr. Ivarsson saw patients first and then presented to me.',
    ],
    [
      'Dr. Ivarsson screened 14 patients in the two months Dr. Ivarsson was there.',
      'Dr. Ivarsson screened 14 patients in those two months.',
    ],
    [
      'Dr. Ivarsson explained kindly that Dr. Ivarsson cannot write something untrue.',
      'Dr. Ivarsson explained kindly that it was not possible to write something untrue.',
    ],
    [
      'Dr. Ivarsson told the senior, a resident, that Dr. Ivarsson was concerned about sepsis.',
      'Dr. Ivarsson told the senior, a resident, of a concern about sepsis.',
    ],
    [
      'Dr. Ivarsson noticed that the count was correct although Dr. Ivarsson had seen a sponge fall.',
      'Having seen a sponge fall, Dr. Ivarsson noticed that the count was correct.',
    ],
    [
      'I asked Dr. Ivarsson to lead with the plan, and now Dr. Ivarsson wrote the plan first.',
      'I asked Dr. Ivarsson to lead with the plan. From then on, Dr. Ivarsson wrote the plan first.',
    ],
    [
      'The daughter thanked Dr. Ivarsson because Dr. Ivarsson explained everything to her.',
      'The daughter thanked Dr. Ivarsson for explaining everything to her.',
    ],
    [
      'Dr. Ivarsson asked the mother if Dr. Ivarsson could speak with him alone.',
      'Dr. Ivarsson asked the mother for permission to speak with him alone.',
    ],
    [
      'Dr. Ivarsson asked the mother to step out, and the girl asked Dr. Ivarsson about contraception.',
      'Dr. Ivarsson asked the mother to step out. The girl asked Dr. Ivarsson about contraception.',
    ],
    [
      'Dr. Ivarsson explained why it mattered, but he let Dr. Ivarsson examine him only later.',
      'Dr. Ivarsson explained why it mattered. But he let Dr. Ivarsson examine him only later.',
    ],
    [
      'Dr. Chen showed Dr. Ivarsson the perfusion maps and Dr. Ivarsson could explain them.',
      'Dr. Chen showed Dr. Ivarsson the perfusion maps. Dr. Ivarsson could explain them.',
    ],
    [
      'When Dr. Ivarsson did not know something Dr. Ivarsson looked it up the same day.',
      'When unsure of something, Dr. Ivarsson looked it up the same day.',
    ],
    [
      'If Dr. Ivarsson did not know something Dr. Ivarsson said it and Dr. Ivarsson looked it up.',
      'If unsure of something, Dr. Ivarsson said so and looked it up.',
    ],
    [
      'When Dr. Ivarsson did not know the answer Dr. Ivarsson said Dr. Ivarsson did not know and Dr. Ivarsson would look for it.',
      'When unsure of the answer, Dr. Ivarsson said so and would look for it.',
    ],
    // The candidate's own acquaintance in a relative clause.
    [
      'Dr. Ivarsson came in on Sunday to write notes for the patients Dr. Ivarsson knew, with the resident.',
      'Dr. Ivarsson came in on Sunday to write notes for the patients already familiar, with the resident.',
    ],
  ])('%s', (s, out) => expect(one(s)).toBe(out));

  it('rewrites each sentence of a conversion on its own, keeping the spaces between them', () => {
    expect(
      one('Dr. Ivarsson came early. Dr. Ivarsson called the senior and Dr. Ivarsson stayed late. '),
    ).toBe('Dr. Ivarsson came early. Dr. Ivarsson called the senior and stayed late. ');
  });

  it('leaves a sentence that names the candidate once, or that no rule fits', () => {
    for (const s of [
      'Dr. Ivarsson called the senior and stayed late.',
      // The name as the object of someone else's action.
      'A drug was drawn up by the nurse and then Dr. Ivarsson realized the label was wrong.',
      'Dr. Ivarsson examined him and the resident and Dr. Ivarsson reviewed the films.',
      // The clause of time belongs to the young man, not the candidate.
      'Dr. Ivarsson met a young man who left before Dr. Ivarsson finished the workup.',
      // An aside inside one clause.
      'Dr. Ivarsson told the senior, she was a resident, that Dr. Ivarsson was concerned.',
    ])
      expect(one(s)).toBe(s);
  });
});
