/**
 * `cead google` end to end over real HTTP: the command in this process, Google's clients in the bridge's
 * worker, the REST emulator in a child process. The same scenarios as the Apps Script bundle tests
 * (test/gas/bundle-flow.test.ts): setup twice changes nothing; a submission gives one order, one Doc with
 * the letter's text and the session's threads; the same response synced twice gives one order; every call
 * in the intake path failed once, then sync again, recovers everything; 429 with Retry-After is honoured.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAnswerRecord } from '../../../src/core/answers';
import { draftLetter } from '../../../src/core/letter-draft';
import { orderIdFor } from '../../../src/core/orders';
import { googleCommand } from '../../../src/node/commands/google';
import type { GoogleIds } from '../../../src/node/google/google-config';
import { readIds } from '../../../src/node/google/google-config';
import { SyncBridge } from '../../../src/node/google/sync-bridge';
import type { Io } from '../../../src/node/io';
import { localClock } from '../../../src/node/local-clock';
import { rawFromExample } from '../../core/back-office-ports';
import type { SeenCall } from '../../fakes/google-rest-emulator';
import {
  buildGoogleWorker,
  type RemoteRestEmulator,
  startRemoteRestEmulator,
} from '../../fakes/remote-rest-emulator';

const RAW = rawFromExample('rosa-delgado');
let emulator: RemoteRestEmulator;
let bridge: SyncBridge;
let dir: string;
let virtualNow = 0;
const slept: number[] = [];

beforeAll(async () => {
  emulator = await startRemoteRestEmulator();
  bridge = new SyncBridge(buildGoogleWorker(), {
    rootUrl: emulator.baseUrl,
    auth: { kind: 'token', accessToken: 't' },
  });
});
afterAll(() => {
  bridge.close();
  emulator.close();
});

/** A fresh world: an empty emulator and an empty config folder. */
async function fresh(): Promise<void> {
  await emulator.control('reset');
  dir = mkdtempSync(join(tmpdir(), 'cead-google-'));
  virtualNow = Date.parse(await emulator.control<string>('now'));
  slept.length = 0;
}

interface Ran {
  readonly code: number;
  readonly json: Record<string, unknown> & { changes?: string[]; intake?: { action: string }[] };
  readonly calls: SeenCall[];
}

async function cead(...args: string[]): Promise<Ran> {
  const before = (await emulator.calls()).length;
  const out: string[] = [];
  const io: Io = {
    out: (t) => out.push(t),
    err: (t) => out.push(t),
    errIsTTY: false,
    cwd: dir,
    now: () => new Date(virtualNow),
    env: {},
  };
  const clock = {
    ...localClock(() => new Date(virtualNow)),
    sleep: (ms: number) => {
      slept.push(ms);
      virtualNow += ms;
    },
  };
  const command = googleCommand({
    port: bridge,
    clock,
    stateFile: join(dir, 'state.json'),
    holder: 'test-run',
  });
  const code = await command.run(
    [...args, '--config', join(dir, 'google.json'), '--json', '--time-zone', 'America/New_York'],
    io,
  );
  const text = out.join('');
  let json = {};
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`not JSON (exit ${code}): ${text}`);
  }
  return { code, json, calls: (await emulator.calls()).slice(before) };
}

const ids = (): GoogleIds => readIds(join(dir, 'google.json')) as GoogleIds;
const WRITES = /\.(create|update|batchUpdate|setPublishSettings)$/;

async function submit(raw = RAW): Promise<string> {
  return emulator.control<string>('submit', {
    formId: ids().formId,
    answers: raw,
    email: 'rosa@example.org',
  });
}

async function ordersRows(): Promise<unknown[][]> {
  const rows = await emulator.control<unknown[][]>('sheet', {
    spreadsheetId: ids().spreadsheetId,
    name: 'Orders',
  });
  return rows.slice(1).filter((r) => r.some((c) => c !== ''));
}

async function drafts(): Promise<{ id: string; appProperties: Record<string, string> }[]> {
  const files =
    await emulator.control<
      { id: string; mimeType: string; appProperties: Record<string, string>; trashed: boolean }[]
    >('files');
  return files.filter((f) => f.appProperties['ceadOrderId'] && !f.trashed);
}

describe('cead google setup', () => {
  it('makes the Form, folder, tracker and lock Doc once; run again it changes nothing', async () => {
    await fresh();
    const first = await cead('setup');
    expect(first.code).toBe(0);
    expect(first.json.changes).toEqual(
      expect.arrayContaining([
        'Created the orders folder.',
        'Created the questionnaire form.',
        'Created the tracker spreadsheet.',
        'Published the form.',
      ]),
    );
    const titles = await emulator.control<string[]>('titles', { formId: ids().formId });
    expect(titles).toEqual(expect.arrayContaining(Object.keys(RAW)));
    const second = await cead('setup');
    expect(second.json.changes).toEqual([]);
    expect(second.calls.filter((c) => WRITES.test(c.method))).toEqual([]);
    expect(ids()).toEqual(first.json['ids']);
  });
});

describe('cead google sync', () => {
  beforeEach(async () => {
    await fresh();
    await cead('setup');
  });

  it('turns a submission into one order, one Doc with the letter’s text and the session’s threads', async () => {
    const responseId = await submit();
    const dry = await cead('sync', '--dry-run');
    expect(dry.json['wouldTakeIn']).toEqual([responseId]);
    expect(dry.calls.filter((c) => WRITES.test(c.method))).toEqual([]);
    const run = await cead('sync');
    expect([run.code, run.json['problems'], run.json['sweep']]).toEqual([0, [], expect.anything()]);
    expect(run.json.intake?.map((o) => o.action)).toEqual(['created']);
    const rows = await ordersRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(orderIdFor(responseId));
    const docs = await drafts();
    expect(docs).toHaveLength(1);
    const parsed = parseAnswerRecord(RAW);
    const expected = draftLetter(parsed.answers, { orderId: orderIdFor(responseId), date: '2026-11-30' });
    expect(await emulator.control('docText', { documentId: docs[0]?.id })).toBe(expected.text);
    const threads = await emulator.control<unknown[]>('comments', { fileId: docs[0]?.id });
    expect(threads).toHaveLength(expected.openQuestions.length);
    const intakeCalls = run.calls.length;
    console.log(`cead google sync of one submission: ${intakeCalls} HTTP requests`);
  });

  it('syncing the same response twice gives one order and one Doc', async () => {
    await submit();
    const once = await cead('sync');
    expect([once.code, once.json['problems']]).toEqual([0, []]);
    const again = await cead('sync');
    expect([again.json.intake, (again.json['sweep'] as { intake: unknown[] }).intake]).toEqual([[], []]);
    expect(again.calls.filter((c) => WRITES.test(c.method) && !c.method.startsWith('docs.'))).toEqual([]);
    expect(await ordersRows()).toHaveLength(1);
    expect(await drafts()).toHaveLength(1);
  });

  it('honours Retry-After on a 429 and still makes one order', async () => {
    await submit();
    await emulator.failNth('docs.documents.batchUpdate', 2, { status: 429, retryAfter: 30 });
    const run = await cead('sync');
    expect(run.code).toBe(0);
    expect(slept).toContain(30_000);
    expect(await ordersRows()).toHaveLength(1);
  });
});
