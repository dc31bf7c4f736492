import fc from 'fast-check';
import { check, FINDING_CODES, type Finding, type FindingCode } from '../../../src/core/check';
import { dateExpressions, letterDateLine } from '../../../src/core/check/dates';
import type { Answers } from '../../../src/core/questionnaire';
import { answerSets, cleanLetters } from './corpus';

const DELGADO = answerSets().get('delgado')!;
const BASE_LETTER = cleanLetters().find((l) => l.file === 'delgado-1.txt')!.text;

function run(
  text: string,
  answers: Answers = DELGADO,
  others: string[] = [],
  letterDate?: string,
): Finding[] {
  return check(text, answers, { otherCandidateNames: others, ...(letterDate ? { letterDate } : {}) });
}
function codes(findings: Finding[], code: FindingCode): string[] {
  return findings.filter((f) => f.code === code).map((f) => f.excerpt);
}
/** The clean Delgado letter with one passage replaced. */
function edited(from: string, to: string): string {
  if (!BASE_LETTER.includes(from)) throw new Error(`not in the base letter: ${from}`);
  return BASE_LETTER.replace(from, to);
}

describe('the finding registry', () => {
  it('gives product.md’s severities to its codes', () => {
    const severity = Object.fromEntries(FINDING_CODES.map((c) => [c.code, c.severity]));
    expect(severity).toMatchObject({
      CANDIDATE_NAME_MISSING: 'error',
      NAME_MISMATCH: 'error',
      OTHER_CANDIDATE_NAME: 'error',
      SPECIALTY_MISMATCH: 'error',
      DATE_MISMATCH: 'error',
      DATE_ORDER: 'error',
      PLACEHOLDER: 'error',
      PRONOUN_MISMATCH: 'error',
      FIRST_PERSON_CANDIDATE: 'error',
      COMPETENCY_MISSING: 'warning',
      NO_RELATIONSHIP: 'warning',
      NO_COMPARISON: 'warning',
      MINIMAL_ASSURANCE: 'warning',
      DOUBT_RAISER: 'warning',
      GRINDSTONE_HEAVY: 'info',
      PERSONAL_LIFE: 'info',
      LENGTH: 'warning',
      REPEATED_WORD: 'warning',
      ARTICLE: 'warning',
      RECOMMENDER_ELIGIBILITY: 'warning',
    });
    expect(new Set(FINDING_CODES.map((c) => c.code)).size).toBe(FINDING_CODES.length);
  });
});

