/**
 * The Node Rewriter (@google/genai) against the loopback Gemini server, over real HTTP: the Gemini API with
 * a key and Vertex AI, then the core's rewrite step on what it fetched.
 */
import { readFileSync } from 'node:fs';
import { parseAnswersJson } from '../../src/core/answers';
import { composeLetter } from '../../src/core/letter/compose';
import { wordBudgetFor } from '../../src/core/rewrite/fact-guard';
import { rewriteRequest } from '../../src/core/rewrite/generate-content';
import { rewriteLetter } from '../../src/core/rewrite/rewrite-letter';
import { planSections } from '../../src/core/rewrite/section-inputs';
import { callAhead, genaiClient, modelConfigFromEnv } from '../../src/node/model-rewriter';
import { type GeminiServer, startGeminiServer, textResponse } from '../fakes/gemini-server';

const raw = JSON.parse(readFileSync('examples/answers/rosa-delgado.json', 'utf8'));
const answers = parseAnswersJson({ ...raw, 'consent.modelAssist': 'Yes' }).answers;
const letter = composeLetter(answers, { letterDate: '2026-08-10' });
const plan = planSections(letter, answers).find((p) => p.ok && p.input.sectionId === 'systemsBasedPractice');
if (!plan?.ok) throw new Error('no section');
const request = rewriteRequest(plan.input, wordBudgetFor(plan.input.ruleText));
const FAITHFUL =
  'Dr. Delgado found that our patients with heart failure were often discharged without a follow-up appointment, so she made a checklist with the case manager, and the team used it for the rest of the month.';

let server: GeminiServer;
beforeEach(async () => {
  server = await startGeminiServer();
});
afterEach(async () => {
  await server.close();
});

const apiKeyConfig = () => {
  const c = modelConfigFromEnv({
    CEAD_MODEL_API_KEY: 'test-key',
    CEAD_MODEL_BASE_URL: server.baseUrl,
    CEAD_MODEL_TIMEOUT_MS: '300',
  });
  if (typeof c === 'string') throw new Error(c);
  return c;
};
const noWait = { sleep: async () => {} };

describe('the Node Rewriter over HTTP', () => {
  it('sends one generateContent with the key, the system prompt and only the section, and the step accepts it', async () => {
    server.script({ json: textResponse(FAITHFUL) });
    const config = apiKeyConfig();
    const rewriter = await callAhead(genaiClient(config), config.model, [request], noWait);
    expect(server.requests).toHaveLength(1);
    const seen = server.requests[0]!;
    expect(seen).toMatchObject({ api: 'gemini', model: 'gemini-2.5-flash', apiKey: 'test-key' });
    expect(seen.body.contents[0]!.parts[0]!.text).toBe(request.user);
    expect(JSON.stringify(seen.body.systemInstruction)).toContain('physician’s voice');
    expect(JSON.stringify(seen.body)).not.toContain(raw['candidate.email']);
    const r = rewriteLetter(letter, answers, { rewriter, sections: ['systemsBasedPractice'] });
    expect(r.sections[0]).toMatchObject({ status: 'rewritten', calls: 1 });
    expect(r.model.text).toContain(FAITHFUL);
  });

  it('reaches Vertex AI with a project and location', async () => {
    server.script({ json: textResponse(FAITHFUL) });
    const c = modelConfigFromEnv({
      GOOGLE_CLOUD_PROJECT: 'cead-test',
      GOOGLE_CLOUD_LOCATION: 'us-central1',
      CEAD_MODEL_BASE_URL: server.baseUrl,
    });
    expect(c).toMatchObject({ vertex: { project: 'cead-test', location: 'us-central1' } });
    expect(modelConfigFromEnv({})).toMatch(/no model is configured/);
  });

  it('retries a 429 once, then the step keeps the rule text; two calls, never more', async () => {
    server.script(
      { status: 429, message: 'Resource has been exhausted (e.g. check quota).' },
      { status: 429, message: 'again' },
    );
    const config = apiKeyConfig();
    const rewriter = await callAhead(genaiClient(config), config.model, [request], noWait);
    expect(server.requests).toHaveLength(2);
    const r = rewriteLetter(letter, answers, { rewriter, sections: ['systemsBasedPractice'] });
    expect(r.sections[0]).toMatchObject({ status: 'failed', detail: 'quota', calls: 2 });
    expect(r.model.text).toBe(letter.text);
  });

  it('turns a slow answer into a time-out, and a response in the wrong shape into the rule text', async () => {
    server.script(
      { json: textResponse(FAITHFUL), delayMs: 2000 },
      { json: textResponse(FAITHFUL), delayMs: 2000 },
    );
    const config = apiKeyConfig();
    const slow = await callAhead(genaiClient(config), config.model, [request], noWait);
    const r = rewriteLetter(letter, answers, { rewriter: slow, sections: ['systemsBasedPractice'] });
    expect(r.sections[0]).toMatchObject({ status: 'failed', detail: 'time-out', calls: 2 });
    server.script({ json: { candidates: [{ content: { parts: [{ inlineData: {} }] } }] } });
    const odd = await callAhead(genaiClient(config), config.model, [request], noWait);
    const shaped = rewriteLetter(letter, answers, { rewriter: odd, sections: ['systemsBasedPractice'] });
    expect(shaped.sections[0]).toMatchObject({ status: 'failed', detail: 'malformed', calls: 1 });
    expect(shaped.model.text).toBe(letter.text);
  });
});

describe('the loopback Gemini server keeps the real request rules', () => {
  const post = (body: unknown) =>
    fetch(`${server.baseUrl}/v1beta/models/gemini-2.5-flash:generateContent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-goog-api-key': 'test-key' },
      body: JSON.stringify(body),
    });

  it('refuses a top-level field the API does not define, as the API does, and records no request', async () => {
    const res = await post({ contents: [{ role: 'user', parts: [{ text: 'x' }] }], generation_settings: {} });
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { status: string; message: string } };
    expect(json.error).toMatchObject({ status: 'INVALID_ARGUMENT' });
    expect(json.error.message).toContain('Unknown name "generation_settings"');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses empty contents and a part without data', async () => {
    expect((await post({ contents: [] })).status).toBe(400);
    expect((await post({ contents: [{ role: 'user', parts: [{}] }] })).status).toBe(400);
    expect(server.requests).toHaveLength(0);
  });
});
