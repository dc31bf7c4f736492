/**
 * The small ports over Apps Script's own services: the script lock, the clock (Utilities formats instants
 * in a time zone; `Utilities.sleep` waits), MailApp and script properties.
 */
import type { Clock, Lock, Mailer, MailMessage, StateStore } from '../core/ports';
import type { IsoDate } from '../core/questionnaire';

/** One script lock shared by every execution of the back office (triggers, sweep, setup). */
export class ScriptLock implements Lock {
  private lock: GoogleAppsScript.Lock.Lock | undefined;

  tryAcquire(timeoutMs: number): boolean {
    this.lock ??= LockService.getScriptLock();
    return this.lock.tryLock(timeoutMs);
  }

  release(): void {
    this.lock?.releaseLock();
  }
}

export class AppsScriptClock implements Clock {
  now(): string {
    return new Date().toISOString();
  }
  localDate(instant: string, timeZone: string): IsoDate {
    return Utilities.formatDate(new Date(instant), timeZone, 'yyyy-MM-dd');
  }
  localDateTime(instant: string, timeZone: string): string {
    return Utilities.formatDate(new Date(instant), timeZone, "yyyy-MM-dd'T'HH:mm:ssXXX");
  }
  sleep(ms: number): void {
    Utilities.sleep(ms);
  }
}

export class AppsScriptMailer implements Mailer {
  remainingQuota(): number {
    return MailApp.getRemainingDailyQuota();
  }
  send(message: MailMessage): void {
    MailApp.sendEmail({ to: message.to, subject: message.subject, body: message.body, name: 'CEAD' });
  }
}

/** Script properties, read once per execution and written through. */
export class ScriptState implements StateStore {
  private cache: Record<string, string> | undefined;
  private store: GoogleAppsScript.Properties.Properties | undefined;

  private props(): GoogleAppsScript.Properties.Properties {
    this.store ??= PropertiesService.getScriptProperties();
    return this.store;
  }

  all(): Record<string, string> {
    this.cache ??= this.props().getProperties();
    return this.cache;
  }

  get(key: string): string | undefined {
    return this.all()[key];
  }

  set(key: string, value: string): void {
    this.props().setProperty(key, value);
    this.all()[key] = value;
  }

  delete(key: string): void {
    this.props().deleteProperty(key);
    delete this.all()[key];
  }
}
