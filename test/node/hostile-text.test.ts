/**
 * A hostile answer never poisons the folder: answers holding every class of code point (XML-forbidden
 * controls, lone surrogates, noncharacters, private use, astral, bidi marks, markup) are drafted by the built
 * command, the files it writes are read back by the reading libraries (exceljs, mammoth, CEAD's own docx
 * reader) and by LibreOffice, a second run over the same folder succeeds, and responses/ keeps every answer
 * exactly as typed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { ITEMS } from '../../src/core/questionnaire';
import { readDocxThreads } from '../../src/node/docx-comments';
import { readTracker } from '../../src/node/tracker-xlsx';
import { builtCommand } from './built-command';

/** One of each class; the C0 and C1 ranges in full. Each free-text answer gets one class. */
const CLASSES = [
  Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).join(''),
  `\u007f${Array.from({ length: 32 }, (_, c) => String.fromCharCode(0x80 + c)).join('')}`,
  'surrogates \ud800 \udc00 \udc00\ud800',
  'nonchars \ufffe\uffff\ufdd0\u{1fffe}',
  'private \ue000\u{f0000}\u{10fffd}',
  'astral 😀𝔘 e\u0301',
  'bidi \u200f\u202e\u2066\u200b\u200d\ufeff',
  'lines \u2028\u2029',
  '<script>alert(1)</script> &amp; ]]>',
];
/** The candidate's name carries the forbidden ones: it is in every file (tracker, letter, title). */
const NAME = 'Rosa\u0001\ufffe\ud800😀 Delgado';

const FORBIDDEN_IN_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function hostileAnswers(): Record<string, string> {
  const base = JSON.parse(
    readFileSync(join(__dirname, '../../examples/answers/rosa-delgado.json'), 'utf8'),
  ) as Record<string, unknown>;
  const out: Record<string, string> = {};
  let n = 0;
  for (const item of ITEMS) {
    const v = base[item.id];
    if (v === undefined || v === null) continue;
    const poisoned = `${String(v)} ${CLASSES[n % CLASSES.length]} end.`;
    const free =
      (item.type === 'paragraph' || item.type === 'shortText') &&
      item.validation?.pattern === undefined &&
      poisoned.length <= (item.validation?.maxLength ?? 5000);
    out[item.id] = free ? poisoned : String(v);
    if (free) n += 1;
  }
  // Every class has an answer to be in.
  expect(n).toBeGreaterThanOrEqual(CLASSES.length);
  out['candidate.fullName'] = NAME;
  return out;
}

let work: string;
let cead: ReturnType<typeof builtCommand>;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cead-hostile-'));
  cead = builtCommand('hostile-text');
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  cead.remove();
});

describe('a hostile answer', () => {
  it('is drafted into files every reader opens, and the next run over the folder still works', async () => {
    const answers = hostileAnswers();
    writeFileSync(join(work, 'hostile.json'), JSON.stringify(answers));
    const first = cead.run(['draft', 'hostile.json', '--out', 'team', '--json'], work);
    expect(first.stderr).toBe('');
    expect([0, 1]).toContain(first.status);
    const [report] = JSON.parse(first.stdout) as { orderId: string; files: string[] }[];
    expect(report!.files.length).toBeGreaterThan(0);
    const dir = join(work, 'team', 'orders', report!.orderId);

    // The reading libraries.
    const tracker = await readTracker(join(work, 'team', 'tracker.xlsx'));
    // Intake drops controls and lone surrogates from answers (core/text.ts); the tracker replaces U+FFFE.
    const recorded = () =>
      (JSON.parse(readFileSync(join(dir, 'order.json'), 'utf8')) as { candidate: string }).candidate;
    expect(recorded()).toBe('Rosa\ufffe😀 Delgado');
    expect(tracker?.orders.get(report!.orderId)?.candidate).toBe('Rosa\ufffd😀 Delgado');
    const letter = (await mammoth.extractRawText({ path: join(dir, 'letter.docx') })).value;
    expect(letter).toContain('<script>alert(1)</script>');
    for (const file of ['letter.docx', 'summary.docx']) {
      const text = (await mammoth.extractRawText({ path: join(dir, file) })).value;
      expect(text).toContain('😀');
      expect(text).not.toMatch(FORBIDDEN_IN_XML);
    }
    expect((await readDocxThreads(readFileSync(join(dir, 'letter.docx')))).length).toBeGreaterThan(0);
    const html = readFileSync(join(dir, 'letter.html'), 'utf8');
    expect(html).not.toMatch(FORBIDDEN_IN_XML);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');

    // LibreOffice: the tracker as CSV, the letter as text.
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        'csv',
        '--outdir',
        join(work, 'lo'),
        join(work, 'team', 'tracker.xlsx'),
      ],
      { stdio: 'pipe', timeout: 90000 },
    );
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        'txt:Text',
        '--outdir',
        join(work, 'lo'),
        join(dir, 'letter.docx'),
      ],
      { stdio: 'pipe', timeout: 90000 },
    );
    expect(readFileSync(join(work, 'lo', 'tracker.csv'), 'utf8')).toContain(report!.orderId);
    expect(readFileSync(join(work, 'lo', 'letter.txt'), 'utf8')).toContain('😀');

    // The next run reads the tracker back and goes on; the response is kept verbatim.
    const second = cead.run(['draft', 'hostile.json', '--out', 'team'], work);
    expect(second.stderr).toBe('');
    expect(second.status).toBe(first.status);
    // The replaced characters are not taken for a manager's edit of the Candidate column.
    expect(recorded()).toBe('Rosa\ufffe😀 Delgado');
    const stored = readdirSync(join(work, 'team', 'responses')).map(
      (f) =>
        JSON.parse(readFileSync(join(work, 'team', 'responses', f), 'utf8')) as {
          versions: { raw: Record<string, string> }[];
        },
    );
    expect(stored).toHaveLength(1);
    const raw = stored[0]!.versions[0]!.raw;
    expect(raw).toEqual(answers);
  });
});
