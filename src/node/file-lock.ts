/**
 * The folder's lock: `DIR/.cead.lock`, made with O_EXCL so two `cead` runs on one folder take turns. It
 * records who holds it ({"pid", "started", "host"}), so a lock left by a run that is gone (killed, out of
 * memory, a power cut) is taken over at once and the run says so, while a live run is never robbed of its
 * lock however long it takes (20,000 responses take longer than any fixed age would allow).
 *
 * A holder is gone when no process has its pid, or the process with that pid started at another time (the
 * pid was reused; Linux tells the start time in /proc). A lock from another host, or one that records no
 * pid, is taken over only when older than `staleMs`. Two runs finding one stale lock take it over one at a
 * time, through a second O_EXCL file, so neither removes the lock the other has just made.
 */

import { mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Lock } from '../core/ports';

interface Holder {
  readonly pid?: number;
  readonly started?: string;
  readonly host?: string;
}

/** When the process `pid` started (ms since the epoch), from /proc on Linux; undefined elsewhere. */
function processStart(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    // USER_HZ is 100 on every Linux ABI Node runs on.
    return Number.isFinite(ticks) && Number.isFinite(boot) ? boot * 1000 + ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(holder: Holder): boolean {
  const pid = holder.pid!;
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = holder.started === undefined ? Number.NaN : Date.parse(holder.started);
  const actual = processStart(pid);
  // Start times agree to the clock tick; a few seconds of slack cover a clock set in between.
  return Number.isNaN(started) || actual === undefined || Math.abs(actual - started) < 5000;
}

function readHolder(path: string): Holder {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text) as Holder;
  } catch {
    // Written by an earlier version (the pid alone), or cut short by a crash.
    const pid = Number.parseInt(text, 10);
    return Number.isInteger(pid) && pid > 0 ? { pid, host: hostname() } : {};
  }
}

export class FileLock implements Lock {
  private held = false;
  /** Set when this lock was taken over from a run that is gone: one sentence for the run's notes. */
  takenOver: string | undefined;

  constructor(
    private readonly root: string,
    private readonly sleep: (ms: number) => void,
    private readonly staleMs = 10 * 60 * 1000,
  ) {}

  private get path(): string {
    return join(this.root, '.cead.lock');
  }

  /** Why the lock at `path` may be taken over, or undefined while its holder may still be working. */
  private staleReason(): string | undefined {
    const holder = readHolder(this.path);
    const age = Date.now() - statSync(this.path).mtimeMs;
    const who = `cead run ${holder.pid ?? '(unknown)'}${holder.started ? ` started ${holder.started}` : ''}`;
    // Made but not yet written: a run killed in that instant (a live one writes it within microseconds).
    if (holder.pid === undefined && statSync(this.path).size === 0 && age > 2000)
      return `a run killed as it began`;
    if (holder.pid !== undefined && holder.host === hostname()) {
      return isRunning(holder) ? undefined : `${who}, which is no longer running`;
    }
    return age > this.staleMs ? `${who}, ${Math.round(age / 60000)} minutes ago` : undefined;
  }

  /** Removes a stale lock, one taker at a time; true when the lock file is gone (retry at once). */
  private takeOverStale(): boolean {
    const guard = `${this.path}.takeover`;
    try {
      writeFileSync(guard, `${process.pid}\n`, { flag: 'wx' });
    } catch {
      // Another run is taking it over, or was killed while it did (its pid is gone): then the guard goes.
      const pid = Number.parseInt(readFileSync(guard, 'utf8'), 10);
      if (!isRunning({ pid }) || Date.now() - statSync(guard).mtimeMs > 60000) unlinkSync(guard);
      return false;
    }
    try {
      const why = this.staleReason();
      if (why === undefined) return false;
      unlinkSync(this.path);
      this.takenOver = `.cead.lock was left by ${why}; this run took it over.`;
      return true;
    } finally {
      unlinkSync(guard);
    }
  }

  tryAcquire(timeoutMs: number): boolean {
    if (this.held) return true;
    mkdirSync(this.root, { recursive: true });
    const deadline = Date.now() + timeoutMs;
    const me: Holder = {
      pid: process.pid,
      started: new Date(processStart(process.pid) ?? performance.timeOrigin).toISOString(),
      host: hostname(),
    };
    for (;;) {
      try {
        writeFileSync(this.path, `${JSON.stringify(me)}\n`, { flag: 'wx' });
        this.held = true;
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      try {
        if (this.takeOverStale()) continue;
      } catch {
        continue; // released between our attempt and the look at it: try again at once
      }
      if (Date.now() >= deadline) return false;
      this.sleep(Math.min(200, Math.max(1, deadline - Date.now())));
    }
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    try {
      unlinkSync(this.path);
    } catch {
      // Already gone (taken over as stale): nothing to release.
    }
  }
}
