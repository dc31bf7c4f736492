/**
 * The Node Rewriter: Gemini through @google/genai, one client for the Gemini API (an API key) and Vertex AI
 * (a project and location, with application default credentials), configured by environment variables.
 *
 * The core's Rewriter port is synchronous and the client is not, so the calls are made ahead: `callAhead`
 * sends each section's request (with the core's retry rule, `shouldRetry`) and records what every attempt
 * gave; the Rewriter it returns replays those attempts in order when the core's rewrite step asks. Both
 * follow the same rule, so the step sees exactly the calls that were made.
 */
import { GoogleGenAI } from '@google/genai';
import { errorMessage, type Rewriter } from '../core/ports';
import {
  generateContentBody,
  type RewriteReply,
  type RewriteRequest,
  readGenerateContent,
} from '../core/rewrite/generate-content';
import { backoffMs, DEFAULT_MAX_ATTEMPTS, shouldRetry } from '../core/rewrite/rewrite-letter';

export const DEFAULT_MODEL = 'gemini-2.5-flash';
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface ModelConfig {
  readonly model: string;
  readonly apiKey?: string;
  /** Vertex AI, with application default credentials. */
  readonly vertex?: { readonly project: string; readonly location: string };
  readonly baseUrl?: string;
  readonly timeoutMs: number;
}

/**
 * The configuration from CEAD_MODEL_API_KEY (or GOOGLE_CLOUD_PROJECT and GOOGLE_CLOUD_LOCATION for Vertex
 * AI), CEAD_MODEL and CEAD_MODEL_BASE_URL; a string says what is missing.
 */
export function modelConfigFromEnv(env: Readonly<Record<string, string | undefined>>): ModelConfig | string {
  const model = env.CEAD_MODEL?.trim() || DEFAULT_MODEL;
  const baseUrl = env.CEAD_MODEL_BASE_URL?.trim() || undefined;
  const timeout = Number(env.CEAD_MODEL_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS);
  const timeoutMs = Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS;
  const common = { model, timeoutMs, ...(baseUrl ? { baseUrl } : {}) };
  const apiKey = env.CEAD_MODEL_API_KEY?.trim();
  if (apiKey) return { ...common, apiKey };
  const project = env.GOOGLE_CLOUD_PROJECT?.trim();
  const location = env.GOOGLE_CLOUD_LOCATION?.trim();
  if (project && location) return { ...common, vertex: { project, location } };
  return 'no model is configured: set CEAD_MODEL_API_KEY (the Gemini API), or GOOGLE_CLOUD_PROJECT and GOOGLE_CLOUD_LOCATION (Vertex AI with application default credentials); see docs/cli.md';
}

export function genaiClient(config: ModelConfig): GoogleGenAI {
  // The SDK's own retries are off: the core's rule (shouldRetry) bounds them, the same in every shell.
  const httpOptions = {
    timeout: config.timeoutMs,
    retryOptions: { attempts: 1 },
    // Node's own fetch, named: under jest the SDK's module-level `fetch` fails on loopback connections.
    fetch: (input: string | URL | Request, init?: RequestInit) => globalThis.fetch(input, init),
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
  };
  return config.vertex
    ? new GoogleGenAI({ vertexai: true, ...config.vertex, httpOptions })
    : new GoogleGenAI({ apiKey: config.apiKey ?? '', httpOptions });
}

type Attempt = { readonly reply: RewriteReply } | { readonly error: Error };

/** One generateContent call, its failures worded so the core can tell a time-out and a 429 apart. */
async function callOnce(client: GoogleGenAI, model: string, request: RewriteRequest): Promise<Attempt> {
  const body = generateContentBody(request);
  try {
    const response = await client.models.generateContent({
      model,
      contents: [...body.contents].map((c) => ({ role: c.role, parts: [...c.parts] })),
      config: { systemInstruction: request.system, ...body.generationConfig },
    });
    return { reply: readGenerateContent(response) };
  } catch (e) {
    const status = (e as { status?: unknown }).status;
    const name = (e as { name?: unknown }).name;
    if (name === 'AbortError' || /aborted/i.test(errorMessage(e)))
      return { error: new Error('The model request timed out') };
    return {
      error: new Error(typeof status === 'number' ? `HTTP ${status}` : errorMessage(e).slice(0, 200)),
    };
  }
}

/** Calls the model for every request (in order, one at a time) and returns the Rewriter that replays them. */
export async function callAhead(
  client: GoogleGenAI,
  model: string,
  requests: readonly RewriteRequest[],
  options: { maxAttempts?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<Rewriter & { readonly calls: number }> {
  const max = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const recorded = new Map<string, Attempt[]>();
  let total = 0;
  for (const request of requests) {
    if (recorded.has(request.user)) continue;
    const attempts: Attempt[] = [];
    recorded.set(request.user, attempts);
    for (let n = 1; ; n++) {
      const attempt = await callOnce(client, model, request);
      total++;
      attempts.push(attempt);
      if (!('error' in attempt) || !shouldRetry(attempt.error, n, max)) break;
      await (options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(backoffMs(n));
    }
  }
  return {
    model,
    calls: total,
    rewrite(request) {
      const next = recorded.get(request.user)?.shift();
      if (!next) throw new Error('no model call was made for this section');
      if ('error' in next) throw next.error;
      return next.reply;
    },
  };
}
