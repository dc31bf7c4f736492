/**
 * The sweep: the safety net behind the form-submit trigger, run every 10–15 minutes under the script lock.
 *
 * - responses with no order (a trigger that never fired or failed), orders left unfinished (NEW) or in
 *   ERROR at an intake step, and responses edited since their order last saw them go through intake again;
 * - every open order's current due date and business days left are recomputed for today;
 * - a candidate intake could not tell what their answers lack (mail quota used up, a failed send) is told;
 * - overdue and at-risk orders remind their writer (the reviewer during physician review), at most once a
 *   day per order, within the mail quota;
 * - each writer gets one email listing the new drafts waiting for them (intake makes a Doc in the writer's
 *   shared folder, which Drive does not announce), once per draft and writer.
 *
 * Responses are listed incrementally: from the instant the last committed sweep listed up to, less an hour's
 * overlap (Forms timestamps and trigger delays are not exact), so the listing does not grow with the form's
 * history. Orders intake left unfinished are fetched by their response ID even when older than that. Once a
 * day (and whenever the recorded instant is missing or unreadable) the sweep lists every response, so a
 * response missed because a state value was lost is still found.
 *
 * It reads the Orders sheet once (the order store keeps what it read) and writes it once, with only the
 * rows that changed (with the reminders' Log lines when the stores batch their writes); intake work in
 * between writes the orders it touches, at intake's own durable points.
 */
import { deadlineRisk } from './deadlines';
import { emailTag } from './hash';
import {
  CANDIDATE_MAIL_STEP,
  type IntakeDeps,
  type IntakeOutcome,
  isIntakeStep,
  needsInfoMail,
  needsIntake,
  processResponse,
  type RetryPolicy,
} from './intake';
import { refreshDeadline } from './order-moves';
import { type Order, type OrderStatus, orderIdFor } from './orders';
import { errorMessage, type ResponseSource, type StateStore } from './ports';
import type { Settings } from './settings';
import { type LogEntry, systemLog } from './tracker-row';

export interface SweepDeps extends IntakeDeps {
  readonly responses: ResponseSource;
  readonly state: StateStore;
}

export interface SweepOptions {
  readonly settings: Settings;
  readonly retry?: RetryPolicy;
  /**
   * Stop starting new intake work once this much time has passed since the sweep began (Apps Script stops
   * an execution at 6 minutes; an unfinished response waits for the next sweep).
   */
  readonly budgetMs?: number;
  /**
   * Told before each response that goes through intake (how many are done, of how many): a long run's
   * progress, and where `cead google` renews its lease. It returns whether to go on: false stops new
   * intake work, as the budget running out does.
   */
  readonly onProgress?: (done: number, total: number) => boolean;
}

export interface SweepReport {
  readonly responses: number;
  /** True when this sweep listed every response (the daily full pass), not only the recent ones. */
  readonly fullListing: boolean;
  readonly intake: readonly IntakeOutcome[];
  /** Orders whose due date or days left changed today. */
  readonly refreshed: number;
  readonly reminders: number;
  /** Emails to writers listing their new drafts. */
  readonly draftNotices: number;
  readonly problems: readonly string[];
  /** True when the time budget ran out before every response was looked at. */
  readonly stoppedEarly: boolean;
}

export const DEFAULT_BUDGET_MS = 4.5 * 60 * 1000;
export const REMINDERS_KEY = 'cead.remindersSent';
/** The instant (ISO) at which the last sweep whose writes committed listed the form's responses. */
export const LISTED_UP_TO_KEY = 'cead.responsesListedUpTo';
/** The team-calendar date of the last full listing whose sweep committed. */
export const FULL_LISTING_KEY = 'cead.responsesFullListing';
/** How far before the recorded instant an incremental listing starts. */
export const LISTING_OVERLAP_MS = 60 * 60 * 1000;
/** Script properties hold 9 KB per value; past this many ids, today's reminders stop rather than repeat. */
const MAX_REMINDER_STATE = 8000;
/**
 * The drafts whose writer has been told about them, as `{ orderId: emailTag(writer) }`, kept only while the order
 * waits in DRAFTING before its first session (so it stays small); a new writer's tag differs, so a draft
 * handed to someone else is announced to them.
 */
export const DRAFT_NOTICES_KEY = 'cead.draftNotices';
const MAX_NOTICE_STATE = 8000;
/** Drafts listed in one email; more wait for the next sweep. */
const MAX_DRAFTS_PER_NOTICE = 25;

