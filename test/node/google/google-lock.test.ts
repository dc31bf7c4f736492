/**
 * The lock across processes: the lease in the lock Doc (src/node/google/doc-lease-lock.ts), over real
 * HTTP. One holder at a time; a lease that expired is taken over; two runs that both saw the lease free
 * cannot both take it, since the second write names a revision that is no longer the latest; and two
 * `cead google sync` processes started at once give one order.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { bodyText, type DocsV1 } from '../../../src/gas/doc-writer';
import { DEFAULT_LEASE_MS, DocLeaseLock, readLease } from '../../../src/node/google/doc-lease-lock';
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
  const lock = (holder: string, d: DocsV1 = docs) => new DocLeaseLock(d, id, holder, h.clock());
  const holder = () => readLease(bodyText(docs.Documents.get(id)))?.holder;
  return { docs, lock, holder };
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
