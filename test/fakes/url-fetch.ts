/**
 * UrlFetchApp and the Vertex AI advanced service, as fakes that really send their request over HTTP.
 *
 * Both are synchronous in Apps Script, so each request is made by a short-lived child process
 * (`spawnSync`) while the test's thread waits: the request reaches the loopback server (run in a process
 * of its own, remote-gemini-server.ts), whose shape rules apply. Only loopback addresses are reached, so no
 * test can call a real model. Each fake counts its calls on the world's ledger (so `failOn` fails one on
 * demand), keeps what was sent, and gives up after its deadline as the real services do after theirs.
 */
import { spawnSync } from 'node:child_process';
import type { GasWorld } from './gas-world';

interface WireRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly deadlineMs: number;
}

type WireResult = { status: number; body: string; headers: Record<string, string> } | { error: string };

// The child: one fetch with a deadline, its outcome as one JSON line. A time-out is told apart from other
// failures (refused connection, reset) because the services word them differently.
const CHILD = `
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', async () => {
  const r = JSON.parse(input);
  try {
    const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body,
      signal: AbortSignal.timeout(r.deadlineMs) });
    const body = await res.text();
    process.stdout.write(JSON.stringify({ status: res.status, body, headers: Object.fromEntries(res.headers) }));
  } catch (e) {
    process.stdout.write(JSON.stringify({ error: e && e.name === 'TimeoutError' ? 'timeout' : String(e && e.message) }));
  }
});`;

function sendSync(request: WireRequest): WireResult {
  const host = new URL(request.url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost')
    throw new Error(`Exception: the test fake reaches only loopback addresses, not ${host}`);
  const run = spawnSync(process.execPath, ['-e', CHILD], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    timeout: request.deadlineMs + 10_000,
  });
  if (run.status !== 0 || run.stdout === '') throw new Error(`the HTTP child failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as WireResult;
}

/** What a fake sent, for the tests' privacy checks. */
export interface SentRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: string;
}

// UrlFetchApp's documented `params` (UrlFetchApp.fetch(url, params)); anything else is a typo here.
const FETCH_PARAMS = new Set([
  'contentType',
  'headers',
  'method',
  'payload',
  'useIntranet',
  'validateHttpsCertificates',
  'followRedirects',
  'muteHttpExceptions',
  'escaping',
]);

export interface FetchParams {
  method?: string;
  contentType?: string;
  headers?: Record<string, string>;
  payload?: unknown;
  muteHttpExceptions?: boolean;
  [key: string]: unknown;
}

class FakeHttpResponse {
  constructor(
    private readonly status: number,
    private readonly body: string,
    private readonly headers: Record<string, string>,
  ) {}
  getResponseCode(): number {
    return this.status;
  }
  getContentText(): string {
    return this.body;
  }
  getHeaders(): Record<string, string> {
    return { ...this.headers };
  }
}

export function createUrlFetchApp(world: GasWorld) {
  const sent: SentRequest[] = [];
  const app = {
    sent,
    /** How long a request may take before UrlFetchApp gives up (Apps Script's own limit is far longer). */
    deadlineMs: 2000,
    fetch(url: string, params: FetchParams = {}): FakeHttpResponse {
      world.ledger.record('UrlFetchApp', 'fetch');
      const unknown = Object.keys(params).filter((k) => !FETCH_PARAMS.has(k));
      if (unknown.length > 0) throw new Error(`Exception: Unknown UrlFetchApp option ${unknown.join(', ')}`);
      const payload = params.payload;
      if (payload !== undefined && typeof payload !== 'string')
        throw new Error('the fake sends only string payloads (UrlFetchApp form-encodes objects)');
      const method = (params.method ?? 'get').toUpperCase();
      if (method === 'GET' && payload !== undefined)
        throw new Error('Exception: a payload needs a method other than get');
      const headers: Record<string, string> = { ...(params.headers ?? {}) };
      if (params.contentType) headers['content-type'] = params.contentType;
      sent.push({ url, headers, payload: payload ?? '' });
      const result = sendSync({
        url,
        method,
        headers,
        ...(payload === undefined ? {} : { body: payload }),
        deadlineMs: app.deadlineMs,
      });
      if ('error' in result) {
        world.clock.advance(app.deadlineMs);
        throw new Error(
          result.error === 'timeout' ? `Exception: Timeout: ${url}` : `Exception: ${result.error}`,
        );
      }
      if (result.status >= 400 && params.muteHttpExceptions !== true) {
        const host = new URL(url).host;
        throw new Error(
          `Exception: Request failed for ${host} returned code ${result.status}. Truncated server response: ${result.body.slice(0, 100)} (use muteHttpExceptions option to examine full response)`,
        );
      }
      return new FakeHttpResponse(result.status, result.body, result.headers);
    },
  };
  return app;
}

/** The OAuth token the fake advanced service signs with (ScriptApp.getOAuthToken's, in Apps Script). */
export const FAKE_OAUTH_TOKEN = 'fake-oauth-token-for-tests';

const MODEL_RESOURCE = /^projects\/[^/]+\/locations\/[^/]+\/publishers\/google\/models\/[^/:]+$/;

/** GoogleJsonResponseException as advanced services throw it: the API's message, the status in details. */
function apiException(method: string, code: number, message: string): Error {
  const e = new Error(`API call to aiplatform.endpoints.${method} failed with error: ${message}`);
  e.name = 'GoogleJsonResponseException';
  return Object.assign(e, { details: { code, message } });
}

/**
 * The Vertex AI advanced service (v1): `Endpoints.generateContent(resource, model)` posts the resource to
 * `{target}/v1/{model}:generateContent` with the script's bearer token and returns the parsed answer.
 */
export function createVertexAI(world: GasWorld) {
  const sent: SentRequest[] = [];
  const service = {
    sent,
    /** The loopback server's base URL; unset, every call fails as an unreachable API would. */
    target: '',
    deadlineMs: 2000,
    Endpoints: {
      generateContent(payload: unknown, model: string): unknown {
        world.ledger.record('VertexAI', 'Endpoints.generateContent');
        if (payload === null || typeof payload !== 'object')
          throw new Error('Exception: Invalid argument: resource');
        if (!MODEL_RESOURCE.test(model))
          throw apiException('generateContent', 400, `Invalid resource field value in the request: ${model}`);
        if (service.target === '') throw new Error('Exception: the fake Vertex AI has no server to reach');
        const url = `${service.target}/v1/${model}:generateContent`;
        const body = JSON.stringify(payload);
        const headers = { authorization: `Bearer ${FAKE_OAUTH_TOKEN}`, 'content-type': 'application/json' };
        sent.push({ url, headers, payload: body });
        const result = sendSync({ url, method: 'POST', headers, body, deadlineMs: service.deadlineMs });
        if ('error' in result) {
          world.clock.advance(service.deadlineMs);
          throw new Error(
            result.error === 'timeout'
              ? 'Exception: Timeout while calling aiplatform.endpoints.generateContent'
              : `Exception: ${result.error}`,
          );
        }
        const json = JSON.parse(result.body) as { error?: { message?: string } };
        if (result.status >= 400)
          throw apiException('generateContent', result.status, json.error?.message ?? 'unknown error');
        return json;
      },
    },
  };
  return service;
}
