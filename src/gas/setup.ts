/**
 * `setup`: run once by the account that owns the back office (script editor or `clasp run-function`). It
 * makes, or repairs, everything intake needs, and records the ids in script properties:
 * - the questionnaire Form, built from the core's definition (sections, help, required items, validation,
 *   date items), published, accepting response edits, with a confirmation message;
 * - the orders folder for the drafts;
 * - the tracker spreadsheet: Orders (header, frozen, drop-downs, overdue and at-risk colours), Dashboard
 *   (counts by status, at-risk, overdue, on-time rate, orders due by week with a chart), Settings, Log and
 *   Responses;
 * - the owner's triggers: form submit on the Form, on edit on the tracker, the sweep every 10 minutes.
 *
 * Running it again changes nothing that is in place and adds only what is missing: it never makes a second
 * Form, sheet, rule, chart or trigger.
 */
import { ORDER_STATUSES } from '../core/orders';
import { type Item, QUESTIONNAIRE } from '../core/questionnaire';
import {
  DEFAULT_SETTINGS,
  membersWithRole,
  parseSettings,
  type Settings,
  settingsToRows,
} from '../core/settings';
import {
  columnLetter,
  DEFAULT_LAYOUT,
  LOG_HEADERS,
  ORDER_COLUMNS,
  ORDER_HEADERS,
  type OrderLayout,
  orderLayout,
  RESPONSE_HEADERS,
} from '../core/tracker-row';
import { ScriptLock } from './apps-script-ports';
import { WRITER_FOLDER_KEY } from './doc-sharing';
import { type DriveV3, driveV3, FOLDER_MIME } from './drive-v3';
import { DATE_FORMAT, SHEETS } from './tracker-sheet';

export const PROPERTY = {
  formId: 'cead.formId',
  spreadsheetId: 'cead.spreadsheetId',
  folderId: 'cead.folderId',
} as const;

export const FORM_TITLE = 'CEAD questionnaire: your letter of recommendation';
export const TRACKER_TITLE = 'CEAD tracker';
export const FOLDER_NAME = 'CEAD orders';
export const SWEEP_MINUTES = 10;
export const CONFIRMATION =
  'Thank you: your answers are in. Your writer starts from them and will contact you with any questions. ' +
  'You can change your answers with the edit link Google shows on this page.';

/** The entry points the triggers call (names in src/gas/entry-points.json). */
export const HANDLERS = { formSubmit: 'onFormSubmit', edit: 'onTrackerEdit', sweep: 'sweep' } as const;

const OVERDUE_COLOR = '#f4c7c3';
const AT_RISK_COLOR = '#fce8b2';
const FINISHED = ['FINALIZED', 'DELIVERED', 'CANCELLED'];

export interface SetupReport {
  readonly formId: string;
  readonly formUrl: string;
  readonly spreadsheetId: string;
  readonly spreadsheetUrl: string;
  readonly folderId: string;
  /** What this run made or repaired; empty when everything was in place. */
  readonly changes: readonly string[];
}

// The Forms service takes `isPublished` and has `setPublished`, which the typings do not declare yet.
type Form = GoogleAppsScript.Forms.Form & {
  setPublished?(published: boolean): Form;
  isPublished?(): boolean;
};
type FormAppWithPublish = GoogleAppsScript.Forms.FormApp & {
  create(title: string, isPublished?: boolean): Form;
};
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// --- The Form ----------------------------------------------------------------------------------------------

