/**
 * The local back office: the same ports the Apps Script shell implements over Sheets and Drive, kept as
 * plain files in one folder so a team with no Google account (or a test) gets the same behaviour.
 *
 *   DIR/orders/<orderId>/order.json     one Order record (the tracker's row, with the internal columns)
 *   DIR/orders/<orderId>/sharing.json   who the letter is shared with (FileSharing)
 *   DIR/responses/<responseId>.json     every version of a response, verbatim, append-only
 *   DIR/log.jsonl                       the Log: one LogEntry per line, append-only
 *   DIR/state.json                      small durable values (StateStore)
 *   DIR/outbox/                         messages the Mailer would have sent (there is no mail server)
 *   DIR/.cead.lock                      held while a command works on the folder (Lock)
 *
 * The folder, not tracker.xlsx, is the record: the tracker is rewritten from it on every run (with the
 * manager's edits taken over first), so a tracker that is lost, locked or corrupted loses nothing.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fnv1a64Hex } from '../core/hash';
import { ORDER_ID_PATTERN, type Order } from '../core/orders';
import type {
  EventLog,
  FileSharing,
  Mailer,
  MailMessage,
  OrderStore,
  RawResponseStore,
  ShareRole,
  StateStore,
} from '../core/ports';
import { hasOwn, recordFrom } from '../core/records';
import { type CellValue, type LogEntry, ORDER_COLUMNS, rowToOrder } from '../core/tracker-row';
import { writeFileAtomic } from './atomic-file';
import {
  DamagedFile,
  damageIn,
  type ResponseRecord,
  readResponseRecord,
  readShares,
  type Share,
} from './folder-records';

export function ordersDir(root: string): string {
  return join(root, 'orders');
}

/** The folder of one order. Order IDs are checked so a hand-edited file cannot point outside the store. */
export function orderDir(root: string, orderId: string): string {
  if (!ORDER_ID_PATTERN.test(orderId)) throw new Error(`"${orderId}" is not an order ID`);
  return join(ordersDir(root), orderId);
}

/** An order as JSON: the Order record itself, field by field. */
export function orderToJson(order: Order): string {
  return `${JSON.stringify(order, null, 2)}\n`;
}

/**
 * An order from its JSON, checked with the same rules as a tracker row (`rowToOrder`), so a hand-edited
 * file with a bad status or date is reported rather than guessed at.
 */
export function orderFromJson(text: string, file: string): { order: Order } | { problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problems: [`${file}: not readable JSON.`] };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { problems: [`${file}: not an order object.`] };
  }
  const record = value as Record<string, unknown>;
  const row: CellValue[] = ORDER_COLUMNS.map((c) => {
    const v = record[c.key];
    if (Array.isArray(v)) return v.map(String).join('\n');
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : '';
  });
  const read = rowToOrder(row, 1);
  if ('problems' in read)
    return { problems: read.problems.map((p) => `${file}: ${p.replace(/^Row 1, /, '')}`) };
  // `rowToOrder` splits the problem list by line; JSON keeps each problem whole, even one with a newline.
  const problems = Array.isArray(record['problems']) ? record['problems'].map(String) : read.order.problems;
  return { order: { ...read.order, problems } };
}

/** Orders as `DIR/orders/<orderId>/order.json`, read once per run and kept in memory afterwards. */
export class FolderOrderStore implements OrderStore {
  private cache: Map<string, Order> | undefined;
  private problems: string[] = [];

  constructor(private readonly root: string) {}

  readAll(): { readonly orders: readonly Order[]; readonly problems: readonly string[] } {
    const cache = this.load();
    return { orders: [...cache.values()], problems: this.problems };
  }

  put(order: Order): void {
    const cache = this.load();
    writeFileAtomic(join(orderDir(this.root, order.orderId), 'order.json'), orderToJson(order));
    cache.set(order.orderId, order);
  }

