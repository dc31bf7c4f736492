/**
 * `cead google` end to end over real HTTP (google-harness.ts). The same scenarios as the Apps Script
 * bundle tests (test/gas/bundle-flow.test.ts): setup twice changes nothing; a submission gives one order,
 * one Doc with the letter's text and the session's threads; the same response synced twice gives one
 * order; 429 with Retry-After is honoured; an Apps Script intake and a `cead google sync` of the same
 * response, either first, give one order (the emulator runs the Apps Script trigger, over the in-memory
 * fakes, on the very state its REST API serves).
 */
import { orderIdFor } from '../../../src/core/orders';
import { ITEMS } from '../../../src/core/questionnaire';
import { expectedDraft, GoogleHarness, RAW, WRITES } from './google-harness';

const h = new GoogleHarness();
beforeAll(() => h.start());
afterAll(() => h.stop());

describe('cead google setup', () => {
  it('makes the Form, folder, tracker and lock Doc once; run again it changes nothing', async () => {
    await h.fresh();
    const first = await h.cead('setup');
    expect(first.code).toBe(0);
    expect(first.json.changes).toEqual(
      expect.arrayContaining([
        'Created the orders folder.',
        'Created the questionnaire form.',
        'Created the tracker spreadsheet.',
        'Published the form.',
        'Created the lock document.',
      ]),
    );
    const titles = await h.emulator.control<string[]>('titles', { formId: h.ids().formId });
    expect(titles).toEqual(expect.arrayContaining(Object.keys(RAW)));
    const second = await h.cead('setup');
    expect(second.json.changes).toEqual([]);
    expect(second.calls.filter((c) => WRITES.test(c.method))).toEqual([]);
    expect(h.ids()).toEqual(first.json['ids']);
  });

  it('says what it would make on a dry run, and makes nothing', async () => {
    await h.fresh();
    const dry = await h.cead('setup', '--dry-run');
    expect(dry.json.changes).toContain('Created the tracker spreadsheet.');
    expect(dry.calls.filter((c) => WRITES.test(c.method))).toEqual([]);
  });
});

