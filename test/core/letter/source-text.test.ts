import {
  agesAsAdjectives,
  cleanProse,
  dropEmoji,
  dropRepeatedSentences,
  eventsInThePast,
  joinLines,
  reportedInThePast,
  spellSmallCounts,
  unquoteName,
  unquoteWhole,
  wantThemTo,
} from '../../../src/core/letter/source-text';

describe('joinLines: a line break inside a sentence is a space', () => {
  it.each([
    [['I called the', 'nurse at midnight.'], 'I called the nurse at midnight.'],
    [['I called the charge', 'nurse and the resident.'], 'I called the charge nurse and the resident.'],
    [['I examined him,', 'Then I called Dr. Chen.'], 'I examined him, Then I called Dr. Chen.'],
    [['We reviewed the follow-', 'up plan.'], 'We reviewed the follow-up plan.'],
    [['I presented to', 'Dr. Chen every morning'], 'I presented to Dr. Chen every morning'],
  ])('%j', (lines, joined) => {
    expect(joinLines(lines)).toBe(joined);
    expect(joinLines(lines)).not.toMatch(/\b(the|to|charge)\. /);
  });

  it('ends a finished line that has no mark, before a new sentence', () => {
    expect(joinLines(['I admitted four patients', 'The next day I led rounds.'])).toBe(
      'I admitted four patients. The next day I led rounds.',
    );
    expect(joinLines(['Done.', '', 'Next.'])).toBe('Done. Next.');
  });
});

describe('dropRepeatedSentences', () => {
  it('keeps one copy of a sentence pasted several times, in place', () => {
    const s = 'I stayed late to finish the discharge summary.';
    expect(dropRepeatedSentences(`${s} ${s} ${s} ${s} ${s} ${s}`)).toBe(s);
    expect(dropRepeatedSentences(`I saw him. ${s} I saw him. Then he went home.`)).toBe(
      `I saw him. ${s} Then he went home.`,
    );
  });

  it('treats case, spacing and end punctuation as the same sentence', () => {
    expect(dropRepeatedSentences('I called the team. I called  THE team! It worked.')).toBe(
      'I called the team. It worked.',
    );
  });

  it('keeps sentences that only look alike', () => {
    const text = 'I saw five patients. I saw six patients.';
    expect(dropRepeatedSentences(text)).toBe(text);
  });
});

describe('wantThemTo', () => {
  it('reads a subject pronoun between a verb of wanting and a bare verb as "them to"', () => {
    expect(wantThemTo('I did not want they come and find nobody.')).toBe(
      'I did not want them to come and find nobody.',
    );
    expect(wantThemTo('I asked she wait for the resident.')).toBe('I asked her to wait for the resident.');
  });

  it('leaves sentences where the pronoun is a subject of its own clause', () => {
    expect(wantThemTo('I told they were ready.')).toBe('I told they were ready.');
    expect(wantThemTo('They wanted to go home.')).toBe('They wanted to go home.');
  });
});

describe('dropEmoji', () => {
  it.each([
    [
      'The midwives said I was the calmest student on the unit 🙂',
      'The midwives said I was the calmest student on the unit',
    ],
    ['I delivered 👶 six babies 👍🏽.', 'I delivered six babies.'],
    ['Great team ❤️ !', 'Great team!'],
    ['Family 👨‍👩‍👧 meeting.', 'Family meeting.'],
  ])('%s', (text, out) => {
    expect(dropEmoji(text)).toBe(out);
    expect(dropEmoji(text)).not.toMatch(/\p{Extended_Pictographic}/u);
  });

  it('keeps letters of any script, and symbols that are not emoji', () => {
    const text = 'Dr. Ñúñez-Øvergaard saw José – 50% better, 2 × a day.';
    expect(dropEmoji(text)).toBe(text);
  });
});

describe('unquoteName', () => {
  it('strips the quotation marks around the rotation name, in any style', () => {
    for (const q of ['"Night Float"', '“Night Float”', '‘Night Float’', "'night float'"]) {
      expect(unquoteName(`During my ${q} rotation I admitted patients.`, 'Night Float')).toBe(
        `During my ${q.slice(1, -1)} rotation I admitted patients.`,
      );
    }
  });

  it('keeps quotations that are not the name', () => {
    const text = 'He told me “you saved my father.” It was the "Night Float" rotation.';
    expect(unquoteName(text, 'Night Float')).toBe(
      'He told me “you saved my father.” It was the Night Float rotation.',
    );
    expect(unquoteWhole('“Night Float”')).toBe('Night Float');
    expect(unquoteWhole('Night "Float"')).toBe('Night "Float"');
  });
});