function addItem(form: Form, item: Item): void {
  const v = item.validation;
  const required = item.required;
  switch (item.type) {
    case 'shortText':
    case 'email':
    case 'number': {
      const text = form.addTextItem().setTitle(item.title).setHelpText(item.help).setRequired(required);
      const rule = FormApp.createTextValidation();
      if (item.type === 'email') text.setValidation(rule.requireTextIsEmail().build());
      else if (item.type === 'number' && v?.min !== undefined && v.max !== undefined) {
        text.setValidation(
          rule.requireNumberBetween(v.min, v.max).setHelpText(`A number from ${v.min} to ${v.max}.`).build(),
        );
      } else if (item.type === 'number') text.setValidation(rule.requireNumber().build());
      else if (v?.pattern) {
        text.setValidation(
          rule
            .requireTextMatchesPattern(v.pattern)
            .setHelpText(`Please give ${v.patternHelp ?? 'a valid answer'}.`)
            .build(),
        );
      } else if (v?.maxLength !== undefined) {
        text.setValidation(rule.requireTextLengthLessThanOrEqualTo(v.maxLength).build());
      }
      return;
    }
    case 'paragraph': {
      const text = form
        .addParagraphTextItem()
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(required);
      // One requirement per item in Forms. A lower bound asks for a real example; the upper bound is the
      // core's to enforce (an over-long answer is kept verbatim and reported, never cut off by the form).
      if (v?.minLength !== undefined) {
        text.setValidation(
          FormApp.createParagraphTextValidation()
            .requireTextLengthGreaterThanOrEqualTo(v.minLength)
            .setHelpText(`Please write at least ${v.minLength} characters.`)
            .build(),
        );
      }
      return;
    }
    case 'choice': {
      const choice = form
        .addMultipleChoiceItem()
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(required);
      choice.setChoiceValues([...(item.choices ?? [])]);
      if (item.allowOther) choice.showOtherOption(true);
      return;
    }
    case 'date':
      form
        .addDateItem()
        .setTitle(item.title)
        .setHelpText(item.help)
        .setRequired(required)
        .setIncludesYear(true);
      return;
  }
}

function buildForm(form: Form): void {
  form.setDescription(
    'Tell us about one clinical rotation, your recommender, and one real example for each of the six ACGME ' +
      'competencies. Your writer drafts your letter from these answers.',
  );
  QUESTIONNAIRE.forEach((section, i) => {
    // The first section is the form's first page; every other section starts a new page.
    if (i === 0) form.addSectionHeaderItem().setTitle(section.title).setHelpText(section.help);
    else form.addPageBreakItem().setTitle(section.title).setHelpText(section.help);
    for (const item of section.items) addItem(form, item);
  });
}

function ensureForm(formId: string | undefined, changes: string[], record: (id: string) => void): Form {
  let form: Form | undefined;
  if (formId) {
    try {
      form = FormApp.openById(formId) as Form;
    } catch {
      changes.push(`The recorded form ${formId} could not be opened; a new one was made.`);
    }
  }
  if (!form) {
    form = (FormApp as FormAppWithPublish).create(FORM_TITLE, true);
    record(form.getId());
    buildForm(form);
    changes.push('Created the questionnaire form.');
  } else {
    const titles = new Set(form.getItems().map((i) => i.getTitle()));
    const missing = QUESTIONNAIRE.flatMap((s) => s.items).filter((i) => !titles.has(i.title));
    for (const item of missing) addItem(form, item);
    if (missing.length > 0) changes.push(`Added ${missing.length} missing questions to the form.`);
  }
  if (form.isPublished && !form.isPublished() && form.setPublished) {
    form.setPublished(true);
    changes.push('Published the form.');
  }
  if (!form.canEditResponse()) {
    form.setAllowResponseEdits(true);
    changes.push('Allowed candidates to edit their responses.');
  }
  if (form.getConfirmationMessage() !== CONFIRMATION) {
    form.setConfirmationMessage(CONFIRMATION);
    if (formId) changes.push('Set the form’s confirmation message.');
  }
  return form;
}

// --- The orders folder ------------------------------------------------------------------------------------

function ensureFolder(drive: DriveV3, folderId: string | undefined, changes: string[]): string {
  if (folderId) {
    try {
      const folder = drive.Files.get(folderId, { fields: 'id,trashed' });
      if (folder.id && !folder.trashed) return folder.id;
    } catch {
      // Gone or no longer visible to the app: make a new one below.
    }
  }
  const created = drive.Files.create({ name: FOLDER_NAME, mimeType: FOLDER_MIME }, null, { fields: 'id' });
  changes.push('Created the orders folder.');
  return created.id ?? '';
}

