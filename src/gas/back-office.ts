/**
 * The back office's trigger handlers: they build the Apps Script adapters for one execution, take the
 * script lock, read the tracker (one Sheets API read), run a core use case, which commits its writes at its
 * durable points, and keep the lock until the execution ends (see `locked`).
 *
 * Triggers can fire twice for one submission, sometimes with a blank second event; a handler that cannot
 * get the lock in time leaves the work to the sweep. Nothing here decides anything: intake, the sweep and
 * manager edits are the core's.
 */
import type { Drafter, IntakeOutcome } from '../core/intake';
import { processResponse } from '../core/intake';
import { checkDraftAgainstOrders, type LetterStep } from '../core/letter-draft';
import { managerEdit } from '../core/manager-edit';
import type { When } from '../core/order-moves';
import type { Clock, MailMessage } from '../core/ports';
import { errorMessage } from '../core/ports';
import type { Settings, SettingsProblem } from '../core/settings';
import { SETTINGS_PROBLEMS_KEY, settingsProblemsToLog } from '../core/settings-log';
import { recordDraftNotice, type SweepReport, sweep } from '../core/sweep';
import { literalText, systemLog } from '../core/tracker-row';
import { AppsScriptClock, AppsScriptMailer, ScriptLock, ScriptState } from './apps-script-ports';
import { DriveCommentThreads } from './comment-threads';
import { DriveDocSharing } from './doc-sharing';
import { DriveDocWriter, docUrl } from './doc-writer';
import { FormResponses, responseData } from './form-intake';
import { modelAssistStep } from './model-assist';
import { PROPERTY } from './setup';
import {
  SHEETS,
  Tracker,
  TrackerLog,
  TrackerOrders,
  TrackerResponses,
  TrackerSettings,
} from './tracker-sheet';

/** The note to a writer a manager gave an order to: the order ID and the Doc's link. */
export function handOverMail(orderId: string, to: string, url: string): MailMessage {
  return {
    to,
    subject: `CEAD: order ${orderId} is now yours`,
    body:
      `A manager assigned order ${orderId} to you in the CEAD tracker.\n\n` +
      `The draft is in your CEAD drafts folder: ${url}\n`,
  };
}

/** How long a trigger waits for another execution to finish before leaving its work to the sweep. */
export const TRIGGER_LOCK_WAIT_MS = 30000;
/** The sweep runs often; a busy lock means another run is already doing its work. */
export const SWEEP_LOCK_WAIT_MS = 5000;
/**
 * A manager's edit has no sweep to pick it up later, so its trigger waits out a whole sweep (about five
 * minutes at most: `DEFAULT_BUDGET_MS` of intake, then its writes) within Apps Script's six.
 */
export const EDIT_LOCK_WAIT_MS = 5 * 60 * 1000;
export const EDIT_BUSY_NOTE =
  'CEAD was busy for five minutes and could not check this change, so it was put back. Make it again to ' +
  'have it checked.';
export const PASTE_BUSY_NOTE =
  'CEAD was busy for five minutes and could not check this paste: it is not in the Log and due dates were ' +
  'not recomputed. Undo it and paste again to have it checked.';

export class NotSetUpError extends Error {}

/** The ids `setup` recorded. */
export function recordedIds(state: ScriptState): { formId: string; spreadsheetId: string; folderId: string } {
  const formId = state.get(PROPERTY.formId);
  const spreadsheetId = state.get(PROPERTY.spreadsheetId);
  const folderId = state.get(PROPERTY.folderId);
  if (!formId || !spreadsheetId || !folderId) {
    throw new NotSetUpError('CEAD is not set up in this project: run the setup function first.');
  }
  return { formId, spreadsheetId, folderId };
}

/** The drafter with a step between composing and rendering: `letterDrafter` (core/letter-draft.ts). */
export type DrafterWith = (step?: LetterStep) => Drafter;

