/**
 * `cead google setup`: the questionnaire Form, the orders folder, the tracker spreadsheet and the lock Doc,
 * made through the REST APIs, their ids recorded in the config file as each is made (a run that stops half
 * way makes nothing twice when run again). Each file is also labelled (`ceadRole` app property), so ids
 * lost with the config file are found again rather than made anew. Running it again changes nothing that
 * is in place: every check is a read, and a write happens only for what is missing.
 */
import { DEFAULT_SETTINGS, type Settings, settingsToRows } from '../../core/settings';
import {
  columnLetter,
  LOG_HEADERS,
  ORDER_COLUMNS,
  ORDER_HEADERS,
  RESPONSE_HEADERS,
} from '../../core/tracker-row';
import { DOC_MIME, type DriveV3, driveQuoted, FOLDER_MIME } from '../../gas/drive-v3';
import { FOLDER_NAME, FORM_TITLE, TRACKER_TITLE } from '../../gas/setup';
import { a1Sheet, DATE_FORMAT, SHEETS } from '../../gas/tracker-sheet';
import { missingItemRequests } from './form-items';
import { type GoogleIds, isComplete } from './google-config';
import type { GoogleTransport } from './google-transport';
import { restDrive } from './rest-services';

export const ROLE_PROPERTY = 'ceadRole';
export const LOCK_TITLE = 'CEAD lock';
const TRACKER_ROWS = 1000;

export interface GoogleSetupReport {
  readonly ids: GoogleIds;
  readonly changes: readonly string[];
}

export interface SetupContext {
  readonly t: GoogleTransport;
  readonly ids: Partial<GoogleIds>;
  /** Records the ids as they are now (called after each is made). */
  readonly record: (ids: Partial<GoogleIds>) => void;
  readonly timeZone: string;
  readonly dryRun: boolean;
}

type Json = Record<string, unknown>;

/** A file by its recorded id if it is still there, else by its label, else undefined. */
function findFile(drive: DriveV3, id: string | undefined, role: string): string | undefined {
  if (id) {
    try {
      const f = drive.Files.get(id, { fields: 'id,trashed' });
      if (!f.trashed) return id;
    } catch (e) {
      if ((e as { status?: unknown }).status !== 404) throw e;
    }
  }
  const found = drive.Files.list({
    q: `appProperties has { key='${ROLE_PROPERTY}' and value=${driveQuoted(role)} } and trashed = false`,
    fields: 'files(id)',
    pageSize: 10,
  });
  return found.files?.[0]?.id;
}

export function runGoogleSetup(ctx: SetupContext): GoogleSetupReport {
  const drive = restDrive(ctx.t);
  const changes: string[] = [];
  let ids: Partial<GoogleIds> = { ...ctx.ids };
  const keep = (key: keyof GoogleIds, id: string, made: string | undefined) => {
    if (made) changes.push(made);
    if (ids[key] !== id) {
      ids = { ...ids, [key]: id };
      if (!ctx.dryRun) ctx.record(ids);
    }
  };
  const folderId = ensureFolder(ctx, drive, ids.folderId, changes);
  keep('folderId', folderId, undefined);
  keep('formId', ensureForm(ctx, drive, ids.formId, changes), undefined);
  keep('spreadsheetId', ensureTracker(ctx, drive, ids.spreadsheetId, changes), undefined);
  keep('lockDocId', ensureLockDoc(ctx, drive, ids.lockDocId, folderId, changes), undefined);
  if (!isComplete(ids)) throw new Error('setup did not record every id');
  return { ids, changes };
}

const DRY = '(dry run)';

function ensureFolder(ctx: SetupContext, drive: DriveV3, id: string | undefined, changes: string[]): string {
  const found = findFile(drive, id, 'orders');
  if (found) return found;
  changes.push('Created the orders folder.');
  if (ctx.dryRun) return DRY;
  const made = drive.Files.create(
    { name: FOLDER_NAME, mimeType: FOLDER_MIME, appProperties: { [ROLE_PROPERTY]: 'orders' } },
    null,
    { fields: 'id' },
  );
  return made.id ?? '';
}

function ensureForm(ctx: SetupContext, drive: DriveV3, id: string | undefined, changes: string[]): string {
  const { t } = ctx;
  let formId = findFile(drive, id, 'form');
  if (!formId) {
    changes.push('Created the questionnaire form.');
    if (ctx.dryRun) return DRY;
    formId = t.call<{ formId: string }>('forms', 'forms.create', {
      requestBody: { info: { title: FORM_TITLE } },
    }).formId;
    // Labelled at once, so a run that stops before recording the id finds this form again.
    drive.Files.update({ appProperties: { [ROLE_PROPERTY]: 'form' } }, formId, null, { fields: 'id' });
  }
  const form = t.call<{ items?: Json[]; publishSettings?: { publishState?: { isPublished?: boolean } } }>(
    'forms',
    'forms.get',
    { formId },
  );
  const items = form.items ?? [];
  const requests = missingItemRequests(new Set(items.map((i) => String(i['title'] ?? ''))), items.length);
  if (requests.length > 0) {
    if (items.length > 0) changes.push(`Added ${requests.length} missing questions to the form.`);
    if (!ctx.dryRun) t.call('forms', 'forms.batchUpdate', { formId, requestBody: { requests } });
  }
  if (form.publishSettings?.publishState?.isPublished !== true) {
    changes.push('Published the form.');
    const publishState = { isPublished: true, isAcceptingResponses: true };
    if (!ctx.dryRun)
      t.call('forms', 'forms.setPublishSettings', {
        formId,
        requestBody: { publishSettings: { publishState } },
      });
  }
  return formId;
}

