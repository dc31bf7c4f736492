import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { formatCsv } from '../../../src/core/csv';
import { due } from '../../../src/core/deadlines';
import { ITEMS } from '../../../src/core/questionnaire';
import { ORDER_HEADERS } from '../../../src/core/tracker-row';
import { main } from '../../../src/node/cli';
import type { OrderReport } from '../../../src/node/local-run';
import { readTracker } from '../../../src/node/tracker-xlsx';
import { recordingIo } from './fake-io';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cead-draft-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function example(name: string): Record<string, string> {
  const byId = JSON.parse(readFileSync(join(__dirname, '../../../examples/answers', `${name}.json`), 'utf8'));
  return Object.fromEntries(Object.entries(byId).map(([k, v]) => [k, String(v)]));
}

/** A Sheets-style export: Timestamp, Email Address, then the items by title. */
function exportCsv(rows: { time: string; answers: Record<string, string> }[]): string {
  const header = ['Timestamp', 'Email Address', ...ITEMS.map((i) => i.title)];
  return formatCsv([
    header,
    ...rows.map((r) => [
      r.time,
      r.answers['candidate.email'] ?? '',
      ...ITEMS.map((i) => r.answers[i.id] ?? ''),
    ]),
  ]);
}

const rosa = example('rosa-delgado');
const daniel = example('daniel-whitfield');
const incomplete = {
  ...example('noah-lindqvist'),
  'competency.professionalism': '',
  'recommender.email': '',
};
const badDate = { ...example('lena-hoffmann'), 'rotation.start': '2026-02-30' };

const CSV = exportCsv([
  { time: '9/8/2026 10:00:00', answers: rosa },
  { time: '9/8/2026 11:00:00', answers: incomplete },
  { time: '9/8/2026 12:00:00', answers: badDate },
  { time: '9/9/2026 09:30:00', answers: daniel },
  { time: '9/8/2026 10:00:00', answers: rosa }, // the same response, exported twice
]);

async function draft(args: string[], io = recordingIo('2026-09-10T15:00:00Z')) {
  const code = await main(['draft', ...args], { ...io, cwd: dir });
  return { code, out: io.stdout(), err: io.stderr() };
}

async function trackerRows(out: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(out, 'tracker.xlsx'));
  const rows: string[][] = [];
  workbook.getWorksheet('Orders')!.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
  });
  return rows;
}

