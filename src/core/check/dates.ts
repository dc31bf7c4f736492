/**
 * Dates: the rotation dates the letter states must be the ones in the answers, the rotation must end after
 * it starts, and the letter cannot be dated before the rotation ends. Reads the forms letters use:
 * "July 6 to July 31, 2026", "July 6–31, 2026", "6 July 2026", "7/6/2026", "July 2026", "2026-07-06". A stated
 * length ("her six-week externship") must be one the dates round to.
 */
import { daysBetween } from '../dates';
import { numberFromWord } from '../letter/letter-dates';
import type { Answers, IsoDate } from '../questionnaire';
import { findingAt } from './finding';
import { escapeRegExp, type Span, spanIndexAt } from './text-scan';
import type { Finding } from './types';

/** A date as precise as the letter wrote it: the year and day may be missing. */
export interface PartialDate {
  readonly y?: number;
  readonly m: number;
  readonly d?: number;
}

export interface DateExpression {
  readonly start: number;
  readonly end: number;
  readonly from: PartialDate;
  /** Present for ranges. */
  readonly to?: PartialDate;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';
const DASH = '\\s*(?:-|–|—|to|through|thru|until|till)\\s*';

function month(name: string): number {
  const n = name.toLowerCase().replace('.', '');
  return MONTHS.findIndex((m) => m.startsWith(n.slice(0, 3))) + 1;
}

function year(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  return s.length === 2 ? 2000 + n : n;
}

type Reader = (m: RegExpExecArray) => Omit<DateExpression, 'start' | 'end'> | undefined;

// In priority order: a longer form wins over the shorter forms it contains.
const FORMS: readonly [RegExp, Reader][] = [
  [
    new RegExp(`\\b${MONTH}\\s+${DAY}${DASH}${DAY}(?:,?\\s+${YEAR})?\\b`, 'g'),
    (m) => ({
      from: { y: year(m[4]), m: month(m[1]!), d: Number(m[2]) },
      to: { y: year(m[4]), m: month(m[1]!), d: Number(m[3]) },
    }),
  ],
  [
    new RegExp(`\\b${DAY}${DASH}${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'g'),
    (m) => ({
      from: { y: year(m[4]), m: month(m[3]!), d: Number(m[1]) },
      to: { y: year(m[4]), m: month(m[3]!), d: Number(m[2]) },
    }),
  ],
  [
    new RegExp(`\\b${MONTH}${DASH}${MONTH},?\\s+${YEAR}\\b`, 'g'),
    (m) => ({ from: { y: year(m[3]), m: month(m[1]!) }, to: { y: year(m[3]), m: month(m[2]!) } }),
  ],
  [
    new RegExp(`\\b${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?(?![\\d/])`, 'g'),
    (m) => ({ from: { y: year(m[3]), m: month(m[1]!), d: Number(m[2]) } }),
  ],
  [
    new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?\\b`, 'g'),
    (m) => ({ from: { y: year(m[3]), m: month(m[2]!), d: Number(m[1]) } }),
  ],
  [
    new RegExp(`\\b${MONTH}(?:\\s+of)?,?\\s+${YEAR}\\b`, 'g'),
    (m) => ({ from: { y: year(m[2]), m: month(m[1]!) } }),
  ],
  [/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => ({ from: { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } })],
  [
    /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/g,
    (m) => ({ from: { y: year(m[3]), m: Number(m[1]), d: Number(m[2]) } }),
  ],
];

function valid(d: PartialDate): boolean {
  return d.m >= 1 && d.m <= 12 && (d.d === undefined || (d.d >= 1 && d.d <= 31));
}

/** Every date or date range written in `text`. */
export function dateExpressions(text: string): DateExpression[] {
  const atoms: DateExpression[] = [];
  for (const [re, read] of FORMS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (atoms.some((a) => start < a.end && end > a.start)) continue;
      const r = read(m);
      if (r && valid(r.from) && (!r.to || valid(r.to))) atoms.push({ start, end, ...r });
    }
  }
  atoms.sort((a, b) => a.start - b.start);
  // "July 6 to July 31, 2026", "7/6/2026 – 7/31/2026", "between June 1 and June 26, 2026".
  const out: DateExpression[] = [];
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    const b = atoms[i + 1];
    const gap = b ? text.slice(a.end, b.start) : '';
    const between = /\bbetween\s+$/i.test(text.slice(Math.max(0, a.start - 10), a.start));
    const isRange =
      b &&
      !a.to &&
      !b.to &&
      (/^\s*(?:-|–|—|to|through|thru|until|till)\s*$/i.test(gap) || (between && /^\s+and\s+$/i.test(gap)));
    if (!isRange || !b) {
      out.push(a);
      continue;
    }
    let from = a.from;
    let to = b.from;
    if (from.y === undefined && to.y !== undefined) from = { ...from, y: from.m > to.m ? to.y - 1 : to.y };
    if (to.y === undefined && from.y !== undefined) to = { ...to, y: to.m < from.m ? from.y + 1 : from.y };
    out.push({ start: a.start, end: b.end, from, to });
    i++;
  }
  return out;
}

