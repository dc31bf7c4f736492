/**
 * Excel's 32,767-character cell limit in every sheet of tracker.xlsx: a hostile response of 40,000-character
 * answers, through the built command, over a folder whose log and problems list are as long; no cell of the
 * file is longer than Excel holds, the cut cells are not taken for edits on the next runs (with and without
 * the baseline), and responses/ keeps every answer whole.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Order } from '../../src/core/orders';
import { newOrder } from '../../src/core/orders';
import { ITEMS } from '../../src/core/questionnaire';
import { fitCell, isCutCell, restoreCutCells, XLSX_CELL_LIMIT } from '../../src/node/cell-limit';
import { responseFileName } from '../../src/node/folder-store';
import { builtCommand } from './built-command';

/** 40,000 characters that differ along their length, so a cut shows where it was made. */
const long = (seed: string) =>
  Array.from({ length: 8000 }, (_, i) => `${seed}${String(i).padStart(4, '0')}`)
    .join('')
    .slice(0, 40000);

function hostileAnswers(): Record<string, string> {
  const base = JSON.parse(
    readFileSync(join(__dirname, '../../examples/answers/rosa-delgado.json'), 'utf8'),
  ) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const item of ITEMS) {
    const v = base[item.id];
    const free =
      (item.type === 'paragraph' || item.type === 'shortText') && item.validation?.pattern === undefined;
    if (free) out[item.id] = long(item.id.slice(0, 6));
    else if (v !== undefined && v !== null) out[item.id] = String(v);
  }
  return out;
}

/** Every cell's text in every sheet of the workbook at `path`, with where it is. */
async function cellTexts(path: string): Promise<{ at: string; text: string }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const out: { at: string; text: string }[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => out.push({ at: `${sheet.name}!${cell.address}`, text: cell.text ?? '' })),
    );
  }
  return out;
}

let work: string;
let cead: ReturnType<typeof builtCommand>;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cead-cell-limit-'));
  cead = builtCommand('cell-limit');
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  cead.remove();
});

describe('tracker.xlsx and Excel’s cell limit', () => {
  it('holds no cell longer than Excel takes, and a cut cell is never taken for an edit', async () => {
    const answers = hostileAnswers();
    writeFileSync(join(work, 'long.json'), JSON.stringify(answers));
    const first = cead.run(['draft', 'long.json', '--out', 'team', '--json'], work);
    expect([0, 1]).toContain(first.status);
    const [report] = JSON.parse(first.stdout) as { orderId: string }[];
    const dir = join(work, 'team');
    const orderPath = join(dir, 'orders', report!.orderId, 'order.json');
    // Intake keeps a 40,000-character name out of the order (the answer is invalid); a record can still
    // hold one (typed in an older tracker, or by hand), with a problems list and a Log line as long.
    const order = JSON.parse(readFileSync(orderPath, 'utf8')) as Order;
    writeFileSync(
      orderPath,
      `${JSON.stringify({ ...order, candidate: long('cand'), problems: [long('prob'), 'second'] }, null, 2)}\n`,
    );
    appendFileSync(
      join(dir, 'log.jsonl'),
      `${JSON.stringify({ time: order.lastUpdate, actor: 'system', orderId: order.orderId, event: 'note', from: '', to: '', detail: long('logd') })}\n`,
    );
    const recorded = readFileSync(orderPath, 'utf8');

    for (const baseline of ['kept', 'removed']) {
      if (baseline === 'removed') rmSync(join(dir, 'tracker-baseline.json'));
      const run = cead.run(['draft', 'long.json', '--out', 'team'], work);
      expect(run.stderr).not.toMatch(/edit not taken|unexpected/);
      const cells = await cellTexts(join(dir, 'tracker.xlsx'));
      const over = cells.filter((c) => c.text.length > XLSX_CELL_LIMIT).map((c) => c.at);
      expect(over).toEqual([]);
      const cut = cells.filter((c) => isCutCell(c.text)).map((c) => c.at.split('!')[0]);
      expect(new Set(cut)).toEqual(new Set(['Orders', 'Log']));
      // Nothing was taken from the cut cells: the record is as it was.
      expect(readFileSync(orderPath, 'utf8')).toBe(recorded);
    }
    const stored = JSON.parse(
      readFileSync(join(dir, 'responses', responseFileName(order.responseId)), 'utf8'),
    ) as { versions: { raw: Record<string, string> }[] };
    expect(stored.versions.map((v) => v.raw)).toEqual([answers]);
  });
});

describe('fitCell and restoreCutCells', () => {
  it('cuts only what is too long, never inside a surrogate pair, and says how long it was and where it is', () => {
    expect(fitCell('short', 'x.json')).toBe('short');
    const cut = fitCell(`${'a'.repeat(60)}😀${'b'.repeat(60)}`, 'orders/X/order.json', 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut).toMatch(/^a+… \(truncated: 122 characters; the full text is in orders\/X\/order\.json\)$/);
    expect(isCutCell(cut)).toBe(true);
  });

  it('gives a cut cell its whole value back, and refuses an edit made to one', () => {
    const order = newOrder({
      responseId: 'r1',
      submitted: '2026-09-08T10:00:00-04:00',
      lastUpdate: '2026-09-08T10:00:00-04:00',
      candidate: long('name'),
      email: 'a@example.com',
      specialty: 'Internal Medicine',
      recommender: 'Helen Varga, MD',
      package: 'standard',
    });
    const shown = { ...order, candidate: fitCell(order.candidate, `orders/${order.orderId}/order.json`) };
    const back = restoreCutCells(new Map([[order.orderId, shown]]), [order], new Map());
    expect(back.orders.get(order.orderId)).toEqual(order);
    expect(back.notes).toEqual([]);
    const edited = { ...shown, candidate: `Dr. ${shown.candidate}` };
    const refused = restoreCutCells(new Map([[order.orderId, edited]]), [order], new Map());
    expect(refused.orders.get(order.orderId)).toEqual(order);
    expect(refused.notes).toEqual([
      `${order.orderId}: "Candidate" was cut to fit an Excel cell, so an edit to it cannot be taken; the value in orders/${order.orderId}/order.json is kept.`,
    ]);
  });
});