  putAll(orders: readonly Order[]): void {
    const cache = this.load();
    for (const order of orders) {
      const before = cache.get(order.orderId);
      if (before && JSON.stringify(before) === JSON.stringify(order)) continue;
      this.put(order);
    }
  }

  private load(): Map<string, Order> {
    if (this.cache) return this.cache;
    const cache = new Map<string, Order>();
    const dir = ordersDir(this.root);
    const names = existsSync(dir) ? readdirSync(dir).sort() : [];
    for (const name of names) {
      if (!ORDER_ID_PATTERN.test(name)) continue;
      const file = join(dir, name, 'order.json');
      if (!existsSync(file)) continue;
      const read = orderFromJson(readFileSync(file, 'utf8'), `orders/${name}/order.json`);
      if ('problems' in read) this.problems.push(...read.problems);
      else if (read.order.orderId !== name) {
        this.problems.push(`orders/${name}/order.json holds order ${read.order.orderId}; it was left out.`);
      } else cache.set(name, read.order);
    }
    this.cache = cache;
    return cache;
  }
}

/**
 * A response ID as a file name. Forms IDs and CEAD's `csv-…` IDs are safe as they are; anything else
 * (an ID given in a JSON file) is hashed, and the file keeps the ID itself.
 */
export function responseFileName(responseId: string): string {
  return /^[A-Za-z0-9_-]{1,120}$/.test(responseId)
    ? `${responseId}.json`
    : `id-${fnv1a64Hex(responseId)}.json`;
}

/** Raw answers, verbatim, one file per response holding every version received. */
export class FolderResponseStore implements RawResponseStore {
  constructor(private readonly root: string) {}

  private path(responseId: string): string {
    return join(this.root, 'responses', responseFileName(responseId));
  }

  private read(responseId: string): ResponseRecord {
    const path = this.path(responseId);
    if (!existsSync(path)) return { responseId, versions: [] };
    const read = readResponseRecord(readFileSync(path, 'utf8'), (id) => id === responseId);
    if (!read.ok) throw new DamagedFile(`responses/${responseFileName(responseId)}`, read.why);
    return read.value;
  }

  /** Why the stored file of `responseId` cannot be read, or undefined when it can (or there is none). */
  damage(responseId: string): DamagedFile | undefined {
    return damageIn(() => this.read(responseId));
  }

  has(responseId: string, received: string): boolean {
    return this.read(responseId).versions.some((v) => v.received === received);
  }

  append(responseId: string, received: string, raw: Readonly<Record<string, string>>): void {
    const file = this.read(responseId);
    if (file.versions.some((v) => v.received === received)) return;
    const next: ResponseRecord = { responseId, versions: [...file.versions, { received, raw }] };
    writeFileAtomic(this.path(responseId), `${JSON.stringify(next, null, 2)}\n`);
  }

  get(responseId: string, received: string): Readonly<Record<string, string>> | undefined {
    const version = this.read(responseId).versions.find((v) => v.received === received);
    return version ? recordFrom(Object.entries(version.raw)) : undefined;
  }

  /**
   * Every stored version, file by file, for the tracker's Responses sheet: one file in memory at a time.
   * A file that cannot be read is passed to `damaged` (with why) and skipped, never rewritten.
   */
  *versions(damaged: (file: string, why: string) => void): Generator<StoredVersion> {
    const dir = join(this.root, 'responses');
    if (!existsSync(dir)) return;
    const names = readdirSync(dir)
      .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
      .sort();
    for (const name of names) {
      // A file must hold the response whose file name it has, as `read` requires of it.
      const read = readResponseRecord(
        readFileSync(join(dir, name), 'utf8'),
        (id) => responseFileName(id) === name,
      );
      if (!read.ok) {
        damaged(`responses/${name}`, read.why);
        continue;
      }
      for (const v of read.value.versions) yield { responseId: read.value.responseId, ...v };
    }
  }
}

