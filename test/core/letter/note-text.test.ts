import {
  answerPieces,
  clauseBullet,
  expandAbbreviations,
  finishBullet,
  hasUnclearNotation,
  withNoteArticles,
} from '../../../src/core/letter/note-text';

describe('expandAbbreviations: the ones with one meaning', () => {
  it.each([
    ['64F w/ COPD exac', 'a 64-year-old woman with COPD exacerbation'],
    ['I admitted a 72M s/p CABG', 'I admitted a 72-year-old man after CABG'],
    ['an 80 yo F with h/o falls', 'an 80-year-old woman with a history of falls'],
    ['the 58 y/o male w/o insurance', 'the 58-year-old man without insurance'],
    ['81F', 'an 81-year-old woman'],
    ['saw 5 pts/day', 'saw 5 patients a day'],
    ['Pt had f/u in 2 weeks', 'Patient had follow-up in 2 weeks'],
    ['I f/u on her labs', 'I followed up on her labs'],
    ['d/c’d home on day 3', 'd/c’d home on day 3'],
    ["d/c'd home on day 3", 'discharged home on day 3'],
    ['wrote the d/c summary', 'wrote the discharge summary'],
    ['started abx & fluids', 'started antibiotics and fluids'],
    ['scrubbed w/ him 3x/wk', 'scrubbed with him three times a week'],
    ['called 2x/day', 'called twice a day'],
    ['noticed no glucometer at d/c', 'noticed no glucometer at discharge'],
    ['by wk 3, ran the family mtg', 'by week 3, ran the family meeting'],
    ['rechecked pain q30min', 'rechecked pain every 30 minutes'],
    ['neuro checks q1h, vitals q4h', 'neuro checks every hour, vitals every 4 hours'],
    ['pain meds per plan', 'pain medications per plan'],
    ['missed it on med rec', 'missed it on medication reconciliation'],
    ['knew JNC/ACC BP targets', 'knew JNC/ACC blood pressure targets'],
    ['45F h/o HTN, BP 172/104', 'a 45-year-old woman with a history of hypertension, blood pressure 172/104'],
    ['vaccine schedule for a family new to the US', 'vaccine schedule for a family new to the United States'],
    [
      'explained why viral URI does not need abx',
      'explained why viral upper respiratory infection does not need antibiotics',
    ],
    [
      'f/u call in 48h, BP recheck in 24 hrs',
      'follow-up call in 48 hours, blood pressure recheck in 24 hours',
    ],
    ['2yo w/ ear pain', 'a 2-year-old with ear pain'],
    [
      'ran family mtg for 80M w/ new dementia dx',
      'ran family meeting for an 80-year-old man with new dementia diagnosis',
    ],
    ["was dx with PE; dx'd DVT", 'was diagnosed with PE; diagnosed DVT'],
  ])('%s', (text, out) => expect(expandAbbreviations(text)).toBe(out));

  it('leaves what only looks like an age and sex, or is a child', () => {
    for (const text of [
      'PT and OT saw him',
      'a 3M tape',
      'room 12F',
      'a 9F catheter',
      'Vitamin B12 MF',
      'the US showed gallstones',
      'a bedside US of the RUQ',
      'dx: PE',
    ]) {
      expect(expandAbbreviations(text)).toBe(text);
    }
  });

  it('finds the notation no rule can read', () => {
    expect(hasUnclearNotation('d/c the heparin')).toBe(true);
    expect(hasUnclearNotation('dx: PE -> started heparin')).toBe(true);
    expect(hasUnclearNotation('I discharged him home')).toBe(false);
  });
});

describe('finishBullet', () => {
  it.each([
    ['saw five patients a day;', 'I saw five patients a day.'],
    ['Presented every morning', 'I presented every morning.'],
    ['led two family meetings.', 'I led two family meetings.'],
    ['I wrote the notes', 'I wrote the notes.'],
    ['always finished notes same day', 'I always finished notes same day.'],
    ['knew HEART score, PERC, Wells', 'I knew HEART score, PERC, Wells.'],
    [
      'sat down, apologized for the wait, rechecked pain',
      'I sat down, apologized for the wait, rechecked pain.',
    ],
    ['saw 5 patients a day, mostly elderly', 'I saw 5 patients a day, mostly elderly.'],
  ])('%s', (bullet, sentence) => expect(finishBullet(bullet)).toBe(sentence));

  it.each([
    // A list of actions with one that has no verb would read as a broken sentence.
    'I sat down, apologized for wait, pain meds per his care plan, rechecked pain',
    'a 64-year-old woman with COPD exacerbation',
    'Red bed',
    'great feedback',
    'always on time',
    '',
  ])('leaves %j as a note', (bullet) => expect(finishBullet(bullet)).toBeNull());
});