/** Everything one execution needs, built lazily so a handler that stops early makes no service call. */
export function backOfficeAdapters(drafter: DrafterWith) {
  const state = new ScriptState();
  const ids = recordedIds(state);
  // The Sheets API needs only the tracker's id: no SpreadsheetApp.openById unless a note is written.
  const tracker = new Tracker(ids.spreadsheetId);
  const settingsSource = new TrackerSettings(tracker);
  const clock: Clock = new AppsScriptClock();
  const sharing = new DriveDocSharing({ parentId: ids.folderId, state });
  const withSettings = (settings: Settings) => {
    const log = new TrackerLog(tracker);
    // The model's rewrite, when Settings turn it on: its Log lines go out with intake's own writes.
    const draft = drafter(modelAssistStep(settings, { state, log, clock }));
    return { settings, deps: backOfficeDeps(log, draft) };
  };
  const backOfficeDeps = (log: TrackerLog, draft: Drafter) => ({
    raw: new TrackerResponses(tracker),
    orders: new TrackerOrders(tracker),
    docs: new DriveDocWriter(ids.folderId, undefined, undefined, (id) => sharing.forgetFolder(id)),
    comments: new DriveCommentThreads(),
    sharing,
    mailer: new AppsScriptMailer(),
    log,
    clock,
    draft,
    // The first check's findings go into the new draft as comments (intake's postFindings).
    checkDraft: checkDraftAgainstOrders,
    responses: new FormResponses(ids.formId),
    state,
    batch: tracker,
  });
  const settings = () => {
    const read = settingsSource.read();
    logSettingsProblems(read.problems, read.settings, { state, tracker, clock });
    return withSettings(read.settings);
  };
  return { ids, tracker, clock, settings };
}

/**
 * Appends the Settings sheet's problems to the Log, each at most once a day, as its own write made before
 * the use case runs (so a use case that discards its writes cannot lose it). A failure here only means the
 * problem is logged by a later execution: it never stops the trigger.
 */
function logSettingsProblems(
  problems: readonly SettingsProblem[],
  settings: Settings,
  ports: { readonly state: ScriptState; readonly tracker: Tracker; readonly clock: Clock },
): void {
  if (problems.length === 0) return;
  const { state, tracker, clock } = ports;
  try {
    const nowIso = clock.now();
    const when = {
      today: clock.localDate(nowIso, settings.timeZone),
      now: clock.localDateTime(nowIso, settings.timeZone),
    };
    const todo = settingsProblemsToLog(problems, state.get(SETTINGS_PROBLEMS_KEY), when);
    if (todo.record === undefined) return;
    new TrackerLog(tracker).append(todo.entries);
    tracker.commit();
    state.set(SETTINGS_PROBLEMS_KEY, todo.record);
  } catch (e) {
    tracker.discard();
    console.log(`Settings problems could not be logged: ${errorMessage(e)}`);
  }
}

/**
 * Runs `fn` under the script lock with the execution's adapters; false when the lock stayed busy. Writes
 * are the Sheets API's and land when made, so nothing needs flushing, except SpreadsheetApp's notes.
 *
 * Each handler is the whole of its trigger's execution, and Apps Script lets go of an execution's lock
 * when it ends ("The lock is automatically released when the script terminates", Lock.releaseLock), so
 * the lock is kept to the end rather than spending a call to let go of it one statement early. The notes
 * are flushed first, which is what the same page asks for before a lock is let go.
 */
function locked<T>(
  waitMs: number,
  draft: DrafterWith,
  fn: (execution: ReturnType<ReturnType<typeof backOfficeAdapters>['settings']>) => T,
): { ran: true; value: T } | { ran: false } {
  const lock = new ScriptLock();
  if (!lock.tryAcquire(waitMs)) return { ran: false };
  let tracker: Tracker | undefined;
  try {
    const office = backOfficeAdapters(draft);
    tracker = office.tracker;
    const value = fn(office.settings());
    // A write a use case left staged (a failure record whose commit failed) gets one more try.
    tracker.commit();
    return { ran: true, value };
  } finally {
    tracker?.finish();
  }
}

/** The form-submit trigger: intake for the submitted (or edited) response. */
export function handleFormSubmit(
  event: GoogleAppsScript.Events.FormsOnFormSubmit | undefined,
  draft: DrafterWith,
): IntakeOutcome | undefined {
  // The blank duplicate event Apps Script sometimes sends: nothing to do, the first event or the sweep has it.
  const response = event?.response;
  if (!response || typeof response.getId !== 'function') return undefined;
  const data = responseData(response);
  const result = locked(TRIGGER_LOCK_WAIT_MS, draft, ({ deps, settings }) => {
    const orders = new Map(deps.orders.readAll().orders.map((o) => [o.orderId, o]));
    return processResponse(deps, { settings, orders }, data);
  });
  return result.ran ? result.value : undefined;
}

export function handleSweep(draft: DrafterWith): SweepReport | undefined {
  const result = locked(SWEEP_LOCK_WAIT_MS, draft, ({ deps, settings }) => {
    return sweep(deps, { settings });
  });
  return result.ran ? result.value : undefined;
}

