/** Wall-clock time in an IANA time zone, for the fakes that must agree with Apps Script about dates. */

export interface WallTime {
  readonly y: number;
  readonly mo: number;
  readonly d: number;
  readonly h: number;
  readonly mi: number;
  readonly s: number;
  readonly ms: number;
  readonly weekday: string;
  /** Minutes east of UTC. */
  readonly offsetMin: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'long',
    });
    formats.set(timeZone, f);
  }
  return f;
}

export function wallTime(date: Date, timeZone: string): WallTime {
  const parts = formatter(timeZone).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const y = Number(get('year'));
  const mo = Number(get('month'));
  const d = Number(get('day'));
  const h = Number(get('hour'));
  const mi = Number(get('minute'));
  const s = Number(get('second'));
  const wallUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const offsetMin = Math.round((wallUtc - (date.getTime() - date.getUTCMilliseconds())) / 60000);
  return { y, mo, d, h, mi, s, ms: date.getUTCMilliseconds(), weekday: get('weekday'), offsetMin };
}

/** The instant at which the wall clock in `timeZone` shows the given date and time. */
export function instantOf(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  timeZone: string,
): Date {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  let instant = guess - wallTime(new Date(guess), timeZone).offsetMin * 60000;
  // Across a DST change the offset at the guess and at the answer differ: correct once.
  instant = guess - wallTime(new Date(instant), timeZone).offsetMin * 60000;
  return new Date(instant);
}
