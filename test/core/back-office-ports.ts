/**
 * In-memory implementations of the back-office ports (src/core/ports.ts), for testing intake, the sweep
 * and manager edits without any Google service. Every method call is counted and can be made to fail.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CommentThread, withCeadReply } from '../../src/core/editing-session';
import type { Draft, Drafter } from '../../src/core/intake';
import type { Order } from '../../src/core/orders';
import type {
  Clock,
  CommentStore,
  DocumentRef,
  DocumentStore,
  EventLog,
  FileSharing,
  Mailer,
  MailMessage,
  OrderStore,
  RawResponseStore,
  ResponseData,
  ResponseSource,
  StateStore,
} from '../../src/core/ports';
import { type IsoDate, ITEMS } from '../../src/core/questionnaire';
import type { LogEntry } from '../../src/core/tracker-row';
import { formatDate } from '../fakes/script-services';

export class Faults {
  readonly calls: string[] = [];
  private readonly plan = new Map<string, Error[]>();
  /** Makes the next call of `method` (e.g. `docs.create`) throw `error`; queued per method. */
  failNext(method: string, error: Error): void {
    this.plan.set(method, [...(this.plan.get(method) ?? []), error]);
  }
  hit(method: string): void {
    this.calls.push(method);
    const queue = this.plan.get(method);
    const e = queue?.shift();
    if (e) throw e;
  }
  count(method: string): number {
    return this.calls.filter((c) => c === method).length;
  }
}