describe('clauseBullet: a bullet that is already a clause with its own subject', () => {
  it.each([
    ['Family chose comfort-focused care', 'The family chose comfort-focused care.'],
    [
      'Patient’s daughter wanted everything done; I explained options',
      'The patient’s daughter wanted everything done; I explained options.',
    ],
    [
      'Patients without insurance could not afford inhalers',
      'Patients without insurance could not afford inhalers.',
    ],
    ['2nd lactate time dropped over two weeks', '2nd lactate time dropped over two weeks.'],
  ])('%s', (bullet, sentence) => expect(clauseBullet(bullet)).toBe(sentence));

  it.each([
    'feedback: knot tying slow',
    'patients NPO too long before OR',
    'on time every day 5am',
    'list of OR times to nursing',
    'saw five patients',
  ])('leaves %j', (bullet) => expect(clauseBullet(bullet)).toBeNull());
});

describe('answerPieces', () => {
  it('finishes clause bullets and keeps noun phrases as notes, in order', () => {
    const pieces = answerPieces(
      '- saw 5 pts/day; - 64F w/ COPD exac\n- managed her BiPAP w/ RT\n- d/c the steroids',
    );
    expect(pieces).toEqual([
      { kind: 'prose', text: 'I saw five patients a day.' },
      { kind: 'note', text: 'a 64-year-old woman with COPD exacerbation', typed: '64F w/ COPD exac' },
      { kind: 'prose', text: 'I managed her BiPAP with RT.' },
      { kind: 'note', text: 'd/c the steroids', typed: 'd/c the steroids' },
    ]);
  });

  it('keeps prose as one piece, and a prose sentence with unclear notation as a note', () => {
    expect(answerPieces('I saw the pt at 2 am.\nI called\nthe resident.')).toEqual([
      { kind: 'prose', text: 'I saw the patient at 2 am. I called the resident.' },
    ]);
    expect(answerPieces('I admitted him. Dx was PE -> heparin. He went home.')).toEqual([
      { kind: 'prose', text: 'I admitted him.' },
      { kind: 'note', text: 'Dx was PE -> heparin.' },
      { kind: 'prose', text: 'He went home.' },
    ]);
  });

  it('numbered bullets and one bullet pasted twice', () => {
    expect(answerPieces('1. examined him\n2) Ordered a CT\n2) Ordered a CT')).toEqual([
      { kind: 'prose', text: 'I examined him. I ordered a CT.' },
    ]);
    expect(answerPieces('- BiPAP\n- BiPAP')).toEqual([{ kind: 'note', text: 'BiPAP', typed: 'BiPAP' }]);
  });

  it('loses no word of a note: every note is the bullet as typed, abbreviations expanded', () => {
    const pieces = answerPieces('* septic shock, pressors 😬\n* family mtg');
    expect(pieces.map((p) => p.text)).toEqual(['septic shock, pressors', 'family meeting']);
    // The letter shows a note as the candidate typed it (without emoji), for them to rewrite.
    expect(pieces.map((p) => p.typed)).toEqual(['septic shock, pressors', 'family mtg']);
    expect(pieces.every((p) => p.kind === 'note')).toBe(true);
  });

  it('returns nothing for an empty answer', () => {
    expect(answerPieces(undefined)).toEqual([]);
    expect(answerPieces('  \n \n')).toEqual([]);
  });
});

describe('withNoteArticles: the article a note leaves out', () => {
  it.each([
    [
      'explained to family why viral URI does not need abx',
      'explained to the family why viral URI does not need abx',
    ],
    ['told resident right away; culture neg', 'told the resident right away; culture neg'],
    [
      'ran family meeting with resident for an 80-year-old man',
      'ran a family meeting with the resident for an 80-year-old man',
    ],
    ['made checklist with pharmacy and nursing', 'made a checklist with pharmacy and nursing'],
    ['discussed watchful waiting with mother.', 'discussed watchful waiting with the mother.'],
  ])('%s', (text, out) => expect(withNoteArticles(text)).toBe(out));

  it('leaves a noun that modifies another, and one that has its article', () => {
    for (const text of [
      'I worked on patient safety with the resident',
      'I spoke with resident physicians',
      'I told the resident right away',
      'I made a checklist',
      'I wrote family meeting notes',
      'she made one list',
    ])
      expect(withNoteArticles(text)).toBe(text);
  });
});
