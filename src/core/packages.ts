/**
 * The package catalog: how many business days each package allows and which day starts its clock. It is
 * data so that a team can add its own tiers (the Settings sheet in Workspace, a config file locally);
 * `DEFAULT_CATALOG` is what product.md promises.
 */

/**
 * - `submission`: the day the candidate submitted complete answers (in the team's time zone);
 * - `conference`: the day of the video conference with the physician (`order.conferenceDate`).
 */
export type ClockStart = 'submission' | 'conference';

export interface PackageDef {
  readonly name: string;
  readonly businessDays: number;
  readonly startsAt: ClockStart;
  readonly note: string;
}

export type PackageCatalog = readonly PackageDef[];

export const DEFAULT_CATALOG: PackageCatalog = [
  { name: 'standard', businessDays: 30, startsAt: 'submission', note: 'up to 4 weeks' },
  { name: 'expedited', businessDays: 1, startsAt: 'submission', note: 'after a complete questionnaire' },
  {
    name: 'on-demand',
    businessDays: 4,
    startsAt: 'conference',
    note: 'draft within 2–4 business days after the video conference with the physician',
  },
];

/** Package names compare trimmed and case-insensitively, as managers type them in a Sheet. */
export function packageKey(name: string): string {
  return name.trim().toLowerCase();
}

export function findPackage(catalog: PackageCatalog, name: string): PackageDef | undefined {
  const key = packageKey(name);
  return catalog.find((p) => packageKey(p.name) === key);
}

/** "Unknown package "x" (known: standard, expedited, on-demand)". */
export function unknownPackageMessage(catalog: PackageCatalog, name: string): string {
  return `Unknown package "${name}" (known: ${catalog.map((p) => p.name).join(', ')})`;
}

/** A problem with one row of a team's catalog; `row` is 1-based within the rows given. */
export interface CatalogProblem {
  readonly row: number;
  readonly message: string;
}

const MAX_BUSINESS_DAYS = 260;
const NAME = /^[A-Za-z0-9][A-Za-z0-9 _-]{0,39}$/;

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).trim();
}

function parseDays(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  const s = cellText(v);
  return /^[0-9]+(\.[0-9]+)?$/.test(s) ? Number(s) : undefined;
}

function parseStart(v: unknown): ClockStart | undefined {
  const s = cellText(v).toLowerCase();
  if (s === '' || s === 'submission' || s === 'complete questionnaire') return 'submission';
  if (s === 'conference' || s === 'conference date' || s === 'video conference') return 'conference';
  return undefined;
}

/**
 * A team's own catalog from rows of `name, business days, note[, clock starts at]` (no header row; the
 * Settings parser strips it). Cells may be strings or numbers, as a Sheet reads them. Bad rows are left out
 * and reported; an empty result falls back to nothing, so the caller decides whether to use the default.
 */
export function parseCatalog(rows: readonly (readonly unknown[])[]): {
  readonly catalog: PackageCatalog;
  readonly problems: readonly CatalogProblem[];
} {
  const catalog: PackageDef[] = [];
  const problems: CatalogProblem[] = [];
  rows.forEach((cells, i) => {
    const row = i + 1;
    const [rawName, rawDays, rawNote, rawStart] = cells;
    const name = cellText(rawName);
    if (cells.every((c) => cellText(c) === '')) return;
    if (!NAME.test(name)) {
      problems.push({
        row,
        message:
          name === ''
            ? 'A package has no name.'
            : `Package name "${name}" must be 1–40 letters, digits, spaces, "-" or "_", starting with a letter or digit.`,
      });
      return;
    }
    if (findPackage(catalog, name)) {
      problems.push({ row, message: `Package "${name}" is listed twice; the first one is used.` });
      return;
    }
    const days = parseDays(rawDays);
    if (days === undefined || !Number.isInteger(days) || days < 1 || days > MAX_BUSINESS_DAYS) {
      problems.push({
        row,
        message: `Package "${name}": business days must be a whole number from 1 to ${MAX_BUSINESS_DAYS}, not "${cellText(rawDays)}".`,
      });
      return;
    }
    const startsAt = parseStart(rawStart);
    if (!startsAt) {
      problems.push({
        row,
        message: `Package "${name}": the clock starts at "submission" or "conference", not "${cellText(rawStart)}".`,
      });
      return;
    }
    catalog.push({ name, businessDays: days, startsAt, note: cellText(rawNote) });
  });
  if (catalog.length === 0 && problems.length === 0) {
    problems.push({ row: 0, message: 'The package list is empty.' });
  }
  return { catalog, problems };
}

/** Rows for writing a catalog to a Sheet or config file, in the shape `parseCatalog` reads. */
export function catalogToRows(catalog: PackageCatalog): (string | number)[][] {
  return catalog.map((p) => [p.name, p.businessDays, p.note, p.startsAt]);
}
