import { asObserved, withoutInnerState } from '../../../src/core/letter/inner-states';

describe('withoutInnerState', () => {
  it.each([
    'I have always loved psychopharmacology.',
    'I was nervous to speak as a student, but I knew it was the right thing to do.',
    'I feel so proud when he thanks me.',
    'This is the reason I want to train in a county program.',
  ])('leaves out the whole of “%s”', (s) => {
    expect(withoutInnerState(s)).toEqual({ kept: '', leftOut: s });
  });

  it('takes an opening liking off the sentence it introduces', () => {
    expect(
      withoutInnerState("I've always liked physiology, so when a toddler came in I worked out the cause."),
    ).toEqual({
      kept: 'When a toddler came in I worked out the cause.',
      leftOut: "I've always liked physiology.",
    });
  });

  it('takes an opening feeling, or knowing it was right, off the action it led to', () => {
    expect(withoutInnerState('I felt frustrated, so I asked the senior resident for tips.')).toEqual({
      kept: 'I asked the senior resident for tips.',
      leftOut: 'I felt frustrated.',
    });
    expect(
      withoutInnerState('I knew it was the right thing to do when I told the attending that I forgot.'),
    ).toEqual({
      kept: 'I told the attending that I forgot.',
      leftOut: 'I knew it was the right thing to do.',
    });
    expect(withoutInnerState('This was the reason I wanted to train in a county program.')).toEqual({
      kept: '',
      leftOut: 'This was the reason I wanted to train in a county program.',
    });
  });

  it('takes off what the candidate had read or learned beforehand, keeping what they did and found', () => {
    expect(
      withoutInnerState(
        'I checked his glucose myself because I had learned that low sugar can look like a stroke, and it was 134.',
      ),
    ).toEqual({
      kept: 'I checked his glucose myself, and it was 134.',
      leftOut: 'because I had learned that low sugar can look like a stroke',
    });
    expect(withoutInnerState('I repeated the lactate because I had read that it lags behind.')).toEqual({
      kept: 'I repeated the lactate.',
      leftOut: 'because I had read that it lags behind',
    });
    expect(
      withoutInnerState(
        'I had read about the trials of imaging mismatch, and when the images came back I saw a bright area.',
      ),
    ).toEqual({
      kept: 'When the images came back I saw a bright area.',
      leftOut: 'I had read about the trials of imaging mismatch.',
    });
    // A reason that is a finding, not the candidate's reading, stays.
    expect(
      withoutInnerState('I held the heparin because his platelets had dropped, and I called the resident.'),
    ).toBeNull();
  });

  it('takes a closing feeling or motive off', () => {
    expect(withoutInnerState('I filed a safety report, even though I was nervous about it.')).toEqual({
      kept: 'I filed a safety report.',
      leftOut: 'even though I was nervous about it',
    });
    expect(
      withoutInnerState('I called the pharmacies, and this is the reason I want to train in psychiatry.'),
    ).toEqual({
      kept: 'I called the pharmacies.',
      leftOut: 'and this is the reason I want to train in psychiatry',
    });
    expect(
      withoutInnerState('She asked me how the baby was doing and I wanted to give her real answers.'),
    ).toEqual({
      kept: 'She asked me how the baby was doing.',
      leftOut: 'and I wanted to give her real answers',
    });
    // Wanting as the action itself, not a clause after it, stays.
    expect(withoutInnerState('I wanted to call the family first.')).toBeNull();
  });

  it('keeps a clinical worry that carries the reasoning, and sentences about others', () => {
    expect(withoutInnerState('I was worried about bleeding, so I checked his exam again.')).toBeNull();
    // Nervousness is the candidate's mind, not the case's reasoning: the asking stays, the feeling goes.
    expect(withoutInnerState('I was nervous, so I asked my senior to watch.')).toEqual({
      kept: 'I asked my senior to watch.',
      leftOut: 'I was nervous.',
    });
    expect(withoutInnerState('The mother was nervous before the procedure.')).toBeNull();
    expect(withoutInnerState('I felt it was important to be honest.')).toBeNull();
  });
});

describe('asObserved: an inner state in words a physician can vouch for', () => {
  it.each([
    [
      'I told my senior that I was worried about septic arthritis.',
      'I told my senior that I was concerned about septic arthritis.',
    ],
    [
      'I was worried that the INR was rising, so I called.',
      'I was concerned that the INR was rising, so I called.',
    ],
    [
      'When a patient disclosed abuse to me, I felt it was important to be honest that I could not keep it secret.',
      'When a patient disclosed abuse to me, I made sure to be honest that I could not keep it secret.',
    ],
    ['I thought that it was right to call the family first.', 'I made sure to call the family first.'],
  ])('%s', (s, out) => expect(asObserved(s)).toBe(out));

  it('leaves other people’s worries and other feelings alone', () => {
    for (const s of [
      'The mother was worried about antibiotics.',
      'I felt it was a privilege to care for her.',
      'She thought it was important to wait.',
    ])
      expect(asObserved(s)).toBe(s);
  });
});
