/**
 * The shared state behind the Apps Script fakes: a virtual clock, id generators, and the call ledger that
 * counts every service call and can make the N-th call of a method fail.
 *
 * A "service call" is any method on a fake service object or on an object it hands out (a Range, a Lock,
 * a FormResponse) that would reach Google's servers or take a handle on server state. Pure value getters
 * on already-fetched data (an ItemResponse's answer, a Trigger's handler name) are not counted: Apps Script
 * serves them from the object it already holds. Every counted call is a fault point.
 */

export type CallKind = 'io' | 'handle';

export interface CallRecord {
  readonly service: string;
  readonly method: string;
  readonly kind: CallKind;
  /** 1-based: this call was the n-th call of this service.method. */
  readonly n: number;
}

interface Failure {
  readonly service: string;
  readonly method: string;
  readonly n: number;
  readonly error: () => Error;
  done: boolean;
}

/** Messages Apps Script really shows for transient failures: worth a retry with backoff. */
export const TRANSIENT_MESSAGES = [
  'Service invoked too many times in a short time: exec qps. Try Utilities.sleep(1000) between calls.',
  "We're sorry, a server error occurred. Please wait a bit and try again.",
  'Service Spreadsheets timed out while accessing document with id 1x.',
  'API call to drive.comments.create failed with error: Internal Error',
] as const;

export function transientError(i = 0): Error {
  return new Error(TRANSIENT_MESSAGES[i % TRANSIENT_MESSAGES.length]);
}

/** A failure that no retry fixes: a real API rejecting the request. */
export function permanentError(what = 'request'): Error {
  return new Error(`Exception: Invalid argument: ${what}`);
}

export class CallLedger {
  private readonly counts = new Map<string, number>();
  private readonly failures: Failure[] = [];
  /** Every counted call in order, for fault-point enumeration. */
  readonly calls: CallRecord[] = [];
  /** Runs after a call is counted and before it acts (or fails): lets a test interleave another execution. */
  onCall: ((call: CallRecord) => void) | undefined;
  private inHook = false;

  /** Counts one call and throws the scheduled error when this is the call chosen to fail. */
  record(service: string, method: string, kind: CallKind = 'io'): void {
    const key = `${service}.${method}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    const call: CallRecord = { service, method, kind, n };
    this.calls.push(call);
    if (this.onCall && !this.inHook) {
      this.inHook = true;
      try {
        this.onCall(call);
      } finally {
        this.inHook = false;
      }
    }
    const failure = this.failures.find(
      (f) => !f.done && f.service === service && f.method === method && f.n === n,
    );
    if (failure) {
      failure.done = true;
      throw failure.error();
    }
  }

  /** Makes the n-th call (counting from now on, 1-based) of service.method throw `error`. */
  failOn(service: string, method: string, n: number, error: Error | (() => Error)): void {
    const already = this.counts.get(`${service}.${method}`) ?? 0;
    this.failures.push({
      service,
      method,
      n: already + n,
      error: typeof error === 'function' ? error : () => error,
      done: false,
    });
  }

  /** Whether every scheduled failure has fired. */
  allFailuresFired(): boolean {
    return this.failures.every((f) => f.done);
  }

  count(service?: string, method?: string): number {
    let total = 0;
    for (const [key, n] of this.counts) {
      const dot = key.indexOf('.');
      const s = key.slice(0, dot);
      const m = key.slice(dot + 1);
      if ((service === undefined || s === service) && (method === undefined || m === method)) total += n;
    }
    return total;
  }

  /** Calls made since `mark` (an index into `calls`), optionally of one kind. */
  since(mark: number, kind?: CallKind): CallRecord[] {
    return this.calls.slice(mark).filter((c) => kind === undefined || c.kind === kind);
  }

  mark(): number {
    return this.calls.length;
  }

  reset(): void {
    this.counts.clear();
    this.failures.length = 0;
    this.calls.length = 0;
  }
}

/** Virtual time: `Utilities.sleep` advances it instead of blocking. */
export class VirtualClock {
  private ms: number;
  readonly slept: number[] = [];

  constructor(start: string | number = '2026-11-30T14:00:00Z') {
    this.ms = typeof start === 'number' ? start : Date.parse(start);
  }

  now(): Date {
    return new Date(this.ms);
  }

  nowMs(): number {
    return this.ms;
  }

  advance(ms: number): void {
    this.ms += ms;
  }

  sleep(ms: number): void {
    this.slept.push(ms);
    this.ms += ms;
  }

  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
}

/** Deterministic ids that look like Google's (long, URL-safe) so code cannot depend on their shape. */
export class IdSource {
  private n = 0;

  next(prefix: string): string {
    this.n += 1;
    return `${prefix}${String(this.n).padStart(6, '0')}xYz_${(this.n * 7919).toString(36)}`;
  }

  uuid(): string {
    this.n += 1;
    const hex = this.n.toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${hex}`;
  }
}

/** A file as Drive sees it. Forms, spreadsheets, documents and folders all live here. */
export interface DriveFileRecord {
  readonly id: string;
  name: string;
  readonly mimeType: string;
  parents: string[];
  appProperties: Record<string, string>;
  trashed: boolean;
  readonly createdTime: string;
  modifiedTime: string;
  /** Whether this app created the file: under the drive.file scope only those are visible to Drive calls. */
  readonly createdByApp: boolean;
  readonly owner: string;
}

export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  document: 'application/vnd.google-apps.document',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
  form: 'application/vnd.google-apps.form',
} as const;

export interface GasWorld {
  readonly ledger: CallLedger;
  readonly files: Map<string, DriveFileRecord>;
  readonly clock: VirtualClock;
  readonly ids: IdSource;
  /** The account running the script (installable triggers run as their creator). */
  readonly owner: string;
  readonly timeZone: string;
}

/** Registers a file created by any service (FormApp, SpreadsheetApp, Docs, Drive) in the Drive registry. */
export function registerFile(
  world: GasWorld,
  file: {
    id: string;
    name: string;
    mimeType: string;
    parents?: string[];
    appProperties?: Record<string, string>;
  },
): DriveFileRecord {
  const at = world.clock.now().toISOString();
  const record: DriveFileRecord = {
    id: file.id,
    name: file.name,
    mimeType: file.mimeType,
    parents: file.parents ?? ['root'],
    appProperties: { ...(file.appProperties ?? {}) },
    trashed: false,
    createdTime: at,
    modifiedTime: at,
    createdByApp: true,
    owner: world.owner,
  };
  world.files.set(file.id, record);
  return record;
}

export function createWorld(options: { start?: string; owner?: string; timeZone?: string } = {}): GasWorld {
  return {
    ledger: new CallLedger(),
    files: new Map(),
    clock: new VirtualClock(options.start),
    ids: new IdSource(),
    owner: options.owner ?? 'owner@cead-team.example',
    timeZone: options.timeZone ?? 'America/New_York',
  };
}
