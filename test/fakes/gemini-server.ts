/**
 * A loopback HTTP server that speaks Gemini `generateContent` as the published API reference gives it, for
 * the adapters' tests over real HTTP: the Gemini API path (`/v1beta/models/{model}:generateContent`, key in
 * `x-goog-api-key` or `?key=`) and the Vertex AI path (`/v1/projects/{p}/locations/{l}/publishers/google/
 * models/{model}:generateContent`, a bearer token). It checks the request body's shape the way the service
 * does (400 for a body it would refuse), counts calls, keeps each request, and answers from a script:
 * recorded responses, an HTTP status, or a delay that outlasts the client's time-out.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Scripted =
  | { readonly json: unknown; readonly delayMs?: number }
  | { readonly status: number; readonly message: string };

export interface SeenRequest {
  readonly path: string;
  readonly model: string;
  readonly api: 'gemini' | 'vertex';
  readonly body: { contents: { role?: string; parts: { text: string }[] }[]; systemInstruction?: unknown };
  readonly apiKey: string;
  readonly bearer: string;
}

export interface GeminiServer {
  readonly baseUrl: string;
  readonly requests: SeenRequest[];
  /** Answers for the next calls, in order; when it runs out, `fallback` answers. */
  script(...answers: Scripted[]): void;
  fallback: Scripted;
  close(): Promise<void>;
}

/** A recorded `GenerateContentResponse` with one text candidate. */
export function textResponse(text: string, model = 'gemini-2.5-flash'): unknown {
  return {
    candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { promptTokenCount: 412, candidatesTokenCount: 61, totalTokenCount: 473 },
    modelVersion: model,
    responseId: 'resp-0001',
  };
}

const GEMINI_PATH = /^\/v1beta\/models\/([\w.-]+):generateContent$/;
const VERTEX_PATH =
  /^\/v1\/projects\/[\w-]+\/locations\/[\w-]+\/publishers\/google\/models\/([\w.-]+):generateContent$/;

/**
 * The fields of a GenerateContentRequest (REST reference, models.generateContent; Vertex AI adds labels and
 * modelArmorConfig). Both services refuse any other top-level field with a 400, so a client that sends a
 * misspelt or made-up field ("generation_config" beside the JSON name, "safety") fails here as it would there.
 */
const REQUEST_FIELDS = new Set([
  'contents',
  'tools',
  'toolConfig',
  'safetySettings',
  'systemInstruction',
  'generationConfig',
  'cachedContent',
  'labels',
  'modelArmorConfig',
]);

function shapeProblem(body: unknown): string | undefined {
  const b = body as SeenRequest['body'] | null;
  if (b && typeof b === 'object' && !Array.isArray(b)) {
    const unknown = Object.keys(b).find((k) => !REQUEST_FIELDS.has(k));
    if (unknown !== undefined)
      return `Invalid JSON payload received. Unknown name "${unknown}": Cannot find field.`;
  }
  if (!b || !Array.isArray(b.contents) || b.contents.length === 0) return '* contents: must not be empty';
  for (const c of b.contents) {
    if (!Array.isArray(c.parts) || c.parts.some((p) => typeof p?.text !== 'string'))
      return '* contents.parts: each part needs data';
    if (c.role !== undefined && c.role !== 'user' && c.role !== 'model') return `* contents.role: ${c.role}`;
  }
  return undefined;
}

function send(res: ServerResponse, status: number, json: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(json));
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

const apiError = (code: number, message: string) => ({
  error: { code, message, status: STATUS_NAMES[code] ?? 'UNKNOWN' },
});

export async function startGeminiServer(): Promise<GeminiServer> {
  const queue: Scripted[] = [];
  const requests: SeenRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let data = '';
    req.on('data', (chunk) => {
      data += chunk;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const gemini = GEMINI_PATH.exec(url.pathname);
      const vertex = VERTEX_PATH.exec(url.pathname);
      if (req.method !== 'POST' || (!gemini && !vertex)) return send(res, 404, apiError(404, 'Not found'));
      const apiKey = String(req.headers['x-goog-api-key'] ?? url.searchParams.get('key') ?? '');
      const bearer = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
      if (gemini && apiKey === '') return send(res, 401, apiError(401, 'API key missing'));
      if (vertex && bearer === '') return send(res, 401, apiError(401, 'Request is missing credentials'));
      let body: unknown;
      try {
        body = JSON.parse(data);
      } catch {
        return send(res, 400, apiError(400, 'Invalid JSON payload received.'));
      }
      const problem = shapeProblem(body);
      if (problem) return send(res, 400, apiError(400, problem));
      requests.push({
        path: url.pathname,
        model: (gemini ?? vertex)![1]!,
        api: gemini ? 'gemini' : 'vertex',
        body: body as SeenRequest['body'],
        apiKey,
        bearer,
      });
      const answer = queue.shift() ?? handle.fallback;
      if ('status' in answer) return send(res, answer.status, apiError(answer.status, answer.message));
      const reply = () => {
        if (!res.writableEnded && !res.destroyed) send(res, 200, answer.json);
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs).unref();
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const handle: GeminiServer = {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    script: (...answers) => queue.push(...answers),
    fallback: { status: 500, message: 'no scripted answer' },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return handle;
}