function ensureTracker(ctx: SetupContext, drive: DriveV3, id: string | undefined, changes: string[]): string {
  const found = findFile(drive, id, 'tracker');
  if (found) {
    checkTrackerSheets(ctx.t, found);
    return found;
  }
  changes.push('Created the tracker spreadsheet.');
  if (ctx.dryRun) return DRY;
  const made = ctx.t.call<{
    spreadsheetId: string;
    sheets: { properties: { sheetId: number; title: string } }[];
  }>('sheets', 'spreadsheets.create', {
    requestBody: {
      properties: { title: TRACKER_TITLE, timeZone: ctx.timeZone },
      sheets: Object.values(SHEETS).map((title) => ({
        properties: {
          title,
          gridProperties: { rowCount: TRACKER_ROWS, columnCount: Math.max(26, ORDER_HEADERS.length) },
        },
      })),
    },
  });
  drive.Files.update({ appProperties: { [ROLE_PROPERTY]: 'tracker' } }, made.spreadsheetId, null, {
    fields: 'id',
  });
  writeTrackerStart(ctx, made.spreadsheetId, made.sheets);
  return made.spreadsheetId;
}

/** A tracker that lacks one of CEAD's sheets was changed by hand: say so rather than guess a repair. */
function checkTrackerSheets(t: GoogleTransport, spreadsheetId: string): void {
  const got = t.call<{ sheets?: { properties?: { title?: string } }[] }>('sheets', 'spreadsheets.get', {
    spreadsheetId,
    fields: 'sheets.properties.title',
  });
  const names = new Set((got.sheets ?? []).map((s) => s.properties?.title));
  const missing = Object.values(SHEETS).filter((n) => !names.has(n));
  if (missing.length > 0) {
    throw new Error(
      `The tracker lacks the ${missing.join(', ')} sheet(s): restore them (File > Version history), or run the Apps Script setup to repair it.`,
    );
  }
}

/** The headers, the seeded Settings and the date columns' format, in one values write and one format write. */
function writeTrackerStart(
  ctx: SetupContext,
  spreadsheetId: string,
  sheets: readonly { properties: { sheetId: number; title: string } }[],
): void {
  const owner =
    ctx.t.call<{ user?: { emailAddress?: string } }>('drive', 'about.get', { fields: 'user(emailAddress)' })
      .user?.emailAddress ?? '';
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    timeZone: ctx.timeZone,
    team: owner ? [{ name: owner.split('@')[0] ?? owner, email: owner, roles: ['manager', 'writer'] }] : [],
  };
  const width = (rows: readonly (readonly unknown[])[]) => Math.max(1, ...rows.map((r) => r.length));
  const settingsRows = settingsToRows(settings).map((r) =>
    Array.from({ length: width(settingsToRows(settings)) }, (_, i) => r[i] ?? ''),
  );
  // A range must hold exactly the values written: the API refuses a row that runs past its end.
  const block = (sheet: string, values: readonly (readonly unknown[])[]) => ({
    range: `${a1Sheet(sheet)}!A1:${columnLetter(width(values) - 1)}${values.length}`,
    values,
  });
  const data = [
    block(SHEETS.orders, [[...ORDER_HEADERS]]),
    block(SHEETS.log, [[...LOG_HEADERS]]),
    block(SHEETS.responses, [[...RESPONSE_HEADERS]]),
    block(SHEETS.settings, settingsRows),
  ];
  ctx.t.call('sheets', 'spreadsheets.values.batchUpdate', {
    spreadsheetId,
    requestBody: { valueInputOption: 'RAW', data },
  });
  const ordersId = sheets.find((s) => s.properties.title === SHEETS.orders)?.properties.sheetId ?? 0;
  const requests = ORDER_COLUMNS.flatMap((c, i) =>
    c.kind === 'date'
      ? [
          {
            repeatCell: {
              range: {
                sheetId: ordersId,
                startRowIndex: 1,
                endRowIndex: TRACKER_ROWS,
                startColumnIndex: i,
                endColumnIndex: i + 1,
              },
              cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: DATE_FORMAT } } },
              fields: 'userEnteredFormat.numberFormat',
            },
          },
        ]
      : [],
  );
  if (requests.length > 0)
    ctx.t.call('sheets', 'spreadsheets.batchUpdate', { spreadsheetId, requestBody: { requests } });
}

function ensureLockDoc(
  ctx: SetupContext,
  drive: DriveV3,
  id: string | undefined,
  folderId: string,
  changes: string[],
): string {
  const found = findFile(drive, id, 'lock');
  if (found) return found;
  changes.push('Created the lock document.');
  if (ctx.dryRun) return DRY;
  const made = drive.Files.create(
    { name: LOCK_TITLE, mimeType: DOC_MIME, parents: [folderId], appProperties: { [ROLE_PROPERTY]: 'lock' } },
    null,
    { fields: 'id' },
  );
  return made.id ?? '';
}