export class TestClock implements Clock {
  ms: number;
  readonly slept: number[] = [];
  constructor(start = '2026-11-30T14:00:00Z') {
    this.ms = Date.parse(start);
  }
  now(): string {
    return new Date(this.ms).toISOString();
  }
  localDate(instant: string, timeZone: string): IsoDate {
    return formatDate(new Date(instant), timeZone, 'yyyy-MM-dd');
  }
  localDateTime(instant: string, timeZone: string): string {
    return formatDate(new Date(instant), timeZone, "yyyy-MM-dd'T'HH:mm:ssXXX");
  }
  sleep(ms: number): void {
    this.slept.push(ms);
    this.ms += ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export class MemoryResponses implements ResponseSource {
  readonly items = new Map<string, ResponseData>();
  constructor(private readonly faults: Faults) {}
  get(id: string) {
    this.faults.hit('responses.get');
    return this.items.get(id);
  }
  list(since?: string) {
    this.faults.hit('responses.list');
    return [...this.items.values()].filter((r) => since === undefined || r.timestamp >= since);
  }
}

export class MemoryRaw implements RawResponseStore {
  readonly rows: Array<{ responseId: string; received: string; raw: Record<string, string> }> = [];
  constructor(private readonly faults: Faults) {}
  has(id: string, received: string) {
    this.faults.hit('raw.has');
    return this.rows.some((r) => r.responseId === id && r.received === received);
  }
  append(id: string, received: string, raw: Readonly<Record<string, string>>) {
    this.faults.hit('raw.append');
    this.rows.push({ responseId: id, received, raw: { ...raw } });
  }
  get(id: string, received: string) {
    this.faults.hit('raw.get');
    return this.rows.find((r) => r.responseId === id && r.received === received)?.raw;
  }
}

export class MemoryOrders implements OrderStore {
  readonly rows = new Map<string, Order>();
  reads = 0;
  writes = 0;
  constructor(private readonly faults: Faults) {}
  readAll() {
    this.faults.hit('orders.readAll');
    this.reads++;
    return { orders: [...this.rows.values()], problems: [] };
  }
  put(order: Order) {
    this.faults.hit('orders.put');
    this.writes++;
    this.rows.set(order.orderId, order);
  }
  putAll(orders: readonly Order[]) {
    this.faults.hit('orders.putAll');
    this.writes++;
    for (const o of orders) this.rows.set(o.orderId, o);
  }
}

interface MemoryDoc {
  id: string;
  orderId: string;
  title: string;
  text: string;
  letterHash: string;
  /** The writer folder it was made in (MemoryFolderSharing), if any. */
  folderId?: string;
}

/** Documents whose "requests" are the test drafter's: `{ insertText: { text } }` at the start. */
export class MemoryDocs implements DocumentStore {
  readonly docs: MemoryDoc[] = [];
  constructor(private readonly faults: Faults) {}
  private ref(d: MemoryDoc): DocumentRef {
    return { id: d.id, url: `https://docs.example/${d.id}`, letterHash: d.letterHash };
  }
  private doc(id: string): MemoryDoc {
    const d = this.docs.find((x) => x.id === id);
    if (!d) throw new Error(`Requested entity was not found: ${id}`);
    return d;
  }
  findByOrder(orderId: string) {
    this.faults.hit('docs.findByOrder');
    const d = this.docs.find((x) => x.orderId === orderId);
    return d ? this.ref(d) : undefined;
  }
  create(orderId: string, title: string, letterHash: string, folderId?: string) {
    this.faults.hit('docs.create');
    const d: MemoryDoc = {
      id: `doc-${this.docs.length + 1}`,
      orderId,
      title,
      text: '',
      letterHash,
      ...(folderId ? { folderId } : {}),
    };
    this.docs.push(d);
    return this.ref(d);
  }
  text(id: string) {
    this.faults.hit('docs.text');
    return this.doc(id).text;
  }
  write(id: string, requests: readonly unknown[]) {
    this.faults.hit('docs.write');
    const d = this.doc(id);
    for (const r of requests as Array<{ insertText?: { text: string } }>) d.text += r.insertText?.text ?? '';
  }
  /** Runs just before a replace checks the text: a test's writer typing at the worst moment. */
  beforeReplace?: (id: string) => void;
  replace(
    id: string,
    requests: readonly unknown[],
    letterHash: string,
    unchanged?: (text: string) => boolean,
  ) {
    this.faults.hit('docs.replace');
    const d = this.doc(id);
    this.beforeReplace?.(id);
    if (unchanged && !unchanged(d.text)) return false;
    d.text = '';
    for (const r of requests as Array<{ insertText?: { text: string } }>) d.text += r.insertText?.text ?? '';
    d.letterHash = letterHash;
    return true;
  }
}

export class MemoryComments implements CommentStore {
  readonly threads = new Map<string, CommentThread[]>();
  constructor(
    private readonly faults: Faults,
    private readonly clock: TestClock,
  ) {}
  list(docId: string) {
    this.faults.hit('comments.list');
    return [...(this.threads.get(docId) ?? [])];
  }
  post(docId: string, text: string, quoted?: string) {
    this.faults.hit('comments.post');
    const list = this.threads.get(docId) ?? [];
    const id = `c${list.length + 1}`;
    list.push({
      id,
      author: { name: 'CEAD', me: true },
      time: this.clock.now(),
      text,
      ...(quoted !== undefined ? { quoted } : {}),
      anchored: false,
      resolved: false,
      replies: [],
    });
    this.threads.set(docId, list);
    return id;
  }
  /** As Drive: a reply to a thread that does not exist fails; only `resolve`/`reopen` change `resolved`. */
  reply(docId: string, threadId: string, text: string, action?: 'resolve' | 'reopen') {
    this.faults.hit('comments.reply');
    const list = this.threads.get(docId) ?? [];
    const i = list.findIndex((t) => t.id === threadId);
    const thread = list[i];
    if (!thread) throw new Error(`File not found: ${docId} comment ${threadId}.`);
    list[i] = withCeadReply(thread, text, this.clock.now(), action);
  }
}

export class MemorySharing implements FileSharing {
  readonly shares = new Map<string, Set<string>>();
  constructor(protected readonly faults: Faults) {}
  share(docId: string, email: string) {
    this.faults.hit('sharing.share');
    const set = this.shares.get(docId) ?? new Set();
    set.add(email.toLowerCase());
    this.shares.set(docId, set);
  }
  sharedWith(docId: string) {
    this.faults.hit('sharing.sharedWith');
    return [...(this.shares.get(docId) ?? [])];
  }
}

/**
 * Sharing through one folder per writer, as Drive does it: a document in a writer's folder is shared with
 * them (`docs` says which folder each document is in), and the folder is made once per writer.
 */
export class MemoryFolderSharing extends MemorySharing {
  /** Folder ID by writer email (lower case). */
  readonly folders = new Map<string, string>();
  constructor(
    faults: Faults,
    private readonly docs: MemoryDocs,
  ) {
    super(faults);
  }
  folderFor(email: string): string {
    this.faults.hit('sharing.folderFor');
    const key = email.toLowerCase();
    let id = this.folders.get(key);
    if (!id) {
      id = `folder-${this.folders.size + 1}`;
      this.folders.set(key, id);
    }
    return id;
  }
  override sharedWith(docId: string) {
    const direct = super.sharedWith(docId);
    const folder = this.docs.docs.find((d) => d.id === docId)?.folderId;
    const through = [...this.folders].filter(([, id]) => id === folder).map(([email]) => email);
    return [...new Set([...direct, ...through])];
  }
}

export class MemoryMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  constructor(
    private readonly faults: Faults,
    public quota = 100,
  ) {}
  remainingQuota() {
    this.faults.hit('mailer.remainingQuota');
    return this.quota;
  }
  send(m: MailMessage) {
    this.faults.hit('mailer.send');
    if (this.quota < 1) throw new Error('Service invoked too many times for one day: email.');
    this.quota--;
    this.sent.push(m);
  }
}

export class MemoryLog implements EventLog {
  readonly entries: LogEntry[] = [];
  constructor(private readonly faults: Faults) {}
  append(entries: readonly LogEntry[]) {
    this.faults.hit('log.append');
    this.entries.push(...entries);
  }
}

export class MemoryState implements StateStore {
  readonly values = new Map<string, string>();
  get(key: string) {
    return this.values.get(key);
  }
  set(key: string, value: string) {
    this.values.set(key, value);
  }
}

/** A drafter for the use-case tests: the letter text is built from a few answers, so edits show. */
export const testDrafter: Drafter = (answers, { orderId, date }): Draft => {
  const name = answers['candidate.fullName'] ?? '';
  const text = `${date}\nDear Program Director:\n${name} (${orderId}) applies to ${answers['candidate.specialty'] ?? ''}.\nCompared with ⟦how many⟧ students.\n`;
  return {
    title: `Draft ${orderId}`,
    text: text.replace(/\n$/, ''),
    requests: [{ insertText: { text, location: { index: 1 } } }],
    openQuestions: [
      {
        id: 'comparison-1',
        question: 'How many students has the recommender supervised?',
        passage: '⟦how many⟧',
      },
      { id: 'relationship-1', question: 'How many weeks did you work together?', passage: name },
    ],
  };
};

export function backOffice(start?: string) {
  const faults = new Faults();
  const clock = new TestClock(start);
  const deps = {
    faults,
    clock,
    responses: new MemoryResponses(faults),
    raw: new MemoryRaw(faults),
    orders: new MemoryOrders(faults),
    docs: new MemoryDocs(faults),
    comments: new MemoryComments(faults, clock),
    sharing: new MemorySharing(faults),
    mailer: new MemoryMailer(faults),
    log: new MemoryLog(faults),
    state: new MemoryState(),
    draft: testDrafter,
  };
  return deps;
}

/** An example's answers (examples/answers) keyed by item title, as the Form gives them. */
export function rawFromExample(name: string): Record<string, string> {
  const byId = JSON.parse(
    readFileSync(join(__dirname, '../../examples/answers', `${name}.json`), 'utf8'),
  ) as Record<string, unknown>;
  const raw: Record<string, string> = {};
  for (const item of ITEMS) {
    const v = byId[item.id];
    if (v !== undefined && v !== null && v !== '') raw[item.title] = String(v);
  }
  return raw;
}
