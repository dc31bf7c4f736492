/**
 * Model assist through the built bundle: a submission drafted with the team's switch off or on, the
 * candidate's consent given or not, and the model answering well, over quota, too late or in the wrong
 * shape. The Apps Script adapter's requests go over real HTTP (the UrlFetchApp and Vertex AI fakes) to the
 * loopback Gemini server in a child process, which refuses a body the service would refuse.
 */
import { parseAnswerRecord } from '../../src/core/answers';
import { composeLetter } from '../../src/core/letter/compose';
import { draftLetter } from '../../src/core/letter-draft';
import { orderIdFor } from '../../src/core/orders';
import { ITEMS } from '../../src/core/questionnaire';
import { planSections, type SectionInput } from '../../src/core/rewrite/section-inputs';
import { TEST_BUILD_DIR } from '../build-output';
import { rawFromExample } from '../core/back-office-ports';
import { type Scripted, textResponse } from '../fakes/gemini-server';
import { type RemoteGeminiServer, startRemoteGeminiServer } from '../fakes/remote-gemini-server';
import { formatDate } from '../fakes/script-services';
import { FAKE_OAUTH_TOKEN } from '../fakes/url-fetch';
import { type BackOffice, column, dataRows, loadBackOffice } from './bundle-harness';

const TZ = 'America/New_York';
const TEST_KEY = 'test-key-not-real';
const title = (id: string) => ITEMS.find((i) => i.id === id)!.title;
const CONSENTED = { ...rawFromExample('rosa-delgado'), [title('consent.modelAssist')]: 'Yes' };
const EMAIL = CONSENTED[title('candidate.email')]!;
const PHONE = CONSENTED[title('recommender.phone')]!;
const FAITHFUL =
  'Dr. Delgado found that our patients with heart failure were often discharged without a follow-up appointment, so she made a checklist with the case manager, and the team used it for the rest of the month.';

let server: RemoteGeminiServer;
beforeEach(async () => {
  server = await startRemoteGeminiServer();
});
afterEach(() => server.close());

type Service = 'off' | 'Gemini API' | 'Vertex AI';

/** A set-up back office with one writer and model assist as given, pointed at the loopback server. */
function ready(service: Service, withKey = true): BackOffice {
  const office = loadBackOffice(TEST_BUILD_DIR, { timeZone: TZ, start: '2026-11-30T14:00:00Z' });
  if (office.run('setup').error) throw new Error('setup failed');
  const settings = office.sheet('Settings');
  const rowOf = (key: string) => settings.peekValues().findIndex((r) => r[0] === key) + 1;
  settings.seedRows(rowOf('Name') + 1, [['Ana Writer', 'ana@cead-team.example', 'writer']]);
  settings.seedRows(rowOf('Model assist'), [['Model assist', service]]);
  settings.seedRows(rowOf('Vertex project'), [['Vertex project', 'placeholder-project']]);
  const props = office.fakes.PropertiesService.script.data;
  if (withKey) props.set('CEAD_MODEL_API_KEY', TEST_KEY);
  props.set('CEAD_MODEL_BASE_URL', server.baseUrl);
  office.fakes.VertexAI.target = server.baseUrl;
  office.fakes.UrlFetchApp.deadlineMs = 500;
  office.fakes.VertexAI.deadlineMs = 500;
  return office;
}

/** The sections a rewrite sends for these answers, as the core plans them. */
function planned(raw: Record<string, string>, office: BackOffice): SectionInput[] {
  const answers = parseAnswerRecord(raw).answers;
  const letterDate = formatDate(office.fakes.world.clock.now(), TZ, 'yyyy-MM-dd');
  return planSections(composeLetter(answers, { letterDate }), answers).flatMap((p) =>
    p.ok ? [p.input] : [],
  );
}

/** The rule-based Doc text for these answers, as intake with the switch off writes it. */
function ruleText(raw: Record<string, string>, office: BackOffice, responseId: string): string {
  const date = formatDate(office.fakes.world.clock.now(), TZ, 'yyyy-MM-dd');
  return draftLetter(parseAnswerRecord(raw).answers, { orderId: orderIdFor(responseId), date }).text;
}

function submit(office: BackOffice, raw: Record<string, string>) {
  const response = office.form().submit(raw, EMAIL);
  const outcome = office.submitEvent(response);
  expect(outcome.error).toBeUndefined();
  expect(column(office.sheet('Orders'), 'Status')).toEqual(['DRAFTING']);
  const docId = String(column(office.sheet('Orders'), 'Doc link')[0]).match(/\/d\/([^/]+)/)![1]!;
  return { id: response.getId(), docId };
}

const modelCalls = (office: BackOffice) =>
  office.fakes.UrlFetchApp.sent.length + office.fakes.VertexAI.sent.length;
const rewriteLog = (office: BackOffice) =>
  dataRows(office.sheet('Log'))
    .filter((r) => r[3] === 'model-rewrite')
    .map((r) => String(r[6]));
