import { BASE_LETTER, codes, edited, inserted, run } from './helpers';

describe('VIEWPOINT', () => {
  it.each([
    ['She has always loved caring for older adults.', 'She has always loved'],
    ['She knew it was the right thing to do.', 'She knew it was the right thing'],
    ['This patient is the reason she wants to train in internal medicine.', 'is the reason she wants'],
    ['The case inspired her to pursue internal medicine.', 'inspired her to pursue'],
    ['In this example I want to show her leadership.', 'In this example'],
    ['She felt proud when the patient went home.', 'She felt proud'],
  ])('finds "%s"', (sentence, excerpt) => {
    expect(codes(run(inserted(sentence)), 'VIEWPOINT')).toEqual([excerpt]);
  });
  it('accepts what the writer reports with its source, and the writer’s own view', () => {
    const text = inserted(
      'She told me she has always loved caring for older adults. I knew it was the right decision to give her the sickest patients.',
    );
    expect(codes(run(text), 'VIEWPOINT')).toEqual([]);
    expect(codes(run(BASE_LETTER), 'VIEWPOINT')).toEqual([]);
  });
});

describe('NONSTANDARD_GRAMMAR', () => {
  it.each([
    ['On her first day 12 patients was seen by the team.', '12 patients was'],
    ['She admitted a 70 years old woman with pneumonia.', 'a 70 years old'],
    ['The resident and me asked the family to wait.', 'me asked'],
    ['She explained him what means the diagnosis.', 'explained him what'],
    ['She discussed about the plan with the nurse.', 'discussed about'],
    ['She had worked in the clinic since two years.', 'since two years'],
    ['She gave the family all the informations.', 'informations'],
    ['Every morning she admitted patient with chest pain.', 'admitted patient with'],
    ['After the family meeting they was grateful.', 'they was'],
  ])('finds "%s"', (sentence, excerpt) => {
    expect(codes(run(inserted(sentence)), 'NONSTANDARD_GRAMMAR')).toEqual([excerpt]);
  });
  it('leaves the standard constructions that look like them alone', () => {
    const text = inserted(
      [
        'Seeing 12 patients was routine for her, and one of 12 patients was readmitted.',
        'Four weeks was enough for her to learn the service.',
        'She reviewed the results and explained them to the family.',
        'She explained her plan to the nurses, and her admitted patients were always seen first.',
        'I asked that she have her notes done by noon, and did she have time? She did.',
        'The admitted patient with sepsis improved, and a 70-year-old woman went home.',
        'She asked what it means to the family and by what means the plan could work.',
      ].join(' '),
    );
    expect(codes(run(text), 'NONSTANDARD_GRAMMAR')).toEqual([]);
  });
});

describe('ARTICLE', () => {
  it('takes "a urinary" and "a uterine" for the consonant sound they start with', () => {
    const text = edited(
      'Dr. Delgado stayed after her shift',
      'She treated a urinary infection and a uterine bleed. Dr. Delgado stayed after her shift',
    );
    expect(codes(run(text), 'ARTICLE')).toEqual([]);
  });
});

describe('NAME_REPEATED', () => {
  it('finds the candidate named twice in one sentence', () => {
    const text = inserted('Dr. Delgado called the family because Dr. Delgado had promised to.');
    expect(codes(run(text), 'NAME_REPEATED')).toEqual(['Dr. Delgado']);
    const full = inserted('Rosa Delgado told me that Rosa Delgado would stay.');
    expect(codes(run(full), 'NAME_REPEATED')).toEqual(['Rosa Delgado']);
  });
  it('finds a letter whose sentences mostly open with the name', () => {
    const verbs = ['admitted', 'examined', 'called', 'taught', 'presented', 'reviewed', 'followed'];
    const many = Array.from(
      { length: 28 },
      (_, i) => `Dr. Delgado ${verbs[i % verbs.length]} patient number ${i + 1} on the ward that week.`,
    );
    const text = inserted(many.join(' '));
    expect(codes(run(text), 'NAME_REPEATED')).toHaveLength(1);
  });
  it('leaves the clean letter, where a name and a pronoun alternate, alone', () => {
    expect(codes(run(BASE_LETTER), 'NAME_REPEATED')).toEqual([]);
  });
});

describe('SECTION_BALANCE', () => {
  const long = Array.from(
    { length: 14 },
    (_, i) =>
      `On day ${i + 1} she examined the patient again, reviewed the cultures and adjusted the antibiotics with the resident.`,
  ).join(' ');
  it('finds a section several times longer than the others', () => {
    const text = edited('Patient Care. Dr. Delgado followed', `Patient Care. ${long} Dr. Delgado followed`);
    expect(codes(run(text), 'SECTION_BALANCE')).toEqual(['Patient Care']);
  });
  it('finds a section under a sentence', () => {
    const text = BASE_LETTER.replace(/Professionalism\. [^\n]*/, 'Professionalism. Reliable, on time');
    expect(codes(run(text), 'SECTION_BALANCE')).toEqual(['Professionalism']);
  });
  it('leaves the clean letter’s sections alone', () => {
    expect(codes(run(BASE_LETTER), 'SECTION_BALANCE')).toEqual([]);
  });
});