describe('spellSmallCounts: counts in prose, never values', () => {
  it.each([
    ['I saw 5 patients a day.', 'I saw five patients a day.'],
    ['I led 3 family meetings and 2 codes.', 'I led three family meetings and two codes.'],
    ['It took 3-4 hours.', 'It took three to four hours.'],
    ['She had 2 to 3 visits.', 'She had two to three visits.'],
    ['I gave 1 talk.', 'I gave one talk.'],
    ['(9 repairs)', '(nine repairs)'],
    // A count that opens a sentence opens it with a capital.
    [
      'It was 86/50. 2 large bore IV lines were placed.',
      'It was 86/50. Two large bore IV lines were placed.',
    ],
  ])('%s', (text, out) => expect(spellSmallCounts(text)).toBe(out));

  it.each([
    'Her lactate was 1.4 and then 4 mmol/L.',
    'We gave 2 units of insulin and 5 mg of morphine.',
    'Pain went from 7 of 10 to 3 out of 10.',
    'A 5 year old boy and a 3-year-old girl.',
    'A 7 months old infant.',
    'Stage 3 cancer, GCS 8 on day 2, in bed 5.',
    'On March 5 I started; at 7:30 am rounds and 5 pm sign-out.',
    'I saw 15 patients and 24 consults.',
    'He needed 2 L of fluid and 3 puffs.',
    'She was 5% dehydrated, BP 90/60, HR 110, x3 doses.',
    'V1 to V3 were elevated; 3 PM.',
  ])('keeps the digits in %s', (text) => expect(spellSmallCounts(text)).toBe(text));
});

describe('cleanProse', () => {
  it('joins, de-duplicates, drops emoji, unquotes and spells counts in one pass', () => {
    const lines = [
      'On my "Night Float" rotation I admitted 4 patients a night 😀 and called the',
      'nurse for every one.',
      'On my "Night Float" rotation I admitted 4 patients a night 😀 and called the nurse for every one.',
    ];
    expect(cleanProse(lines, 'Night Float')).toBe(
      'On my Night Float rotation I admitted four patients a night and called the nurse for every one.',
    );
  });
});

describe('eventsInThePast', () => {
  it('tells one event of the rotation in the simple past', () => {
    expect(eventsInThePast('I have done NIHSS together with resident, score was 14.')).toBe(
      'I did NIHSS together with resident, score was 14.',
    );
    expect(eventsInThePast('I’ve examined him again and the pain was better.')).toBe(
      'I examined him again and the pain was better.',
    );
  });

  it('keeps a present perfect of experience or of a span of time', () => {
    for (const s of [
      'I have never seen a case like this, and it was hard.',
      'I have kept these lessons with me since then, and it was worth it.',
      'I have done many lumbar punctures, and each was different.',
      // Nothing else in the sentence is past: the present perfect may be what the candidate meant.
      'I have done my best on every shift.',
    ])
      expect(eventsInThePast(s)).toBe(s);
  });
});

describe('reportedInThePast', () => {
  it('shifts the candidate’s reported words into the past', () => {
    expect(
      reportedInThePast('When I did not know the answer I said I do not know and I will look for it.'),
    ).toBe('When I did not know the answer I said I did not know and I would look for it.');
    expect(reportedInThePast('I told the mother that I can call her tomorrow.')).toBe(
      'I told the mother that I could call her tomorrow.',
    );
  });

  it('keeps quotations and other people’s words as they are', () => {
    for (const s of [
      'I said "I will look for it".',
      'The resident said the patient will need a CT.',
      'I said that she can go home.',
    ])
      expect(reportedInThePast(s)).toBe(s);
  });
});

describe('agesAsAdjectives', () => {
  it.each([
    ['We admitted a 58 years old woman with pneumonia.', 'We admitted a 58-year-old woman with pneumonia.'],
    ['I saw a 59 year old male with chest pain.', 'I saw a 59-year-old man with chest pain.'],
    ['A woman of 45 years came for a cough.', 'A 45-year-old woman came for a cough.'],
    ['a man of 80 years', 'an 80-year-old man'],
  ])('%s', (s, out) => expect(agesAsAdjectives(s)).toBe(out));

  it('leaves what is not an age before a person', () => {
    for (const s of [
      'She had been sick for 3 years.',
      'The 58-year-old woman improved.',
      'He was 40 years old.',
    ])
      expect(agesAsAdjectives(s)).toBe(s);
  });
});
