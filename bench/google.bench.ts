/**
 * `cead google` against the REST emulator (one loopback HTTP server in a child process, reached by
 * Google's own Node clients through the synchronous bridge, as in test/node/google): HTTP requests per
 * submission with 10 and with 10,000 orders in the tracker, what a sweep over 10,000 orders reads and
 * writes in Sheets, and how long a sync of 1,000 new responses takes.
 *
 * A submission is counted as a scheduled run sees it: the machine has run before (it let the lease go
 * last) and the writer has had an order (their folder exists), as the Apps Script figure counts it once
 * the writer has had an order. The emulator answers in well under a millisecond, so the sync time is
 * CEAD's own work plus the clients' and the bridge's, not Google's latency (about 12 requests a response
 * at 50-200 ms each would add minutes on the real APIs).
 */
import { GoogleHarness } from '../test/node/google/google-harness';
import type { BenchRow } from './types';

const TARGET_REQUESTS = 12;
const SHEET_READS = ['sheets.spreadsheets.values.batchGet'];
const SHEET_WRITES = ['sheets.spreadsheets.values.batchUpdate', 'sheets.spreadsheets.batchUpdate'];
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

async function setUp(h: GoogleHarness, orders: number): Promise<void> {
  await h.fresh();
  await h.cead('setup');
  if (orders > 0) {
    await h.emulator.control('seedOrders', {
      spreadsheetId: h.ids().spreadsheetId,
      count: orders,
      writer: 'ana@cead-team.example',
    });
  }
}

/** The requests of the second submission's sync (the first one made the writer's folder). */
async function requestsPerSubmission(h: GoogleHarness, orders: number): Promise<number> {
  await setUp(h, orders);
  await h.submit();
  await h.cead('sync');
  await h.submit();
  const run = await h.cead('sync');
  const created = (run.json.intake ?? []).filter((o) => o.action === 'created').length;
  if (created !== 1) throw new Error(`the sync did not take the response in: ${JSON.stringify(run.json)}`);
  return run.calls.length;
}

/** A sweep a week on, so that every open order's days left change and the sweep writes them. */
async function sweepCalls(h: GoogleHarness): Promise<{ reads: number; writes: number; all: number }> {
  h.advance(WEEK_MS);
  const run = await h.cead('sweep');
  const refreshed = (run.json['sweep'] as { refreshed?: number } | undefined)?.refreshed ?? 0;
  if (refreshed === 0)
    throw new Error(`the sweep refreshed nothing: ${JSON.stringify(run.json['problems'])}`);
  const methods = run.calls.map((c) => c.method);
  return {
    reads: methods.filter((m) => SHEET_READS.includes(m)).length,
    writes: methods.filter((m) => SHEET_WRITES.includes(m)).length,
    all: methods.length,
  };
}

async function syncOfNew(h: GoogleHarness, responses: number): Promise<{ ms: number; requests: number }> {
  await setUp(h, 0);
  for (let i = 0; i < responses; i++) await h.submit();
  const started = performance.now();
  const run = await h.cead('sync');
  const ms = performance.now() - started;
  const created = (run.json.intake ?? []).filter((o) => o.action === 'created').length;
  if (created !== responses) throw new Error(`the sync created ${created} of ${responses} orders`);
  return { ms, requests: run.calls.length };
}

export async function rows(): Promise<BenchRow[]> {
  const h = new GoogleHarness();
  await h.start();
  try {
    const small = await requestsPerSubmission(h, 10);
    const large = await requestsPerSubmission(h, 10000);
    const swept = await sweepCalls(h);
    const sync = await syncOfNew(h, 1000);
    return [
      {
        figure: 'HTTP requests per submission, 10 orders',
        value: small,
        unit: 'requests',
        target: `≤ ${TARGET_REQUESTS}`,
        ok: small <= TARGET_REQUESTS,
      },
      {
        figure: 'HTTP requests per submission, 10,000 orders',
        value: large,
        unit: 'requests',
        target: `≤ ${TARGET_REQUESTS}, = ${small} (10 orders)`,
        ok: large <= TARGET_REQUESTS && large === small,
      },
      {
        figure: 'Sheet reads per sweep, 10,000 orders',
        value: swept.reads,
        unit: 'reads',
        target: '≤ 2',
        ok: swept.reads <= 2,
      },
      {
        figure: 'Sheet writes per sweep, 10,000 orders',
        value: swept.writes,
        unit: 'writes',
        target: '≤ 2',
        ok: swept.writes <= 2,
      },
      { figure: 'HTTP requests per sweep, 10,000 orders', value: swept.all, unit: 'requests' },
      { figure: 'sync of 1,000 new responses (emulator)', value: sync.ms / 1000, unit: 's' },
      { figure: 'HTTP requests, sync of 1,000 new responses', value: sync.requests, unit: 'requests' },
    ];
  } finally {
    h.stop();
  }
}