/**
 * The writers' folders intake made (doc-sharing.ts), checked as the orders folder is: one trashed, gone, or
 * no longer in the orders folder (which setup may just have made anew) is forgotten, and the writer's next
 * order makes a new one. Their Docs stay where they are.
 */
function checkWriterFolders(
  drive: DriveV3,
  ids: Record<string, string>,
  folderId: string,
  forget: (key: string) => void,
  changes: string[],
): void {
  for (const [key, id] of Object.entries(ids)) {
    if (!key.startsWith(WRITER_FOLDER_KEY)) continue;
    let ok = false;
    try {
      const folder = drive.Files.get(id, { fields: 'id,trashed,parents' });
      ok = !folder.trashed && (folder.parents ?? []).includes(folderId);
    } catch {
      // Gone or no longer visible to the app.
    }
    if (!ok) {
      forget(key);
      changes.push(
        `Forgot the writer folder of ${key.slice(WRITER_FOLDER_KEY.length)}: it was deleted or moved.`,
      );
    }
  }
}

// --- The tracker --------------------------------------------------------------------------------------------

function rectangular(rows: readonly (readonly unknown[])[]): (string | number)[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '') as string | number));
}

/** Writes a header row if the sheet is empty, or appends the headers it lacks. */
function ensureHeader(sheet: Sheet, headers: readonly string[], changes: string[]): void {
  const width = Math.max(1, sheet.getLastColumn());
  const current =
    sheet
      .getRange(1, 1, 1, width)
      .getValues()[0]
      ?.map((v) => String(v).trim()) ?? [];
  const fold = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();
  const missing = headers.filter((h) => !current.some((c) => fold(c) === fold(h)));
  if (current.every((h) => h === '')) {
    // A new sheet has 26 columns; the Orders header is wider.
    if (headers.length > sheet.getMaxColumns()) {
      sheet.insertColumnsAfter(sheet.getMaxColumns(), headers.length - sheet.getMaxColumns());
    }
    sheet.getRange(1, 1, 1, headers.length).setValues([[...headers]]);
    sheet.getRange(1, 1, 1, headers.length).setFontWeight('bold');
  } else if (missing.length > 0) {
    const start = current.length - [...current].reverse().findIndex((c) => c !== '') + 1;
    if (start - 1 + missing.length > sheet.getMaxColumns()) {
      sheet.insertColumnsAfter(sheet.getMaxColumns(), start - 1 + missing.length - sheet.getMaxColumns());
    }
    sheet.getRange(1, start, 1, missing.length).setValues([missing]);
    changes.push(`Added the columns ${missing.join(', ')} to ${sheet.getName()}.`);
  }
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
}

function ensureSheets(
  ss: Spreadsheet,
  fresh: boolean,
  changes: string[],
): Record<keyof typeof SHEETS, Sheet> {
  const out: Partial<Record<keyof typeof SHEETS, Sheet>> = {};
  for (const [key, name] of Object.entries(SHEETS) as [keyof typeof SHEETS, string][]) {
    let sheet = ss.getSheetByName(name);
    if (!sheet) {
      sheet = ss.insertSheet(name);
      if (!fresh) changes.push(`Added the ${name} sheet.`);
    }
    out[key] = sheet;
  }
  if (fresh) {
    // The spreadsheet comes with an empty first sheet that CEAD does not use.
    const first = ss.getSheetByName('Sheet1');
    if (first && first.getLastRow() === 0) ss.deleteSheet(first);
  }
  return out as Record<keyof typeof SHEETS, Sheet>;
}

