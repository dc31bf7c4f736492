/**
 * The lock across processes: the lease in the lock Doc (src/node/google/doc-lease-lock.ts), over real
 * HTTP. One holder at a time; a lease that expired is taken over; two runs that both saw the lease free
 * cannot both take it, since the second write names a revision that is no longer the latest; and two
 * `cead google sync` processes started at once give one order.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { StateStore } from '../../../src/core/ports';
import { bodyText, type DocsV1 } from '../../../src/gas/doc-writer';
import { DEFAULT_LEASE_MS, DocLeaseLock, readLease } from '../../../src/node/google/doc-lease-lock';
import { LOST_LEASE } from '../../../src/node/google/google-runs';
import { restDocs } from '../../../src/node/google/rest-services';
import { binaryCopy } from '../commands/binary-copy';
import { GoogleHarness } from './google-harness';

const h = new GoogleHarness();
beforeAll(() => h.start());
afterAll(() => h.stop());

async function lockParts() {
  await h.fresh();
  await h.cead('setup');
  const docs = restDocs(h.transport());
  const id = h.ids().lockDocId;
  const lock = (holder: string, d: DocsV1 = docs, memory?: StateStore) =>
    new DocLeaseLock(d, id, holder, h.clock(), DEFAULT_LEASE_MS, memory);
  const lease = () => readLease(bodyText(docs.Documents.get(id)));
  const holder = () => lease()?.holder;
  return { docs, lock, holder, lease };
}

/** A machine's state file, in memory. */
function memory(): StateStore {
  const values = new Map<string, string>();
  return { get: (k) => values.get(k), set: (k, v) => void values.set(k, v) };
}

/** The lock Doc calls `fn` makes, by method. */
async function lockCalls(fn: () => void): Promise<string[]> {
  const before = (await h.emulator.calls()).length;
  fn();
  return (await h.emulator.calls()).slice(before).map((c) => c.method);
}

it('lets one holder in at a time, and the next in once it is released', async () => {
  const { lock, holder } = await lockParts();
  const a = lock('run-a');
  const b = lock('run-b');
  expect(a.tryAcquire(0)).toBe(true);
  expect(b.tryAcquire(10_000)).toBe(false);
  expect(holder()).toBe('run-a');
  a.release();
  expect(holder()).toBeUndefined();
  expect(b.tryAcquire(0)).toBe(true);
});

it('takes over a lease that expired, which its old holder then leaves alone', async () => {
  const { lock, holder } = await lockParts();
  const a = lock('run-a');
  expect(a.tryAcquire(0)).toBe(true);
  h.clock().sleep(DEFAULT_LEASE_MS + 1);
  const b = lock('run-b');
  expect(b.tryAcquire(0)).toBe(true);
  a.release();
  expect(holder()).toBe('run-b');
});

it('refuses the second of two runs that both read the lease free', async () => {
  const { docs, lock, holder } = await lockParts();
  const a = lock('run-a');
  let raced = false;
  // B reads the lease (free); before B writes, A takes it.
  const racing: DocsV1 = {
    Documents: {
      get: (id) => {
        const doc = docs.Documents.get(id);
        if (!raced) {
          raced = true;
          expect(a.tryAcquire(0)).toBe(true);
        }
        return doc;
      },
      batchUpdate: (resource, id) => docs.Documents.batchUpdate(resource, id),
    },
  };
  expect(lock('run-b', racing).tryAcquire(0)).toBe(false);
  expect(holder()).toBe('run-a');
});

const GET = 'docs.documents.get';
const WRITE = 'docs.documents.batchUpdate';

it('takes the lease with a read and a write, renews it and lets it go with one write each', async () => {
  const { lock, lease } = await lockParts();
  const a = lock('run-a');
  expect(await lockCalls(() => expect(a.tryAcquire(0)).toBe(true))).toEqual([GET, WRITE]);
  const first = lease()?.expiresAt ?? '';
  h.clock().sleep(60_000);
  expect(await lockCalls(() => expect(a.renew()).toBe(true))).toEqual([WRITE]);
  expect(Date.parse(lease()?.expiresAt ?? '') - Date.parse(first)).toBe(60_000);
  expect(await lockCalls(() => a.release())).toEqual([WRITE]);
  expect(lease()).toBeUndefined();
});

