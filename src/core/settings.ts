/**
 * The tracker's Settings sheet: a few key/value settings, the team and the package catalog, in blocks that
 * each start with a header row. Managers edit it by hand, so the parser is forgiving about blank rows, order
 * and case, and reports everything it cannot use instead of stopping at the first problem.
 *
 *   Setting          | Value
 *   Time zone        | America/New_York
 *   Email candidates | on
 *   Date locale      | en-US
 *   Model assist     | off               (or Gemini API, Vertex AI)
 *   Model            | gemini-2.5-flash
 *   Vertex project   | my-project        (Vertex AI only)
 *   Vertex location  | us-central1       (Vertex AI only)
 *
 *   Name             | Email             | Role
 *   Ana Writer       | ana@example.org   | writer
 *
 *   Package          | Business days     | Note           | Clock starts at
 *   standard         | 30                | up to 4 weeks  | submission
 */
import type { Role } from './orders';
import { catalogToRows, DEFAULT_CATALOG, type PackageCatalog, parseCatalog } from './packages';
import { type CellValue, literalText } from './tracker-row';

export type TeamRole = Exclude<Role, 'system'>;
const TEAM_ROLES: readonly TeamRole[] = ['writer', 'reviewer', 'manager'];

export interface TeamMember {
  readonly name: string;
  readonly email: string;
  /** One person may hold several roles ("writer, reviewer"). */
  readonly roles: readonly TeamRole[];
}

export interface Settings {
  /** IANA time zone in which business days are counted. */
  readonly timeZone: string;
  /** Whether CEAD emails candidates (NEEDS_INFO notices); off means the team writes to them itself. */
  readonly emailCandidates: boolean;
  /** The spreadsheet locale of CSV exports, for reading dates (dates.ts). */
  readonly dateLocale: string;
  readonly team: readonly TeamMember[];
  readonly catalog: PackageCatalog;
  /** The team's switch for model rewrites of letter sections; off unless a manager turns it on. */
  readonly modelAssist: ModelAssist;
}

/**
 * Which service rewrites sections, and with what model. The Gemini API's key is never here: the sheet is
 * shared with the whole team, so the key lives in the script's properties (see src/gas/model-rewriter.ts).
 */
export interface ModelAssist {
  readonly service: ModelService;
  readonly model: string;
  /** The team's own Google Cloud project and region, for Vertex AI. */
  readonly vertexProject: string;
  readonly vertexLocation: string;
}

export type ModelService = 'off' | 'gemini-api' | 'vertex-ai';

export const DEFAULT_MODEL_ASSIST: ModelAssist = {
  service: 'off',
  model: 'gemini-2.5-flash',
  vertexProject: '',
  vertexLocation: 'us-central1',
};

export const DEFAULT_SETTINGS: Settings = {
  timeZone: 'America/New_York',
  emailCandidates: false,
  dateLocale: 'en-US',
  team: [],
  catalog: DEFAULT_CATALOG,
  modelAssist: DEFAULT_MODEL_ASSIST,
};

export interface SettingsProblem {
  /** 1-based row of the Settings sheet. */
  readonly row: number;
  readonly message: string;
}

const HEADERS = {
  settings: ['setting', 'value'],
  team: ['name', 'email', 'role'],
  packages: ['package', 'business days'],
} as const;

type Block = keyof typeof HEADERS;

function cell(v: CellValue): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

function blockOf(row: readonly CellValue[]): Block | undefined {
  const cells = row.map((v) => cell(v).toLowerCase());
  return (Object.keys(HEADERS) as Block[]).find((b) => HEADERS[b].every((h, i) => cells[i] === h));
}