describe('names', () => {
  it('accepts the recommender, eponyms and the hospital', () => {
    const text = edited(
      'Systems-Based Practice.',
      'Systems-Based Practice. Following Parkinson guidance at Harborview,',
    );
    expect(codes(run(text), 'NAME_MISMATCH')).toEqual([]);
  });
  it('does not take the recommender "Dr. Chen" for a candidate named Chan', () => {
    const chan: Answers = {
      ...DELGADO,
      'candidate.fullName': 'Wei Chan',
      'candidate.preferredName': 'Dr. Chan',
    };
    const text = 'I supervised Dr. Chan for four weeks. Dr. Chen, her attending, agrees.';
    expect(codes(run(text, chan), 'NAME_MISMATCH')).toEqual([]);
  });
  it('flags a changed letter in a long surname and a swapped pair', () => {
    expect(
      codes(run(edited('I supervised Dr. Delgado', 'I supervised Dr. Delgardo')), 'NAME_MISMATCH'),
    ).toEqual(['Delgardo']);
    expect(
      codes(run(edited('I supervised Dr. Delgado', 'I supervised Dr. Dleagdo')), 'NAME_MISMATCH'),
    ).toEqual(['Dleagdo']);
  });
  it('flags a different given name written with the surname', () => {
    expect(codes(run(edited('Dr. Rosa Delgado', 'Dr. Maria Delgado')), 'NAME_MISMATCH')).toEqual(['Maria']);
  });
  it('warns, not errs, when only accents or capitals differ', () => {
    const jose: Answers = {
      ...DELGADO,
      'candidate.fullName': 'José Núñez',
      'candidate.preferredName': 'Dr. Núñez',
    };
    const findings = run('I recommend Dr. Jose Nunez. Dr. Núñez was superb.', jose);
    expect(codes(findings, 'NAME_CASE_OR_ACCENTS')).toEqual(['Jose', 'Nunez']);
    expect(codes(findings, 'NAME_MISMATCH')).toEqual([]);
    expect(findings.find((f) => f.code === 'NAME_CASE_OR_ACCENTS')?.severity).toBe('warning');
  });
  it('leaves a common word that is also the name alone', () => {
    const rose: Answers = {
      ...DELGADO,
      'candidate.fullName': 'Rose Young',
      'candidate.preferredName': 'Dr. Young',
    };
    const findings = run('Dr. Young cared for young patients whose fever rose overnight.', rose);
    expect(codes(findings, 'NAME_CASE_OR_ACCENTS')).toEqual([]);
  });
  it('names another order’s candidate by full name or by title and surname', () => {
    const findings = run(edited('I give Dr. Delgado', 'I give Dr. Okafor'), DELGADO, ['Chinedu Okafor']);
    expect(codes(findings, 'OTHER_CANDIDATE_NAME')).toEqual(['Dr. Okafor']);
    expect(
      codes(run(`${BASE_LETTER}\nCC: chinedu okafor`, DELGADO, ['Chinedu Okafor']), 'OTHER_CANDIDATE_NAME'),
    ).toEqual(['chinedu okafor']);
  });
  it('names another order’s candidate by a given name alone, but not a place or another person', () => {
    const findings = run(edited('I give Dr. Delgado', 'I give Chinedu'), DELGADO, ['Chinedu Okafor']);
    expect(codes(findings, 'OTHER_CANDIDATE_NAME')).toEqual(['Chinedu']);
    for (const text of [
      `${BASE_LETTER}\nShe volunteered in Jordan before medical school.`,
      `${BASE_LETTER}\nShe worked with Jordan Mills, our charge nurse.`,
    ]) {
      expect(codes(run(text, DELGADO, ['Jordan Reyes-Park']), 'OTHER_CANDIDATE_NAME')).toEqual([]);
    }
  });
  it('misses the candidate when only other forms appear', () => {
    expect(codes(run('I recommend this student highly.'), 'CANDIDATE_NAME_MISSING')).toEqual(['']);
    expect(codes(run('I recommend Rosa Delgado highly.'), 'CANDIDATE_NAME_MISSING')).toEqual([]);
  });
});

describe('specialty', () => {
  const fm: Answers = { ...DELGADO, 'candidate.specialty': 'Family Medicine' };
  it('flags another specialty named as the goal, in several phrasings', () => {
    for (const goal of [
      'She is applying to Pediatrics programs this year.',
      'She will make an excellent Emergency Medicine resident.',
      'She hopes for a career in psychiatry.',
      'She will thrive in any OB/GYN residency.',
      'She is a future Internal Medicine physician.',
    ]) {
      expect([
        goal,
        codes(run(`Dr. Delgado rotated with me. ${goal}`, fm), 'SPECIALTY_MISMATCH').length,
      ]).toEqual([goal, 1]);
    }
  });
  it('accepts the rotation’s own service, the recommender’s department and a preliminary year', () => {
    const text =
      'During her Internal Medicine sub-internship, Dr. Delgado impressed our Internal Medicine residents. ' +
      'I direct the Department of Internal Medicine. She will complete a preliminary year in Internal Medicine. ' +
      'I recommend her for residency in Family Medicine and a career in FM.';
    expect(codes(run(text, fm), 'SPECIALTY_MISMATCH')).toEqual([]);
  });
  it('accepts a subspecialty of the candidate’s specialty as the long-term goal', () => {
    expect(
      codes(
        run('She hopes for a career in cardiology after residency in internal medicine.'),
        'SPECIALTY_MISMATCH',
      ),
    ).toEqual([]);
  });
});