it('takes the lease with one write when this machine left it free, and reads when someone wrote since', async () => {
  const { lock, holder } = await lockParts();
  const here = memory();
  const a = lock('run-a', undefined, here);
  a.tryAcquire(0);
  a.release();
  const next = lock('run-a2', undefined, here);
  expect(await lockCalls(() => expect(next.tryAcquire(0)).toBe(true))).toEqual([WRITE]);
  expect(holder()).toBe('run-a2');
  next.release();
  // Another machine takes it: this machine's remembered revision is refused, and it reads what is there.
  const other = lock('run-b');
  expect(other.tryAcquire(0)).toBe(true);
  const third = lock('run-a3', undefined, here);
  expect(await lockCalls(() => expect(third.tryAcquire(0)).toBe(false))).toEqual([WRITE, GET]);
  expect(holder()).toBe('run-b');
  other.release();
  expect(await lockCalls(() => expect(third.tryAcquire(0)).toBe(true))).toEqual([GET, WRITE]);
  expect(holder()).toBe('run-a3');
});

it('does not renew a lease that expired and was taken over, nor empty it on release', async () => {
  const { lock, holder } = await lockParts();
  const a = lock('run-a');
  a.tryAcquire(0);
  h.clock().sleep(DEFAULT_LEASE_MS + 1);
  const b = lock('run-b');
  expect(b.tryAcquire(0)).toBe(true);
  expect(await lockCalls(() => expect(a.renew()).toBe(false))).toEqual([WRITE, GET]);
  a.release();
  expect(holder()).toBe('run-b');
});

it('renews the lease of a long sync between responses, so that it never runs out meanwhile', async () => {
  await h.fresh();
  await h.cead('setup');
  for (let i = 0; i < 3; i++) await h.submit();
  // Each Drive create is refused once with a 30 s Retry-After: the writer's folder and three Docs, 150 s
  // of waiting against a 90 s lease, renewed once 60 s of it have gone.
  h.leaseMs = 90_000;
  for (const n of [1, 3, 5, 7])
    await h.emulator.failNth('drive.files.create', n, { status: 429, retryAfter: 30 });
  const docs = restDocs(h.transport());
  const leftAtEachWait: number[] = [];
  h.onSleep = () => {
    const lease = readLease(bodyText(docs.Documents.get(h.ids().lockDocId)));
    leftAtEachWait.push(Date.parse(lease?.expiresAt ?? '') - Date.parse(h.clock().now()));
  };
  const run = await h.cead('sync');
  expect(run.json.intake?.map((o) => o.action)).toEqual(['created', 'created', 'created']);
  expect(run.json['problems']).toEqual([]);
  expect(leftAtEachWait).toHaveLength(4);
  expect(leftAtEachWait.filter((left) => !(left > 0))).toEqual([]);
});

it('stops taking responses in once it finds its lease taken over, and makes no last write', async () => {
  await h.fresh();
  await h.cead('setup');
  for (let i = 0; i < 2; i++) await h.submit();
  h.leaseMs = 20_000;
  await h.emulator.failNth('drive.files.create', 2, { status: 429, retryAfter: 30 });
  const docs = restDocs(h.transport());
  // While the first response waits past the lease's end, another machine takes the lease.
  h.onSleep = () => {
    h.onSleep = undefined;
    expect(new DocLeaseLock(docs, h.ids().lockDocId, 'other-machine', h.clock()).tryAcquire(0)).toBe(true);
  };
  const run = await h.cead('sync');
  expect([run.json['ran'], run.json['problems']]).toEqual([true, [LOST_LEASE]]);
  expect(readLease(bodyText(docs.Documents.get(h.ids().lockDocId)))?.holder).toBe('other-machine');
  // The run learns of the takeover at its next renewal, between responses: the first response's order was
  // written at intake's durable points before that, the second was never started.
  expect(await h.rows('Orders')).toHaveLength(1);
});

it('gives one order when two cead google sync processes start at once', async () => {
  await h.fresh();
  const copy = binaryCopy('google-lock');
  const env = {
    ...process.env,
    CEAD_GOOGLE_ROOT_URL: h.emulator.baseUrl,
    CEAD_GOOGLE_ACCESS_TOKEN: 'test-token',
  };
  const config = ['--config', join(h.configDir, 'google.json'), '--json'];
  const run = (...args: string[]) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [copy.bin, 'google', ...args, ...config], { env });
      let out = '';
      child.stdout.on('data', (c) => {
        out += c;
      });
      child.stderr.on('data', (c) => {
        out += c;
      });
      child.on('close', (code) => resolve({ code, out }));
    });
  try {
    expect((await run('setup', '--time-zone', 'America/New_York')).code).toBe(0);
    await h.submit();
    const both = await Promise.all([run('sync'), run('sync')]);
    expect(both.map((r) => r.code)).toEqual([0, 0]);
    const created = both.flatMap((r) =>
      (JSON.parse(r.out).intake as { action: string }[]).map((o) => o.action),
    );
    expect(created).toEqual(['created']);
    expect(await h.rows('Orders')).toHaveLength(1);
    expect(await h.drafts()).toHaveLength(1);
  } finally {
    copy.remove();
  }
});