describe('cead google sync', () => {
  beforeEach(async () => {
    await h.fresh();
    await h.cead('setup');
  });

  it('turns a submission into one order, one Doc with the letter’s text and the session’s threads', async () => {
    const responseId = await h.submit();
    const dry = await h.cead('sync', '--dry-run');
    expect(dry.json['wouldTakeIn']).toEqual([responseId]);
    expect(dry.calls.filter((c) => WRITES.test(c.method))).toEqual([]);
    const run = await h.cead('sync');
    expect([run.code, run.json['problems']]).toEqual([0, []]);
    expect(run.json.intake?.map((o) => o.action)).toEqual(['created']);
    const rows = await h.rows('Orders');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(orderIdFor(responseId));
    expect(rows[0]).toContain('DRAFTING');
    const docs = await h.drafts();
    expect(docs).toHaveLength(1);
    const expected = expectedDraft(responseId);
    expect(await h.docText(docs[0]?.id ?? '')).toBe(expected.text);
    expect(await h.comments(docs[0]?.id ?? '')).toHaveLength(expected.openQuestions.length);
    expect(JSON.parse((await h.rows('Responses'))[0]?.slice(2).join('') ?? '')).toEqual(RAW);
  });

  it('posts the first check’s findings as Drive comments, once, as Apps Script does', async () => {
    // The example's answers with one faint-praise line the composer keeps ("punctual").
    const title = ITEMS.find((i) => i.id === 'competency.professionalism')!.title;
    await h.submit({ ...RAW, [title]: `${RAW[title]} I was always punctual.` });
    expect((await h.cead('sync')).code).toBe(0);
    const docs = await h.drafts();
    const checkComments = async () =>
      ((await h.comments(docs[0]?.id ?? '')) as { content?: string }[])
        .map((c) => c.content ?? '')
        .filter((c) => c.startsWith('[CEAD check '))
        .map((c) => c.split(']')[0]);
    expect(await checkComments()).toEqual(['[CEAD check DOUBT_RAISER']);
    // A second sync takes nothing new in and posts nothing again.
    expect((await h.cead('sync')).code).toBe(0);
    expect(await checkComments()).toEqual(['[CEAD check DOUBT_RAISER']);
  });

  it('syncing the same response twice gives one order and one Doc', async () => {
    await h.submit();
    const once = await h.cead('sync');
    expect([once.code, once.json['problems']]).toEqual([0, []]);
    const again = await h.cead('sync');
    expect([again.json.intake, (again.json['sweep'] as { intake: unknown[] }).intake]).toEqual([[], []]);
    // The only writes are the lock's.
    expect(again.calls.filter((c) => WRITES.test(c.method)).map((c) => c.method)).toEqual([
      'docs.documents.batchUpdate',
      'docs.documents.batchUpdate',
    ]);
    // And the reads: one tracker read, one listing, one forms.get.
    expect(again.calls).toHaveLength(5);
    expect(await h.rows('Orders')).toHaveLength(1);
    expect(await h.drafts()).toHaveLength(1);
  });

  it('costs at most 12 HTTP requests per submission once the machine has run and the writer has a folder', async () => {
    await h.submit();
    const first = await h.cead('sync');
    expect(first.json.intake?.map((o) => o.action)).toEqual(['created']);
    await h.submit();
    const next = await h.cead('sync');
    expect(next.json.intake?.map((o) => o.action)).toEqual(['created']);
    const methods = next.calls.map((c) => c.method);
    // The lease: one write to take it on the revision this machine left it free at, one to let it go.
    expect(methods.filter((m) => m.startsWith('docs.documents.get'))).toEqual([]);
    // One tracker read, the answers and order before anything is made, the final write.
    expect(methods.filter((m) => m === 'sheets.spreadsheets.values.batchGet')).toHaveLength(1);
    expect(methods.filter((m) => m === 'sheets.spreadsheets.values.batchUpdate')).toHaveLength(2);
    expect(methods.filter((m) => m.startsWith('forms.'))).toHaveLength(2);
    // The writer's folder is known: no search, no folder, no share.
    expect(methods.filter((m) => /files\.list|permissions\./.test(m))).toEqual([]);
    expect(next.calls.length).toBeLessThanOrEqual(12);
    // What the emulator counted is what the command says it sent.
    const sent = Object.values(next.json['requests'] as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(sent).toBe(next.calls.length);
    console.log(
      `cead google sync, HTTP requests per submission: ${next.calls.length} (the machine's and the writer's first: ${first.calls.length})`,
    );
  });

  it('honours Retry-After on a 429 and still makes one order', async () => {
    await h.submit();
    await h.emulator.failNth('docs.documents.batchUpdate', 2, { status: 429, retryAfter: 30 });
    const run = await h.cead('sync');
    expect(run.code).toBe(0);
    expect(h.slept).toContain(30_000);
    expect(await h.rows('Orders')).toHaveLength(1);
    expect(await h.drafts()).toHaveLength(1);
  });
});

describe('cead google and the Apps Script deployment on one tracker', () => {
  beforeEach(async () => {
    await h.fresh();
    await h.cead('setup');
  });

  /** The Apps Script form-submit trigger, run by the emulator on its own state (its in-memory fakes). */
  const appsScriptIntake = (responseId: string) =>
    h.emulator.control<{ action: string; orderId: string } | null>('gasIntake', { ...h.ids(), responseId });

  it('gives one order when Apps Script took the response in first and cead google syncs it', async () => {
    const responseId = await h.submit();
    const gas = await appsScriptIntake(responseId);
    expect([gas?.action, gas?.orderId]).toEqual(['created', orderIdFor(responseId)]);
    expect(await h.rows('Orders')).toHaveLength(1);
    const run = await h.cead('sync');
    expect([run.code, run.json.intake]).toEqual([0, []]);
    const rows = await h.rows('Orders');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('DRAFTING');
    const docs = await h.drafts();
    expect(docs).toHaveLength(1);
    expect(await h.docText(docs[0]?.id ?? '')).toBe(expectedDraft(responseId).text);
    expect(await h.rows('Responses')).toHaveLength(1);
  });

  it('gives one order when cead google synced the response first and the Apps Script trigger fires', async () => {
    const responseId = await h.submit();
    expect((await h.cead('sync')).json.intake?.map((o) => o.action)).toEqual(['created']);
    const gas = await appsScriptIntake(responseId);
    expect(gas).toMatchObject({ action: 'unchanged', status: 'DRAFTING' });
    expect(await h.rows('Orders')).toHaveLength(1);
    expect(await h.drafts()).toHaveLength(1);
    expect(await h.rows('Responses')).toHaveLength(1);
    expect(await h.docText((await h.drafts())[0]?.id ?? '')).toBe(expectedDraft(responseId).text);
  });
});

describe('cead google sync on a terminal', () => {
  it('shows a long sync’s progress on a terminal, and none in --json', async () => {
    await h.fresh();
    await h.cead('setup');
    for (let i = 0; i < 3; i++) await h.submit();
    const run = await h.onTerminal('sync');
    expect(run.code).toBe(0);
    const lines = run.err.split('\r').filter((l) => l !== '');
    expect(lines[0]).toMatch(/^taking in +\[\.+\] 0\/3/);
    expect(lines.at(-2)).toMatch(/^taking in +\[#+\] 3\/3 .*done/);
    // Cleared at the end, so the summary starts on a clean line.
    expect(lines.at(-1)).toBe('\x1b[K');
    expect(run.out).toMatch(/^sync: 3 response\(s\) taken in \(created 3,/);
    await h.submit();
    const quiet = await h.onTerminal('sync', '--json');
    expect(quiet.err).toBe('');
    expect(JSON.parse(quiet.out).intake).toHaveLength(1);
  });
});