function ensureSettings(sheet: Sheet, owner: string, timeZone: string): Settings {
  const values = sheet.getDataRange().getValues();
  if (values.every((row) => row.every((v) => String(v).trim() === ''))) {
    const seeded: Settings = {
      ...DEFAULT_SETTINGS,
      timeZone,
      team: owner ? [{ name: owner.split('@')[0] ?? owner, email: owner, roles: ['manager', 'writer'] }] : [],
    };
    const rows = rectangular(settingsToRows(seeded));
    sheet.getRange(1, 1, rows.length, rows[0]!.length).setValues(rows);
    return seeded;
  }
  return parseSettings(
    values.map((r) => r.map((v) => (typeof v === 'number' || typeof v === 'boolean' ? v : String(v)))),
  ).settings;
}

function ordersLayout(sheet: Sheet): OrderLayout {
  const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0] ?? [];
  const found = orderLayout(header.map(String));
  return 'layout' in found ? found.layout : DEFAULT_LAYOUT;
}

function listRule(values: readonly string[], help: string) {
  return SpreadsheetApp.newDataValidation()
    .requireValueInList([...values], true)
    .setAllowInvalid(false)
    .setHelpText(help)
    .build();
}

function ensureOrdersSheet(sheet: Sheet, settings: Settings, changes: string[]): void {
  ensureHeader(sheet, ORDER_HEADERS, changes);
  const layout = ordersLayout(sheet);
  const rows = sheet.getMaxRows() - 1;
  const column = (key: keyof typeof layout.index) => layout.index[key] + 1;
  const lists: Array<[keyof typeof layout.index, readonly string[], string]> = [
    ['status', ORDER_STATUSES, 'A status; CEAD checks that the change is allowed.'],
    ['package', settings.catalog.map((p) => p.name), 'A package from the Settings sheet.'],
    ['writer', membersWithRole(settings, 'writer').map((m) => m.email), 'A writer from the Settings sheet.'],
    [
      'reviewer',
      membersWithRole(settings, 'reviewer').map((m) => m.email),
      'A reviewer from the Settings sheet.',
    ],
  ];
  for (const [key, values, help] of lists) {
    if (values.length === 0 || rows < 1) continue;
    sheet.getRange(2, column(key), rows, 1).setDataValidation(listRule(values, help));
  }
  // The tracker writes dates as serial numbers (Sheets API, RAW); the columns' format shows them as dates.
  for (const c of ORDER_COLUMNS) {
    if (c.kind !== 'date' || rows < 1) continue;
    sheet.getRange(2, column(c.key), rows, 1).setNumberFormat(DATE_FORMAT);
  }
  const status = `$${columnLetter(layout.index.status)}2`;
  const left = `$${columnLetter(layout.index.businessDaysLeft)}2`;
  const open = FINISHED.map((s) => `${status}<>"${s}"`).join(',');
  const overdue = `=AND(${left}<>"",${left}<0,${open})`;
  const atRisk = `=AND(${left}<>"",${left}>=0,${left}<=1,${open})`;
  const existing = sheet.getConditionalFormatRules();
  const ours = (r: GoogleAppsScript.Spreadsheet.ConditionalFormatRule) => {
    const formula = r.getBooleanCondition()?.getCriteriaValues()[0];
    return formula === overdue || formula === atRisk;
  };
  if (existing.filter(ours).length !== 2) {
    const range = sheet.getRange(`A2:${columnLetter(layout.width - 1)}`);
    const rule = (formula: string, color: string) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(formula)
        .setBackground(color)
        .setRanges([range])
        .build();
    sheet.setConditionalFormatRules([
      ...existing.filter((r) => !ours(r)),
      rule(overdue, OVERDUE_COLOR),
      rule(atRisk, AT_RISK_COLOR),
    ]);
    changes.push('Set the overdue and at-risk colours on Orders.');
  }
}

