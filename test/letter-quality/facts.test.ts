import { createDocumentModel, type LetterModel } from '../../src/core/letter/model';
import type { Answers } from '../../src/core/questionnaire';
import { answerFactsKept, factStems, inventedFacts, parseTarget, targetFactsKept } from './facts';

const answers: Answers = {
  'candidate.fullName': 'Rosa Delgado',
  'candidate.preferredName': 'Dr. Delgado',
  'recommender.name': 'Michael Chen',
  'rotation.state': 'WA',
  'rotation.start': '2026-03-02',
  'rotation.end': '2026-03-27',
  'competency.patientCare':
    'I followed a 58-year-old man with cellulitis who developed hypotension on day two. I started the sepsis bundle with Dr. Ruiz.',
  'competency.medicalKnowledge': 'I gave a ten-minute talk on AKI staging.',
};

/** A letter with the given competency sections, each a bold heading and a body run. */
function letter(sections: Partial<Record<'patientCare' | 'medicalKnowledge', string>>): LetterModel {
  const blocks = Object.entries(sections).map(([id, text]) => ({
    sectionId: id as 'patientCare',
    answerIds: [],
    paragraphs: [{ role: 'body' as const, runs: [{ text: 'Heading. ', bold: true }, { text: text! }] }],
  }));
  return createDocumentModel('letter', 'Letter', blocks, []);
}

const target = parseTarget(`Dear Program Director:

It is my pleasure to recommend Dr. Rosa Delgado.

**Patient Care.** Dr. Delgado followed a 58-year-old man with cellulitis and started the sepsis bundle
with Dr. Ruiz.

**Medical Knowledge.** She gave a ten-minute talk on AKI staging.

## Facts
- patientCare: cellulitis | sepsis bundle started
- medicalKnowledge: talk on AKI staging
`);

describe('facts kept', () => {
  it('reads a target: sections by heading, the relationship paragraph, and the listed facts', () => {
    expect(target.sections.get('relationship')).toBe('It is my pleasure to recommend Dr. Rosa Delgado.');
    expect(target.sections.get('patientCare')).toMatch(/^Dr\. Delgado followed/);
    expect(target.listed.get('patientCare')).toEqual(['cellulitis', 'sepsis bundle started']);
    expect(() => parseTarget('Dear Program Director:\n\nHi.\n\n## Facts\n- professionalism: x\n')).toThrow(
      /professionalism/,
    );
  });

  it('matches a fact by its words, numbers as digits, in any order', () => {
    expect(factStems('a 58-year-old man')).toEqual(['58', 'year', 'old', 'man']);
    expect(factStems('five patients')).toEqual(['5', 'patien']);
    // A plural is its singular: "chest tubes" keeps the fact "chest tube", "patches" the fact "patch".
    expect(factStems('chest tubes')).toEqual(factStems('chest tube'));
    expect(factStems('patches')).toEqual(factStems('patch'));
    expect(factStems('IUDs')).toEqual(factStems('IUD insertions').slice(0, 1));
  });

  it('keeps every fact when each is in its own section', () => {
    const draft = letter({
      patientCare:
        'She followed a 58-year-old man with cellulitis, and she started the sepsis bundle with Dr. Ruiz.',
      medicalKnowledge: 'She gave a ten-minute talk on AKI staging.',
    });
    const kept = targetFactsKept(target, draft, answers);
    expect(kept.missing).toEqual([]);
    expect(kept.total).toBeGreaterThanOrEqual(6);
  });

  it('loses a fact that was deleted, or moved to another section', () => {
    const draft = letter({
      patientCare: 'She followed a man with cellulitis and started the sepsis bundle with Dr. Ruiz.',
      medicalKnowledge: 'She gave a ten-minute talk on kidney injury to a 58-year-old man.',
    });
    const missing = targetFactsKept(target, draft, answers).missing;
    expect(missing).toContainEqual({ sectionId: 'patientCare', fact: '58' });
    expect(missing).toContainEqual({ sectionId: 'medicalKnowledge', fact: 'AKI' });
  });

  it('for a set without a target, finds an answer’s numbers and names in its section or its comments', () => {
    const full = letter({
      patientCare: 'She followed a 58-year-old man and started the bundle with Dr. Ruiz.',
      medicalKnowledge: 'She gave a ten-minute talk on AKI staging.',
    });
    expect(answerFactsKept(full, answers).missing).toEqual([]);
    const cut = letter({ patientCare: 'She followed a man.', medicalKnowledge: 'She gave a talk.' });
    expect(answerFactsKept(cut, answers).missing.map((m) => m.fact)).toEqual(['58', 'Ruiz', 'AKI']);
  });

  it('takes an abbreviation written out ("the US" → "the United States") as the same fact, and only that', () => {
    const us: Answers = {
      ...answers,
      'competency.medicalKnowledge': 'I learned that in the US they do not.',
    };
    const written = letter({ medicalKnowledge: 'She learned that in the United States they did not.' });
    expect(answerFactsKept(written, us).missing.filter((m) => m.fact === 'US')).toEqual([]);
    const other = letter({ medicalKnowledge: 'She learned that in the States they did not.' });
    expect(answerFactsKept(other, us).missing.map((m) => m.fact)).toContain('US');
  });
});