export interface EditReport {
  readonly applied: number;
  readonly reverted: number;
  readonly unchecked: number;
}

/**
 * The tracker's on-edit trigger: a change in the Orders sheet is checked and completed (due dates, hold
 * memory), or put back with a note saying why; either way the Log records it.
 */
export function handleTrackerEdit(
  event: GoogleAppsScript.Events.SheetsOnEdit | undefined,
  draft: DrafterWith,
): EditReport | undefined {
  const range = event?.range;
  if (!range || range.getSheet().getName() !== SHEETS.orders || range.getLastRow() < 2) return undefined;
  const result = locked(EDIT_LOCK_WAIT_MS, draft, ({ deps, settings }) => {
    const orders = deps.orders;
    const nowIso = deps.clock.now();
    const when: When = {
      today: deps.clock.localDate(nowIso, settings.timeZone),
      now: deps.clock.localDateTime(nowIso, settings.timeZone),
    };
    const actor = event?.user?.getEmail?.() ?? '';
    const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
    const report = { applied: 0, reverted: 0, unchecked: 0 };
    const entries = [];
    for (let r = Math.max(2, range.getRow()); r <= range.getLastRow(); r++) {
      for (let c = range.getColumn(); c <= range.getLastColumn(); c++) {
        // Apps Script gives the previous value only for a one-cell edit; a paste of many cells cannot be
        // checked against what was there, so it is flagged for a manager instead.
        const oldText = single ? String(event?.oldValue ?? '') : undefined;
        const found = orders.beforeEdit(r, c, oldText ?? '');
        if (!found) continue;
        if ('problem' in found) {
          orders.noteCell(r, c, `CEAD could not read this row: ${found.problem}`);
          report.unchecked++;
          continue;
        }
        if (oldText === undefined) {
          orders.noteCell(
            r,
            c,
            'Pasted over several cells: CEAD checks changes one cell at a time, so this one was not checked.',
          );
          entries.push({
            time: when.now,
            actor: actor || 'unknown editor',
            orderId: found.order.orderId,
            event: 'edit-unchecked',
            from: '' as const,
            to: '' as const,
            detail: `column ${c}`,
          });
          report.unchecked++;
          continue;
        }
        const decided = managerEdit({
          before: found.order,
          field: found.field,
          oldText,
          newText: found.newText,
          actor,
          settings,
          when,
        });
        if (decided.kind === 'ignore') continue;
        entries.push(...decided.log);
        if (decided.kind === 'revert') {
          orders.revertCell(r, c, decided.revertTo, decided.note);
          report.reverted++;
          continue;
        }
        orders.put(decided.order);
        orders.noteCell(r, c, '');
        report.applied++;
        if (decided.shareWith) {
          const { docId, email, role } = decided.shareWith;
          try {
            if (role === 'reviewer') {
              // A reviewer joins the writer: the Doc stays in the writer's folder and is shared by itself.
              deps.sharing.share(docId, email, 'writer', true);
            } else if (deps.sharing.handOver(docId, email) === 'moved' && deps.mailer.remainingQuota() > 0) {
              // A share notifies by itself; a move into the writer's folder does not, so CEAD tells them
              // (and the sweep's new-draft email does not tell them again).
              deps.mailer.send(handOverMail(decided.order.orderId, email, docUrl(docId)));
              recordDraftNotice(deps.state, decided.order.orderId, email);
            }
          } catch (e) {
            entries.push(systemLog(when, found.order.orderId, 'error', '', '', `share: ${errorMessage(e)}`));
          }
        }
      }
    }
    if (entries.length > 0) deps.log.append(entries);
    // Every applied change and Log line of this edit as one write (notes went through SpreadsheetApp).
    deps.batch.commit();
    return report;
  });
  if (!result.ran) {
    // An unchecked value left in the sheet would become the "before" of the next edit, so a one-cell edit
    // is put back (to the value every other run also last saw there); a paste, whose previous values Apps
    // Script does not give, is flagged. Either way it is said on the cells, where the manager looks.
    try {
      if (range.getNumRows() === 1 && range.getNumColumns() === 1) {
        range.setValue(literalText(String(event?.oldValue ?? '')));
        range.setNote(EDIT_BUSY_NOTE);
      } else {
        range.setNote(PASTE_BUSY_NOTE);
      }
    } catch {
      // Nothing more to do: the execution log has the trigger's run.
    }
    return undefined;
  }
  return result.value;
}
