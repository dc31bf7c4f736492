import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAnswersJson } from '../../../src/core/answers';
import { composeLetter } from '../../../src/core/letter/compose';
import { main } from '../../../src/node/cli';
import { readTracker } from '../../../src/node/tracker-xlsx';
import { type GeminiServer, startGeminiServer, textResponse } from '../../fakes/gemini-server';
import { recordingIo } from './fake-io';

const raw = JSON.parse(readFileSync('examples/answers/rosa-delgado.json', 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'cead-rewrite-'));
const answersFile = join(dir, 'answers.json');
const letterFile = join(dir, 'letter.txt');
writeFileSync(answersFile, JSON.stringify({ ...raw, 'consent.modelAssist': 'Yes' }));
writeFileSync(letterFile, composeLetter(parseAnswersJson(raw).answers, { letterDate: '2026-08-10' }).text);
const FAITHFUL =
  'Dr. Delgado found that our patients with heart failure were often discharged without a follow-up appointment, so she made a checklist with the case manager, and the team used it for the rest of the month.';

let server: GeminiServer;
beforeEach(async () => {
  server = await startGeminiServer();
});
afterEach(() => server.close());

async function run(argv: string[], env: Record<string, string>) {
  const io = { ...recordingIo(), env };
  const code = await main(['rewrite', ...argv], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('cead rewrite', () => {
  it('sends one call per section and prints the guarded suggestions', async () => {
    // Each section gets the same text: only Systems-Based Practice's own facts support it.
    server.fallback = { json: textResponse(FAITHFUL) };
    const env = { CEAD_MODEL_API_KEY: 'k', CEAD_MODEL_BASE_URL: server.baseUrl, CEAD_MODEL: 'gemini-test' };
    const r = await run([letterFile, '--answers', answersFile, '--json'], env);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { section: string; status: string; calls: number }[];
    expect(rows).toHaveLength(6);
    expect(server.requests).toHaveLength(6);
    expect(server.requests.every((q) => q.model === 'gemini-test')).toBe(true);
    expect(rows.find((x) => x.section === 'systemsBasedPractice')).toMatchObject({
      status: 'rewritten',
      calls: 1,
    });
    expect(rows.filter((x) => x.status === 'refused').length).toBe(5);
  });

  it('sends nothing without consent, and refuses to run without a model', async () => {
    const noConsent = join(dir, 'no-consent.json');
    writeFileSync(noConsent, JSON.stringify(raw));
    const env = { CEAD_MODEL_API_KEY: 'k', CEAD_MODEL_BASE_URL: server.baseUrl };
    const r = await run([letterFile, '--answers', noConsent], env);
    expect(r).toMatchObject({ code: 1 });
    expect(r.err).toMatch(/not said yes to consent.modelAssist; nothing was sent/);
    expect(server.requests).toHaveLength(0);
    const none = await run([letterFile, '--answers', answersFile], {});
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no model is configured/);
  });
});

describe('cead draft --rewrite', () => {
  it('rewrites a consenting candidate’s sections where the guard accepts, and logs ids only', async () => {
    server.fallback = { json: textResponse(FAITHFUL) };
    const out = join(dir, 'orders');
    const io = { ...recordingIo(), env: { CEAD_MODEL_API_KEY: 'k', CEAD_MODEL_BASE_URL: server.baseUrl } };
    const code = await main(['draft', answersFile, '--out', out, '--rewrite', '--json'], io);
    expect(code).toBeLessThan(2);
    expect(server.requests).toHaveLength(6);
    const [order] = JSON.parse(io.stdout()) as { orderId: string; files: string[] }[];
    const html = readFileSync(order!.files.find((f) => f.endsWith('letter.html'))!, 'utf8');
    expect(html).toContain(FAITHFUL.replace(/'/g, '&#39;').slice(0, 60));
    const records = io
      .stderr()
      .split('\n')
      .filter((l) => l.includes('rewrite:'));
    expect(records).toHaveLength(6);
    expect(records.join('\n')).toMatch(
      /systemsBasedPractice: rewritten \(gemini-2\.5-flash, prompt lor-section\/2, 1 call\)/,
    );
    expect(records.join('\n')).not.toMatch(/Delgado|heart failure/);
    // The tracker's "Model rewrite" column says the same to the manager, in ids only.
    const tracked = (await readTracker(join(out, 'tracker.xlsx')))!;
    expect([...tracked.orders.values()][0]!.modelRewrite).toMatch(
      /^\d{4}-\d{2}-\d{2} gemini-2\.5-flash \(prompt lor-section\/2\): rewrote systemsBasedPractice; kept \w+ \(refused by the guard\)/,
    );
  });

  it('sends nothing for a candidate who did not consent', async () => {
    const noConsent = join(dir, 'no-consent-draft.json');
    writeFileSync(noConsent, JSON.stringify(raw));
    const io = { ...recordingIo(), env: { CEAD_MODEL_API_KEY: 'k', CEAD_MODEL_BASE_URL: server.baseUrl } };
    await main(['draft', noConsent, '--out', join(dir, 'orders2'), '--rewrite'], io);
    expect(server.requests).toHaveLength(0);
    expect(io.stderr()).not.toContain('rewrite:');
    const tracked = (await readTracker(join(dir, 'orders2', 'tracker.xlsx')))!;
    expect([...tracked.orders.values()][0]!.modelRewrite).toBe('');
  });
});
