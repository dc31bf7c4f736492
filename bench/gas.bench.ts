/**
 * The Apps Script back office over the service fakes: how many service calls one submission costs (it must
 * not grow with the number of orders), and what the sweep reads, writes and spends over 10,000 orders.
 *
 * "Service calls" counts every call the fakes count: anything that reaches Google or takes a handle on its
 * state (a Range, a Lock, a sheet), not value getters on data already fetched. "Round trips" counts only the
 * calls that move data or change state (reads, writes, creates, mail, lock).
 *
 * One submission, once its writer has had an order: lock (get, try), script properties (get, read), one
 * Sheets read, the raw answers and order written before anything is made, the Doc made in the writer's
 * shared folder (no share call), one Docs batchUpdate, one comment per open question of the first session
 * (three for this example), and the final write. The lock is let go by the execution's end, not by a call.
 *
 * Sheet reads and writes count SpreadsheetApp's (`getValues`, `setValues`, `appendRow`…) and the Sheets
 * API's (`values.batchGet`, `values.batchUpdate`, and `spreadsheets.batchUpdate`, which grows a sheet)
 * alike: one call is one read or one write, however many ranges it carries.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { letterDrafter } from '../src/core/letter-draft';
import { ITEMS } from '../src/core/questionnaire';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { sweep } from '../src/core/sweep';
import { ORDER_HEADERS, orderToRow } from '../src/core/tracker-row';
import { ScriptState } from '../src/gas/apps-script-ports';
import { handleFormSubmit, handleSweep } from '../src/gas/back-office';
import { DriveDocSharing } from '../src/gas/doc-sharing';
import { PROPERTY, runSetup } from '../src/gas/setup';
import { ROOM_ROWS } from '../src/gas/tracker-sheet';
import { backOffice } from '../test/core/back-office-ports';
import { createGasFakes, type GasFakes, installGasFakes } from '../test/fakes/install-gas-fakes';
import { seededOrder } from '../test/fakes/seeded-orders';
import type { BenchRow } from './types';

const TARGET_CALLS = 12;

const SHEET_READS = ['SpreadsheetApp.Range.getValues', 'Sheets.Spreadsheets.Values.batchGet'];
const SHEET_WRITES = [
  'SpreadsheetApp.Range.setValues',
  'SpreadsheetApp.Range.setValue',
  'SpreadsheetApp.Sheet.appendRow',
  'Sheets.Spreadsheets.Values.batchUpdate',
  'Sheets.Spreadsheets.batchUpdate',
];

/**
 * A set-up tracker with `existingOrders` orders. Its Orders sheet has room after the last order, as a
 * sheet CEAD grew itself has (ROOM_ROWS rows at a time); `full` leaves none, for the submission that must
 * grow it. The writer has had orders before, so their Drive folder exists (made by the same adapter
 * intake uses), unless `newWriter`.
 */
function office(existingOrders: number, full = false, newWriter = false): GasFakes {
  const fakes = createGasFakes({ timeZone: 'America/New_York', start: '2026-11-30T14:00:00Z' });
  installGasFakes(globalThis, fakes);
  runSetup();
  fakes.endExecution();
  const ss = [...fakes.SpreadsheetApp.spreadsheets.values()][0]!;
  const settings = ss.peekSheet('Settings')!;
  const teamHeader = settings.peekValues().findIndex((r) => r[0] === 'Name');
  settings.seedRows(teamHeader + 2, [['Ana Writer', 'ana@cead-team.example', 'writer']]);
  const orders = ss.peekSheet('Orders')!;
  const rows = Array.from({ length: existingOrders }, (_, i) => orderToRow(seededOrder(i)));
  const wanted = rows.length + 1 + (full ? 0 : ROOM_ROWS);
  if (wanted > orders.getMaxRows()) orders.insertRowsAfter(orders.getMaxRows(), wanted - orders.getMaxRows());
  if (rows.length > 0) orders.getRange(2, 1, rows.length, ORDER_HEADERS.length).setValues(rows);
  if (!newWriter) {
    const parentId = new ScriptState().get(PROPERTY.folderId)!;
    new DriveDocSharing({ parentId, state: new ScriptState() }).folderFor?.('ana@cead-team.example');
  }
  fakes.endExecution();
  fakes.world.ledger.reset();
  return fakes;
}

function callsPerSubmission(existing: number, full = false, newWriter = false): { all: number; io: number } {
  const fakes = office(existing, full, newWriter);
  const form = [...fakes.FormApp.forms.values()][0]!;
  const response = form.submit(exampleAnswers());
  const mark = fakes.world.ledger.mark();
  const outcome = handleFormSubmit(
    { response } as unknown as GoogleAppsScript.Events.FormsOnFormSubmit,
    letterDrafter,
  );
  fakes.endExecution();
  if (outcome?.status !== 'DRAFTING') throw new Error(`intake did not draft: ${JSON.stringify(outcome)}`);
  return { all: fakes.world.ledger.since(mark).length, io: fakes.world.ledger.since(mark, 'io').length };
}