describe('dates', () => {
  it('reads the forms letters use', () => {
    const text =
      'July 6 to July 31, 2026; July 6–31, 2026; 7/6/2026; July 2026; 2026-07-06; 6 July 2026; between June 1 and June 26, 2026';
    const found = dateExpressions(text).map((d) => [text.slice(d.start, d.end), d.from, d.to]);
    expect(found).toEqual([
      ['July 6 to July 31, 2026', { y: 2026, m: 7, d: 6 }, { y: 2026, m: 7, d: 31 }],
      ['July 6–31, 2026', { y: 2026, m: 7, d: 6 }, { y: 2026, m: 7, d: 31 }],
      ['7/6/2026', { y: 2026, m: 7, d: 6 }, undefined],
      ['July 2026', { y: 2026, m: 7 }, undefined],
      ['2026-07-06', { y: 2026, m: 7, d: 6 }, undefined],
      ['6 July 2026', { y: 2026, m: 7, d: 6 }, undefined],
      ['June 1 and June 26, 2026', { y: 2026, m: 6, d: 1 }, { y: 2026, m: 6, d: 26 }],
    ]);
  });
  it('flags a rotation length the dates cannot round to, not a patient’s weeks', () => {
    const text = edited('four-week', 'six-week');
    expect(codes(run(text), 'DATE_MISMATCH')).toEqual(['six-week']);
    expect(codes(run(`${BASE_LETTER}\nShe saw him at a six-week follow-up visit.`), 'DATE_MISMATCH')).toEqual(
      [],
    );
  });
  it('takes the date line at the top of the letter', () => {
    const line = letterDateLine('Michael Chen, MD\n\nDate: April 2, 2026\n\nDear Program Director:');
    expect(line?.from).toEqual({ y: 2026, m: 4, d: 2 });
  });
  it('accepts the month or the range at the precision written', () => {
    const text = edited('from March 2 to March 27, 2026', 'in March 2026');
    expect(codes(run(text), 'DATE_MISMATCH')).toEqual([]);
  });
  it('flags a rotation month outside the answers', () => {
    expect(codes(run(edited('from March 2 to March 27, 2026', 'in April 2026')), 'DATE_MISMATCH')).toEqual([
      'April 2026',
    ]);
  });
  it('ignores dates outside rotation sentences', () => {
    const text = edited('Sincerely,', 'She published a case report on June 3, 2024.\n\nSincerely,');
    expect(codes(run(text), 'DATE_MISMATCH')).toEqual([]);
  });
  it('uses the context date when the letter has none, and the letter’s own date line first', () => {
    const undated = BASE_LETTER.replace('April 2, 2026\n', '');
    expect(codes(run(undated, DELGADO, [], '2026-03-20'), 'DATE_ORDER')).toEqual(['']);
    expect(codes(run(undated, DELGADO, [], '2026-03-27'), 'DATE_ORDER')).toEqual([]);
    expect(codes(run(BASE_LETTER, DELGADO, [], '2026-03-01'), 'DATE_ORDER')).toEqual([]);
  });
});

describe('pronouns in a sentence with a patient', () => {
  // Dr. Delgado is she/her; each sentence goes in at the start of her Professionalism paragraph.
  const withSentence = (sentence: string) =>
    edited('Professionalism. Dr. Delgado stayed', `${sentence} Professionalism. Dr. Delgado stayed`);
  it.each([
    ['When the patient became hypotensive, he examined the patient again and called me.', 'he'],
    ['A 70-year-old man arrived with chest pain. He evaluated the patient within minutes.', 'He'],
    ['She admitted a 58-year-old man with sepsis, and his own patients always knew their plan.', 'his'],
  ])('flags the candidate’s pronoun as the clinician acting on the patient: %s', (sentence, excerpt) => {
    expect(codes(run(withSentence(sentence)), 'PRONOUN_MISMATCH')).toEqual([excerpt]);
  });
  it.each([
    // The patient's own pronoun, and his family's.
    'A 58-year-old man with sepsis was admitted. He was confused and his daughter was worried.',
    // A relative tells and calls as well as a clinician does.
    'The patient’s father was anxious; he told the patient to rest and called the nurse.',
    // Another clinician could be the one examining.
    'The senior resident came at once, and he examined the patient with her.',
    'Dr. Moreau saw a man with chest pain, and he examined the patient before the ECG.',
  ])('leaves a pronoun that may be the patient’s, a relative’s or another clinician’s: %s', (sentence) => {
    expect(codes(run(withSentence(sentence)), 'PRONOUN_MISMATCH')).toEqual([]);
  });
});

