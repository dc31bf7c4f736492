import {
  OtherPeople,
  peopleIn,
  withFirstNamed,
  withOpeningNamed,
} from '../../../src/core/letter/other-person';

describe('peopleIn', () => {
  it('names a woman or a man as the patient, a relative by the relation, a titled person by name', () => {
    expect(peopleIn('I admitted a 71-year-old woman with pain.', 'she')).toEqual(['the patient']);
    expect(peopleIn('Her mother and Mrs. Adjei came.', 'she')).toEqual(['the mother', 'Mrs. Adjei']);
    expect(peopleIn('His brother had muscle pain.', 'he')).toEqual(['the brother']);
    expect(peopleIn('A woman came in.', 'he')).toEqual([]);
  });

  it('takes a patient the answer gives no gender for either one’s', () => {
    for (const set of ['she', 'he'] as const) {
      expect(peopleIn('I admitted a 4-month-old with fever.', set)).toEqual(['the patient']);
      expect(peopleIn('I calmed an anxious teenager before surgery.', set)).toEqual(['the patient']);
    }
    expect(peopleIn('I saw 12 patients a day for 4 weeks.', 'she')).toEqual([]);
  });
});

describe('OtherPeople.only', () => {
  const onlyAfter = (set: 'she' | 'he' | 'they', ...sentences: string[]) => {
    const people = new OtherPeople(set);
    for (const s of sentences) people.note(s);
    return people.only();
  };

  it('is the one person introduced, a name over "the patient" it describes', () => {
    expect(onlyAfter('she', 'I admitted a woman with pneumonia.')).toBe('the patient');
    expect(onlyAfter('she', 'I met Mrs. Adjei, a 34-year-old woman.')).toBe('Mrs. Adjei');
    expect(onlyAfter('they', 'I followed two patients with DKA.')).toBe('the patients');
  });

  it('is nobody when there are two people, or none', () => {
    expect(onlyAfter('he', 'I counseled a patient whose brother had muscle pain.')).toBeUndefined();
    expect(onlyAfter('she', 'I saw a girl and her mother.')).toBeUndefined();
    expect(onlyAfter('she', 'I presented on rounds.')).toBeUndefined();
    expect(onlyAfter('he')).toBeUndefined();
  });

  it('is, among several, the named person the sentence before opened on', () => {
    expect(
      onlyAfter('he', 'His wife came, and his son stayed at night.', 'Mr. Haddad went home on a Friday.'),
    ).toBe('Mr. Haddad');
    expect(onlyAfter('he', 'His son stayed at night.', 'On Monday, Mr. Haddad walked to the window.')).toBe(
      'Mr. Haddad',
    );
    // Not a relative: "Her mother said she had a fall" opens on the mother, and its "she" is the girl.
    expect(onlyAfter('she', 'I saw a 6-year-old girl.', 'Her mother said she had a fall.')).toBeUndefined();
    // Only the sentence just before counts.
    expect(
      onlyAfter('he', 'His son stayed.', 'Mr. Haddad went home.', 'I called the family.'),
    ).toBeUndefined();
  });
});

describe('withFirstNamed', () => {
  it('names the first pronoun, or a possessive before a relative that opens a clause', () => {
    expect(withFirstNamed('I took a history, including when she had last eaten.', 'she', 'the patient')).toBe(
      'I took a history, including when the patient had last eaten.',
    );
    expect(
      withFirstNamed('I called the family, and his wife said he was in his garden.', 'he', 'Mr. Haddad'),
    ).toBe('I called the family, and Mr. Haddad’s wife said he was in his garden.');
    // A possessive elsewhere is left: the subject pronoun is the one a reader needs named.
    expect(withFirstNamed('I checked his hemoglobin and found he took ibuprofen.', 'he', 'the patient')).toBe(
      'I checked his hemoglobin and found the patient took ibuprofen.',
    );
    expect(
      withFirstNamed('I sat with her and called her sister so she was not alone.', 'she', 'the patient'),
    ).toBe('I sat with her and called her sister so the patient was not alone.');
  });
});

describe('withOpeningNamed', () => {
  it('replaces the opening pronoun only', () => {
    expect(withOpeningNamed('She said she had a fall.', 'she', 'the patient')).toBe(
      'The patient said she had a fall.',
    );
    expect(withOpeningNamed('Then she said it.', 'she', 'the patient')).toBeNull();
  });

  it('takes alternatives, and leaves contractions and other pronouns', () => {
    expect(withOpeningNamed('She was 71 and septic.', 'she|he', 'the patient')).toBe(
      'The patient was 71 and septic.',
    );
    expect(withOpeningNamed('He’d been sick for days.', 'she|he', 'the patient')).toBeNull();
    expect(withOpeningNamed('They were worried.', 'she|he', 'the family')).toBeNull();
    expect(withOpeningNamed('Her lactate was 4.', 'she|he', 'the patient')).toBeNull();
  });
});