/** An example's answers by item title, as the Form gives them (`npm run bench` runs from the repository). */
function exampleAnswers(): Record<string, string> {
  const byId = JSON.parse(readFileSync(join(process.cwd(), 'examples/answers/rosa-delgado.json'), 'utf8'));
  const raw: Record<string, string> = {};
  for (const item of ITEMS)
    if (byId[item.id] !== undefined && byId[item.id] !== '') raw[item.title] = String(byId[item.id]);
  return raw;
}

/** The sweep's own work over 10,000 orders, with in-memory ports: deadlines, reminders, the diff to write. */
function coreSweepMs(): number {
  const times: number[] = [];
  const deps = backOffice('2026-12-01T15:00:00Z');
  for (let i = 0; i < 10000; i++) {
    const o = seededOrder(i);
    deps.orders.rows.set(o.orderId, o);
  }
  deps.mailer.quota = 0;
  const settings = {
    ...DEFAULT_SETTINGS,
    team: [{ name: 'Ana', email: 'ana@cead-team.example', roles: ['writer' as const] }],
  };
  for (let run = 0; run < 7; run++) {
    deps.clock.advance(7 * 24 * 60 * 60 * 1000);
    const t0 = process.hrtime.bigint();
    sweep(deps, { settings });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function rows(): Promise<BenchRow[]> {
  // The fakes bring their own Date (virtual time) and console (captured): put the real ones back after.
  const { Date: RealDate, console: realConsole } = globalThis;
  try {
    const small = callsPerSubmission(10);
    const large = callsPerSubmission(10000);
    const growing = callsPerSubmission(10000, true);
    const firstForWriter = callsPerSubmission(10, false, true);

    const fakes = office(10000);
    const times: number[] = [];
    let reads = 0;
    let writes = 0;
    for (let run = 0; run < 5; run++) {
      // A week later each time (always a weekday), so every open order's days left changes and the sweep writes.
      fakes.world.clock.advance(7 * 24 * 60 * 60 * 1000);
      const mark = fakes.world.ledger.mark();
      const t0 = process.hrtime.bigint();
      const report = handleSweep(letterDrafter);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      fakes.endExecution();
      if (!report || report.refreshed === 0)
        throw new Error(`the sweep refreshed nothing: ${JSON.stringify(report?.problems.slice(0, 3))}`);
      const calls = fakes.world.ledger.since(mark).map((c) => `${c.service}.${c.method}`);
      reads = Math.max(reads, calls.filter((c) => SHEET_READS.includes(c)).length);
      writes = Math.max(writes, calls.filter((c) => SHEET_WRITES.includes(c)).length);
    }
    /** The target and the "does not grow with the orders" check, for one way of counting calls. */
    const perSubmission = (what: string, key: 'all' | 'io'): BenchRow[] => [
      {
        figure: `${what} per submission, 10 orders`,
        value: small[key],
        unit: 'calls',
        target: `≤ ${TARGET_CALLS}`,
        ok: small[key] <= TARGET_CALLS,
      },
      {
        figure: `${what} per submission, 10,000 orders`,
        value: large[key],
        unit: 'calls',
        target: `= ${small[key]} (10 orders)`,
        ok: large[key] === small[key],
      },
    ];
    return [
      ...perSubmission('service calls', 'all'),
      {
        figure: 'service calls, the submission that fills the Orders sheet (grows it)',
        value: growing.all,
        unit: 'calls',
      },
      {
        figure: "service calls, a writer's first order (makes and shares their folder)",
        value: firstForWriter.all,
        unit: 'calls',
      },
      ...perSubmission('round trips', 'io'),
      {
        figure: 'Sheet reads per sweep, 10,000 orders',
        value: reads,
        unit: 'reads',
        target: '≤ 2',
        ok: reads <= 2,
      },
      {
        figure: 'Sheet writes per sweep, 10,000 orders',
        value: writes,
        unit: 'writes',
        target: '≤ 2',
        ok: writes <= 2,
      },
      { figure: 'sweep time, 10,000 orders (median of 5, fakes included)', value: median(times), unit: 'ms' },
      { figure: 'sweep compute, 10,000 orders (core only, median of 7)', value: coreSweepMs(), unit: 'ms' },
    ];
  } finally {
    globalThis.Date = RealDate;
    globalThis.console = realConsole;
  }
}
