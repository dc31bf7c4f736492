import {
  withoutOwnQuotation,
  withRecommenderContinued,
  withRecommenderFromBefore,
} from '../../../src/core/letter/recommender-pronoun';

// The pattern the point-of-view conversion builds for "Katherine Albright".
const ALBRIGHT =
  /(?<![\p{L}])(?:(?:Dr\.?|Doctor|Professor|Prof\.)\s+(?:Katherine\s+Albright|Albright)|Katherine\s+Albright|Katherine)(?![\p{L}])/gu;
const go = (s: string) => withRecommenderContinued(s, ALBRIGHT, 'Dr. Albright');

describe('withRecommenderContinued', () => {
  it.each([
    [
      'I called Dr. Albright, and she agreed it was compartment syndrome.',
      'I called Dr. Albright, and Dr. Albright agreed it was compartment syndrome.',
    ],
    [
      'Later I asked Dr. Albright why, and she explained the risk.',
      'Later I asked Dr. Albright why, and Dr. Albright explained the risk.',
    ],
    [
      'Dr. Albright reviewed the films and agreed, so he booked the OR.',
      'Dr. Albright reviewed the films and agreed, so Dr. Albright booked the OR.',
    ],
  ])('names the recommender’s own "she"/"he": %s', (s, out) => expect(go(s)).toBe(out));

  it.each([
    // Someone else could be the "she".
    'I presented her to Dr. Albright, and she was referred for TAVR.',
    'I presented to Dr. Albright, we stopped the ibuprofen, and he had an endoscopy.',
    'I raised it with Dr. Albright, the drug was stopped, and he was started on steroids.',
    'Dr. Albright and the resident met the family, and she explained the plan.',
    // Naming would have the physician quote themselves.
    'Dr. Albright said she would be happy to have me as a resident.',
    // Not narrated in the past.
    'I called Dr. Albright, and she agrees.',
    // No recommender in the sentence.
    'I called the resident, and she agreed.',
  ])('leaves %j', (s) => expect(go(s)).toBe(s));
});

describe('withRecommenderFromBefore: the recommender’s pronoun carried from the sentence before', () => {
  const told = 'Dr. Albright told me that my presentations needed a clearer assessment.';
  const from = (s: string, previous = told) =>
    withRecommenderFromBefore(s, previous, ALBRIGHT, 'Dr. Albright');

  it('names the recommender the sentence before opened on', () => {
    expect(from('I started ending with a plan by problem, and she said it was much better.')).toBe(
      'I started ending with a plan by problem, and Dr. Albright said it was much better.',
    );
    expect(from('I added a social history, and after two weeks she said my notes were complete.')).toBe(
      'I added a social history, and after two weeks, Dr. Albright said my notes were complete.',
    );
    expect(from('I rewrote my notes, so then she let me present first.')).toBe(
      'I rewrote my notes, so then Dr. Albright let me present first.',
    );
  });

  it('takes the recommender after an opening phrase of the sentence before', () => {
    expect(
      from(
        'I practiced on the simulator, and in the next deliveries she said my technique was good.',
        'After my first delivery Dr. Albright told me my hand position was not protective enough.',
      ),
    ).toBe(
      'I practiced on the simulator, and in the next deliveries, Dr. Albright said my technique was good.',
    );
    const after = 'After the patient left, Dr. Albright told me my hand position was wrong.';
    expect(from('I practiced, and she said it was good.', after)).toBe(
      'I practiced, and she said it was good.',
    );
  });

  it('leaves the pronoun when anyone else could be it, or the sentence before is about someone else', () => {
    const same = (s: string, previous = told) => expect(from(s, previous)).toBe(s);
    same('I examined the patient, and she said it was much better.');
    same('I started a plan, and she said the resident liked it.');
    same('I started a plan, and she was discharged home.');
    same('I started a plan, and she said it was much better.', 'The resident told me to start a plan.');
    same('I started a plan, and she said it was better.', 'Dr. Albright told the patient about the plan.');
    same('She said it was much better.');
    // After a time phrase, only what the recommender said is taken.
    same('I practiced, and by the end of the rotation she let me splint on my own.');
  });
});

describe('withoutOwnQuotation: the recommender’s praise as the physician’s own statement', () => {
  const own = (s: string) => withoutOwnQuotation(s, ALBRIGHT, 'Dr. Albright');
  it.each([
    [
      'Dr. Albright said I was one of the most caring students she had worked with.',
      'I was one of the most caring students Dr. Albright had worked with.',
    ],
    [
      'Dr. Albright said I was the student she would trust with her own patients.',
      'I was the student Dr. Albright would trust with Dr. Albright’s own patients.',
    ],
    [
      'Dr. Albright told me that my notes were the clearest on the team.',
      'My notes were the clearest on the team.',
    ],
    // Feedback on a fault stays what the physician told the candidate.
    [
      'Dr. Albright told me that my notes were missing the social history.',
      'Dr. Albright told me that my notes were missing the social history.',
    ],
    ['Dr. Albright said my presentations were too slow.', 'Dr. Albright found my presentations too slow.'],
  ])('%s', (s, out) => expect(own(s)).toBe(out));

  it('makes the recommender’s judgment anywhere in a sentence what they found, not what they said', () => {
    expect(own('I read ECGs every evening, and at the end Dr. Albright said my reads were accurate.')).toBe(
      'I read ECGs every evening, and at the end Dr. Albright found my reads accurate.',
    );
    expect(own('I started from a blank assessment, and Dr. Albright said my notes became more useful.')).toBe(
      'I started from a blank assessment, and Dr. Albright found my notes more useful.',
    );
  });

  it('makes the recommender’s judgment of what “they” were what they found', () => {
    expect(own('I asked for feedback on my presentations, and Dr. Albright said they were too long.')).toBe(
      'I asked for feedback on my presentations, and Dr. Albright found them too long.',
    );
    expect(own('Dr. Albright said it was not complete.')).toBe('Dr. Albright found it not complete.');
    // Not a judgment: what they did, or a quotation.
    expect(own('Dr. Albright said they were coming back.')).toBe('Dr. Albright said they were coming back.');
    expect(own('Dr. Albright said “they were too long”.')).toBe('Dr. Albright said “they were too long”.');
  });

  it('makes the recommender’s advice the physician telling the candidate, not quoting themselves', () => {
    expect(own('Dr. Albright said in midpoint evaluation I need more focused exam for stroke.')).toBe(
      'In midpoint evaluation, Dr. Albright told me I needed more focused exam for stroke.',
    );
  });

  it.each([
    // Not about the candidate.
    'Dr. Albright said that his heart failure was end stage.',
    // Not praise of what the candidate was.
    'Dr. Albright said I should present faster.',
    // A "her" that may be the patient's.
    'Dr. Albright said I handled her well.',
    // A quotation keeps its words.
    'Dr. Albright said I was "a natural".',
    'The resident said I was ready.',
  ])('leaves %j', (s) => expect(own(s)).toBe(s));
});
