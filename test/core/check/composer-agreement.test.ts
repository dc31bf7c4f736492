/**
 * The composer and the checker agree: a letter composed from valid answers raises no error-level finding
 * once the writer has made the choices the draft leaves marked for the recommender (the comparison and the
 * signing date). Any other ⟦mark⟧ the composer leaves (a sentence it could not convert, a missing phone
 * number) may only raise PLACEHOLDER, and deleting it leaves a letter with no error at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseAnswersJson } from '../../../src/core/answers';
import { check, type Finding } from '../../../src/core/check';
import { composeLetter, letterPeople } from '../../../src/core/letter/compose';
import type { Answers, IsoDate } from '../../../src/core/questionnaire';
import { letterCases } from '../../letter-quality/corpus';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples', 'answers');

const bundled: [string, Answers][] = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const parsed = parseAnswersJson(JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')));
    return [f, parsed.problems.some((p) => p.severity === 'error') ? {} : parsed.answers];
  });
const valid = bundled.filter(([, a]) => a['candidate.fullName'] !== undefined);

function daysAfter(iso: IsoDate, days: number): IsoDate {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The draft with the recommender's choices made: signed three days after the rotation, comparison given. */
function resolvedDraft(answers: Answers): string {
  const end = answers['rotation.end'];
  const model = composeLetter(answers, end ? { letterDate: daysAfter(end, 3) } : {});
  const comparison = model.blocks.find((b) => b.sectionId === 'comparison');
  if (!comparison) return model.text;
  const name = letterPeople(answers).name;
  const filled = `Among the 60 students and graduates I have supervised over 10 years, ${name} ranks in the top 10%.\n`;
  return model.text.slice(0, comparison.range.start) + filled + model.text.slice(comparison.range.end);
}

function errors(text: string, answers: Answers, others: string[]): Finding[] {
  return check(text, answers, { otherCandidateNames: others }).filter((f) => f.severity === 'error');
}

function othersThan(answers: Answers): string[] {
  return valid.map(([, a]) => a['candidate.fullName']!).filter((n) => n !== answers['candidate.fullName']);
}

/** Only PLACEHOLDERs on the composer's remaining marks; with those marks deleted, nothing. */
function agreement(answers: Answers, others: string[]): string[] {
  const text = resolvedDraft(answers);
  const problems = errors(text, answers, others)
    .filter((f) => !(f.code === 'PLACEHOLDER' && f.excerpt.startsWith('⟦')))
    .map((f) => `${f.code} "${f.excerpt}": ${f.message}`);
  const unmarked = text.replace(/ ?⟦[^⟧]*⟧/g, '');
  const left = errors(unmarked, answers, others).map(
    (f) => `after deleting marks: ${f.code} "${f.excerpt}": ${f.message}`,
  );
  return [...problems, ...left];
}

