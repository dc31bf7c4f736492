import {
  gerundOfPast,
  inPastNarration,
  narratesInPresent,
  pastOf,
  toPastNarration,
} from '../../../src/core/letter/past-tense';

describe('pastOf', () => {
  it.each([
    ['check', 'checked'],
    ['explain', 'explained'],
    ['stop', 'stopped'],
    ['hug', 'hugged'],
    ['try', 'tried'],
    ['stay', 'stayed'],
    ['diagnose', 'diagnosed'],
    ['see', 'saw'],
    ['teach', 'taught'],
    ['read', 'read'],
  ])('%s → %s', (base, past) => expect(pastOf(base)).toBe(past));
});

describe('narratesInPresent', () => {
  it('sees a story told in the present, and not one told in the past', () => {
    expect(narratesInPresent('I check him and I notice he is breathing fast, so I call the resident.')).toBe(
      true,
    );
    expect(narratesInPresent('Dr. Whitlock asks me to lead, and now I write the plan first.')).toBe(true);
    expect(narratesInPresent('I examined him. I called the resident, and I stay late most days.')).toBe(
      false,
    );
    expect(narratesInPresent('The team was busy.')).toBe(false);
  });
});

describe('toPastNarration', () => {
  it.each([
    [
      'I check him and I notice he is breathing fast, so I call to resident immediately.',
      'I checked him and I noticed he was breathing fast, so I called to resident immediately.',
    ],
    [
      'I stay at the bedside and check him every 30 minutes.',
      'I stayed at the bedside and checked him every 30 minutes.',
    ],
    // Non-native English often drops the -s after a person: the verb is still the story's.
    [
      'The resident tell me the plan, and the patient take 25 mg.',
      'The resident told me the plan, and the patient took 25 mg.',
    ],
    ['Dr. Hallworth ask me about it.', 'Dr. Hallworth asked me about it.'],
    [
      'The CT shows bilateral emboli and we start heparin.',
      'The CT showed bilateral emboli and we started heparin.',
    ],
    ['The baby is not eating since yesterday.', 'The baby was not eating since the day before.'],
    [
      'I have done the NIHSS and I do not know the score.',
      'I had done the NIHSS and I did not know the score.',
    ],
    ['She hugs me when they go home.', 'She hugged me when they went home.'],
    ['My notes are long, and I always finish late.', 'My notes were long, and I always finished late.'],
  ])('%s', (present, past) => expect(toPastNarration(present)).toBe(past));

  it('leaves quotations, a general truth in its own clause, and nouns that look like verbs', () => {
    expect(toPastNarration('I start asking "what do you want to talk about today".')).toBe(
      'I started asking "what do you want to talk about today".',
    );
    expect(toPastNarration('I explain how a PE causes right heart strain.')).toBe(
      'I explained how a PE causes right heart strain.',
    );
    expect(toPastNarration('I explain the diagnosis and plan to the lab results.')).toBe(
      'I explained the diagnosis and plan to the lab results.',
    );
  });
});

describe('gerundOfPast', () => {
  it.each([
    ['left', 'leaving'],
    ['examined', 'examining'],
    ['stopped', 'stopping'],
    ['told', 'telling'],
    ['reviewed', 'reviewing'],
    ['held', 'holding'],
    ['forgot', 'forgetting'],
    ['admitted', 'admitting'],
    ['ran', 'running'],
  ])('%s → %s', (past, gerund) => expect(gerundOfPast(past)).toBe(gerund));

  it.each(['had', 'did', 'was', 'frobbed'])('knows no gerund for %s', (past) =>
    expect(gerundOfPast(past)).toBeUndefined(),
  );
});

describe('inPastNarration', () => {
  it('tells a story narrated in the present in the past, as a whole', () => {
    expect(inPastNarration('I examine her. I call the resident.')).toBe(
      'I examined her. I called the resident.',
    );
  });

  it('tells each present-tense sentence of a mixed answer in the past, and leaves the past ones', () => {
    expect(
      inPastNarration(
        'Her daughter was worried. I examine her and I notice the oxygen is 86%, so I called the resident. The daughter thanked me.',
      ),
    ).toBe(
      'Her daughter was worried. I examined her and I noticed the oxygen was 86%, so I called the resident. The daughter thanked me.',
    );
  });

  it('tells a slip into the present in a past story in the past, but not a general statement', () => {
    expect(inPastNarration('I admitted him. I sat with them and we talk about the options.')).toBe(
      'I admitted him. I sat with them and we talked about the options.',
    );
    const general = 'I admitted him. I explained how we monitor lithium levels now.';
    expect(inPastNarration(general)).toBe(general);
  });

  it('leaves a sentence about the answer in the present when the story is told in the present', () => {
    expect(inPastNarration('I know this answer is very long. I examine her. I call the resident.')).toBe(
      'I know this answer is very long. I examined her. I called the resident.',
    );
  });

  it('leaves the sentences the letter moves to a comment in the candidate’s own tense', () => {
    const text =
      'The patient I want to write about is my first admission. I admitted a woman with pneumonia, and I called the resident. This is the reason I want to train in family medicine.';
    expect(inPastNarration(text)).toBe(text);
  });
});