describe('pronouns', () => {
  it('leaves patients’ and relatives’ pronouns alone', () => {
    const text = 'Dr. Delgado examined the patient and told his wife the plan. She then called his son.';
    expect(codes(run(text), 'PRONOUN_MISMATCH')).toEqual([]);
  });
  it('flags a gendered title that contradicts the candidate’s pronouns', () => {
    expect(
      codes(run('Mr. Delgado presented her patients. Ms. Delgado was superb.'), 'PRONOUN_MISMATCH'),
    ).toEqual(['Mr. Delgado']);
    const both: Answers = { ...DELGADO, 'candidate.pronouns': 'she/they' };
    expect(codes(run('Ms. Delgado presented.', both), 'PRONOUN_MISMATCH')).toEqual([]);
    const mx: Answers = {
      ...DELGADO,
      'candidate.pronouns': 'they/them',
      'candidate.preferredName': 'Mx. Delgado',
    };
    expect(codes(run('Mx. Delgado presented. Ms. Delgado was superb.', mx), 'PRONOUN_MISMATCH')).toEqual([
      'Ms. Delgado',
    ]);
    const they: Answers = { ...DELGADO, 'candidate.pronouns': 'they/them', 'candidate.preferredName': '' };
    expect(codes(run('Ms. Delgado presented.', they), 'PRONOUN_MISMATCH')).toEqual([]);
  });
  it('flags she/he for a they/them candidate, and not "they"', () => {
    const they: Answers = { ...DELGADO, 'candidate.pronouns': 'they/them' };
    expect(
      codes(run('Dr. Delgado presented their patients. She was superb.', they), 'PRONOUN_MISMATCH'),
    ).toEqual(['She']);
  });
  it('flags only clear she/he references for written-in pronouns', () => {
    const ze: Answers = { ...DELGADO, 'candidate.pronouns': 'ze/hir' };
    expect(codes(run('Dr. Delgado presented hir patients. He was superb.', ze), 'PRONOUN_MISMATCH')).toEqual([
      'He',
    ]);
    const any: Answers = { ...DELGADO, 'candidate.pronouns': 'any pronouns' };
    expect(
      codes(run('Dr. Delgado presented his patients. She was superb.', any), 'PRONOUN_MISMATCH'),
    ).toEqual([]);
  });
  it('skips generic "he or she" and quoted speech', () => {
    const text =
      'Dr. Delgado is what a program wants: he or she must be safe. The patient said "he saved me."';
    expect(codes(run(text), 'PRONOUN_MISMATCH')).toEqual([]);
  });
});

describe('first person', () => {
  it('accepts the recommender’s own first person', () => {
    expect(codes(run(BASE_LETTER), 'FIRST_PERSON_CANDIDATE')).toEqual([]);
  });
  it('flags an answer sentence left in the candidate’s first person', () => {
    const text = edited(
      'Dr. Delgado stayed after her shift to finish a discharge summary',
      'I stayed after my shift to finish a discharge summary',
    );
    expect(codes(run(text), 'FIRST_PERSON_CANDIDATE')).toHaveLength(1);
  });
});

describe('placeholders', () => {
  it('flags every kind of blank', () => {
    const text =
      'Dear [Name], {{specialty}} <insert date> XXX TBD lorem ipsum ⟦choose⟧ [letter date] (insert rank) {first_name}';
    expect(codes(run(text), 'PLACEHOLDER')).toEqual([
      '[Name]',
      '{{specialty}}',
      '<insert date>',
      'XXX',
      'TBD',
      'lorem ipsum',
      '⟦choose⟧',
      '[letter date]',
      '(insert rank)',
      '{first_name}',
    ]);
  });
  it('leaves [sic] and e-mail addresses alone', () => {
    expect(codes(run('She wrote "teh [sic] plan". Write to <mchen@example.org>.'), 'PLACEHOLDER')).toEqual(
      [],
    );
  });
});