describe('composer and checker agree', () => {
  it('has bundled answers to compose from', () => {
    expect(valid.length).toBeGreaterThanOrEqual(5);
  });

  it.each(valid)(
    '%s: the resolved draft raises no error beyond the composer’s own marks',
    (_file, answers) => {
      expect(agreement(answers, othersThan(answers))).toEqual([]);
    },
  );

  // The stress corpus of the letter issue (answers as candidates really write them), under every pronoun
  // run: what the composer writes itself never raises an error (a wrong pronoun, another candidate's name).
  // A run under other pronouns keeps the set's preferred name, whose title ("Mr. Bar-Levi") the checker
  // rightly finds at odds with "she/her": a person would not type both, so the title goes for the run.
  const TITLE_OF = { 'he/him': /^(?:Ms|Mrs|Miss)\.?\s+/, 'she/her': /^Mr\.?\s+/ } as Record<string, RegExp>;
  const untitled = (a: Answers): Answers => {
    const name = a['candidate.preferredName'];
    const wrong = TITLE_OF[a['candidate.pronouns'] ?? ''] ?? /^(?:Mr|Ms|Mrs|Miss)\.?\s+/;
    return name && wrong.test(name) ? { ...a, 'candidate.preferredName': name.replace(wrong, '') } : a;
  };
  const stress = letterCases()
    .filter((c) => c.set.startsWith('stress/'))
    .map((c) => ({ ...c, answers: untitled(c.answers) }));
  const everyone = [...new Set(letterCases().map((c) => c.answers['candidate.fullName']!))];
  it('has the stress corpus to compose from', () => expect(stress.length).toBeGreaterThanOrEqual(150));
  it.each(stress.map((c) => [c.key, c.answers] as const))(
    '%s: the resolved draft raises no error beyond the composer’s own marks',
    (_key, answers) => {
      const others = everyone.filter((n) => n !== answers['candidate.fullName']);
      expect(agreement(answers, others)).toEqual([]);
    },
  );

  it('a fresh draft fails only on its marked choices', () => {
    for (const [, answers] of valid) {
      const draft = composeLetter(answers, { letterDate: null }).text;
      const codes = new Set(errors(draft, answers, othersThan(answers)).map((f) => f.code));
      expect(codes.has('PLACEHOLDER')).toBe(true);
      codes.delete('PLACEHOLDER');
      expect([...codes]).toEqual([]);
    }
  });

  it('over property-generated answer sets', () => {
    const people: ReadonlyArray<readonly [string, string]> = [
      ['Amara Nwosu', 'she/her'],
      ['Mateo Fernández', 'he/him'],
      ['River Castellanos', 'they/them'],
      ['Ines Müller-Braun', 'she/her'],
      ['Tomás O’Connell', 'he/him'],
      ['Priyanka Venkataraman', 'she/her'],
      ['Kai Nakamura', 'they/them'],
      ['Ngozi Eze', 'she/her'],
    ];
    const specialties = [
      'Internal Medicine',
      'Family Medicine',
      'Pediatrics',
      'Emergency Medicine',
      'Psychiatry',
      'Neurology',
      'General Surgery',
      'Obstetrics and Gynecology',
      'Anesthesiology',
    ];
    const services = [
      'Internal Medicine',
      'Family Medicine',
      'Pediatrics',
      'Emergency Medicine',
      'Surgery',
      'Neurology',
    ];
    const kinds = [
      ['sub-internship', 'Sub-internship'],
      ['externship', 'Externship'],
      ['elective', 'Elective'],
      ['clerkship', 'Core clerkship'],
    ] as const;
    const arb = fc.record({
      base: fc.constantFrom(...valid.map(([, a]) => a)),
      person: fc.constantFrom(...people),
      titled: fc.boolean(),
      specialty: fc.constantFrom(...specialties),
      service: fc.constantFrom(...services),
      kind: fc.constantFrom(...kinds),
      start: fc.integer({ min: 0, max: 700 }),
      weeks: fc.integer({ min: 2, max: 8 }),
      examples: fc.shuffledSubarray(
        valid.map(([, a]) => a),
        { minLength: 1, maxLength: 1 },
      ),
    });
    fc.assert(
      fc.property(arb, ({ base, person, titled, specialty, service, kind, start, weeks, examples }) => {
        const [fullName, pronouns] = person;
        const surname = fullName.split(' ').slice(-1)[0]!;
        const first = daysAfter('2025-01-06', start);
        const source = examples[0]!;
        const raw: Record<string, unknown> = {
          ...base,
          'candidate.fullName': fullName,
          'candidate.preferredName': titled ? `Dr. ${surname}` : fullName,
          'candidate.pronouns': pronouns,
          'candidate.specialty': specialty,
          'rotation.name': `${service} ${kind[0]}`,
          'rotation.type': kind[1],
          'rotation.start': first,
          'rotation.end': daysAfter(first, weeks * 7 - 3),
        };
        for (const key of Object.keys(source))
          if (key.startsWith('competency.')) raw[key] = source[key as keyof Answers];
        const parsed = parseAnswersJson(raw);
        fc.pre(!parsed.problems.some((p) => p.severity === 'error'));
        const problems = agreement(parsed.answers, othersThan(parsed.answers));
        if (problems.length > 0)
          throw new Error(
            `${fullName} (${pronouns}), ${specialty}, ${service} ${kind[0]}:\n${problems.join('\n')}`,
          );
      }),
      { numRuns: 60 },
    );
  });
});