function parts(iso: IsoDate): PartialDate {
  const [y, m, d] = iso.split('-').map(Number);
  return { y: y!, m: m!, d: d! };
}

const MONTH_NAMES = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));

/** "July 6, 2026" for an ISO date. */
export function humanDate(iso: IsoDate): string {
  const p = parts(iso);
  return `${MONTH_NAMES[p.m - 1]} ${p.d}, ${p.y}`;
}

/** Whether what the letter wrote agrees with the true date, at the precision the letter used. */
function agrees(written: PartialDate, truth: PartialDate): boolean {
  if (written.y !== undefined && written.y !== truth.y) return false;
  if (written.m !== truth.m) return false;
  return written.d === undefined || written.d === truth.d;
}

function serial(p: PartialDate, fallbackYear: number, day: number): number {
  return ((p.y ?? fallbackYear) * 12 + p.m) * 32 + (p.d ?? day);
}

/** Whether a single written date can lie within the rotation (a month must overlap it). */
function within(written: PartialDate, start: PartialDate, end: PartialDate): boolean {
  const y = written.y ?? start.y!;
  const lo = serial(written, y, 1);
  const hi = serial(written, y, 31);
  return hi >= serial(start, 0, 0) && lo <= serial(end, 0, 0);
}

/** The rotation's month (and day, if written) in another year: the slip of a letter reused or mistyped. */
function yearSlip(written: PartialDate, truth: PartialDate): boolean {
  return (
    written.y !== undefined &&
    written.y !== truth.y &&
    written.m === truth.m &&
    (written.d === undefined || written.d === truth.d)
  );
}

/**
 * Whether a range is evidently the rotation written wrong, in a sentence with no word that says so ("She was
 * with us from March 2025 to March 2025"): its months are the rotation's with a year off, or it starts when
 * the rotation starts and ends in another year than the rotation ("from June 2025 to August 2026" for four
 * weeks of June 2025). Any other range outside a rotation sentence (a research year, a prior job) is left.
 */
function slipsFromRotation(e: DateExpression, start: PartialDate, end: PartialDate): boolean {
  const to = e.to;
  if (!to || e.from.y === undefined || to.y === undefined) return false;
  const near = (w: PartialDate, t: PartialDate) => agrees(w, t) || yearSlip(w, t);
  if (near(e.from, start) && near(to, end) && (yearSlip(e.from, start) || yearSlip(to, end))) return true;
  return agrees(e.from, start) && to.y !== end.y;
}

function rotationCues(answers: Answers): RegExp {
  const cues = [
    'rotation',
    'rotations',
    'rotated',
    'rotating',
    'clerkship',
    'sub-?internship',
    'subinternship',
    'sub-i',
    'acting internship',
    'elective',
    'externship',
    'observership',
    'block',
  ];
  const site = answers['rotation.site'];
  if (site) cues.push(escapeRegExp(site));
  return new RegExp(`\\b(?:${cues.join('|')})\\b`, 'i');
}

// A range also counts in a sentence about working together, without the word "rotation".
const SUPERVISION_CUES =
  /\b(?:supervised|supervise|supervising|worked (?:closely )?(?:with|alongside) (?:me|us|him|her|them)|I (?:first )?(?:worked|met|taught|precepted|got to know|had the pleasure)|on (?:my|our) (?:service|team)|under my supervision|precepted|with me)\b/i;