describe('notes the composer writes out', () => {
  const notes: Answers = {
    'competency.patientCare': '- 67M w/ sepsis\n- ABG x3, lap appy',
  };

  it('keeps a note’s age and sex ("67M") as the age, in a draft that writes it as words or as typed', () => {
    const aged: Answers = { 'competency.patientCare': '- 67M w/ sepsis' };
    const prose = letter({ patientCare: 'She followed a 67-year-old man with sepsis.' });
    expect(answerFactsKept(prose, aged).missing).toEqual([]);
    expect(answerFactsKept(letter({ patientCare: '⟦67M w/ sepsis.⟧' }), aged).missing).toEqual([]);
    expect(answerFactsKept(letter({ patientCare: 'She followed a man.' }), aged).missing).toHaveLength(1);
  });

  it('takes a plural or a one-meaning expansion of a note’s word as no new fact, and nothing else', () => {
    const draft = letter({ patientCare: 'She drew three ABGs and did a laparoscopic appendectomy.' });
    expect(inventedFacts(draft, notes)).toEqual([]);
    const other = letter({ patientCare: 'She drew three ABGs and did a laparoscopic cholecystectomy.' });
    expect(inventedFacts(other, notes).map((f) => f.word)).toEqual(['cholecystectomy']);
  });

  it('reads a note’s interval ("q30min") as its number', () => {
    const checks: Answers = { 'competency.patientCare': '- rechecked pain q30min' };
    expect(
      inventedFacts(letter({ patientCare: 'She rechecked the pain every 30 minutes.' }), checks),
    ).toEqual([]);
    expect(
      inventedFacts(letter({ patientCare: 'She rechecked the pain every 40 minutes.' }), checks).map(
        (f) => f.word,
      ),
    ).toEqual(['40']);
  });
});

describe('invented facts', () => {
  it('passes a draft whose numbers, names and terms all come from the answers', () => {
    const draft = letter({
      patientCare:
        'She followed a 58-year-old man with cellulitis and started the sepsis bundle with Dr. Ruiz.',
    });
    expect(inventedFacts(draft, answers)).toEqual([]);
  });

  it('flags a number, a name and an uncommon term no answer gave', () => {
    const draft = letter({
      patientCare:
        'She followed a 64-year-old man with cellulitis, consulted Dr. Okafor, and gave vasopressin.',
    });
    expect(inventedFacts(draft, answers).map((f) => f.word)).toEqual(['64', 'Okafor', 'vasopressin']);
  });
});
