import { condense } from '../../../src/core/letter/condense';

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const filler = (n: number) => `The ward was quiet and the team went on with the day${' as usual'.repeat(n)}.`;

// An invented story of six paragraphs, each an event, with words that carry nothing between them.
const story = [
  'The patient was a 58-year-old man with chest pain who came in at 6:10.',
  `${filler(3)} I took the history and found that he had stopped his aspirin 3 weeks before.`,
  `${filler(4)} I read the ECG with the resident and saw ST elevation in V2 to V4.`,
  `${filler(5)} I called the cath lab and the troponin came back at 4.2.`,
  `${filler(2)} I learned that a calm voice helps a frightened family.`,
  `Two days later he walked out of the hospital on 4 new medicines. ${filler(3)}`,
  'This case taught me more than any lecture, and it is the reason I want to train in cardiology.',
];

describe('condense', () => {
  it('leaves an answer within the budget as it is', () => {
    const short = ['I examined her.', 'I called the resident, and we gave fluids.'];
    expect(condense(short)).toEqual({ kept: short.join(' '), cut: '' });
  });

  it('keeps the opening, the outcome and each event’s action within the budget, in order', () => {
    const { kept, cut } = condense(story, 70);
    expect(words(kept)).toBeLessThanOrEqual(70);
    expect(kept.startsWith('The patient was a 58-year-old man')).toBe(true);
    expect(kept).toContain('walked out of the hospital on 4 new medicines');
    for (const action of ['stopped his aspirin', 'ST elevation', 'troponin came back'])
      expect(kept).toContain(action);
    // Lessons and motives take no room: the letter leaves them out anyway.
    expect(kept).not.toContain('I learned');
    expect(kept).not.toContain('the reason I want');
    expect(cut).toContain('the reason I want');
    // Nothing is lost or reordered: kept and cut together are every sentence, each in story order.
    const all = story.join(' ').split(/(?<=\.)\s+/);
    const order = (text: string) => all.filter((s) => text.includes(s));
    expect(order(kept).length + order(cut).length).toBe(all.length);
    expect(kept).toBe(order(kept).join(' '));
    expect(cut).toBe(order(cut).join(' '));
  });

  it('spreads what it keeps over a story typed as one paragraph', () => {
    const { kept } = condense([story.join(' ')], 60);
    expect(kept).toContain('58-year-old man');
    expect(kept).toContain('4 new medicines');
  });

  it('keeps a sentence about the answer at no cost, for the composer to move to a comment', () => {
    const { kept } = condense([`I want to describe one patient. ${story.join(' ')}`], 40);
    expect(kept.startsWith('I want to describe one patient. The patient was')).toBe(true);
  });

  it('keeps a marked run of notes whole or cuts it whole', () => {
    const notes = '⟦Saw 5 pts. Did 2 LPs.⟧';
    const { kept, cut } = condense([story.join(' '), notes], 40);
    const where = kept.includes('⟦') ? kept : cut;
    expect(where).toContain(notes);
  });
  it('takes the candidate’s own actions over what others did or showed', () => {
    const paragraphs = [
      'The patient was a 67-year-old man with a cough who came in on a Monday.',
      `${filler(6)} His CT showed a 3 cm mass in the RUL and the PET was positive. I called the resident and presented the biopsy plan to the tumor board.`,
      `${filler(6)} The oncology team met on Thursday. I explained the biopsy to his daughter with the interpreter.`,
      'He started chemotherapy two weeks later.',
    ];
    const { kept } = condense(paragraphs, 45);
    expect(kept).toContain('I called the resident and presented the biopsy plan');
    expect(kept).toContain('I explained the biopsy to his daughter');
    expect(kept).not.toContain('The oncology team met');
  });

  it('keeps a sentence about someone only with the sentence that introduced them', () => {
    const paragraphs = [
      'We admitted a 7-year-old boy with new diabetes in DKA.',
      `His mother came with him and did not speak much. ${filler(8)}`,
      `${filler(8)} I told her that type 1 diabetes in a child can be managed at school with a plan.`,
      'He went home on day 3 with a glucose sensor.',
    ];
    const { kept } = condense(paragraphs, 60);
    expect(kept).toContain('I told her that type 1 diabetes');
    expect(kept).toContain('His mother came with him');
  });

  it('leaves out the numbered lessons after a sentence that says what the case taught', () => {
    const paragraphs = [
      'The patient was a 71-year-old woman with a small bowel obstruction on apixaban.',
      `${filler(5)} I presented her on rounds with the lactate of 1.4 and the CT.`,
      'This case taught me several things. First, serial exams and clear notes make mornings safer. Second, the nonoperative pathway has an endpoint of 48 hours.',
      'She went home on day 6 and restarted apixaban on day 8.',
    ];
    const { kept, cut } = condense(paragraphs, 50);
    expect(kept).not.toContain('First, serial exams');
    expect(kept).not.toContain('Second, the nonoperative pathway');
    expect(cut).toContain('Second, the nonoperative pathway');
    expect(kept).toContain('I presented her on rounds');
  });

  it('counts a sentence by the words the letter keeps of it, without the candidate’s reasons', () => {
    const reason =
      'I checked the glucose myself because I had learned that low sugar can look like a stroke in older people who take insulin at night, and it was 134.';
    const paragraphs = [
      'The patient was a 61-year-old man with aphasia who came in at 7:40.',
      `${filler(8)} ${reason}`,
      `${filler(8)} He got tenecteplase at 9:05 and improved.`,
    ];
    // 13 + 10 words once the reason goes (inner-states.ts): within a budget the whole sentence (31) is not.
    expect(condense(paragraphs, 32).kept).toContain(reason);
  });
});
