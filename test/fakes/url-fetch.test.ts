/** The UrlFetchApp and Vertex AI fakes keep the real services' rules, over real HTTP to the loopback server. */

import { createWorld } from './gas-world';
import { textResponse } from './gemini-server';
import { type RemoteGeminiServer, startRemoteGeminiServer } from './remote-gemini-server';
import { createUrlFetchApp, createVertexAI, FAKE_OAUTH_TOKEN } from './url-fetch';

let server: RemoteGeminiServer;
beforeAll(async () => {
  server = await startRemoteGeminiServer();
});
afterAll(() => server.close());

const body = JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hello' }] }] });
const post = (extra: object = {}) => ({
  method: 'post',
  contentType: 'application/json',
  headers: { 'x-goog-api-key': 'k' },
  payload: body,
  ...extra,
});

describe('the UrlFetchApp fake', () => {
  it('sends the request over HTTP and answers with its code and text, counting the call', async () => {
    const world = createWorld();
    const app = createUrlFetchApp(world);
    await server.script({ json: textResponse('hi') });
    const res = app.fetch(
      `${server.baseUrl}/v1beta/models/gemini-2.5-flash:generateContent`,
      post({ muteHttpExceptions: true }),
    );
    expect(res.getResponseCode()).toBe(200);
    expect(JSON.parse(res.getContentText()).candidates[0].content.parts[0].text).toBe('hi');
    expect(world.ledger.calls.filter((c) => c.service === 'UrlFetchApp')).toHaveLength(1);
    expect((await server.requests()).at(-1)).toMatchObject({ api: 'gemini', apiKey: 'k' });
  });

  it('throws on a status of 400 or more unless muteHttpExceptions is true, as UrlFetchApp does', async () => {
    const app = createUrlFetchApp(createWorld());
    const url = `${server.baseUrl}/v1beta/models/m:generateContent`;
    await server.script({ status: 429, message: 'quota' }, { status: 429, message: 'quota' });
    expect(() => app.fetch(url, post())).toThrow(/returned code 429/);
    expect(app.fetch(url, post({ muteHttpExceptions: true })).getResponseCode()).toBe(429);
    // The server's own shape rule: an empty contents list is a 400.
    const bad = app.fetch(url, post({ payload: '{"contents":[]}', muteHttpExceptions: true }));
    expect(bad.getResponseCode()).toBe(400);
  });

  it('refuses unknown options, object payloads it cannot encode and any address but loopback', () => {
    const app = createUrlFetchApp(createWorld());
    expect(() => app.fetch(`${server.baseUrl}/x`, post({ timeout: 5 }))).toThrow(
      /Unknown UrlFetchApp option timeout/,
    );
    expect(() => app.fetch(`${server.baseUrl}/x`, post({ payload: { a: 1 } }))).toThrow(/string payloads/);
    expect(() =>
      app.fetch('https://generativelanguage.googleapis.com/v1beta/models/m:generateContent', post()),
    ).toThrow(/only loopback/);
  });

  it('gives up after its deadline with a time-out, and fails a chosen call on demand', async () => {
    const world = createWorld();
    const app = createUrlFetchApp(world);
    app.deadlineMs = 200;
    await server.script({ json: textResponse('late'), delayMs: 1500 });
    const url = `${server.baseUrl}/v1beta/models/m:generateContent`;
    expect(() => app.fetch(url, post({ muteHttpExceptions: true }))).toThrow(/Timeout/);
    world.ledger.failOn('UrlFetchApp', 'fetch', 1, new Error('Exception: Address unavailable'));
    expect(() => app.fetch(url, post({ muteHttpExceptions: true }))).toThrow(/Address unavailable/);
  });
});

describe('the Vertex AI advanced-service fake', () => {
  it('posts to the model path with the bearer token and throws API errors with their code', async () => {
    const vertex = createVertexAI(createWorld());
    vertex.target = server.baseUrl;
    const model =
      'projects/placeholder-project/locations/us-central1/publishers/google/models/gemini-2.5-flash';
    await server.script({ json: textResponse('ok') }, { status: 429, message: 'Resource exhausted.' });
    const answer = vertex.Endpoints.generateContent(JSON.parse(body), model) as { candidates: unknown[] };
    expect(answer.candidates).toHaveLength(1);
    expect((await server.requests()).at(-1)).toMatchObject({ api: 'vertex', bearer: FAKE_OAUTH_TOKEN });
    let thrown: unknown;
    try {
      vertex.Endpoints.generateContent(JSON.parse(body), model);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({
      message: expect.stringMatching(/Resource exhausted/),
      details: { code: 429 },
    });
    expect(() => vertex.Endpoints.generateContent(JSON.parse(body), 'gemini-2.5-flash')).toThrow(
      /Invalid resource/,
    );
  });
});