describe('structure and language warnings', () => {
  it('finds none on a complete clean letter', () => {
    const warned = run(BASE_LETTER)
      .filter((f) => f.severity !== 'info')
      .map((f) => f.code);
    expect(warned).toEqual([]);
  });
  it('warns on a missing competency, relationship, comparison and endorsement', () => {
    const text = edited(
      'Among the roughly 80 students and graduates I have supervised over 12 years, Dr. Delgado ranks in the top 5%.',
      '',
    )
      .replace(
        "Professionalism. Dr. Delgado stayed after her shift to finish a discharge summary so that her patient's nursing home would have it on arrival. She was never late, never defensive, and always honest about what she did not yet know.",
        '',
      )
      .replace(
        'I supervised Dr. Delgado directly during her four-week inpatient Internal Medicine externship at Harborview Community Hospital in Seattle, Washington, from March 2 to March 27, 2026, where she presented to me every morning on our teaching service and worked with me about 45 hours each week.',
        '',
      )
      .replace(
        'I give Dr. Delgado my highest recommendation for residency in Internal Medicine.',
        'I recommend Dr. Delgado for residency in Internal Medicine.',
      )
      .replace('a colleague any program would be fortunate to train', 'a colleague');
    const found = run(text);
    expect(found.filter((f) => f.code === 'COMPETENCY_MISSING').map((f) => f.message)).toEqual([
      'No concrete example of Professionalism.',
    ]);
    expect(codes(found, 'NO_RELATIONSHIP')).toEqual(['']);
    expect(codes(found, 'NO_COMPARISON')).toEqual(['']);
    expect(codes(found, 'MINIMAL_ASSURANCE')).toEqual(['I recommend']);
  });
  it('warns on a comparison without a denominator', () => {
    const text = edited(
      'Among the roughly 80 students and graduates I have supervised over 12 years, Dr. Delgado ranks in the top 5%.',
      'Dr. Delgado ranks in the top 5%.',
    );
    expect(codes(run(text), 'NO_COMPARISON')).toEqual(['Dr. Delgado ranks in the top 5%.']);
  });
  it('warns on doubt raisers, and on negative remarks only when they are about the candidate', () => {
    const text =
      'Dr. Delgado responds well to feedback. It appears that she is capable. She struggled with presentations. ' +
      'The patient had left-sided weakness and struggled with adherence.';
    expect(codes(run(text), 'DOUBT_RAISER')).toEqual([
      'responds well to feedback',
      'It appears that',
      'struggled with',
    ]);
  });
  it('warns on "although" and "despite" only when the concession is about the candidate', () => {
    const text =
      'Despite fluids, the patient became hypotensive. Although the resident was busy, Dr. Delgado stayed. ' +
      'Although her presentations are not polished, she is capable. Dr. Delgado passed despite her limited experience.';
    expect(codes(run(text), 'DOUBT_RAISER')).toEqual(['Although', 'despite']);
  });
  it('notes grindstone-heavy, communal-heavy and personal-life language', () => {
    const text =
      'Dr. Delgado is hard-working, diligent, conscientious and dependable. She is kind, warm, caring and helpful. ' +
      'Her husband is a teacher, and in her free time she runs marathons.';
    const found = run(text);
    expect(codes(found, 'GRINDSTONE_HEAVY').length).toBeGreaterThanOrEqual(1);
    expect(codes(found, 'COMMUNAL_HEAVY')).toEqual(['kind']);
    expect(codes(found, 'PERSONAL_LIFE')).toEqual(['Her husband', 'in her free time', 'marathons']);
  });
  it('warns on length in words and in estimated pages', () => {
    expect(codes(run('Dr. Rosa Delgado is excellent.'), 'LENGTH')).toEqual(['']);
    const long = BASE_LETTER.replace(
      'Sincerely,',
      `${'She was excellent in every way we measure. '.repeat(160)}\n\nSincerely,`,
    );
    expect(run(long).find((f) => f.code === 'LENGTH')?.message).toMatch(/pages/);
  });
  it('warns on a repeated word and a wrong article, by sound', () => {
    const text =
      'She saw the the patient. She is a excellent student with an MRI, a UTI, an 18-year-old, a NICU, an hour, a unique case, an SGLT2 inhibitor and a ICU bed.';
    const found = run(text);
    expect(codes(found, 'REPEATED_WORD')).toEqual(['the the']);
    expect(codes(found, 'ARTICLE')).toEqual(['a excellent', 'a ICU']);
  });
  it('warns on recommender eligibility from the answers', () => {
    const weak: Answers = {
      ...DELGADO,
      'recommender.degree': 'PhD',
      'recommender.usTrained': 'No',
      'recommender.relationship': 'I shadowed him in clinic twice',
      'rotation.type': 'Observership',
    };
    const found = run(BASE_LETTER, weak).filter((f) => f.code === 'RECOMMENDER_ELIGIBILITY');
    expect(found).toHaveLength(4);
    expect(found[0]!.excerpt).toBe('Michael Chen');
    expect(codes(run(BASE_LETTER), 'RECOMMENDER_ELIGIBILITY')).toEqual([]);
  });
});