/** The Dashboard: live formulas over the Orders sheet, so it needs no writes to stay current. */
export function dashboardCells(layout: OrderLayout): string[][] {
  const col = (key: keyof OrderLayout['index']) =>
    `Orders!$${columnLetter(layout.index[key])}:$${columnLetter(layout.index[key])}`;
  const status = col('status');
  const left = col('businessDaysLeft');
  const currentDue = col('currentDue');
  const open = FINISHED.map((s) => `${status},"<>${s}"`).join(',');
  const finishedOnTime = ['FINALIZED', 'DELIVERED']
    .map((s) => `COUNTIFS(${status},"${s}",${left},">=0")`)
    .join('+');
  const finished = ['FINALIZED', 'DELIVERED'].map((s) => `COUNTIF(${status},"${s}")`).join('+');
  const rows: string[][] = [
    ['CEAD dashboard', ''],
    ['Status', 'Orders'],
    ...ORDER_STATUSES.map((s) => [s, `=COUNTIF(${status},"${s}")`]),
    ['', ''],
    ['At risk (due within a business day)', `=COUNTIFS(${left},">=0",${left},"<=1",${open})`],
    ['Overdue', `=COUNTIFS(${left},"<0",${open})`],
    ['On-time rate (finished orders)', `=IFERROR((${finishedOnTime})/(${finished}),"")`],
    ['', ''],
    ['Week of', 'Orders due'],
  ];
  const first = rows.length + 1;
  for (let k = 0; k < 8; k++) {
    const r = first + k;
    rows.push([
      `=TODAY()-WEEKDAY(TODAY(),3)+${7 * k}`,
      `=COUNTIFS(${currentDue},">="&A${r},${currentDue},"<"&A${r}+7)`,
    ]);
  }
  return rows;
}

function ensureDashboard(sheet: Sheet, layout: OrderLayout, changes: string[]): void {
  const cells = dashboardCells(layout);
  const range = sheet.getRange(1, 1, cells.length, 2);
  const formulas = range.getFormulas();
  const values = range.getValues();
  const same = cells.every((row, r) =>
    row.every((c, i) => (c.startsWith('=') ? formulas[r]?.[i] === c : String(values[r]?.[i] ?? '') === c)),
  );
  if (!same) {
    // Our own formulas: written so that Sheets evaluates them.
    range.setValues(cells);
    changes.push('Wrote the Dashboard.');
  }
  if (sheet.getCharts().length === 0) {
    const weekHeader = cells.findIndex((r) => r[0] === 'Week of') + 1;
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange(weekHeader, 1, 9, 2))
      .setPosition(1, 4, 0, 0)
      .setOption('title', 'Orders due by week')
      .build();
    sheet.insertChart(chart);
    changes.push('Added the orders-by-week chart.');
  }
}

function ensureSpreadsheet(
  spreadsheetId: string | undefined,
  timeZone: string,
  owner: string,
  changes: string[],
  record: (id: string) => void,
): Spreadsheet {
  let ss: Spreadsheet | undefined;
  if (spreadsheetId) {
    try {
      ss = SpreadsheetApp.openById(spreadsheetId);
    } catch {
      changes.push(`The recorded tracker ${spreadsheetId} could not be opened; a new one was made.`);
    }
  }
  const fresh = !ss;
  if (!ss) {
    ss = SpreadsheetApp.create(TRACKER_TITLE);
    record(ss.getId());
    changes.push('Created the tracker spreadsheet.');
  }
  const sheets = ensureSheets(ss, fresh, changes);
  const settings = ensureSettings(sheets.settings, owner, timeZone);
  if (ss.getSpreadsheetTimeZone() !== settings.timeZone) ss.setSpreadsheetTimeZone(settings.timeZone);
  ensureOrdersSheet(sheets.orders, settings, changes);
  ensureHeader(sheets.log, LOG_HEADERS, changes);
  ensureHeader(sheets.responses, RESPONSE_HEADERS, changes);
  ensureDashboard(sheets.dashboard, ordersLayout(sheets.orders), changes);
  return ss;
}

// --- Triggers -----------------------------------------------------------------------------------------------