// The IANA names Apps Script and Intl accept: Area/Location[/Sublocation], plus UTC and Etc/… zones. The
// core cannot ask a time-zone database, so this only catches typos such as "EST5" or "New York".
const TIME_ZONE = /^(UTC|GMT|[A-Z][A-Za-z]+(\/[A-Za-z0-9_+-]+){1,2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function parseSwitch(s: string): boolean | undefined {
  const v = s.toLowerCase();
  if (['on', 'yes', 'true', '1'].includes(v)) return true;
  if (['off', 'no', 'false', '0'].includes(v)) return false;
  return undefined;
}

const MODEL_SERVICES: Readonly<Record<string, ModelService>> = {
  off: 'off',
  'gemini api': 'gemini-api',
  'gemini-api': 'gemini-api',
  'vertex ai': 'vertex-ai',
  'vertex-ai': 'vertex-ai',
};
const MODEL_NAME = /^[a-z][\w.-]{0,62}$/i;
// Google Cloud's rules for a project ID, and a region name ("us-central1", "europe-west4", "global").
const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const LOCATION = /^(global|[a-z]+-[a-z]+\d+)$/;

const MODEL_KEYS = ['model assist', 'model', 'vertex project', 'vertex location'];

/** One model-assist row; a bad value leaves the default in place and says why. */
function readModelRow(
  key: string,
  value: string,
  into: { -readonly [K in keyof ModelAssist]: ModelAssist[K] },
): string | undefined {
  if (key === 'model assist') {
    const service = MODEL_SERVICES[value.toLowerCase().replace(/\s+/g, ' ')];
    if (service === undefined) return `"Model assist" is off, Gemini API or Vertex AI, not "${value}".`;
    into.service = service;
  } else if (key === 'model') {
    if (!MODEL_NAME.test(value)) return `"${value}" is not a model name such as gemini-2.5-flash.`;
    into.model = value;
  } else if (key === 'vertex project') {
    if (value !== '' && !PROJECT_ID.test(value))
      return `"${value}" is not a Google Cloud project ID (6 to 30 lower-case letters, digits and hyphens).`;
    into.vertexProject = value;
  } else if (!LOCATION.test(value)) {
    return `"${value}" is not a Google Cloud location such as us-central1.`;
  } else into.vertexLocation = value;
  return undefined;
}

/** Reads the Settings sheet's values (as `getValues` returns them); missing settings take their defaults. */
export function parseSettings(rows: readonly (readonly CellValue[])[]): {
  readonly settings: Settings;
  readonly problems: readonly SettingsProblem[];
} {
  const problems: SettingsProblem[] = [];
  let timeZone = DEFAULT_SETTINGS.timeZone;
  let emailCandidates = DEFAULT_SETTINGS.emailCandidates;
  let dateLocale = DEFAULT_SETTINGS.dateLocale;
  const modelAssist = { ...DEFAULT_MODEL_ASSIST };
  let modelAssistRow = 0;
  const team: TeamMember[] = [];
  const packageRows: { row: number; cells: readonly CellValue[] }[] = [];
  let sawPackages = false;
  let block: Block | undefined;

  rows.forEach((cells, i) => {
    const row = i + 1;
    const header = blockOf(cells);
    if (header) {
      block = header;
      if (header === 'packages') sawPackages = true;
      return;
    }
    if (cells.every((v) => cell(v) === '')) return;
    if (block === undefined) {
      problems.push({
        row,
        message: `Row ${row} is outside any block; start a block with a header row such as "Setting | Value".`,
      });
      return;
    }
    if (block === 'settings') {
      const key = cell(cells[0]).toLowerCase();
      const value = cell(cells[1]);
      if (key === 'time zone') {
        if (TIME_ZONE.test(value)) timeZone = value;
        else problems.push({ row, message: `"${value}" is not a time zone name such as America/New_York.` });
      } else if (key === 'email candidates') {
        const on = parseSwitch(value);
        if (on === undefined)
          problems.push({ row, message: `"Email candidates" is on or off, not "${value}".` });
        else emailCandidates = on;
      } else if (key === 'date locale') {
        if (/^[a-z]{2,3}([-_][A-Za-z]{2,4})?$/.test(value)) dateLocale = value.replace('_', '-');
        else problems.push({ row, message: `"${value}" is not a locale such as en-US.` });
      } else if (MODEL_KEYS.includes(key)) {
        const problem = readModelRow(key, value, modelAssist);
        if (problem) problems.push({ row, message: problem });
        else if (key === 'model assist') modelAssistRow = row;
      } else {
        problems.push({
          row,
          message: `"${cell(cells[0])}" is not a setting CEAD knows (Time zone, Email candidates, Date locale, Model assist, Model, Vertex project, Vertex location).`,
        });
      }
      return;
    }
    if (block === 'team') {
      const name = cell(cells[0]);
      const email = cell(cells[1]);
      const roleWords = cell(cells[2])
        .toLowerCase()
        .split(/[,;/]|\band\b/)
        .map((w) => w.trim())
        .filter(Boolean);
      const roles = roleWords.filter((w): w is TeamRole => (TEAM_ROLES as readonly string[]).includes(w));
      const bad = roleWords.filter((w) => !(TEAM_ROLES as readonly string[]).includes(w));
      if (!EMAIL.test(email))
        problems.push({ row, message: `Team member "${name}": "${email}" is not an email address.` });
      else if (team.some((m) => m.email.toLowerCase() === email.toLowerCase())) {
        problems.push({ row, message: `Team member ${email} is listed twice; the first row is used.` });
      } else if (bad.length > 0 || roles.length === 0) {
        problems.push({
          row,
          message: `Team member ${email}: the role is writer, reviewer or manager (or several, separated by commas), not "${cell(cells[2])}".`,
        });
      } else team.push({ name, email, roles });
      return;
    }
    packageRows.push({ row, cells });
  });

  let catalog = DEFAULT_CATALOG;
  if (sawPackages) {
    const parsed = parseCatalog(packageRows.map((r) => r.cells));
    for (const p of parsed.problems) {
      if (p.row > 0) problems.push({ row: packageRows[p.row - 1]?.row ?? 0, message: p.message });
    }
    if (parsed.catalog.length > 0) catalog = parsed.catalog;
    else
      problems.push({
        row: 0,
        message: 'No usable package in the Settings sheet; the standard catalog is used.',
      });
  }
  // Vertex AI runs in the team's own project: without one nothing could be sent, so the switch stays off.
  if (modelAssist.service === 'vertex-ai' && modelAssist.vertexProject === '') {
    problems.push({
      row: modelAssistRow,
      message: '"Model assist" is Vertex AI but "Vertex project" is empty; model assist stays off.',
    });
    modelAssist.service = 'off';
  }
  return { settings: { timeZone, emailCandidates, dateLocale, team, catalog, modelAssist }, problems };
}

const SERVICE_LABELS: Readonly<Record<ModelService, string>> = {
  off: 'off',
  'gemini-api': 'Gemini API',
  'vertex-ai': 'Vertex AI',
};

/** The Settings sheet's rows for these settings, in the layout `parseSettings` reads. */
export function settingsToRows(settings: Settings): (string | number)[][] {
  const rows: (string | number)[][] = [
    ['Setting', 'Value'],
    ['Time zone', settings.timeZone],
    ['Email candidates', settings.emailCandidates ? 'on' : 'off'],
    ['Date locale', settings.dateLocale],
    ['Model assist', SERVICE_LABELS[settings.modelAssist.service]],
    ['Model', settings.modelAssist.model],
    ['Vertex project', settings.modelAssist.vertexProject],
    ['Vertex location', settings.modelAssist.vertexLocation],
    [],
    ['Name', 'Email', 'Role'],
    ...settings.team.map((m) => [m.name, m.email, m.roles.join(', ')]),
    [],
    ['Package', 'Business days', 'Note', 'Clock starts at'],
    ...catalogToRows(settings.catalog),
  ];
  return rows.map((r) => r.map((v) => (typeof v === 'string' ? literalText(v) : v)));
}

/** Team members who may hold `role`, for the Writer and Reviewer drop-downs. */
export function membersWithRole(settings: Settings, role: TeamRole): readonly TeamMember[] {
  return settings.team.filter((m) => m.roles.includes(role));
}