describe('check on any text', () => {
  it('never throws and always points findings at their excerpts', () => {
    const letterish = fc.array(
      fc.oneof(
        fc.constantFrom(
          'Dr. Delgado',
          'she',
          'his',
          'I',
          'my',
          'July 6–31, 2026',
          '3/2/2026',
          '⟦',
          '⟧',
          '[',
          ']',
          '\n',
          '. ',
          'Internal Medicine',
          'residency in',
          'a',
          'an',
          'the the',
          'Delgato',
          'José',
        ),
        fc.string(),
      ),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(letterish, (parts) => {
        const text = parts.join(' ');
        for (const f of run(text, DELGADO, ['Chinedu Okafor'])) {
          if (text.slice(f.start, f.end) !== f.excerpt || f.start > f.end) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('first person: clinical terms and the recommender’s own sentences', () => {
  // An answer that uses every clinical "I" and the recommender-like phrases, so any of them would trace.
  const answers: Answers = {
    ...DELGADO,
    'competency.patientCare':
      'During my sub-I I did an I&D of a thigh abscess and I tracked I/O for the team, and I used I-PASS for every handoff on the ICU.',
    'recommender.relationship': 'I worked closely with Dr. Chen on the teaching service for four weeks.',
  };
  it('never flags sub-I, I-PASS, I&D, I/O, ICU or roman numerals', () => {
    const text = edited(
      'Dr. Delgado stayed after her shift',
      'During her sub-I Dr. Delgado did an I&D of a thigh abscess, tracked I/O for the team and used I-PASS for every handoff on the ICU after passing Step I. She stayed after her shift',
    );
    expect(codes(run(text, answers), 'FIRST_PERSON_CANDIDATE')).toEqual([]);
  });
  it('never flags the recommender’s relationship and signature sentences', () => {
    const text = edited(
      'Dr. Delgado stayed after her shift',
      'I worked closely with Dr. Delgado on the teaching service for four weeks. I was her attending on the teaching service. Please contact me if I can help. Dr. Delgado stayed after her shift',
    );
    expect(codes(run(text, answers), 'FIRST_PERSON_CANDIDATE')).toEqual([]);
  });
  it('still flags the candidate’s unconverted sentence beside them', () => {
    const text = edited(
      'Dr. Delgado stayed after her shift',
      'During my sub-I I did an I&D of a thigh abscess and I tracked I/O for the team. Dr. Delgado stayed after her shift',
    );
    expect(codes(run(text, answers), 'FIRST_PERSON_CANDIDATE')).toHaveLength(1);
  });
});

describe('names: colleagues, contractions and close misspellings', () => {
  const insert = (s: string) =>
    edited('Dr. Delgado stayed after her shift', `${s} Dr. Delgado stayed after her shift`);
  it('takes a colleague who shares another candidate’s surname for the colleague', () => {
    const text = insert('My colleague Dr. Karen Smith joined us, and Dr. Smith agreed.');
    expect(codes(run(text, DELGADO, ['John Smith']), 'OTHER_CANDIDATE_NAME')).toEqual([]);
    // Without the colleague's given name, "Dr. Smith" is still the other order's candidate.
    expect(codes(run(insert('Dr. Smith agreed.'), DELGADO, ['John Smith']), 'OTHER_CANDIDATE_NAME')).toEqual([
      'Dr. Smith',
    ]);
  });
  it('never reads a contraction as a name', () => {
    expect(codes(run(insert('Working with Rosa Delgado I’d say was a joy.')), 'NAME_MISMATCH')).toEqual([]);
    expect(codes(run(insert("Rosa Delgado I'll remember.")), 'NAME_MISMATCH')).toEqual([]);
  });
  it('finds a one-edit slip in a three-letter name and two edits in a six-letter one where a name stands', () => {
    const ali = { ...DELGADO, 'candidate.fullName': 'Omar Ali', 'candidate.preferredName': 'Dr. Ali' };
    const aliText = BASE_LETTER.split('Rosa Delgado').join('Omar Ali').split('Dr. Delgado').join('Dr. Ali');
    expect(codes(run(aliText.replace('Dr. Ali stayed', 'Dr. Aly stayed'), ali), 'NAME_MISMATCH')).toEqual([
      'Aly',
    ]);
    const oka = { ...DELGADO, 'candidate.fullName': 'Rosa Okafor', 'candidate.preferredName': 'Dr. Okafor' };
    const okaText = BASE_LETTER.split('Delgado').join('Okafor');
    expect(
      codes(run(okaText.replace('Dr. Okafor stayed', 'Dr. Okfoor stayed'), oka), 'NAME_MISMATCH'),
    ).toEqual(['Okfoor']);
  });
});

describe('dates without a rotation word', () => {
  it('checks a range in a sentence about working together', () => {
    const text = edited(
      'Dr. Delgado stayed after her shift',
      'I worked with her from July 14 to August 8. Dr. Delgado stayed after her shift',
    );
    expect(codes(run(text), 'DATE_MISMATCH')).toEqual(['July 14 to August 8']);
  });

  // Delgado's rotation: March 2 to March 27, 2026.
  const withSentence = (sentence: string) =>
    edited('Dr. Delgado stayed after her shift', `${sentence} Dr. Delgado stayed after her shift`);
  it.each([
    ['She was with us from March 2025 to March 2025.', 'March 2025 to March 2025'],
    ['From March 2025 – March 2025, Dr. Delgado cared for patients on the wards.', 'March 2025 – March 2025'],
    ['Her time with us (March 2026 to March 2027) was short.', 'March 2026 to March 2027'],
    ['Dr. Delgado spent March 2026 through May 2027 on the wards.', 'March 2026 through May 2027'],
  ])('flags the rotation’s months with a year off: %s', (sentence, excerpt) => {
    expect(codes(run(withSentence(sentence)), 'DATE_MISMATCH')).toEqual([excerpt]);
  });
  it.each([
    'She was a research assistant in our lab from June 2022 to May 2023.',
    'She volunteered at the free clinic from March 2024 to June 2025.',
    'From March 2026 to June 2026 she also joined our quality-improvement group.',
  ])('leaves a range that is not the rotation: %s', (sentence) => {
    expect(codes(run(withSentence(sentence)), 'DATE_MISMATCH')).toEqual([]);
  });
});

describe('placeholders of downloadable templates', () => {
  it('flags every common template style', () => {
    const text = [
      'It is my pleasure to recommend __(Name)__ for ______ residency.',
      'I have known (name of the candidate) for two years and recommend him for (specialty).',
      'Mr. XX rotated with us. NAME was always on time.',
      'Your Street Address',
      'City, State ZIP',
    ].join('\n');
    expect(codes(run(text), 'PLACEHOLDER')).toEqual([
      '__(Name)__',
      '______',
      '(name of the candidate)',
      '(specialty)',
      'XX',
      'NAME',
      'Your Street Address',
      'City, State ZIP',
    ]);
  });
  it('leaves a capitals heading, "XXL" and a parenthesis about something else alone', () => {
    const text =
      'LETTER OF RECOMMENDATION FOR THE APPLICANT\nShe wore an XXL gown (the program’s own) to the OR.';
    expect(codes(run(text), 'PLACEHOLDER')).toEqual([]);
  });
});

describe('faint praise and red flags from the studies and guides', () => {
  const insert = (s: string) =>
    edited('Dr. Delgado stayed after her shift', `${s} Dr. Delgado stayed after her shift`);
  it.each([
    ['She was always punctual.', 'punctual'],
    ['To her credit, she asked for help.', 'To her credit'],
    ['Her notes will improve with experience.', 'will improve with'],
    ['She generally had little difficulty with the workload.', 'generally had little difficulty'],
    ['She takes feedback well.', 'takes feedback well'],
    ['She gets along well with the nurses.', 'gets along well'],
    ['Her fund of knowledge was adequate.', 'adequate'],
    ['Her scores do not reflect her ability.', 'scores do not reflect'],
    ['Her board scores were average.', 'board scores'],
  ])('flags "%s"', (sentence, excerpt) => {
    expect(codes(run(insert(sentence)), 'DOUBT_RAISER')).toContain(excerpt);
  });
  it('reads "I feel comfortable recommending" as minimal assurance', () => {
    const text = BASE_LETTER.replace(
      'I give Dr. Delgado my highest recommendation for residency in Internal Medicine.',
      'I feel comfortable recommending Dr. Delgado for residency in Internal Medicine.',
    )
      .replace(' and a colleague any program would be fortunate to train', '')
      .replace('ranks in the top 5%', 'ranks in the top 10%');
    expect(codes(run(text), 'MINIMAL_ASSURANCE')).toEqual(['I feel comfortable recommending']);
  });
});

describe('doubt raisers: a concession about the candidate’s choice', () => {
  it('is not a doubt raiser, while a concession about the candidate’s work still is', () => {
    const insert = (s: string) =>
      edited('Dr. Delgado stayed after her shift', `${s} Dr. Delgado stayed after her shift`);
    const choice = insert('Although Dr. Delgado is applying to another specialty, I would recruit her.');
    expect(codes(run(choice), 'DOUBT_RAISER')).toEqual([]);
    const doubt = insert('Although Dr. Delgado was slow at first, she caught up.');
    expect(codes(run(doubt), 'DOUBT_RAISER')).toEqual(['Although']);
  });
});

describe('coverage: an observed example counts without two cue words', () => {
  it.each(['haddad-1.txt', 'kowalski-1.txt', 'okafor-1.txt', 'delgado-2.txt'])(
    '%s: feedback acted on, work no one asked for, care arranged beyond the visit',
    (file) => {
      const l = cleanLetters().find((c) => c.file === file)!;
      const found = check(l.text, l.answers, { otherCandidateNames: l.otherCandidateNames });
      expect(codes(found, 'COMPETENCY_MISSING')).toEqual([]);
    },
  );
  it('still finds a competency the letter gives no example of', () => {
    const text = BASE_LETTER.replace(/Systems-Based Practice\. [^\n]*\n/, '');
    expect(
      run(text)
        .filter((f) => f.code === 'COMPETENCY_MISSING')
        .map((f) => f.message),
    ).toEqual(['No concrete example of Systems-Based Practice.']);
  });
});

describe('first person: the recommender beside the candidate, and eponyms with roman numerals', () => {
  const answers: Answers = {
    ...DELGADO,
    'competency.medicalKnowledge':
      'I explained the difference between Mobitz I and Mobitz II block and why Mobitz II needs pacing.',
    'competency.communication': 'Dr. Chen and I interviewed the daughter together in the family room.',
    'recommender.relationship':
      'Dr. Chen is the night-float teaching attending; I am on his service for four weeks and I present to him.',
  };
  const insert = (s: string) =>
    edited('Dr. Delgado stayed after her shift', `${s} Dr. Delgado stayed after her shift`);
  it.each([
    'She explained the difference between Mobitz I and Mobitz II block and why Mobitz II needs pacing.',
    'Dr. Delgado and I interviewed the daughter together in the family room.',
    'I am the night-float teaching attending; she is on my service for four weeks.',
  ])('never flags "%s"', (sentence) => {
    expect(codes(run(insert(sentence), answers), 'FIRST_PERSON_CANDIDATE')).toEqual([]);
  });
  it('still flags the candidate’s own sentence with the same words', () => {
    const text = insert(
      'I explained the difference between Mobitz I and Mobitz II block and why Mobitz II needs pacing.',
    );
    expect(codes(run(text, answers), 'FIRST_PERSON_CANDIDATE')).toHaveLength(1);
  });
});