function ensureTriggers(formId: string, spreadsheetId: string, changes: string[]): void {
  const wanted = [
    {
      handler: HANDLERS.formSubmit,
      type: ScriptApp.EventType.ON_FORM_SUBMIT,
      source: formId as string | null,
    },
    { handler: HANDLERS.edit, type: ScriptApp.EventType.ON_EDIT, source: spreadsheetId as string | null },
    { handler: HANDLERS.sweep, type: ScriptApp.EventType.CLOCK, source: null as string | null },
  ];
  const ours = new Set<string>(Object.values(HANDLERS));
  const kept = new Set<number>();
  for (const t of ScriptApp.getProjectTriggers()) {
    if (!ours.has(t.getHandlerFunction())) continue;
    const i = wanted.findIndex(
      (w, k) =>
        !kept.has(k) &&
        w.handler === t.getHandlerFunction() &&
        String(w.type) === String(t.getEventType()) &&
        (w.source === null || w.source === t.getTriggerSourceId()),
    );
    if (i >= 0) kept.add(i);
    else {
      // A duplicate, or a trigger on a Form or tracker that is no longer the recorded one.
      ScriptApp.deleteTrigger(t);
      changes.push(`Removed a stale ${t.getHandlerFunction()} trigger.`);
    }
  }
  wanted.forEach((w, k) => {
    if (kept.has(k)) return;
    const builder = ScriptApp.newTrigger(w.handler);
    if (w.handler === HANDLERS.formSubmit) builder.forForm(formId).onFormSubmit().create();
    else if (w.handler === HANDLERS.edit) builder.forSpreadsheet(spreadsheetId).onEdit().create();
    else builder.timeBased().everyMinutes(SWEEP_MINUTES).create();
    changes.push(`Installed the ${w.handler} trigger.`);
  });
}

// --- Setup ----------------------------------------------------------------------------------------------

/**
 * Setup writes the tracker's sheets and the script properties that intake and the sweep read: it waits for
 * the script lock they share, generously, since a sweep may be working through a backlog.
 */
export const SETUP_LOCK_WAIT_MS = 5 * 60 * 1000;

export class SetupBusyError extends Error {}

export function runSetup(drive: DriveV3 = driveV3()): SetupReport {
  const lock = new ScriptLock();
  if (!lock.tryAcquire(SETUP_LOCK_WAIT_MS)) {
    throw new SetupBusyError(
      'Setup did not run: intake or the sweep held the script lock for more than 5 minutes. Nothing was changed; run setup again in a few minutes.',
    );
  }
  try {
    return setupUnderLock(drive);
  } finally {
    lock.release();
  }
}

function setupUnderLock(drive: DriveV3): SetupReport {
  const props = PropertiesService.getScriptProperties();
  const ids = props.getProperties();
  const changes: string[] = [];
  const record = (key: string) => (id: string) => {
    // Recorded at once: a run that stops half way leaves nothing a rerun would make a second time.
    props.setProperty(key, id);
  };
  const owner = Session.getEffectiveUser().getEmail();
  const timeZone = Session.getScriptTimeZone();

  const form = ensureForm(ids[PROPERTY.formId], changes, record(PROPERTY.formId));
  const folderId = ensureFolder(drive, ids[PROPERTY.folderId], changes);
  if (ids[PROPERTY.folderId] !== folderId) record(PROPERTY.folderId)(folderId);
  checkWriterFolders(drive, ids, folderId, (key) => props.deleteProperty(key), changes);
  const ss = ensureSpreadsheet(
    ids[PROPERTY.spreadsheetId],
    timeZone,
    owner,
    changes,
    record(PROPERTY.spreadsheetId),
  );
  if (ids[PROPERTY.formId] !== form.getId()) record(PROPERTY.formId)(form.getId());
  if (ids[PROPERTY.spreadsheetId] !== ss.getId()) record(PROPERTY.spreadsheetId)(ss.getId());
  ensureTriggers(form.getId(), ss.getId(), changes);
  SpreadsheetApp.flush();
  return {
    formId: form.getId(),
    formUrl: form.getPublishedUrl(),
    spreadsheetId: ss.getId(),
    spreadsheetUrl: ss.getUrl(),
    folderId,
    changes,
  };
}
