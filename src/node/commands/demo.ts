/**
 * `cead demo [--out DIR]`: the whole flow on the bundled invented candidates, with no Google account and no
 * network: intake, drafting, the letter check, a first editing session (its questions become Word comments
 * in letter.docx) and the tracker, then a table of the orders.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ResponseData } from '../../core/ports';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { parseCommandArgs } from '../args';
import { type Command, EXIT, UsageError } from '../io';
import { runLocal, TRACKER_FILE } from '../local-run';
import { formatOrderTable, formatProblems } from '../order-table';
import { parseResponseFile, readResponseFile } from '../response-file';
import { progressFor, runOrRefuse, withOutDir } from './draft';

export const DEFAULT_DEMO_OUT = 'cead-demo';

/** An invented team, so the Writer and Reviewer drop-downs have names and intake assigns writers. */
export const DEMO_SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  team: [
    { name: 'Avery Quinn', email: 'avery.quinn@example.org', roles: ['writer'] },
    { name: 'Riley Brooks', email: 'riley.brooks@example.org', roles: ['writer'] },
    { name: 'Morgan Ellis, MD', email: 'morgan.ellis@example.org', roles: ['reviewer'] },
    { name: 'Sam Okoro', email: 'sam.okoro@example.org', roles: ['manager'] },
  ],
};

/**
 * One more invented response, incomplete and with a malformed date, so the demo also shows NEEDS_INFO. Its
 * specialty is typed as a spreadsheet formula, as a careless or hostile answer can be: the tracker must
 * show it as text.
 */
export const DEMO_INCOMPLETE = {
  'candidate.fullName': 'Marisol Thackeray',
  'candidate.pronouns': 'she/her',
  'candidate.email': 'marisol.thackeray@example.com',
  'candidate.type': 'US MD senior',
  'candidate.school': 'Lakeshore College of Medicine',
  'candidate.graduationYear': '2027',
  'candidate.specialty': '=HYPERLINK("http://example.com","Internal Medicine")',
  'candidate.ferpaWaived': 'Yes',
  'recommender.name': 'Helen Varga',
  'recommender.degree': 'MD',
  'recommender.title': 'Assistant Professor of Medicine',
  'recommender.specialty': 'Internal Medicine',
  'recommender.institution': 'Lakeshore University Hospital',
  'recommender.email': 'hvarga@example.org',
  'recommender.usTrained': 'Yes',
  'recommender.relationship': 'Dr. Varga was my attending on the wards for four weeks.',
  'rotation.name': 'Internal Medicine sub-internship',
  'rotation.type': 'Sub-internship',
  'rotation.setting': 'Inpatient',
  'rotation.site': 'Lakeshore University Hospital',
  'rotation.city': 'Duluth',
  'rotation.state': 'MN',
  'rotation.start': '2026-08-03',
  'rotation.end': '08/31/20266',
  'competency.patientCare':
    'I followed four patients a day from admission to discharge and presented each of them on rounds.',
  'competency.medicalKnowledge':
    'I read about every admitting diagnosis the night before rounds and taught the team about hyponatremia.',
  'competency.practiceBasedLearning':
    'After feedback on my notes I used a checklist for every progress note for the rest of the month.',
  'competency.professionalism':
    'I stayed to hand over a deteriorating patient in person although my shift had ended.',
  'order.package': 'standard',
};

const USAGE = `cead demo [--out DIR]

Runs the whole flow on the bundled invented candidates (examples/answers) and one incomplete response:
letters, the letter check, a first editing session (open questions and check findings as Word comments
in letter.docx), and tracker.xlsx. Needs no Google account and no network. Running it again changes
nothing that is already done.

  --out DIR  where to write (default ./${DEFAULT_DEMO_OUT})`;

/** The bundled examples: next to the sources in a checkout, two folders above build/cli in a build. */
export function examplesDir(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'examples', 'answers');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir)
      throw new UsageError(`the bundled examples (examples/answers) are missing near ${from}`);
  }
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'the whole flow on bundled invented candidates: letters, check, first session, tracker.xlsx',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { out: { type: 'string' } });
    const outShown = values.out ?? DEFAULT_DEMO_OUT;
    const dir = examplesDir();
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    const result = await runOrRefuse(() =>
      runLocal({
        root: resolve(io.cwd, outShown),
        load: (options): ResponseData[] => [
          ...files.flatMap((f) => readResponseFile(join(dir, f), `examples/answers/${f}`, options)),
          ...parseResponseFile('demo-incomplete.json', JSON.stringify(DEMO_INCOMPLETE), options),
        ],
        now: io.now,
        settings: DEMO_SETTINGS,
        openSession: true,
        progress: progressFor(io, false),
      }),
    );
    const reports = withOutDir(result, outShown);
    const withLetter = reports.find((r) => r.status === 'EDITING') ?? reports.find((r) => r.files.length > 0);
    const lines = [
      `CEAD demo: ${result.responses} invented responses, written to ${outShown}`,
      '',
      formatOrderTable(reports),
      '',
      formatProblems(reports),
      '',
      `Letters: ${join(outShown, 'orders', '<order ID>')}/letter.docx (open questions as Word comments), letter.html,`,
      '         summary.docx, checks.json',
      `Tracker: ${join(outShown, TRACKER_FILE)} (Orders, Dashboard, Settings, Log, Responses)`,
      ...(withLetter ? [`Next:    npx cead session ${withLetter.files[0]}`] : []),
    ];
    io.out(`${lines.join('\n')}\n`);
    for (const note of result.notes) io.err(`cead demo: ${note}\n`);
    if (result.trackerError !== undefined) {
      io.err(`cead demo: ${result.trackerError}\n`);
      return EXIT.unusable;
    }
    return EXIT.ok;
  },
};
