/**
 * The synchronous bridge and the transport over real HTTP: Google's clients in a worker thread, the REST
 * emulator in a child process, the calling thread blocked until each reply. Retries on 429 and 5xx wait
 * `Retry-After` when the server sends it and truncated exponential backoff otherwise, in virtual time.
 */
import { isTransientError } from '../../../src/core/ports';
import { GoogleApiError, GoogleTransport, MAX_ATTEMPTS } from '../../../src/node/google/google-transport';
import { SyncBridge } from '../../../src/node/google/sync-bridge';
import {
  buildGoogleWorker,
  type RemoteRestEmulator,
  startRemoteRestEmulator,
} from '../../fakes/remote-rest-emulator';

let emulator: RemoteRestEmulator;
let bridge: SyncBridge;
const slept: number[] = [];
let transport: GoogleTransport;

beforeAll(async () => {
  emulator = await startRemoteRestEmulator();
  bridge = new SyncBridge(buildGoogleWorker(), {
    rootUrl: emulator.baseUrl,
    auth: { kind: 'token', accessToken: 'test-token' },
  });
  transport = new GoogleTransport(bridge, { clock: { sleep: (ms) => slept.push(ms) }, random: () => 0 });
});
afterAll(() => {
  bridge.close();
  emulator.close();
});
beforeEach(() => {
  slept.length = 0;
});

const list = () =>
  transport.call<{ files?: unknown[] }>('drive', 'files.list', { q: 'trashed = false', fields: 'files(id)' });

async function countOf(method: string): Promise<number> {
  return (await emulator.calls()).filter((c) => c.method === method).length;
}

it('makes a call synchronously and returns the body', () => {
  const made = transport.call<{ documentId: string }>('docs', 'documents.create', {
    requestBody: { title: 'T' },
  });
  expect(made.documentId).toEqual(expect.any(String));
  expect(list().files?.length).toBeGreaterThan(0);
});

it('honours Retry-After on a 429', async () => {
  const before = await countOf('drive.files.list');
  await emulator.failNth('drive.files.list', 1, { status: 429, retryAfter: 7 });
  expect(list().files).toBeDefined();
  expect(slept).toEqual([7000]);
  expect(await countOf('drive.files.list')).toBe(before + 2);
});

it('backs off exponentially on 5xx without Retry-After', async () => {
  for (const n of [1, 2, 3]) await emulator.failNth('drive.files.list', n, { status: 503 });
  expect(list().files).toBeDefined();
  expect(slept).toEqual([1000, 2000, 4000]);
});

it('gives up after MAX_ATTEMPTS with Google’s message and a status the core calls transient', async () => {
  for (let n = 1; n <= MAX_ATTEMPTS; n++) await emulator.failNth('drive.files.list', n, { status: 429 });
  let error: unknown;
  try {
    list();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(GoogleApiError);
  expect((error as GoogleApiError).status).toBe(429);
  expect(isTransientError(error)).toBe(true);
  expect(slept).toHaveLength(MAX_ATTEMPTS - 1);
});

it('does not retry a refusal', () => {
  expect(() => transport.call('drive', 'files.get', { fileId: 'missing', fields: 'id' })).toThrow(
    /File not found: missing\. \(HTTP 404/,
  );
  expect(slept).toEqual([]);
});
