import {
  introducedPerson,
  isAboutTheAnswer,
  withoutAnswerFrame,
} from '../../../src/core/letter/about-the-answer';

describe('isAboutTheAnswer', () => {
  it.each([
    'I want to describe one patient in detail because she shaped how I think.',
    'In this answer I will talk about feedback.',
    'For this question I will describe a case from my second week.',
    'Sorry this is a bit long.',
    'This is the story I think about most from my rotation, so sorry that it is long.',
    'I know this answer is very long, but I could not tell it in fewer words.',
    '“I would like to share a case from my second week.”',
    'I hope this answers the question.',
    'Finally, I want to mention the nurses of labor and delivery.',
    'I also want to say something about Dr. Fairbanks.',
  ])('finds “%s”', (s) => {
    expect(isAboutTheAnswer(s)).toBe(true);
  });

  it.each([
    'I wanted to explain the procedure to her.',
    'In this case I started antibiotics early.',
    'I said sorry to the family for the wait and explained the delay.',
    'This is the story of Mrs. Adjei, whom I followed for a month.',
    'I hope this helped the family.',
  ])('leaves the narrative “%s”', (s) => {
    expect(isAboutTheAnswer(s)).toBe(false);
  });
});

describe('withoutAnswerFrame', () => {
  it('takes the frame off and narrates in the past', () => {
    expect(withoutAnswerFrame('The patient I want to write about is a 61-year-old man.')).toBe(
      'The patient was a 61-year-old man.',
    );
    expect(withoutAnswerFrame('The case I chose to talk about was a child with asthma.')).toBe(
      'The patient was a child with asthma.',
    );
    expect(withoutAnswerFrame('The patient I admitted was septic.')).toBeNull();
  });
});

describe('introducedPerson', () => {
  it('names the person the left-out sentence introduced', () => {
    expect(introducedPerson('I want to describe one patient in detail.')).toBe('the patient');
    expect(introducedPerson('I would like to share a case from my second week.')).toBe('the patient');
    expect(introducedPerson('I want to describe a little girl with asthma.')).toBe('the girl');
    expect(introducedPerson('I want to describe a family I will never forget.')).toBe('the family');
    expect(introducedPerson('Sorry this is long.')).toBeUndefined();
  });
});
