/**
 * LockService, PropertiesService, ScriptApp (triggers), MailApp, Session, Utilities, Logger and console,
 * in memory. Rules they keep:
 * - one script lock for every execution: while another execution holds it, `tryLock` waits its timeout
 *   (virtual time) and returns false, `waitLock` throws; the lock is released when an execution ends;
 * - a property value holds at most 9 KB and a store 500 KB; values are strings;
 * - at most 20 triggers per user per script; `everyMinutes` takes 1, 5, 10, 15 or 30;
 * - MailApp counts recipients against the daily quota and refuses past it;
 * - `Utilities.sleep` advances virtual time (at most 5 minutes a call).
 */
import type { GasWorld } from './gas-world';
import { wallTime } from './time-zone';

// --- LockService ---------------------------------------------------------------------------------------

export interface ScriptLockState {
  holder: object | null;
  /** Another execution holds the lock (a test sets this to simulate contention). */
  heldElsewhere: boolean;
}

export class FakeLock {
  constructor(
    private readonly world: GasWorld,
    private readonly state: ScriptLockState,
  ) {}
  private free(): boolean {
    return !this.state.heldElsewhere && (this.state.holder === null || this.state.holder === this);
  }
  tryLock(timeoutInMillis: number): boolean {
    this.world.ledger.record('LockService', 'Lock.tryLock');
    if (this.free()) {
      this.state.holder = this;
      return true;
    }
    this.world.clock.advance(timeoutInMillis);
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    this.world.ledger.record('LockService', 'Lock.waitLock');
    if (this.free()) {
      this.state.holder = this;
      return;
    }
    this.world.clock.advance(timeoutInMillis);
    throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  hasLock(): boolean {
    return this.state.holder === this;
  }
  releaseLock(): void {
    this.world.ledger.record('LockService', 'Lock.releaseLock');
    if (this.state.holder === this) this.state.holder = null;
  }
}

export function createLockService(world: GasWorld) {
  const state: ScriptLockState = { holder: null, heldElsewhere: false };
  return {
    state,
    getScriptLock() {
      world.ledger.record('LockService', 'getScriptLock', 'handle');
      return new FakeLock(world, state);
    },
    /** Apps Script releases an execution's locks when it ends, even when it throws. */
    endExecution() {
      state.holder = null;
    },
  };
}

// --- PropertiesService -----------------------------------------------------------------------------------

export const MAX_PROPERTY_VALUE_BYTES = 9 * 1024;
export const MAX_PROPERTY_STORE_BYTES = 500 * 1024;

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export class FakeProperties {
  readonly data = new Map<string, string>();
  constructor(
    private readonly world: GasWorld,
    private readonly name: string,
  ) {}
  private call(method: string): void {
    this.world.ledger.record('PropertiesService', `${this.name}.${method}`);
  }
  private check(next: Map<string, string>): void {
    let total = 0;
    for (const [k, v] of next) {
      if (bytes(v) > MAX_PROPERTY_VALUE_BYTES) throw new Error('Exception: Argument too large: value');
      total += bytes(k) + bytes(v);
    }
    if (total > MAX_PROPERTY_STORE_BYTES) {
      throw new Error(
        'Exception: You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
  }
  getProperty(key: string): string | null {
    this.call('getProperty');
    return this.data.get(key) ?? null;
  }
  getProperties(): Record<string, string> {
    this.call('getProperties');
    return Object.fromEntries(this.data);
  }
  getKeys(): string[] {
    this.call('getKeys');
    return [...this.data.keys()];
  }
  setProperty(key: string, value: unknown): this {
    this.call('setProperty');
    const next = new Map(this.data);
    next.set(key, String(value));
    this.check(next);
    this.data.set(key, String(value));
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    this.call('setProperties');
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.data);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    this.check(next);
    this.data.clear();
    for (const [k, v] of next) this.data.set(k, v);
    return this;
  }
  deleteProperty(key: string): this {
    this.call('deleteProperty');
    this.data.delete(key);
    return this;
  }
  deleteAllProperties(): this {
    this.call('deleteAllProperties');
    this.data.clear();
    return this;
  }
}

export function createPropertiesService(world: GasWorld) {
  const script = new FakeProperties(world, 'ScriptProperties');
  const user = new FakeProperties(world, 'UserProperties');
  return {
    script,
    user,
    getScriptProperties() {
      world.ledger.record('PropertiesService', 'getScriptProperties', 'handle');
      return script;
    },
    getUserProperties() {
      world.ledger.record('PropertiesService', 'getUserProperties', 'handle');
      return user;
    },
    getDocumentProperties() {
      world.ledger.record('PropertiesService', 'getDocumentProperties', 'handle');
      // A standalone script has no document.
      return null;
    },
  };
}

// --- ScriptApp -------------------------------------------------------------------------------------------

export const MAX_TRIGGERS_PER_USER = 20;

export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
} as const;

export const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
} as const;

