import { BASE_LETTER, codes, edited, inserted, run } from './helpers';

describe('NOT_PROSE', () => {
  it('finds a run of bullet lines in the body as one finding', () => {
    const text = edited(
      'Systems-Based Practice. Noticing',
      'Her strengths:\n- admitted four patients a day\n- led the family meeting\n• gave a talk on AKI staging\n\nSystems-Based Practice. Noticing',
    );
    expect(codes(run(text), 'NOT_PROSE')).toEqual([
      '- admitted four patients a day\n- led the family meeting\n• gave a talk on AKI staging',
    ]);
  });
  it('finds numbered items and a paragraph that does not end as a sentence', () => {
    const text = edited(
      'Systems-Based Practice. Noticing',
      '1. Sepsis bundle started early for the patient with cellulitis\n\nCalm in a crisis and always the first to call for help when needed\n\nSystems-Based Practice. Noticing',
    );
    expect(codes(run(text), 'NOT_PROSE')).toEqual([
      '1. Sepsis bundle started early for the patient with cellulitis',
      'Calm in a crisis and always the first to call for help when needed',
    ]);
  });
  it.each([
    ['She saw the pt on day two.', 'pt'],
    ['She admitted a woman w/ chest pain.', 'w/'],
    ['She arranged the f/u visit.', 'f/u'],
    ['She saw a patient s/p CABG.', 's/p'],
    ['She managed a 72M with sepsis.', '72M'],
    ['Fluids -> pressures recovered.', '->'],
  ])('finds chart shorthand in "%s"', (sentence, excerpt) => {
    expect(codes(run(inserted(sentence)), 'NOT_PROSE')).toEqual([excerpt]);
  });
  it('leaves PT, I/O, a 7F sheath, headings and the letter’s frame alone', () => {
    const text = inserted(
      'She worked with PT on mobility, tracked I/O and placed a 7F sheath with her fellow.',
    );
    expect(codes(run(text), 'NOT_PROSE')).toEqual([]);
    expect(codes(run(BASE_LETTER), 'NOT_PROSE')).toEqual([]);
  });
});

describe('DUPLICATE_SENTENCE', () => {
  it('finds each repeat of a sentence, whatever its spacing or capitals', () => {
    const twice = 'She was never late, never defensive, and always honest about what she did not yet know.';
    const text = inserted(`${twice} ${twice.toUpperCase()} ${twice.replace(/ /g, '  ')}`);
    expect(codes(run(text), 'DUPLICATE_SENTENCE')).toHaveLength(3);
  });
  it('leaves short repeats and a signature that repeats the letterhead alone', () => {
    const text = inserted('She was calm. She was calm.');
    expect(codes(run(text), 'DUPLICATE_SENTENCE')).toEqual([]);
    expect(
      codes(
        run(
          `${BASE_LETTER}\nMichael Chen, MD · Clinical Associate Professor of Medicine · Harborview Community Hospital`,
        ),
        'DUPLICATE_SENTENCE',
      ),
    ).toEqual([]);
  });
});

describe('ODD_CHARACTERS', () => {
  it.each([
    ['She was a star 🌟 on the wards.', '🌟'],
    ['She thanked the nurses\u0007 every day.', '\u0007'],
    ['Her patientâ€™s daughter thanked her.', 'â€™'],
    ['=PROPER(B2) presented every morning.', '=PROPER(B2)'],
    ['The note was signed by @rosa.delgado on day two.', '@rosa.delgado'],
    ['She scored #N/A on the shelf.', '#N/A'],
  ])('finds the odd text in "%s"', (sentence, excerpt) => {
    expect(codes(run(inserted(sentence)), 'ODD_CHARACTERS')).toEqual([excerpt]);
  });
  it('leaves emails, phone numbers, ©, ® and plain symbols alone', () => {
    const text = inserted(
      'She used Epic® and UpToDate© daily, e-mailed rosa@example.com, and called +1 (206) 555-0188 | ext 2.',
    );
    expect(codes(run(text), 'ODD_CHARACTERS')).toEqual([]);
  });
});
