import { ITEMS } from '../../../src/core/questionnaire';
import { main } from '../../../src/node/cli';
import { recordingIo } from './fake-io';

async function run(...argv: string[]) {
  const io = recordingIo();
  const code = await main(['questionnaire', ...argv], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

// The ids product.md promises, written out here rather than read from the code under test.
const PRODUCT_IDS = [
  'candidate.fullName',
  'candidate.preferredName',
  'candidate.pronouns',
  'candidate.email',
  'candidate.type',
  'candidate.school',
  'candidate.graduationYear',
  'candidate.specialty',
  'candidate.ferpaWaived',
  'recommender.name',
  'recommender.degree',
  'recommender.title',
  'recommender.specialty',
  'recommender.institution',
  'recommender.email',
  'recommender.phone',
  'recommender.usTrained',
  'recommender.relationship',
  'rotation.name',
  'rotation.type',
  'rotation.setting',
  'rotation.site',
  'rotation.city',
  'rotation.state',
  'rotation.start',
  'rotation.end',
  'rotation.hoursPerWeek',
  'rotation.patientsPerDay',
  'competency.patientCare',
  'competency.medicalKnowledge',
  'competency.practiceBasedLearning',
  'competency.communication',
  'competency.professionalism',
  'competency.systemsBasedPractice',
  'highlights.procedures',
  'highlights.presentations',
  'highlights.feedback',
  'order.package',
  'order.reference',
];

describe('cead questionnaire --json', () => {
  it('lists every id in product.md, with types, choices and required', async () => {
    const r = await run('--json');
    expect([r.code, r.err]).toEqual([0, '']);
    const parsed = JSON.parse(r.out) as {
      sections: {
        id: string;
        items: { id: string; type: string; required: boolean; choices?: string[] }[];
      }[];
    };
    const items = parsed.sections.flatMap((s) => s.items);
    for (const id of PRODUCT_IDS) expect(items.map((i) => i.id)).toContain(id);
    const pkg = items.find((i) => i.id === 'order.package')!;
    expect(pkg).toMatchObject({
      type: 'choice',
      required: true,
      choices: ['standard', 'expedited', 'on-demand'],
    });
    expect(items.find((i) => i.id === 'rotation.start')).toMatchObject({ type: 'date', required: true });
  });
});

describe('cead questionnaire', () => {
  it('shows each section and item with id, type, required mark and choices', async () => {
    const r = await run();
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`CEAD questionnaire: ${ITEMS.length} items in 6 sections (* = required)`);
    expect(lines).toContain('About you');
    expect(lines).toContain('One example per competency');
    expect(r.out).toMatch(/^ {2}candidate\.fullName +short text +\* Full name$/m);
    expect(r.out).toMatch(
      /^ {2}candidate\.preferredName +short text {4}How the letter should refer to you$/m,
    );
    expect(r.out).toMatch(/^ +choices: standard \| expedited \| on-demand$/m);
    expect(r.out).toMatch(/^ +choices: she\/her \| he\/him \| they\/them \| \(other: own words\)$/m);
    expect(r.out).toMatch(/^ +whole number 1960–2040$/m);
    for (const id of PRODUCT_IDS) expect(r.out).toContain(`  ${id} `);
  });

  it('refuses an unknown option with exit status 2', async () => {
    expect(await run('--yaml')).toEqual({
      code: 2,
      out: '',
      err: "cead questionnaire: Unknown option '--yaml'\n",
    });
  });
});