export class FakeTrigger {
  constructor(
    readonly id: string,
    readonly handler: string,
    readonly eventType: string,
    readonly source: string,
    readonly sourceId: string | null,
    readonly owner: string,
    readonly everyMinutes?: number,
  ) {}
  getUniqueId(): string {
    return this.id;
  }
  getHandlerFunction(): string {
    return this.handler;
  }
  getEventType(): string {
    return this.eventType;
  }
  getTriggerSource(): string {
    return this.source;
  }
  getTriggerSourceId(): string | null {
    return this.sourceId;
  }
}

function idOf(x: unknown): string {
  if (typeof x === 'string') return x;
  const o = x as { getId?: () => string } | null;
  if (o && typeof o.getId === 'function') return o.getId();
  throw new Error('Exception: The parameters don’t match the method signature.');
}

export function createScriptApp(world: GasWorld) {
  const triggers: FakeTrigger[] = [];
  const create = (
    handler: string,
    eventType: string,
    source: string,
    sourceId: string | null,
    minutes?: number,
  ) => {
    world.ledger.record('ScriptApp', 'TriggerBuilder.create');
    if (triggers.filter((t) => t.owner === world.owner).length >= MAX_TRIGGERS_PER_USER) {
      throw new Error(
        'Exception: This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    const t = new FakeTrigger(
      world.ids.next('trg'),
      handler,
      eventType,
      source,
      sourceId,
      world.owner,
      minutes,
    );
    triggers.push(t);
    return t;
  };
  const newTrigger = (handler: string) => {
    if (typeof handler !== 'string' || handler === '')
      throw new Error('Exception: Invalid argument: functionName');
    return {
      forForm(form: unknown) {
        const id = idOf(form);
        return {
          onFormSubmit: () => ({
            create: () => create(handler, EventType.ON_FORM_SUBMIT, TriggerSource.FORMS, id),
          }),
          onOpen: () => ({ create: () => create(handler, EventType.ON_OPEN, TriggerSource.FORMS, id) }),
        };
      },
      forSpreadsheet(ss: unknown) {
        const id = idOf(ss);
        const kind = (eventType: string) => ({
          create: () => create(handler, eventType, TriggerSource.SPREADSHEETS, id),
        });
        return {
          onEdit: () => kind(EventType.ON_EDIT),
          onChange: () => kind(EventType.ON_CHANGE),
          onFormSubmit: () => kind(EventType.ON_FORM_SUBMIT),
          onOpen: () => kind(EventType.ON_OPEN),
        };
      },
      timeBased() {
        let minutes: number | undefined;
        const builder = {
          everyMinutes(n: number) {
            if (![1, 5, 10, 15, 30].includes(n)) {
              throw new Error('Exception: The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
            }
            minutes = n;
            return builder;
          },
          everyHours(n: number) {
            minutes = n * 60;
            return builder;
          },
          create() {
            if (minutes === undefined) throw new Error('Exception: A time-based trigger needs a schedule.');
            return create(handler, EventType.CLOCK, TriggerSource.CLOCK, null, minutes);
          },
        };
        return builder;
      },
    };
  };
  return {
    triggers,
    EventType,
    TriggerSource,
    AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' },
    newTrigger,
    getProjectTriggers() {
      world.ledger.record('ScriptApp', 'getProjectTriggers');
      return triggers.filter((t) => t.owner === world.owner);
    },
    deleteTrigger(trigger: FakeTrigger) {
      world.ledger.record('ScriptApp', 'deleteTrigger');
      const i = triggers.findIndex((t) => t.id === trigger.getUniqueId());
      if (i < 0) throw new Error('Exception: The trigger no longer exists.');
      triggers.splice(i, 1);
    },
    getScriptId() {
      return 'script-id-cead-test';
    },
  };
}

// --- MailApp ---------------------------------------------------------------------------------------------

export interface SentMail {
  to: string;
  subject: string;
  body: string;
  options: Record<string, unknown>;
}

export function createMailApp(world: GasWorld, dailyQuota = 100) {
  const sent: SentMail[] = [];
  let remaining = dailyQuota;
  const recipients = (s: unknown) =>
    String(s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  return {
    sent,
    setRemainingQuota(n: number) {
      remaining = n;
    },
    getRemainingDailyQuota() {
      world.ledger.record('MailApp', 'getRemainingDailyQuota');
      return remaining;
    },
    sendEmail(a: unknown, subject?: string, body?: string, options: Record<string, unknown> = {}) {
      world.ledger.record('MailApp', 'sendEmail');
      const message =
        typeof a === 'object' && a !== null
          ? (a as Record<string, unknown>)
          : { to: a, subject, body, ...options };
      const to = recipients(message['to']);
      const all = [...to, ...recipients(message['cc']), ...recipients(message['bcc'])];
      if (all.length === 0) throw new Error('Exception: Failed to send email: no recipient');
      for (const r of all) {
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(r)) throw new Error(`Exception: Invalid email: ${r}`);
      }
      if (all.length > remaining)
        throw new Error('Exception: Service invoked too many times for one day: email.');
      if (typeof message['subject'] !== 'string') throw new Error('Exception: Invalid argument: subject');
      remaining -= all.length;
      const { to: _t, subject: s, body: b, ...rest } = message;
      sent.push({ to: to.join(','), subject: String(s), body: String(b ?? ''), options: rest });
    },
  };
}

// --- Session, Utilities, Logger, console -----------------------------------------------------------------

export function createSession(world: GasWorld, activeUser?: string) {
  return {
    getActiveUser() {
      world.ledger.record('Session', 'getActiveUser', 'handle');
      const email = activeUser ?? world.owner;
      return { getEmail: () => email };
    },
    getEffectiveUser() {
      world.ledger.record('Session', 'getEffectiveUser', 'handle');
      return { getEmail: () => world.owner };
    },
    getScriptTimeZone() {
      world.ledger.record('Session', 'getScriptTimeZone');
      return world.timeZone;
    },
    getActiveUserLocale() {
      return 'en';
    },
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `Utilities.formatDate` for the SimpleDateFormat letters CEAD uses. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (Object.prototype.toString.call(date) !== '[object Date]' || Number.isNaN(date.getTime())) {
    throw new Error('Exception: Invalid argument: date');
  }
  let z: ReturnType<typeof wallTime>;
  try {
    z = wallTime(date, timeZone);
  } catch {
    throw new Error(`Exception: Invalid argument: timeZone (${timeZone})`);
  }
  const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
  const sign = z.offsetMin < 0 ? '-' : '+';
  const oh = pad(Math.floor(Math.abs(z.offsetMin) / 60));
  const om = pad(Math.abs(z.offsetMin) % 60);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      out += end === i + 1 ? "'" : pattern.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    const run = ch.repeat(n);
    i += n;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(z.y % 100) : pad(z.y, 4);
        break;
      case 'M':
        out += n >= 4 ? MONTHS[z.mo - 1] : n === 3 ? (MONTHS[z.mo - 1] as string).slice(0, 3) : pad(z.mo, n);
        break;
      case 'd':
        out += pad(z.d, n);
        break;
      case 'H':
        out += pad(z.h, n);
        break;
      case 'h':
        out += pad(z.h % 12 === 0 ? 12 : z.h % 12, n);
        break;
      case 'm':
        out += pad(z.mi, n);
        break;
      case 's':
        out += pad(z.s, n);
        break;
      case 'S':
        out += pad(z.ms, 3).slice(0, n);
        break;
      case 'a':
        out += z.h < 12 ? 'AM' : 'PM';
        break;
      case 'E':
        out += n >= 4 ? z.weekday : z.weekday.slice(0, 3);
        break;
      case 'X':
        out += z.offsetMin === 0 ? 'Z' : n >= 3 ? `${sign}${oh}:${om}` : `${sign}${oh}${om}`;
        break;
      case 'Z':
        out += `${sign}${oh}${om}`;
        break;
      default:
        if (/[A-Za-z]/.test(ch)) throw new Error(`Exception: Illegal pattern character '${ch}'`);
        out += run;
    }
  }
  return out;
}

export function createUtilities(world: GasWorld) {
  return {
    sleep(ms: number) {
      world.ledger.record('Utilities', 'sleep');
      if (ms > 300000) throw new Error('Exception: Invalid argument: milliseconds (at most 300000)');
      world.clock.sleep(ms);
    },
    formatDate(date: Date, timeZone: string, pattern: string) {
      return formatDate(date, timeZone, pattern);
    },
    getUuid() {
      return world.ids.uuid();
    },
  };
}

export function createLogger() {
  const lines: string[] = [];
  return {
    lines,
    log(...args: unknown[]) {
      lines.push(args.map(String).join(' '));
    },
  };
}

export function createConsole() {
  const lines: Array<{ level: string; text: string }> = [];
  const write =
    (level: string) =>
    (...args: unknown[]) => {
      lines.push({ level, text: args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') });
    };
  return { lines, log: write('log'), info: write('info'), warn: write('warn'), error: write('error') };
}
