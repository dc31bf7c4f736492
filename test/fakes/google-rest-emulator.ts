/**
 * A loopback HTTP server speaking the Forms v1, Sheets v4, Docs v1 and Drive v3 REST methods CEAD uses, so
 * that Google's own Node client libraries, pointed at it with their `rootUrl` option, are tested over real
 * HTTP. The state and each API's rules are the in-memory fakes' (google-rest-routes.ts); this layer adds
 * what only HTTP has:
 * - a bearer token is required (401 without one);
 * - a request body over 10 MB is refused ("Request payload size exceeds the limit", Sheets and Docs
 *   limits pages);
 * - a query parameter or body field the method does not have is refused as Google refuses it
 *   ("Invalid JSON payload received. Unknown name …");
 * - errors are Google's bodies (google-rest-errors.ts), 429 and 503 with `Retry-After` when asked;
 * - every call is counted by method name, and the N-th call of any method can be made to fail.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDocs } from './docs-service';
import { createDrive } from './drive-service';
import { FormsRest } from './forms-rest';
import { createWorld } from './gas-world';
import { DEFAULT_MESSAGES, errorBody, RestError, restErrorOf } from './google-rest-errors';
import { checkBody, type EmulatedServices, Media, type Route, routes } from './google-rest-routes';
import { createSheets } from './sheets-service';
import { createSpreadsheetApp } from './spreadsheet-app';

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Parameters every Google REST method binds (system parameters). */
const SYSTEM_PARAMS = [
  'fields',
  'alt',
  'prettyPrint',
  'quotaUser',
  'key',
  '$.xgafv',
  'access_token',
  'upload_protocol',
  'uploadType',
  'callback',
];

export interface Fault {
  readonly status: number;
  readonly message?: string;
  /** Seconds, sent as `Retry-After`. */
  readonly retryAfter?: number;
}

export interface SeenCall {
  readonly method: string;
  /** 1-based: the n-th call of this method. */
  readonly n: number;
  readonly status: number;
}

export interface RestEmulator {
  readonly baseUrl: string;
  readonly services: EmulatedServices;
  /** Every call in order, with the status answered. */
  readonly calls: SeenCall[];
  count(method?: string): number;
  /** Makes the n-th call of `method` from now on (1-based) answer `fault`. */
  failNth(method: string, n: number, fault: Fault): void;
  /** Runs before each counted call acts: lets a test change the world between two calls. */
  onCall: ((call: { method: string; n: number }) => void) | undefined;
  readonly methods: readonly string[];
  /** A new, empty world (files, counts and pending faults gone), on the same port. */
  reset(): void;
  close(): Promise<void>;
}

interface PendingFault extends Fault {
  readonly method: string;
  readonly n: number;
}

export function emulatedServices(start?: string): EmulatedServices {
  const world = createWorld(start === undefined ? {} : { start });
  const docs = createDocs(world);
  const drive = createDrive(world, { onCreateDocument: (id, name) => docs.adopt(id, name) });
  const app = createSpreadsheetApp(world);
  const forms = new FormsRest(world);
  return { world, app, sheets: createSheets(world, app), drive, docs, forms, imageBytes: new Map() };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Keep counting but stop keeping: the answer is a refusal either way.
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) {
    throw new RestError(400, `Request payload size exceeds the limit: ${MAX_BODY_BYTES} bytes.`);
  }
  return Buffer.concat(chunks);
}

function checkQuery(route: Route, query: URLSearchParams): void {
  for (const key of query.keys()) {
    if (!route.query.includes(key) && !SYSTEM_PARAMS.includes(key)) {
      throw new RestError(
        400,
        `Invalid JSON payload received. Unknown name "${key}": Cannot bind query parameter. Field '${key}' could not be found in request message.`,
      );
    }
  }
}

function parseJson(bytes: Buffer): Record<string, unknown> {
  if (bytes.length === 0) return {};
  try {
    const v = JSON.parse(bytes.toString('utf8'));
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v;
  } catch {
    // answered below
  }
  throw new RestError(400, 'Invalid JSON payload received. Unexpected token.');
}

function send(res: ServerResponse, status: number, body: unknown, retryAfter?: number): void {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=UTF-8' };
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  res.writeHead(status, headers);
  res.end(JSON.stringify(body));
}

export async function startRestEmulator(options: { start?: string } = {}): Promise<RestEmulator> {
  let services = emulatedServices(options.start);
  let table = routes(services);
  const counts = new Map<string, number>();
  const faults: PendingFault[] = [];
  const calls: SeenCall[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const route = table.find((r) => r.verb === req.method && r.path.test(url.pathname));
    let method = `unrouted ${req.method} ${url.pathname}`;
    let n = 0;
    try {
      if (!route) throw new RestError(404, `Method not found: ${req.method} ${url.pathname}`);
      method = route.name;
      n = (counts.get(method) ?? 0) + 1;
      counts.set(method, n);
      emulator.onCall?.({ method, n });
      const bytes = await readBody(req);
      if (!/^Bearer \S+/.test(req.headers.authorization ?? '')) {
        throw new RestError(401, 'Request is missing required authentication credential.');
      }
      const fault = faults.find((f) => f.method === method && f.n === n);
      if (fault) {
        throw new RestError(
          fault.status,
          fault.message ?? DEFAULT_MESSAGES[fault.status] ?? 'Error',
          fault.retryAfter,
        );
      }
      checkQuery(route, url.searchParams);
      const body = parseJson(bytes);
      if (route.body) checkBody(body, route.body);
      const path = (route.path.exec(url.pathname) ?? []).slice(1).map(decodeURIComponent);
      const result = route.run({ path, query: url.searchParams, body });
      calls.push({ method, n, status: 200 });
      if (result instanceof Media) {
        res.writeHead(200, { 'content-type': result.contentType });
        res.end(result.bytes);
      } else send(res, 200, result ?? {});
    } catch (e) {
      const error = restErrorOf(e);
      calls.push({ method, n, status: error.code });
      send(res, error.code, errorBody(error.code, error.message), error.retryAfter);
    }
  };

  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const emulator: RestEmulator = {
    baseUrl: `http://127.0.0.1:${port}/`,
    get services() {
      return services;
    },
    calls,
    count: (method) =>
      method === undefined ? calls.length : calls.filter((c) => c.method === method).length,
    failNth(method, n, fault) {
      if (!table.some((r) => r.name === method)) throw new Error(`emulator: no method ${method}`);
      faults.push({ ...fault, method, n: (counts.get(method) ?? 0) + n });
    },
    onCall: undefined,
    methods: table.map((r) => r.name),
    reset() {
      services = emulatedServices(options.start);
      table = routes(services);
      counts.clear();
      faults.length = 0;
      calls.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return emulator;
}
