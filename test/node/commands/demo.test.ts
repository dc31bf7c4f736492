/**
 * `cead demo` end to end in a temporary folder, then its files opened by a real reader: LibreOffice
 * converts every sheet of tracker.xlsx to CSV and every letter and summary to PDF (one soffice call each,
 * with a private profile so parallel runs do not share one).
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../../src/core/csv';
import { parseMarker } from '../../../src/core/editing-session';
import { parseCheckMarker } from '../../../src/core/finding-comments';
import { ORDER_HEADERS } from '../../../src/core/tracker-row';
import { main } from '../../../src/node/cli';
import { DEMO_INCOMPLETE } from '../../../src/node/commands/demo';
import { readDocxThreads } from '../../../src/node/docx-comments';
import { FolderOrderStore } from '../../../src/node/folder-store';
import { binaryCopy } from './binary-copy';
import { recordingIo } from './fake-io';

const NOW = '2026-11-25T15:00:00Z';
let work: string;
let out: string;
let stdout: string;
let code: number;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cead-demo-'));
  out = join(work, 'demo');
  const io = recordingIo(NOW);
  code = await main(['demo', '--out', out], io);
  stdout = io.stdout();
  expect(io.stderr()).toBe('');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function orders() {
  return new FolderOrderStore(out).readAll().orders;
}

function soffice(args: string[]): void {
  execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', ...args], {
    stdio: 'pipe',
    timeout: 60000,
  });
}

describe('cead demo', () => {
  it('drafts every bundled example, opens a first session on each, and holds the incomplete one in NEEDS_INFO', () => {
    expect(code).toBe(0);
    const all = orders();
    const examples = readdirSync(join(__dirname, '../../../examples/answers')).filter((f) =>
      f.endsWith('.json'),
    );
    expect(all).toHaveLength(examples.length + 1);
    const byStatus = (s: string) => all.filter((o) => o.status === s);
    expect(byStatus('EDITING')).toHaveLength(examples.length);
    expect(byStatus('NEEDS_INFO').map((o) => o.candidate)).toEqual([DEMO_INCOMPLETE['candidate.fullName']]);
    for (const o of byStatus('EDITING')) {
      expect(o.session).toBe(1);
      expect(o.currentDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(o.writer).toMatch(/@example\.org$/);
      expect(stdout).toContain(`${o.orderId}  ${o.candidate}`);
    }
    expect(stdout).toMatch(/^CEAD demo: 10 invented responses, written to /);
    expect(stdout).toMatch(/ORDER ID\s+CANDIDATE\s+STATUS\s+PACKAGE\s+DUE\s+CHECK/);
  });

  it('puts the session’s questions in letter.docx as Word comments that cead session reads', async () => {
    const editing = orders().filter((o) => o.status === 'EDITING');
    for (const o of editing) {
      const threads = await readDocxThreads(readFileSync(join(out, 'orders', o.orderId, 'letter.docx')));
      // Session 1's threads, and the first check's findings as check comments (finding-comments.ts).
      const session = threads.filter((t) => parseMarker(t.text) !== undefined);
      const checks = threads.filter((t) => parseCheckMarker(t.text) !== undefined);
      expect(session.length + checks.length).toBe(threads.length);
      expect(session.every((t) => parseMarker(t.text)?.session === 1)).toBe(true);
      expect(threads).toHaveLength(o.openThreads);
      expect(threads.filter((t) => parseMarker(t.text)?.kind === 'q').length).toBeGreaterThan(0);
      expect(threads.every((t) => t.anchored && (t.quoted ?? '') !== '')).toBe(true);
    }
    const io = recordingIo(NOW);
    const first = editing[0]!;
    const file = join(out, 'orders', first.orderId, 'letter.docx');
    const inSession = (await readDocxThreads(readFileSync(file))).filter((t) => parseMarker(t.text)).length;
    expect(await main(['session', file], io)).toBe(0);
    expect(io.stdout()).toMatch(new RegExp(`Session 1: ${inSession} threads — ${inSession} open`));
  });

  it('changes nothing when run again', async () => {
    const letter = join(out, 'orders', orders().find((o) => o.status === 'EDITING')!.orderId, 'letter.docx');
    const before = readFileSync(letter);
    const log = readFileSync(join(out, 'log.jsonl'), 'utf8');
    const io = recordingIo('2026-11-25T16:00:00Z');
    expect(await main(['demo', '--out', out], io)).toBe(0);
    expect(readFileSync(letter).equals(before)).toBe(true);
    expect(readFileSync(join(out, 'log.jsonl'), 'utf8')).toBe(log);
    expect(io.stdout()).toBe(stdout);
  });

  it('writes a tracker and letters that LibreOffice opens: rows, statuses, due dates, literal candidate text', async () => {
    const all = orders();
    const csvDir = join(work, 'csv');
    const pdfDir = join(work, 'pdf');
    mkdirSync(csvDir);
    mkdirSync(pdfDir);
    // Field 12 = -1: every sheet to its own file, tracker-<Sheet>.csv (LibreOffice 7.2+). UTF-8 (76).
    soffice([
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      csvDir,
      join(out, 'tracker.xlsx'),
    ]);
    const letters = all
      .filter((o) => o.docId !== '')
      .flatMap((o) =>
        ['letter', 'summary'].map((f) => ({ o, f, path: join(out, 'orders', o.orderId, `${f}.docx`) })),
      );
    // Same-named files would overwrite each other in one --outdir, so each order's letters are copied first.
    const staged = join(work, 'staged');
    mkdirSync(staged);
    for (const l of letters) execFileSync('cp', [l.path, join(staged, `${l.o.orderId}-${l.f}.docx`)]);
    soffice(['--convert-to', 'pdf', '--outdir', pdfDir, ...readdirSync(staged).map((f) => join(staged, f))]);

    const sheet = parseCsv(readFileSync(join(csvDir, 'tracker-Orders.csv'), 'utf8')).rows.filter((r) =>
      r.some((c) => c !== ''),
    );
    expect(sheet[0]).toEqual([...ORDER_HEADERS]);
    const col = (h: string) => ORDER_HEADERS.indexOf(h);
    const rows = new Map(sheet.slice(1).map((r) => [r[col('Order ID')]!, r]));
    expect(rows.size).toBe(all.length);
    for (const o of all) {
      const row = rows.get(o.orderId)!;
      expect(row[col('Status')]).toBe(o.status);
      expect(row[col('Current due')]).toBe(o.currentDue ?? '');
      expect(row[col('Original due')]).toBe(o.originalDue ?? '');
      expect(row[col('Candidate')]).toBe(o.candidate);
    }
    const hostile = DEMO_INCOMPLETE['candidate.specialty'];
    expect([...rows.values()].map((r) => r[col('Specialty')])).toContain(hostile);

    const dashboard = parseCsv(readFileSync(join(csvDir, 'tracker-Dashboard.csv'), 'utf8')).rows;
    expect(dashboard.find((r) => r[0] === 'EDITING')?.[1]).toBe(
      String(all.filter((o) => o.status === 'EDITING').length),
    );
    for (const name of ['Settings', 'Log', 'Responses'])
      expect(existsSync(join(csvDir, `tracker-${name}.csv`))).toBe(true);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'tracker.xlsx'));
    const cells: ExcelJS.Cell[] = [];
    workbook.getWorksheet('Orders')!.eachRow((row) => {
      const cell = row.getCell(col('Specialty') + 1);
      if (cell.value === hostile) cells.push(cell);
    });
    expect(cells).toHaveLength(1);
    expect(cells[0]!.type).toBe(ExcelJS.ValueType.String);
    expect(cells[0]!.formula).toBeUndefined();

    for (const l of letters) {
      const pdf = readFileSync(join(pdfDir, `${l.o.orderId}-${l.f}.pdf`), 'latin1');
      const pages = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      expect([l.f, pages >= 1 && pages <= (l.f === 'letter' ? 2 : 1)]).toEqual([l.f, true]);
    }
  });
});

describe('cead demo through the real binary', () => {
  // As after `npm install`: bin/cead.js runs the bundle built into build/cli (here a fresh copy under
  // test-output/), which finds the bundled examples two folders up.
  let copy: ReturnType<typeof binaryCopy>;
  beforeAll(() => {
    copy = binaryCopy('demo-bin');
  });
  afterAll(() => copy.remove());

  it('writes the letters and the tracker into ./cead-demo and exits 0', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cead-demo-bin-'));
    try {
      const r = spawnSync(process.execPath, [copy.bin, 'demo'], { cwd, encoding: 'utf8' });
      expect([r.status, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toMatch(/written to cead-demo/);
      expect(existsSync(join(cwd, 'cead-demo', 'tracker.xlsx'))).toBe(true);
      expect(readdirSync(join(cwd, 'cead-demo', 'orders'))).toHaveLength(10);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
