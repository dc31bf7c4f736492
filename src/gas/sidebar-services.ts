/**
 * The sidebar's ports over the real Apps Script services, for one `google.script.run` call. It reuses the
 * back office's adapters (tracker sheets, Drive comments, the Docs writer) and adds the sidebar's own
 * (active document, Doc structure, PDF store). Everything is built lazily: the Settings sheet is read
 * before anything about an order, so someone outside the team causes no read of the Orders sheet.
 */
import { blockingProblems, parseAnswerRecord } from '../core/answers';
import { renderDocsRequests } from '../core/letter/render-docs';
import type { OrderStore } from '../core/ports';
import { DEFAULT_SETTINGS, type Settings, type SettingsProblem } from '../core/settings';
import { activeDocument } from './active-document';
import { AppsScriptClock, ScriptLock, ScriptState } from './apps-script-ports';
import { recordedIds } from './back-office';
import { DriveCommentThreads } from './comment-threads';
import { docStructure } from './doc-structure';
import { DriveDocWriter } from './doc-writer';
import { driveV3 } from './drive-v3';
import { letterPdf } from './letter-pdf';
import { teamRewriter } from './model-rewriter';
import { sidebarLetter } from './sidebar-letter';
import type { SidebarServices } from './sidebar-server';
import {
  SIDEBAR_READS,
  Tracker,
  TrackerLog,
  TrackerOrders,
  TrackerResponses,
  TrackerSettings,
} from './tracker-sheet';

/** Google's words when the caller cannot open the tracker: a candidate, or someone removed from the team. */
const NO_ACCESS = /permission|access denied|not have access|no access|not found/i;

export function sidebarServices(): SidebarServices {
  const state = new ScriptState();
  let tracker: Tracker | undefined;
  const openTracker = () => {
    tracker ??= new Tracker(recordedIds(state).spreadsheetId, SIDEBAR_READS);
    return tracker;
  };
  let settings: { settings: Settings; problems: readonly SettingsProblem[] } | undefined;
  const readSettings = () => {
    if (settings) return settings;
    try {
      settings = new TrackerSettings(openTracker()).read();
    } catch (e) {
      // Someone who cannot open the tracker is not on the team; the access rules then refuse them.
      if (!NO_ACCESS.test(String((e as { message?: unknown })?.message ?? e))) throw e;
      settings = { settings: { ...DEFAULT_SETTINGS, team: [] }, problems: [] };
    }
    return settings;
  };
  let orders: TrackerOrders | undefined;
  const orderStore = (): OrderStore => {
    orders ??= new TrackerOrders(openTracker());
    return orders;
  };
  let responses: TrackerResponses | undefined;
  const documents = () => new DriveDocWriter(recordedIds(state).folderId);

  return {
    callerEmail: () => Session.getActiveUser().getEmail(),
    activeDocument: activeDocument(),
    settings: { read: readSettings },
    // Each change the sidebar makes is written at once: a call is one change.
    orders: {
      readAll: () => orderStore().readAll(),
      put: (order) => {
        orderStore().put(order);
        openTracker().commit();
      },
      putAll: (list) => {
        orderStore().putAll(list);
        openTracker().commit();
      },
    },
    documents: {
      findByOrder: (orderId) => documents().findByOrder(orderId),
      create: (orderId, title, hash) => documents().create(orderId, title, hash),
      text: (docId) => documents().text(docId),
      write: (docId, requests) => documents().write(docId, requests),
      replace: (docId, requests, hash, unchanged) => documents().replace(docId, requests, hash, unchanged),
    },
    structure: docStructure(),
    comments: new DriveCommentThreads(),
    invite: (docId, email, message) => {
      driveV3().Permissions.create({ role: 'commenter', type: 'user', emailAddress: email }, docId, {
        sendNotificationEmail: true,
        emailMessage: message,
        fields: 'id',
      });
    },
    log: {
      append: (entries) => {
        new TrackerLog(openTracker()).append(entries);
        openTracker().commit();
      },
    },
    clock: new AppsScriptClock(),
    lock: new ScriptLock(),
    letter: sidebarLetter((order) => {
      responses ??= new TrackerResponses(openTracker());
      const raw = responses.get(order.responseId, order.submitted);
      if (!raw) return { problem: 'The candidate’s answers for this order are not in the Responses sheet.' };
      const parsed = parseAnswerRecord(raw, { locale: readSettings().settings.dateLocale });
      if (blockingProblems(parsed.problems).length > 0 && Object.keys(parsed.answers).length === 0) {
        return { problem: 'The candidate’s answers for this order cannot be read.' };
      }
      return { answers: parsed.answers };
    }, renderDocsRequests),
    pdf: letterPdf(),
    rewriter: (settings) => teamRewriter(settings.modelAssist, state),
  };
}