/** The order's "Model rewrite" cell, as the manager reads it in the tracker. */
const rewriteCell = (office: BackOffice) => column(office.sheet('Orders'), 'Model rewrite')[0];
const today = (office: BackOffice) => formatDate(office.fakes.world.clock.now(), TZ, 'yyyy-MM-dd');
const comments = (office: BackOffice, docId: string) =>
  office.fakes.Drive.liveComments(docId).map((c) => String(c.content));

/** Nothing the fakes sent or the Log holds gives away contact details, prompts or responses. */
function expectPrivate(office: BackOffice, inputs: readonly SectionInput[]) {
  const sent = JSON.stringify([office.fakes.UrlFetchApp.sent, office.fakes.VertexAI.sent]);
  expect(sent).not.toContain(EMAIL);
  expect(sent).not.toContain(PHONE);
  const log = JSON.stringify(dataRows(office.sheet('Log')));
  for (const input of inputs) {
    expect(log).not.toContain(input.ruleText.slice(0, 40));
    expect(log).not.toContain(input.source.slice(0, 40));
  }
  expect(log).not.toContain(FAITHFUL.slice(0, 40));
  expect(log).not.toContain('physician’s voice');
}

/** One scripted answer per planned section: the faithful rewrite for Systems-Based Practice. */
function answersFor(inputs: readonly SectionInput[]): Scripted[] {
  return inputs.map((i) => ({
    json: textResponse(i.sectionId === 'systemsBasedPractice' ? FAITHFUL : i.ruleText),
  }));
}