/** One stored version of a response. */
export interface StoredVersion {
  readonly responseId: string;
  readonly received: string;
  readonly raw: Readonly<Record<string, string>>;
}

/**
 * The Log as JSON lines. Appending a line is how a log grows; a crash can at worst leave a last line
 * without its newline, which `entries()` skips and reports rather than failing on.
 */
export class FolderEventLog implements EventLog {
  constructor(private readonly root: string) {}

  private get path(): string {
    return join(this.root, 'log.jsonl');
  }

  append(entries: readonly LogEntry[]): void {
    if (entries.length === 0) return;
    mkdirSync(this.root, { recursive: true });
    appendFileSync(this.path, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  }

  entries(): { entries: LogEntry[]; problems: string[] } {
    if (!existsSync(this.path)) return { entries: [], problems: [] };
    const entries: LogEntry[] = [];
    const problems: string[] = [];
    readFileSync(this.path, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.trim() === '') return;
        try {
          entries.push(JSON.parse(line) as LogEntry);
        } catch {
          problems.push(`log.jsonl line ${i + 1} is not readable; it was skipped.`);
        }
      });
    return { entries, problems };
  }
}

export class FolderStateStore implements StateStore {
  constructor(private readonly root: string) {}

  private get path(): string {
    return join(this.root, 'state.json');
  }

  private read(): Record<string, string> {
    if (!existsSync(this.path)) return {};
    const value: unknown = JSON.parse(readFileSync(this.path, 'utf8'));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
    return recordFrom(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v)] as const),
    );
  }

  get(key: string): string | undefined {
    const state = this.read();
    return hasOwn(state, key) ? state[key] : undefined;
  }

  set(key: string, value: string): void {
    const state = this.read();
    writeFileAtomic(
      this.path,
      `${JSON.stringify(recordFrom([...Object.entries(state), [key, value]]), null, 2)}\n`,
    );
  }
}

/** Sharing has no meaning on a local disk; it is recorded so the same intake steps can run and be checked. */
export class FolderSharing implements FileSharing {
  constructor(private readonly root: string) {}

  // Documents are named by order ID locally (see local-documents.ts), so the share list sits with the order.
  private path(docId: string): string {
    return join(orderDir(this.root, docId), 'sharing.json');
  }

  share(docId: string, email: string, role: ShareRole, _notify: boolean): void {
    const current = this.read(docId);
    const key = email.trim().toLowerCase();
    if (current.some((s) => s.email === key)) return;
    writeFileAtomic(this.path(docId), `${JSON.stringify([...current, { email: key, role }], null, 2)}\n`);
  }

  sharedWith(docId: string): readonly string[] {
    return this.read(docId).map((s) => s.email);
  }

  private read(docId: string): readonly Share[] {
    const path = this.path(docId);
    if (!existsSync(path)) return [];
    const read = readShares(readFileSync(path, 'utf8'));
    if (!read.ok) throw new DamagedFile('sharing.json', read.why);
    return read.value;
  }

  /** Why the order's sharing.json cannot be read, or undefined when it can (or there is none). */
  damage(docId: string): DamagedFile | undefined {
    return damageIn(() => this.read(docId));
  }
}

/** Writes each message as a text file in DIR/outbox instead of sending it: there is no mail server here. */
export class OutboxMailer implements Mailer {
  private sent = 0;

  constructor(
    private readonly root: string,
    private readonly quota = 100,
  ) {}

  remainingQuota(): number {
    return this.quota - this.sent;
  }

  send(message: MailMessage): void {
    const dir = join(this.root, 'outbox');
    mkdirSync(dir, { recursive: true });
    const n = readdirSync(dir).filter((f) => f.endsWith('.txt')).length + 1;
    writeFileAtomic(
      join(dir, `${String(n).padStart(4, '0')}.txt`),
      `To: ${message.to}\nSubject: ${message.subject}\n\n${message.body}\n`,
    );
    this.sent += 1;
  }
}

export { FileLock } from './file-lock';
