import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newOrder, type Order } from '../../src/core/orders';
import { recordFrom } from '../../src/core/records';
import { writeFileAtomic } from '../../src/node/atomic-file';
import {
  FileLock,
  FolderEventLog,
  FolderOrderStore,
  FolderResponseStore,
  FolderStateStore,
  orderDir,
  orderToJson,
  responseFileName,
} from '../../src/node/folder-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cead-folder-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function order(responseId: string, extra: Partial<Order> = {}): Order {
  return {
    ...newOrder({
      responseId,
      submitted: '2026-09-08T10:00:00-04:00',
      lastUpdate: '2026-09-08T10:00:00-04:00',
    }),
    ...extra,
  };
}

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file behind', () => {
    const path = join(dir, 'a', 'file.json');
    writeFileAtomic(path, 'first');
    writeFileAtomic(path, 'second', { durable: true });
    expect(readFileSync(path, 'utf8')).toBe('second');
    expect(readdirSync(join(dir, 'a'))).toEqual(['file.json']);
  });

  it('leaves the old file whole and no temporary file when a write fails half way', () => {
    const path = join(dir, 'target');
    writeFileAtomic(path, 'old');
    // Bytes that cannot be written make the write throw after the temporary file was opened.
    expect(() => writeFileAtomic(path, { length: 8 } as unknown as Uint8Array)).toThrow();
    expect(readdirSync(dir)).toEqual(['target']);
    expect(readFileSync(path, 'utf8')).toBe('old');
  });

  it('fails when the target cannot be replaced, and cleans up', () => {
    const blocked = join(dir, 'blocked');
    mkdirSync(join(blocked, 'child'), { recursive: true });
    expect(() => writeFileAtomic(blocked, 'new')).toThrow();
    expect(readdirSync(dir)).toEqual(['blocked']);
  });
});

describe('FolderOrderStore', () => {
  it('keeps orders as DIR/orders/<id>/order.json and reads them back equal', () => {
    const a = order('r1', { candidate: '=HYPERLINK("http://x","y")', problems: ['Line one', 'Two'] });
    const b = order('r2', {
      status: 'DRAFTING',
      start: '2026-09-08',
      originalDue: '2026-10-20',
      currentDue: '2026-10-20',
    });
    new FolderOrderStore(dir).putAll([a, b]);
    expect(existsSync(join(orderDir(dir, a.orderId), 'order.json'))).toBe(true);
    const read = new FolderOrderStore(dir).readAll();
    expect(read.problems).toEqual([]);
    expect(new Map(read.orders.map((o) => [o.orderId, o]))).toEqual(
      new Map([a, b].map((o) => [o.orderId, o])),
    );
  });

  it('reports an unreadable or invalid order file and leaves it out, reading the rest', () => {
    const good = order('good');
    const bad = order('bad');
    const store = new FolderOrderStore(dir);
    store.putAll([good, bad]);
    writeFileSync(
      join(orderDir(dir, bad.orderId), 'order.json'),
      orderToJson({ ...bad, status: 'DONE' as never }),
    );
    const other = order('other');
    mkdirSync(orderDir(dir, other.orderId), { recursive: true });
    writeFileSync(join(orderDir(dir, other.orderId), 'order.json'), '{not json');
    const read = new FolderOrderStore(dir).readAll();
    expect(read.orders.map((o) => o.orderId)).toEqual([good.orderId]);
    expect(read.problems).toHaveLength(2);
    expect(read.problems.join('\n')).toMatch(/"DONE" is not a status/);
    expect(read.problems.join('\n')).toMatch(/not readable JSON/);
  });

  it('writes only the orders that changed', () => {
    const store = new FolderOrderStore(dir);
    const a = order('a');
    store.put(a);
    const path = join(orderDir(dir, a.orderId), 'order.json');
    writeFileSync(path, orderToJson({ ...a, writer: 'changed on disk' }));
    store.putAll([a]);
    expect(readFileSync(path, 'utf8')).toMatch(/changed on disk/);
  });

  it('refuses a path outside the store', () => {
    expect(() => orderDir(dir, '../../etc')).toThrow(/not an order ID/);
  });
});

describe('FolderResponseStore', () => {
  it('keeps every version verbatim, once, and answers has/get by version', () => {
    const store = new FolderResponseStore(dir);
    const raw = recordFrom([
      ['Full name', '=1+1'],
      ['__proto__', 'kept'],
      ['Note\n', 'line\r\nbreak'],
    ]);
    store.append('resp-1', '2026-09-08T10:00:00-04:00', raw);
    store.append('resp-1', '2026-09-08T10:00:00-04:00', { other: 'ignored: same version' });
    store.append('resp-1', '2026-09-09T10:00:00-04:00', { 'Full name': 'B' });
    expect(store.has('resp-1', '2026-09-08T10:00:00-04:00')).toBe(true);
    expect(store.has('resp-1', '2026-09-10T10:00:00-04:00')).toBe(false);
    const back = store.get('resp-1', '2026-09-08T10:00:00-04:00');
    expect(back).toEqual(raw);
    expect(Object.keys(back ?? {})).toEqual(['Full name', '__proto__', 'Note\n']);
    expect([...store.versions(() => {})]).toHaveLength(2);
  });

  it('names files safely for any response ID', () => {
    expect(responseFileName('csv-0123abcd')).toBe('csv-0123abcd.json');
    expect(responseFileName('../x')).toMatch(/^id-[0-9a-f]{16}\.json$/);
    const store = new FolderResponseStore(dir);
    store.append('../x', 'v1', { a: 'b' });
    expect(store.get('../x', 'v1')).toEqual({ a: 'b' });
  });
});

describe('FolderEventLog and FolderStateStore', () => {
  it('appends log entries and skips a torn last line with a problem', () => {
    const log = new FolderEventLog(dir);
    const entry = {
      time: 't',
      actor: 'system',
      orderId: 'CEAD-1',
      event: 'intake',
      from: '',
      to: '',
      detail: 'd',
    } as const;
    log.append([entry]);
    log.append([entry]);
    writeFileSync(join(dir, 'log.jsonl'), `${readFileSync(join(dir, 'log.jsonl'), 'utf8')}{"time":"t`);
    const read = log.entries();
    expect(read.entries).toEqual([entry, entry]);
    expect(read.problems).toEqual(['log.jsonl line 3 is not readable; it was skipped.']);
  });

  it('keeps state values, including keys such as __proto__', () => {
    const state = new FolderStateStore(dir);
    state.set('a', '1');
    state.set('__proto__', 'x');
    expect(new FolderStateStore(dir).get('a')).toBe('1');
    expect(new FolderStateStore(dir).get('__proto__')).toBe('x');
    expect(new FolderStateStore(dir).get('toString')).toBeUndefined();
  });
});

describe('FileLock', () => {
  it('lets one holder in at a time and frees the folder on release', () => {
    const slept: number[] = [];
    const first = new FileLock(dir, (ms) => slept.push(ms));
    const second = new FileLock(dir, (ms) => slept.push(ms));
    expect(first.tryAcquire(0)).toBe(true);
    expect(second.tryAcquire(0)).toBe(false);
    first.release();
    expect(second.tryAcquire(0)).toBe(true);
    second.release();
    expect(existsSync(join(dir, '.cead.lock'))).toBe(false);
  });

  it('takes over a lock left by a crashed run', () => {
    writeFileSync(join(dir, '.cead.lock'), '12345\n');
    const lock = new FileLock(dir, () => {}, -1);
    expect(lock.tryAcquire(0)).toBe(true);
  });
});