describe('model assist in the bundle', () => {
  it('sends nothing while the switch is off, even with the candidate’s consent', async () => {
    const office = ready('off');
    const { id, docId } = submit(office, CONSENTED);
    expect(modelCalls(office)).toBe(0);
    expect(await server.requests()).toEqual([]);
    expect(office.fakes.Docs.textOf(docId)).toBe(ruleText(CONSENTED, office, id));
    expect(rewriteLog(office)).toEqual([]);
    expect(rewriteCell(office)).toBe('');
  });

  it('sends nothing for a candidate who did not consent, with the switch on', async () => {
    const office = ready('Gemini API');
    const raw = { ...CONSENTED, [title('consent.modelAssist')]: 'No' };
    const { id, docId } = submit(office, raw);
    expect(modelCalls(office)).toBe(0);
    expect(await server.requests()).toEqual([]);
    expect(office.fakes.Docs.textOf(docId)).toBe(ruleText(raw, office, id));
    expect(rewriteCell(office)).toBe('');
  });

  it('through the Gemini API: one call per section with the key, a faithful rewrite in the Doc, a comment, ids in the Log', async () => {
    const office = ready('Gemini API');
    const inputs = planned(CONSENTED, office);
    expect(inputs.map((i) => i.sectionId)).toContain('systemsBasedPractice');
    await server.script(...answersFor(inputs));
    const { id, docId } = submit(office, CONSENTED);

    const seen = await server.requests();
    expect(seen).toHaveLength(inputs.length);
    expect(seen.map((r) => [r.api, r.model, r.apiKey])).toEqual(
      inputs.map(() => ['gemini', 'gemini-2.5-flash', TEST_KEY]),
    );
    expect(seen.map((r) => r.body.contents[0]!.parts[0]!.text.split('\n')[0])).toEqual(
      inputs.map((i) => `Section: ${i.heading}`),
    );
    const text = office.fakes.Docs.textOf(docId);
    expect(text).toContain(FAITHFUL);
    expect(text).not.toBe(ruleText(CONSENTED, office, id));
    expect(
      comments(office, docId).some((c) => c.includes('gemini-2.5-flash rewrote Systems-Based Practice')),
    ).toBe(true);
    expect(rewriteLog(office)).toEqual(
      inputs.map((i) => `${i.sectionId}: rewritten (gemini-2.5-flash, prompt lor-section/2, 1 call)`),
    );
    expect(rewriteCell(office)).toBe(
      `${today(office)} gemini-2.5-flash (prompt lor-section/2): rewrote ${inputs.map((i) => i.sectionId).join(', ')}`,
    );
    expectPrivate(office, inputs);
  });

  it('through Vertex AI: the same calls on the project’s model path with the script’s token', async () => {
    const office = ready('Vertex AI');
    const inputs = planned(CONSENTED, office);
    await server.script(...answersFor(inputs));
    const { docId } = submit(office, CONSENTED);
    const seen = await server.requests();
    expect(seen.map((r) => [r.api, r.bearer, r.path])).toEqual(
      inputs.map(() => [
        'vertex',
        FAKE_OAUTH_TOKEN,
        '/v1/projects/placeholder-project/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent',
      ]),
    );
    expect(office.fakes.UrlFetchApp.sent).toEqual([]);
    expect(office.fakes.Docs.textOf(docId)).toContain(FAITHFUL);
    expectPrivate(office, inputs);
  });

  it('keeps the rule-based letter, with a comment, when the model is over quota: two calls a section, no more', async () => {
    const office = ready('Gemini API');
    const inputs = planned(CONSENTED, office);
    await server.setFallback({ status: 429, message: 'Resource has been exhausted (e.g. check quota).' });
    const { id, docId } = submit(office, CONSENTED);
    expect(await server.requests()).toHaveLength(inputs.length * 2);
    expect(office.fakes.Docs.textOf(docId)).toBe(ruleText(CONSENTED, office, id));
    expect(
      comments(office, docId).filter((c) => /quota is used up for now \(HTTP 429\)/.test(c)),
    ).toHaveLength(inputs.length);
    expect(rewriteLog(office)).toEqual(
      inputs.map((i) => `${i.sectionId}: failed (gemini-2.5-flash, prompt lor-section/2, 2 calls, quota)`),
    );
    expect(rewriteCell(office)).toBe(
      `${today(office)} gemini-2.5-flash (prompt lor-section/2): rewrote nothing; kept ${inputs.map((i) => `${i.sectionId} (quota)`).join(', ')}`,
    );
    expectPrivate(office, inputs);
  });

  it('tries a server error once more, after the core’s backoff, and then takes the answer', async () => {
    const office = ready('Gemini API');
    const inputs = planned(CONSENTED, office);
    await server.script({ status: 503, message: 'The model is overloaded.' }, ...answersFor(inputs));
    const slept = office.fakes.world.ledger.calls.filter((c) => c.service === 'Utilities').length;
    const { docId } = submit(office, CONSENTED);
    expect(await server.requests()).toHaveLength(inputs.length + 1);
    expect(rewriteLog(office)[0]).toBe(
      `${inputs[0]!.sectionId}: rewritten (gemini-2.5-flash, prompt lor-section/2, 2 calls)`,
    );
    expect(office.fakes.world.ledger.calls.filter((c) => c.service === 'Utilities').length).toBeGreaterThan(
      slept,
    );
    expect(office.fakes.Docs.textOf(docId)).toContain(FAITHFUL);
  });

  it('keeps the rule-based letter, with a comment, when the model answers after the deadline', async () => {
    const office = ready('Gemini API');
    const inputs = planned(CONSENTED, office);
    await server.setFallback({ json: textResponse(FAITHFUL), delayMs: 2000 });
    const { id, docId } = submit(office, CONSENTED);
    expect(office.fakes.UrlFetchApp.sent).toHaveLength(inputs.length * 2);
    expect(office.fakes.Docs.textOf(docId)).toBe(ruleText(CONSENTED, office, id));
    expect(comments(office, docId).filter((c) => /did not answer in time/.test(c))).toHaveLength(
      inputs.length,
    );
    expect(rewriteLog(office).every((l) => l.endsWith('2 calls, time-out)'))).toBe(true);
  });

  it('keeps the rule-based letter, with a comment, when the answer is in the wrong shape; not retried', async () => {
    const office = ready('Vertex AI');
    const inputs = planned(CONSENTED, office);
    await server.setFallback({ json: { candidates: [{ content: { role: 'model' } }] } });
    const { id, docId } = submit(office, CONSENTED);
    expect(await server.requests()).toHaveLength(inputs.length);
    expect(office.fakes.Docs.textOf(docId)).toBe(ruleText(CONSENTED, office, id));
    expect(comments(office, docId).filter((c) => /not in the expected shape/.test(c))).toHaveLength(
      inputs.length,
    );
    expect(rewriteLog(office).every((l) => l.endsWith('1 call, malformed)'))).toBe(true);
  });

  it('keeps the rule-based letter when UrlFetchApp itself fails, and says in the Log when no key is set', async () => {
    const office = ready('Gemini API');
    const inputs = planned(CONSENTED, office);
    office.fakes.world.ledger.failOn('UrlFetchApp', 'fetch', 1, new Error('Exception: Address unavailable'));
    await server.script(...answersFor(inputs).slice(1));
    const { docId } = submit(office, CONSENTED);
    expect(rewriteLog(office)[0]).toBe(
      `${inputs[0]!.sectionId}: failed (gemini-2.5-flash, prompt lor-section/2, 1 call, error)`,
    );
    expect(comments(office, docId).some((c) => /the model could not be reached/.test(c))).toBe(true);

    const keyless = ready('Gemini API', false);
    const second = submit(keyless, CONSENTED);
    expect(modelCalls(keyless)).toBe(0);
    expect(rewriteLog(keyless)).toEqual([
      'not sent: the script property CEAD_MODEL_API_KEY holds no Gemini API key',
    ]);
    expect(keyless.fakes.Docs.textOf(second.docId)).toBe(ruleText(CONSENTED, keyless, second.id));
  });
});