/** The letter's own date: a line at the top, before the salutation, that holds only a date. */
export function letterDateLine(text: string): DateExpression | undefined {
  let offset = 0;
  for (const line of text.split('\n').slice(0, 15)) {
    if (/^\s*dear\b/i.test(line)) return undefined;
    const body = line.replace(/^\s*date:\s*/i, '');
    const lead = line.length - body.length;
    const found = dateExpressions(body);
    const only = found[0];
    if (
      found.length === 1 &&
      only &&
      !only.to &&
      only.from.d !== undefined &&
      only.from.y !== undefined &&
      body.slice(0, only.start).trim() === '' &&
      body.slice(only.end).trim().replace(/[.,]$/, '') === ''
    ) {
      return { ...only, start: offset + lead + only.start, end: offset + lead + only.end };
    }
    offset += line.length + 1;
  }
  return undefined;
}

const ROTATION_NOUN =
  /^(?:\s+[\p{L}-]+){0,5}?\s+(?:rotation|clerkship|sub-?internship|subinternship|sub-i|acting internship|elective|externship|observership|block)\b/iu;

/**
 * "her six-week inpatient externship" when the answers give a 26-day rotation: a length the dates cannot
 * round to. Only the adjective before a rotation word counts ("six weeks later" is about a patient).
 */
function durationFindings(text: string, startIso: IsoDate, endIso: IsoDate): Finding[] {
  if (endIso < startIso) return [];
  const days = daysBetween(startIso, endIso) + 1;
  const fits = (weeks: number) => weeks === Math.floor(days / 7) || weeks === Math.ceil(days / 7);
  const out: Finding[] = [];
  for (const m of text.matchAll(
    /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-week\b/gi,
  )) {
    const n = numberFromWord(m[1]!)!;
    const end = m.index! + m[0].length;
    if (fits(n) || !ROTATION_NOUN.test(text.slice(end, end + 120).split('\n')[0]!)) continue;
    out.push(
      findingAt(
        'DATE_MISMATCH',
        text,
        m.index!,
        end,
        `The letter calls the rotation "${m[0]}"; the answers give ${days} days (${humanDate(startIso)} to ${humanDate(endIso)}).`,
      ),
    );
  }
  return out;
}

function iso(p: PartialDate): IsoDate {
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d ?? 1).padStart(2, '0')}`;
}

export function checkDates(
  text: string,
  sentences: readonly Span[],
  answers: Answers,
  letterDate: IsoDate | undefined,
): Finding[] {
  const out: Finding[] = [];
  const startIso = answers['rotation.start'];
  const endIso = answers['rotation.end'];
  const dateLine = letterDateLine(text);
  if (!startIso || !endIso) return out;
  const start = parts(startIso);
  const end = parts(endIso);
  const cues = rotationCues(answers);
  const expressions = dateExpressions(text).filter((e) => !dateLine || e.start !== dateLine.start);
  const stated = `${humanDate(startIso)} to ${humanDate(endIso)}`;
  let rotationRange: DateExpression | undefined;

  for (const e of expressions) {
    const sentence = sentences[spanIndexAt(sentences, e.start)];
    if (!sentence) continue;
    const inRotation = cues.test(sentence.text);
    const excerpt = text.slice(e.start, e.end);
    if (e.to) {
      if (!inRotation && !SUPERVISION_CUES.test(sentence.text) && !slipsFromRotation(e, start, end)) continue;
      rotationRange ??= e;
      if (agrees(e.from, start) && agrees(e.to, end)) continue;
      out.push(
        findingAt(
          'DATE_MISMATCH',
          text,
          e.start,
          e.end,
          `The letter dates the rotation "${excerpt}"; the answers say ${stated}.`,
        ),
      );
    } else {
      if (!inRotation || /\bsince\b/i.test(sentence.text)) continue;
      if (within(e.from, start, end)) continue;
      out.push(
        findingAt(
          'DATE_MISMATCH',
          text,
          e.start,
          e.end,
          `"${excerpt}" falls outside the rotation, which the answers give as ${stated}.`,
        ),
      );
    }
  }

  out.push(...durationFindings(text, startIso, endIso));

  if (endIso < startIso) {
    const at = rotationRange;
    out.push(
      findingAt(
        'DATE_ORDER',
        text,
        at?.start ?? 0,
        at?.end ?? 0,
        `The answers have the rotation ending (${humanDate(endIso)}) before it starts (${humanDate(startIso)}).`,
      ),
    );
  }
  const dated = dateLine ? iso(dateLine.from) : letterDate;
  if (dated && dated < endIso) {
    out.push(
      findingAt(
        'DATE_ORDER',
        text,
        dateLine?.start ?? 0,
        dateLine?.end ?? 0,
        `The letter is dated ${humanDate(dated)}, before the rotation ends on ${humanDate(endIso)}.`,
      ),
    );
  }
  return out;
}
