/**
 * The Clock port on Node: the instant comes from the command's `io.now()` (so tests fix it), calendar days
 * and local times from `Intl` with the team's IANA time zone, as Apps Script's `Utilities.formatDate` does.
 */
import type { Clock } from '../core/ports';
import type { IsoDate } from '../core/questionnaire';

// One formatter per zone: building an Intl.DateTimeFormat costs far more than using one, and a draft run
// asks for local dates thousands of times.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

function parts(instant: string, timeZone: string): Record<string, string> {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`"${instant}" is not an instant`);
  const out: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(date)) out[p.type] = p.value;
  return out;
}

export function localDate(instant: string, timeZone: string): IsoDate {
  const p = parts(instant, timeZone);
  return `${p['year']}-${p['month']}-${p['day']}`;
}

/** `2026-11-30T09:00:00-05:00`: the local wall time with its offset (`Z` offsets print as `+00:00`). */
export function localDateTime(instant: string, timeZone: string): string {
  const p = parts(instant, timeZone);
  const name = p['timeZoneName'] ?? 'GMT';
  const offset = name === 'GMT' ? '+00:00' : name.replace(/^GMT/, '');
  return `${p['year']}-${p['month']}-${p['day']}T${p['hour']}:${p['minute']}:${p['second']}${offset}`;
}

export function localClock(now: () => Date): Clock {
  return {
    now: () => now().toISOString(),
    localDate,
    localDateTime,
    sleep(ms: number) {
      // Ports are synchronous (Apps Script's are); Atomics.wait is Node's blocking sleep.
      if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    },
  };
}

/**
 * The instant of a wall-clock time in a time zone (`2026-09-08T14:28:27` in America/New_York →
 * `2026-09-08T18:28:27.000Z`), as a Sheets export means its zone-less timestamps. A time skipped by a DST
 * change resolves to the later offset; a repeated one to the first occurrence.
 */
export function zonedInstant(wall: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall);
  if (!m) throw new RangeError(`"${wall}" is not a local date-time`);
  const asUtc = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6] ?? 0),
  );
  const offsetAt = (ms: number) => {
    const local = localDateTime(new Date(ms).toISOString(), timeZone);
    return Date.parse(`${local.slice(0, 19)}Z`) - ms;
  };
  let instant = asUtc - offsetAt(asUtc);
  const corrected = asUtc - offsetAt(instant);
  if (
    corrected !== instant &&
    localDateTime(new Date(corrected).toISOString(), timeZone).startsWith(wall.slice(0, 16))
  ) {
    instant = corrected;
  }
  return new Date(instant).toISOString();
}