describe('cead draft', () => {
  it('drafts complete responses, keeps incomplete and malformed ones in NEEDS_INFO, and makes no duplicate order', async () => {
    writeFileSync(join(dir, 'responses.csv'), CSV);
    const { code, out, err } = await draft(['responses.csv', '--out', 'team', '--json']);
    expect(err).toBe('');
    expect(code).toBe(1);
    const reports = JSON.parse(out) as OrderReport[];
    expect(reports.map((r) => r.candidate)).toEqual([
      'Rosa Delgado',
      'Noah Lindqvist',
      'Lena Hoffmann',
      'Daniel Whitfield',
    ]);
    expect(new Set(reports.map((r) => r.orderId)).size).toBe(4);
    for (const r of reports) {
      expect(Object.keys(r).sort()).toEqual(
        ['candidate', 'due', 'files', 'findings', 'orderId', 'package', 'problems', 'status'].sort(),
      );
    }
    const [rosaR, noahR, lenaR, danielR] = reports as [OrderReport, OrderReport, OrderReport, OrderReport];

    expect(noahR.status).toBe('NEEDS_INFO');
    expect(noahR.problems).toEqual([
      '"Recommender\'s email" is required but was left blank.',
      '"Professionalism" is required but was left blank.',
    ]);
    expect(noahR.files).toEqual([]);
    expect(lenaR.status).toBe('NEEDS_INFO');
    expect(lenaR.problems).toHaveLength(1);
    expect(lenaR.problems[0]).toMatch(/^"First day of the rotation": "2026-02-30"/);

    expect(rosaR.status).toBe('DRAFTING');
    expect(rosaR.due).toBe(due('2026-09-08', 'standard'));
    expect(danielR.status).toBe('DRAFTING');
    expect(danielR.due).toBe(due('2026-09-09', 'expedited'));
    expect(rosaR.files).toEqual(
      ['letter.docx', 'letter.html', 'summary.docx', 'checks.json'].map((f) =>
        join('team', 'orders', rosaR.orderId, f),
      ),
    );
    for (const f of rosaR.files) expect(statSync(join(dir, f)).size).toBeGreaterThan(100);
    const checks = JSON.parse(readFileSync(join(dir, rosaR.files[3]!), 'utf8'));
    expect(checks.findings).toEqual(rosaR.findings);

    const rows = await trackerRows(join(dir, 'team'));
    // The tracker lists orders by submission time, which here is the file's order too.
    expect(rows.map((r) => r[0])).toEqual(reports.map((r) => r.orderId));
    const status = ORDER_HEADERS.indexOf('Status');
    expect(rows.map((r) => r[status])).toEqual(['DRAFTING', 'NEEDS_INFO', 'NEEDS_INFO', 'DRAFTING']);
  });

  it('a re-run updates the same rows, keeps the manager’s edits in tracker.xlsx and rewrites no letter', async () => {
    writeFileSync(join(dir, 'responses.csv'), CSV);
    const first = JSON.parse(
      (await draft(['responses.csv', '--out', 'team', '--json'])).out,
    ) as OrderReport[];
    const letter = join(dir, first[0]!.files[0]!);
    const bytes = readFileSync(letter);

    // A manager puts Rosa's order on hold and keeps a note in a column of their own.
    const path = join(dir, 'team', 'tracker.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Orders')!;
    sheet.getRow(2).getCell(ORDER_HEADERS.indexOf('Status') + 1).value = 'ON_HOLD';
    sheet.getRow(1).getCell(ORDER_HEADERS.length + 1).value = 'Notes';
    sheet.getRow(2).getCell(ORDER_HEADERS.length + 1).value = 'waiting for the invoice';
    sheet.getRow(3).getCell(ORDER_HEADERS.indexOf('Status') + 1).value = 'FINALIZED';
    await workbook.xlsx.writeFile(path);

    const again = await draft(['responses.csv', '--out', 'team', '--json']);
    expect(again.err).toMatch(
      /^cead draft: tracker.xlsx edit not taken: CEAD-[^:]+: An order cannot go from NEEDS_INFO to FINALIZED/,
    );
    const reports = JSON.parse(again.out) as OrderReport[];
    expect(reports.map((r) => r.orderId)).toEqual(first.map((r) => r.orderId));
    expect(reports[0]!.status).toBe('ON_HOLD');
    expect(reports[1]!.status).toBe('NEEDS_INFO');
    expect(readFileSync(letter).equals(bytes)).toBe(true);

    const snapshot = await readTracker(path);
    expect(snapshot?.orders.size).toBe(4);
    expect(snapshot?.extraCells.get(first[0]!.orderId)?.get('Notes')).toBe('waiting for the invoice');
    expect(snapshot?.orders.get(first[0]!.orderId)?.status).toBe('ON_HOLD');
    expect(snapshot?.orders.get(first[1]!.orderId)?.status).toBe('NEEDS_INFO');
  });

  it('stops with one line and changes nothing while the tracker is open elsewhere', async () => {
    writeFileSync(join(dir, 'responses.csv'), CSV);
    await draft(['responses.csv', '--out', 'team']);
    const tracker = readFileSync(join(dir, 'team', 'tracker.xlsx'));
    const orders = readdirSync(join(dir, 'team', 'orders')).sort();
    writeFileSync(join(dir, 'team', '.~lock.tracker.xlsx#'), ',someone,host,1;');
    writeFileSync(
      join(dir, 'more.csv'),
      exportCsv([{ time: '9/10/2026 08:00:00', answers: example('aisha-rahman') }]),
    );
    const { code, out, err } = await draft(['more.csv', '--out', 'team']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(
      /^cead draft: \S*tracker.xlsx is open in LibreOffice \(lock file \.~lock\.tracker\.xlsx#\): close it and run again[^\n]*\n$/,
    );
    expect(readFileSync(join(dir, 'team', 'tracker.xlsx')).equals(tracker)).toBe(true);
    expect(readdirSync(join(dir, 'team', 'orders')).sort()).toEqual(orders);
  });

  it('never overwrites a tracker it cannot read, and the orders stay in the folder', async () => {
    writeFileSync(join(dir, 'responses.csv'), CSV);
    await draft(['responses.csv', '--out', 'team']);
    writeFileSync(join(dir, 'team', 'tracker.xlsx'), 'not a spreadsheet');
    const { code, err } = await draft(['responses.csv', '--out', 'team']);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/tracker.xlsx cannot be read as a spreadsheet/);
    expect(readFileSync(join(dir, 'team', 'tracker.xlsx'), 'utf8')).toBe('not a spreadsheet');
    expect(readdirSync(join(dir, 'team', 'orders'))).toHaveLength(4);
  });

  it('refuses unusable input with one line naming the file and where', async () => {
    expect(await draft(['missing.csv'])).toMatchObject({
      code: 2,
      err: 'cead draft: missing.csv: no such file.\n',
    });
    writeFileSync(join(dir, 'other.csv'), 'Name,Amount\nA,1\n');
    expect(await draft(['other.csv'])).toMatchObject({
      code: 2,
      err: 'cead draft: other.csv: row 1: No column of the file is a questionnaire item: is this the responses export of the CEAD form?\n',
    });
    writeFileSync(join(dir, 'answers.json'), '{"candidate.fullName": "A",');
    const bad = await draft(['answers.json']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^cead draft: answers.json: not readable JSON \([^\n]*\)\.\n$/);
    expect(existsSync(join(dir, 'cead-orders', 'orders'))).toBe(false);
  });

  it('drafts an answers JSON (with a byte-order mark), and a second run of the same file changes nothing', async () => {
    writeFileSync(join(dir, 'rosa.json'), `\uFEFF${JSON.stringify(rosa)}`);
    const first = await draft(['rosa.json']);
    expect(first.out).toMatch(/^rosa.json: 1 response, 1 order, 1 with letters in cead-orders\n/);
    expect(first.out).toMatch(/Rosa Delgado\s+DRAFTING\s+standard\s+\d{4}-\d{2}-\d{2}/);
    const second = await draft(['rosa.json', '--json'], recordingIo('2026-09-11T15:00:00Z'));
    const [report] = JSON.parse(second.out) as OrderReport[];
    expect(report?.status).toBe('DRAFTING');
    const log = readFileSync(join(dir, 'cead-orders', 'log.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(log.map((l) => JSON.parse(l).event)).toEqual(['intake']);
  });

  it('draws a progress bar on a terminal for a batch, and never with --json', async () => {
    const rows = [
      'rosa-delgado',
      'daniel-whitfield',
      'hannah-kowalczyk',
      'jordan-reyes-park',
      'noah-lindqvist',
      'lena-hoffmann',
    ].map((name, i) => ({ time: `9/8/2026 1${i}:00:00`, answers: example(name) }));
    writeFileSync(join(dir, 'six.csv'), exportCsv(rows));
    const tty = { ...recordingIo('2026-09-10T15:00:00Z'), errIsTTY: true };
    const shown = await draft(['six.csv', '--out', 'a'], tty);
    expect(shown.err).toMatch(/\rdrafting\s+\[#+\.*\] \d\/6/);
    expect(shown.err).toMatch(/\r\x1b\[K$/);
    const quiet = await draft(['six.csv', '--out', 'b', '--json'], {
      ...recordingIo('2026-09-10T15:00:00Z'),
      errIsTTY: true,
    });
    expect(quiet.err).toBe('');
  });
});