/**
 * The team is working on these: a late order here is the team's to chase (paused statuses wait on the
 * candidate). A FINALIZED letter is finished: its deadline was met or missed when it was finalized, and its
 * business days left are frozen there, so a due date passing while it waits for delivery is no reminder.
 */
export const REMINDED_STATUSES: readonly OrderStatus[] = ['DRAFTING', 'PHYSICIAN_REVIEW'];

interface ReminderState {
  readonly date: string;
  readonly ids: readonly string[];
}

function readReminders(state: StateStore, today: string): Set<string> {
  const raw = state.get(REMINDERS_KEY);
  if (!raw) return new Set();
  try {
    const parsed = JSON.parse(raw) as ReminderState;
    return parsed.date === today && Array.isArray(parsed.ids) ? new Set(parsed.ids.map(String)) : new Set();
  } catch {
    return new Set();
  }
}

function readState(state: StateStore, key: string): string | undefined {
  try {
    return state.get(key);
  } catch {
    // Unreadable counts as missing: the sweep then lists everything, which is always safe.
    return undefined;
  }
}

/** Where this sweep's listing starts: undefined for a full listing. */
function listingSince(state: StateStore, today: string): string | undefined {
  if (readState(state, FULL_LISTING_KEY) !== today) return undefined;
  const upTo = Date.parse(readState(state, LISTED_UP_TO_KEY) ?? '');
  if (!Number.isFinite(upTo)) return undefined;
  return new Date(upTo - LISTING_OVERLAP_MS).toISOString();
}

/** An order intake has not finished: its response must be looked at whenever it was submitted. */
function unfinished(order: Order): boolean {
  return order.status === 'NEW' || (order.status === 'ERROR' && isIntakeStep(order.errorStep));
}

function reminderMail(order: Order, to: string, risk: 'overdue' | 'at-risk') {
  const late = risk === 'overdue';
  const days = order.businessDaysLeft ?? 0;
  return {
    to,
    subject: `${late ? 'Overdue' : 'Due soon'}: ${order.orderId} (${order.status}, due ${order.currentDue})`,
    body:
      `${order.orderId} is ${late ? `overdue by ${Math.abs(days)} business day${Math.abs(days) === 1 ? '' : 's'}` : days === 0 ? 'due today' : 'due on the next business day'}.\n\n` +
      `Status: ${order.status}\nCurrent due date: ${order.currentDue}\n` +
      (order.docUrl ? `Draft: ${order.docUrl}\n` : '') +
      '\nThis reminder is sent at most once a day per order.\n',
  };
}

/** A draft waiting for its writer to start: what the new-draft email announces. */
function awaitsWriter(order: Order): boolean {
  return order.status === 'DRAFTING' && order.session === 0 && order.docId !== '' && order.writer !== '';
}

function readNotices(state: StateStore): Record<string, string> {
  try {
    const parsed = JSON.parse(state.get(DRAFT_NOTICES_KEY) ?? '{}') as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.fromEntries(
        Object.entries(parsed as Record<string, unknown>).filter(([, v]) => typeof v === 'string'),
      ) as Record<string, string>;
    }
  } catch {
    // Unreadable: every waiting draft is announced again, once, rather than none.
  }
  return {};
}

/**
 * Records that `email` was told about `orderId` (the on-edit handler, which tells a writer it hands a Doc
 * to): the sweep then does not announce it a second time.
 */
export function recordDraftNotice(state: StateStore, orderId: string, email: string): void {
  const notices = readNotices(state);
  notices[orderId] = emailTag(email);
  const json = JSON.stringify(notices);
  if (json.length <= MAX_NOTICE_STATE) state.set(DRAFT_NOTICES_KEY, json);
}

function newDraftsMail(to: string, drafts: readonly Order[]) {
  const n = drafts.length;
  return {
    to,
    subject: `CEAD: ${n} new draft${n === 1 ? '' : 's'} for you`,
    body:
      `${n === 1 ? 'A letter draft is' : `${n} letter drafts are`} waiting for you in your CEAD drafts folder:\n\n` +
      drafts
        .map(
          (o) =>
            `${o.orderId}: ${o.candidate || 'candidate'}${o.specialty ? `, ${o.specialty}` : ''}` +
            `${o.currentDue ? `, due ${o.currentDue}` : ''}\n${o.docUrl}\n`,
        )
        .join('\n') +
      '\nOpen a draft and use Extensions > CEAD to see its questions and checks.\n',
  };
}

