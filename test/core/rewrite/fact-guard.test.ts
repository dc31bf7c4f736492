import { guardSection } from '../../../src/core/rewrite/fact-guard';
import { numbersIn } from '../../../src/core/rewrite/words';

const facts = {
  candidateNames: ['Dr. Okafor', 'Dr. Ada Okafor', 'Ada Okafor'],
  pronouns: 'she' as const,
  context: ['Dr. Chen'],
};
const ruleText =
  'Dr. Okafor reviewed the CT of a patient with two days of pain during her 4 weeks on the service, and she called the surgeon.';
const source =
  'I reviewed the CT of a patient with 2 days of pain during my 4 weeks on the service, and I called the surgeon.';

function guard(proposal: string, wordBudget = 60) {
  return guardSection({ proposal, ruleText, source, facts, wordBudget });
}

describe('guardSection', () => {
  it('equates written-out and digit numbers, and unit forms', () => {
    expect(numbersIn('a four-week rotation and twenty-four hours, twice')).toEqual([
      { value: 4, unit: 'week', text: 'four' },
      { value: 24, unit: 'hour', text: 'twenty' },
      { value: 2, unit: '', text: 'twice' },
    ]);
    const r = guard(
      'During her four-week stay on the service, Dr. Okafor reviewed the computed tomography of a patient with 2 days of pain, and she called the surgeon.',
    );
    expect(r.refusals).toEqual([]);
    expect(r.accepted).toBe(true);
  });

  it('refuses a changed number, a number with another unit, and names it', () => {
    const r = guard(
      'Dr. Okafor reviewed the CT of a patient with three days of pain during her 4 weeks on the service, and she called the surgeon.',
    );
    expect(r.accepted).toBe(false);
    expect(r.text).toBe(ruleText);
    expect(r.refusals[0]!.reasons).toContain('the number “three” is not in the answers');
    const units = guard(
      'Dr. Okafor reviewed the CT of a patient with 2 weeks of pain during her 4 weeks on the service, and she called the surgeon.',
    );
    expect(units.refusals[0]!.reasons).toContain('“2 week”: the answers give 2 with another unit');
  });

  it('refuses another form of the name, the candidate’s own I, a ranking, a new person, a wrong pronoun', () => {
    const cases: [string, RegExp][] = [
      [
        'Ada reviewed the CT of a patient with two days of pain during her 4 weeks on the service, and she called the surgeon.',
        /named only as/,
      ],
      [
        'Dr. Okafor reviewed the CT of a patient with two days of pain during her 4 weeks on the service, and I called the surgeon.',
        /speaks for the recommender/,
      ],
      [
        'Dr. Okafor, the best student I know, reviewed the CT of a patient with two days of pain during her 4 weeks on the service, and she called the surgeon.',
        /ranking/,
      ],
      [
        'Dr. Okafor reviewed the CT of a patient with two days of pain during her 4 weeks on the service, and she called the surgeon and the nurse.',
        /person the answers do not mention/,
      ],
      [
        'Dr. Okafor reviewed the CT of a patient with two days of pain during his 4 weeks on the service, and he called the surgeon.',
        /pronouns are she\/her/,
      ],
      [
        'Dr. Okafor reviewed the MRI of a patient with two days of pain during her 4 weeks on the service, and she called the surgeon.',
        /“MRI” is not in the answers/,
      ],
    ];
    for (const [proposal, why] of cases) {
      const r = guard(proposal);
      expect(r.accepted).toBe(false);
      expect(r.refusals.flatMap((x) => x.reasons).join('\n')).toMatch(why);
    }
  });

  it('refuses a section over its budget, without the candidate’s action, or empty', () => {
    expect(guard(`${ruleText}`, 10).refusals[0]!.reasons[0]).toMatch(/over the section’s budget of 10/);
    const dropped = guard(
      'Dr. Okafor reviewed the CT of a patient with two days of pain during her 4 weeks on the service.',
    );
    expect(dropped.refusals.flatMap((x) => x.reasons).join()).toMatch(/outcome is missing/);
    expect(guard('   ').accepted).toBe(false);
  });
});