export function sweep(deps: SweepDeps, options: SweepOptions): SweepReport {
  const { settings } = options;
  const tz = settings.timeZone;
  const started = Date.parse(deps.clock.now());
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const problems: string[] = [];

  const read = deps.orders.readAll();
  problems.push(...read.problems);
  const orders = new Map(read.orders.map((o) => [o.orderId, o]));
  const before = new Map(orders);

  const listedAt = deps.clock.now();
  const since = listingSince(deps.state, deps.clock.localDate(listedAt, tz));
  let listed: ReturnType<ResponseSource['list']>[number][] = [];
  let listingOk = false;
  try {
    listed = [...deps.responses.list(since)];
    listingOk = true;
  } catch (e) {
    problems.push(`The form's responses could not be read: ${errorMessage(e)}`);
  }
  // An incremental listing leaves out older responses: those whose order intake has not finished are
  // fetched one by one (they are few), so a failed intake is still retried.
  if (listingOk && since !== undefined) {
    const seen = new Set(listed.map((r) => r.responseId));
    for (const order of orders.values()) {
      if (!unfinished(order) || seen.has(order.responseId)) continue;
      try {
        const got = deps.responses.get(order.responseId);
        if (got) listed.push(got);
      } catch (e) {
        problems.push(`Response ${order.responseId} could not be read: ${errorMessage(e)}`);
      }
    }
  }
  const intake: IntakeOutcome[] = [];
  let stoppedEarly = false;
  let intakeThrew = false;
  const byTime = [...listed].sort((a, b) =>
    a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0,
  );
  const pending = byTime.filter((response) => {
    const order = orders.get(orderIdFor(response.responseId));
    return !order || needsIntake(order, deps.clock.localDateTime(response.timestamp, tz));
  });
  for (const [done, response] of pending.entries()) {
    if (
      Date.parse(deps.clock.now()) - started > budget ||
      options.onProgress?.(done, pending.length) === false
    ) {
      stoppedEarly = true;
      break;
    }
    try {
      intake.push(processResponse(deps, { settings, orders, retry: options.retry }, response));
    } catch (e) {
      intakeThrew = true;
      problems.push(`Response ${response.responseId}: ${errorMessage(e)}`);
    }
  }

  const nowIso = deps.clock.now();
  const today = deps.clock.localDate(nowIso, tz);
  const now = deps.clock.localDateTime(nowIso, tz);
  let refreshed = 0;
  for (const [id, order] of orders) {
    const next = refreshDeadline(order, today);
    if (next.currentDue !== order.currentDue || next.businessDaysLeft !== order.businessDaysLeft) {
      orders.set(id, next);
      refreshed++;
    }
  }

  const entries: LogEntry[] = [];
  let quota: number | undefined;

  // Candidates intake could not tell what their answers lack (quota used up, or a failed send).
  for (const [id, order] of orders) {
    if (order.status !== 'NEEDS_INFO' || order.errorStep !== CANDIDATE_MAIL_STEP) continue;
    if (!settings.emailCandidates || !order.email) {
      orders.set(id, { ...order, lastError: '', errorStep: '' });
      continue;
    }
    try {
      quota ??= deps.mailer.remainingQuota();
      if (quota < 1) {
        problems.push('The daily email quota is used up: candidates are told what is missing tomorrow.');
        break;
      }
      // The edit link is the response's: fetched for these few orders only.
      const editUrl = deps.responses.get(order.responseId)?.editUrl ?? '';
      deps.mailer.send(needsInfoMail(order, order.problems, editUrl));
      quota--;
      orders.set(id, { ...order, lastError: '', errorStep: '', lastUpdate: now });
      entries.push(systemLog({ now }, id, 'candidate-emailed', '', '', `${order.problems.length} problems`));
    } catch (e) {
      problems.push(`Telling the candidate of ${id} what is missing: ${errorMessage(e)}`);
    }
  }

  const sent = readReminders(deps.state, today);
  const sentBefore = sent.size;
  for (const order of orders.values()) {
    if (!REMINDED_STATUSES.includes(order.status) || order.currentDue === null || sent.has(order.orderId))
      continue;
    const risk = deadlineRisk(today, order.currentDue);
    if (risk === 'on-track') continue;
    const to = order.status === 'PHYSICIAN_REVIEW' ? order.reviewer || order.writer : order.writer;
    if (!to) continue;
    if (JSON.stringify([...sent, order.orderId]).length > MAX_REMINDER_STATE) break;
    try {
      quota ??= deps.mailer.remainingQuota();
      if (quota < 1) {
        problems.push('The daily email quota is used up: reminders wait until tomorrow.');
        break;
      }
      deps.mailer.send(reminderMail(order, to, risk));
      quota--;
      sent.add(order.orderId);
      entries.push(systemLog({ now }, order.orderId, 'reminder', '', '', `${risk} reminder to ${to}`));
    } catch (e) {
      problems.push(`Reminder for ${order.orderId}: ${errorMessage(e)}`);
    }
  }

  // New drafts, one email per writer. Pruned to drafts still waiting, so the state stays small.
  const notices = readNotices(deps.state);
  const noticesBefore = JSON.stringify(notices);
  const kept: Record<string, string> = {};
  const waiting = new Map<string, Order[]>();
  for (const order of orders.values()) {
    if (!awaitsWriter(order)) continue;
    const tag = emailTag(order.writer);
    if (notices[order.orderId] === tag) kept[order.orderId] = tag;
    else {
      const list = waiting.get(order.writer.toLowerCase()) ?? [];
      list.push(order);
      waiting.set(order.writer.toLowerCase(), list);
    }
  }
  let draftNotices = 0;
  for (const list of waiting.values()) {
    const drafts = list.slice(0, MAX_DRAFTS_PER_NOTICE);
    const next = { ...kept, ...Object.fromEntries(drafts.map((o) => [o.orderId, emailTag(o.writer)])) };
    if (JSON.stringify(next).length > MAX_NOTICE_STATE) {
      problems.push(
        'Too many new drafts wait for their writers to be told: the rest are told at a later sweep.',
      );
      break;
    }
    try {
      quota ??= deps.mailer.remainingQuota();
      if (quota < 1) {
        problems.push('The daily email quota is used up: new-draft emails wait until tomorrow.');
        break;
      }
      const to = drafts[0]!.writer;
      deps.mailer.send(newDraftsMail(to, drafts));
      quota--;
      draftNotices++;
      Object.assign(kept, next);
      for (const o of drafts) {
        entries.push(systemLog({ now }, o.orderId, 'draft-notice', '', '', `new draft email to ${to}`));
      }
    } catch (e) {
      problems.push(`New-draft email to a writer: ${errorMessage(e)}`);
    }
  }
  if (JSON.stringify(kept) !== noticesBefore) {
    try {
      deps.state.set(DRAFT_NOTICES_KEY, JSON.stringify(kept));
    } catch (e) {
      problems.push(`The new-draft emails could not be recorded: ${errorMessage(e)}`);
    }
  }

  // Intake already wrote the orders it changed; this writes what the refresh changed on top of that.
  const changed = [...orders.values()].filter((o) => before.get(o.orderId) !== o);
  if (changed.length > 0) deps.orders.putAll([...orders.values()]);
  if (sent.size !== sentBefore) {
    try {
      deps.state.set(REMINDERS_KEY, JSON.stringify({ date: today, ids: [...sent] }));
    } catch (e) {
      problems.push(`Today's reminders could not be recorded: ${errorMessage(e)}`);
    }
  }
  if (entries.length > 0) {
    try {
      deps.log.append(entries);
    } catch (e) {
      problems.push(
        `The Log could not record ${entries.length} reminder and new-draft lines: ${errorMessage(e)}`,
      );
    }
  }
  // Stores that hold writes back make the refresh and the reminders' Log lines one write; a failure there
  // fails the sweep as a failing order write does, and the next sweep computes the same refresh again.
  deps.batch?.commit();
  // Only now, with this sweep's writes committed, may the next one skip what this one listed. A listing
  // that failed, a budget that ran out or a response intake could not record leaves the instant where it was.
  if (listingOk && !stoppedEarly && !intakeThrew) {
    try {
      deps.state.set(LISTED_UP_TO_KEY, listedAt);
      if (since === undefined) deps.state.set(FULL_LISTING_KEY, deps.clock.localDate(listedAt, tz));
    } catch (e) {
      problems.push(`How far the responses were listed could not be recorded: ${errorMessage(e)}`);
    }
  }
  return {
    responses: listed.length,
    fullListing: since === undefined,
    intake,
    refreshed,
    reminders: entries.filter((e) => e.event === 'reminder').length,
    draftNotices,
    problems,
    stoppedEarly,
  };
}
