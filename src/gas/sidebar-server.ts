/**
 * The server side of the Docs sidebar: one function per `SidebarApi` entry, each of which
 *   1. authorizes the caller against the team in Settings (an outsider learns nothing about any order),
 *   2. finds the order whose Doc is open,
 *   3. decides with the core (access rules, order moves, session plans, the section rewrite),
 *   4. acts through ports, and answers with JSON.
 *
 * Apps Script services are reached only through the ports in `SidebarServices`, so the same code runs
 * against the real services (src/main.gas.ts wires them) and against the fakes in the tests.
 */
import type { CompetencyId } from '../core/competencies';
import { COMPETENCIES } from '../core/competencies';
import {
  type CommentThread,
  countSession,
  describeRecord,
  formatMarker,
  lastSessionNumber,
  parseMarker,
  planClose,
  planSession,
  type TeamDirectory,
  type ThreadMarker,
  viewThreads,
} from '../core/editing-session';
import { ERAS_MAX_BYTES, erasPdfName, isUsLetter, US_LETTER_REQUEST } from '../core/eras-pdf';
import { syncFindingComments } from '../core/finding-comments';
import type { DocsRange, DocsRequest } from '../core/letter/docs-requests';
import { type MoveResult, moveOrder } from '../core/order-moves';
import {
  explainRefusal,
  FINAL_STATUSES,
  type Order,
  type OrderStatus,
  transitionsFrom,
} from '../core/orders';
import type {
  Clock,
  CommentStore,
  DocumentStore,
  EventLog,
  Lock,
  OrderStore,
  SettingsSource,
} from '../core/ports';
import { errorMessage, isTransientError } from '../core/ports';
import type { Answers } from '../core/questionnaire';
import { PROMPT_VERSION } from '../core/rewrite/prompt';
import { rewriteRecord, withAcceptedRewrite } from '../core/rewrite/rewrite-letter';
import { rewriteSection, sectionRangeName } from '../core/section-rewrite';
import type { Settings } from '../core/settings';
import {
  type Access,
  authorize,
  NOT_AUTHORIZED,
  type SidebarAction,
  TEAM_ROLES,
  type TeamMemberRef,
} from '../core/sidebar-access';
import type { LogEntry } from '../core/tracker-row';
import type {
  ApiResult,
  Availability,
  CheckResult,
  FindingView,
  OpenQuestionView,
  SectionView,
  SessionSummary,
  SidebarApi,
  SidebarState,
  StatusAction,
} from './sidebar-api';
import {
  acceptedComment,
  guardAgain,
  liveSection,
  modelNote,
  type RewriterFor,
  sectionInput,
  suggest,
  suggestBlocker,
} from './sidebar-suggest';

/** The Doc the sidebar is open in (DocumentApp). */
export interface ActiveDocument {
  id(): string;
  /** Selects the `occurrence`-th (0-based) appearance of `text` in the body; false when there is none. */
  select(text: string, occurrence: number): boolean;
}

/** What the sidebar reads of a Doc's structure (Docs API `documents.get`). */
export interface DocStructure {
  /** The ranges of every named range called `name` (a user's edit can split one range into several). */
  namedRanges(docId: string, name: string): readonly DocsRange[];
  /** Page size in points. */
  pageSize(docId: string): { readonly width: number; readonly height: number };
}

export interface SavedPdf {
  readonly fileId: string;
  readonly url: string;
  readonly bytes: number;
}

/** Exports the Doc as PDF into the Doc's own folder (the order's folder). */
export interface PdfStore {
  save(docId: string, name: string): SavedPdf;
  remove(fileId: string): void;
}

/** The letter work the sidebar asks of the core: answers, check, open questions, section rendering. */
export interface LetterServices {
  /** The order's parsed answers, or why they cannot be read. */
  answers(order: Order): { readonly answers: Answers } | { readonly problem: string };
  check(
    text: string,
    answers: Answers,
    context: { readonly otherCandidateNames: readonly string[]; readonly letterDate: string },
  ): readonly Omit<FindingView, 'id'>[];
  /**
   * The open questions of the letter as intake drafted it. `letterDate` is the date the draft carries,
   * which decides whether the letter date is itself an open question.
   */
  openQuestions(answers: Answers, letterDate: string | null): readonly Omit<OpenQuestionView, 'posted'>[];
  /** Requests that write one section into an empty document, creating its named range. */
  renderSection(answers: Answers, sectionId: CompetencyId, letterDate: string | null): readonly DocsRequest[];
  /** The same, with `body` (an accepted rewrite) after the section's heading in place of the rules' text. */
  renderSectionBody(
    answers: Answers,
    sectionId: CompetencyId,
    letterDate: string | null,
    body: string,
  ): readonly DocsRequest[];
}

export interface SidebarServices {
  /** The signed-in user's email, or '' when Google does not disclose it. */
  readonly callerEmail: () => string;
  readonly activeDocument: ActiveDocument;
  readonly settings: SettingsSource;
  readonly orders: OrderStore;
  readonly documents: DocumentStore;
  readonly structure: DocStructure;
  readonly comments: CommentStore;
  /** Shares the Doc with the candidate as a commenter, with a short note in Drive's sharing email. */
  readonly invite: (docId: string, email: string, message: string) => void;
  readonly log: EventLog;
  readonly clock: Clock;
  readonly lock: Lock;
  readonly letter: LetterServices;
  readonly pdf: PdfStore;
  /** The team's model for "Suggest rewrite" (absent: the sidebar never offers it). */
  readonly rewriter?: RewriterFor;
}

/** The note in the sharing email: what the candidate is asked to do, and not to do. */
export function inviteMessage(round: number, questions: number): string {
  const what = questions === 1 ? 'a question' : 'a few questions';
  return (
    `We have ${what} about your letter draft (editing session ${round}). Please reply in the comment ` +
    'threads of this document; you can comment but not edit. Thank you!'
  );
}

/** A refusal or a failure: the one line the sidebar shows. */
class Refusal extends Error {}

const LOCK_TIMEOUT_MS = 10_000;

const STATUS_LABEL: Partial<Record<OrderStatus, string>> = {
  NEEDS_INFO: 'Needs info from the candidate',
  DRAFTING: 'Back to drafting',
  PHYSICIAN_REVIEW: 'Send to physician review',
  CANDIDATE_REVIEW: 'Send to candidate review',
  FINALIZED: 'Finalize',
  DELIVERED: 'Mark delivered',
  ON_HOLD: 'Put on hold',
  CANCELLED: 'Cancel the order',
};

function statusLabel(from: OrderStatus, to: OrderStatus): string {
  if (from === 'ON_HOLD') return `Release the hold (back to ${to})`;
  if (from === 'ERROR') return `Retried: set ${to}`;
  return STATUS_LABEL[to] ?? `Set ${to}`;
}

/** Sessions move the order in and out of EDITING, with their threads; the status buttons do not. */
function isSessionMove(from: OrderStatus, to: OrderStatus): boolean {
  return to === 'EDITING' || (from === 'EDITING' && to === 'DRAFTING');
}

/** The first line of a failure; a transient one says that trying again will help. */
export function failureLine(error: unknown): string {
  const first = errorMessage(error).split('\n')[0]!.trim() || 'Unknown error';
  if (error instanceof Refusal) return first;
  if (isTransientError(error)) return `Google is busy right now; try again in a minute. (${first})`;
  return `Something went wrong: ${first}`;
}

function teamDirectory(settings: Settings): TeamDirectory {
  return {
    emails: settings.team.map((m) => m.email),
    names: settings.team.map((m) => m.name).filter((n) => n !== ''),
  };
}

/** Intake dates the draft on the day it makes it: the day of the answers' version, in the team's zone. */
export function draftDate(order: Order): string | null {
  const day = order.submitted.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

function hasMarker(threads: readonly CommentThread[], marker: ThreadMarker): boolean {
  const wanted = formatMarker(marker);
  return threads.some((t) => {
    const m = parseMarker(t.text);
    return m !== undefined && formatMarker(m) === wanted;
  });
}

/** How many times `excerpt` occurs in `text` before `start`: which occurrence the finding is. */
export function occurrenceAt(text: string, excerpt: string, start: number): number {
  let n = 0;
  for (let at = text.indexOf(excerpt); at >= 0 && at < start; at = text.indexOf(excerpt, at + 1)) n++;
  return n;
}

interface Context {
  readonly member: TeamMemberRef;
  readonly settings: Settings;
  readonly docId: string;
  readonly order: Order;
  readonly others: readonly Order[];
}

export function createSidebarServer(s: SidebarServices): SidebarApi {
  /** Runs one request: every refusal and failure becomes `{ ok: false, error }`. */
  const answer = <T>(run: () => T): ApiResult<T> => {
    try {
      return { ok: true, value: run() };
    } catch (error) {
      return { ok: false, error: failureLine(error) };
    }
  };

  const readSettings = (): Settings => s.settings.read().settings;

  /** Authorization first: nothing about the order is read for someone outside the team. */
  const admit = (action: SidebarAction): Pick<Context, 'member' | 'settings'> => {
    const settings = readSettings();
    const access = authorize(s.callerEmail(), settings.team, action);
    if (!access.allowed) throw new Refusal(access.reason);
    return { member: access.member, settings };
  };

  /** The order whose Doc is open. The tracker is read once per call (the adapter keeps what it read). */
  const locate = (admitted: Pick<Context, 'member' | 'settings'>): Context => {
    const docId = s.activeDocument.id();
    const { orders } = s.orders.readAll();
    const order = orders.find((o) => o.docId === docId);
    if (!order) throw new Refusal('This document is not a CEAD letter: no order in the tracker links to it.');
    return { ...admitted, docId, order, others: orders.filter((o) => o !== order) };
  };

  const begin = (action: SidebarAction): Context => locate(admit(action));

  /**
   * A change to the order: authorized, then the tracker read under the script lock, so two people moving
   * the same order one after the other each see the other's move.
   */
  const change = <T>(action: SidebarAction, run: (c: Context) => T): T => {
    const admitted = admit(action);
    return withLock(() => run(locate(admitted)));
  };

  const when = (settings: Settings) => {
    const now = s.clock.now();
    return {
      today: s.clock.localDate(now, settings.timeZone),
      now: s.clock.localDateTime(now, settings.timeZone),
    };
  };

  const logEntry = (
    c: Context,
    event: string,
    from: OrderStatus | '',
    to: OrderStatus | '',
    detail: string,
  ): LogEntry => ({
    time: when(c.settings).now,
    actor: c.member.email,
    orderId: c.order.orderId,
    event,
    from,
    to,
    detail,
  });

  const withLock = <T>(run: () => T): T => {
    if (!s.lock.tryAcquire(LOCK_TIMEOUT_MS))
      throw new Refusal('Another change to the tracker is running; try again in a moment.');
    try {
      return run();
    } finally {
      s.lock.release();
    }
  };

  /** Moves as the member's most able role: someone who is both writer and reviewer may do either's moves. */
  const moveAs = (c: Context, order: Order, to: OrderStatus, errorFindings?: number): MoveResult => {
    let first: MoveResult | undefined;
    for (const role of c.member.roles) {
      const moved = moveOrder(
        order,
        to,
        role,
        when(c.settings),
        errorFindings === undefined ? {} : { errorFindings },
      );
      if (moved.ok) return moved;
      first ??= moved;
    }
    return first ?? { ok: false, reason: NOT_AUTHORIZED };
  };

  const answersOf = (c: Context): Answers => {
    const got = s.letter.answers(c.order);
    if ('problem' in got) throw new Refusal(got.problem);
    return got.answers;
  };

  const runCheck = (c: Context): CheckResult => {
    const text = s.documents.text(c.docId);
    const findings = s.letter
      .check(text, answersOf(c), {
        otherCandidateNames: c.others.map((o) => o.candidate).filter((n) => n !== ''),
        letterDate: when(c.settings).today,
      })
      .map((f, i): FindingView => ({ ...f, id: `${i + 1}-${f.code}` }));
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of findings) counts[f.severity]++;
    return { checkedAt: s.clock.now(), findings, counts };
  };

  /**
   * The check the writer asks for, with its findings brought into the draft's margin: posted once, added
   * to, resolved when fixed. A comment that cannot be posted (a reader's access) does not hide the check.
   */
  const checkWithComments = (c: Context): CheckResult => {
    const result = runCheck(c);
    try {
      return { ...result, comments: syncFindingComments(s.comments, c.docId, result.findings) };
    } catch (e) {
      return { ...result, comments: { problem: `The check comments were not updated: ${errorMessage(e)}` } };
    }
  };

  const errorCount = (c: Context): number | undefined => {
    try {
      return runCheck(c).counts.error;
    } catch {
      // Unknown counts as failing in the order rules ("run the letter check first").
      return undefined;
    }
  };

  const availability = (c: Context, action: SidebarAction, extra?: () => string | null): Availability => {
    const access: Access = authorize(c.member.email, c.settings.team, action);
    if (!access.allowed) return { allowed: false, reason: access.reason };
    const reason = extra?.() ?? null;
    return reason === null ? { allowed: true } : { allowed: false, reason };
  };

  const roleRefusal = (
    c: Context,
    from: OrderStatus,
    to: OrderStatus,
    errorFindings?: number,
  ): string | null => {
    const reasons = c.member.roles.map((role) =>
      explainRefusal(from, to, role, {
        heldFrom: c.order.heldFrom,
        hasDraft: c.order.docId !== '',
        ...(errorFindings === undefined ? {} : { errorFindings }),
      }),
    );
    return reasons.includes(null) ? null : (reasons[0] ?? NOT_AUTHORIZED);
  };

  const sectionsOf = (c: Context): SectionView[] =>
    COMPETENCIES.filter((k) => s.structure.namedRanges(c.docId, sectionRangeName(k.id)).length > 0).map(
      (k) => ({
        sectionId: k.id,
        title: k.title,
      }),
    );

  const sessionSummaries = (
    c: Context,
    threads: readonly CommentThread[],
    team: TeamDirectory,
  ): SessionSummary[] => {
    const last = Math.max(c.order.session, lastSessionNumber(threads));
    const out: SessionSummary[] = [];
    for (let round = 1; round <= last; round++) {
      const counts = countSession(threads, round, team);
      const current = c.order.status === 'EDITING' && round === c.order.session;
      if (counts.total > 0 || current) out.push({ round, current, ...counts });
    }
    return out;
  };

  /** Everything a suggestion needs, or the refusal that says what is missing. */
  const suggestionInputs = (c: Context, sectionId: string) => {
    const competency = COMPETENCIES.find((k) => k.id === sectionId);
    if (!competency) throw new Refusal(`"${sectionId}" is not a competency section.`);
    const status = c.order.status;
    if ((FINAL_STATUSES as readonly OrderStatus[]).includes(status) || status === 'FINALIZED')
      throw new Refusal(`The order is ${status}; a finished letter is not rewritten.`);
    const got = s.letter.answers(c.order);
    const answers = 'answers' in got ? got.answers : undefined;
    const blocker = suggestBlocker(c.settings, answers, s.rewriter);
    if (blocker !== null || !answers || !s.rewriter) throw new Refusal(blocker ?? 'Model assist is off.');
    const rewriter = s.rewriter(c.settings);
    if ('off' in rewriter) throw new Refusal(rewriter.off);
    const ranges = s.structure.namedRanges(c.docId, sectionRangeName(competency.id));
    if (ranges.length !== 1)
      throw new Refusal(`The ${competency.title} section's marker is lost or split; edit it by hand.`);
    const live = liveSection(s.documents.text(c.docId), ranges[0]!);
    const input = sectionInput(competency, live.text, answers);
    if ('problem' in input) throw new Refusal(input.problem);
    return { competency, live, input, rewriter };
  };

  const state = (c: Context): SidebarState => {
    const team = teamDirectory(c.settings);
    const threads = s.comments.list(c.docId);
    const status = c.order.status;
    const got = s.letter.answers(c.order);
    const answers = 'answers' in got ? got.answers : undefined;
    const candidates = transitionsFrom(status).filter(
      (t, i, all) =>
        !isSessionMove(t.from, t.to) &&
        t.roles.some((r) => (TEAM_ROLES as readonly string[]).includes(r)) &&
        all.findIndex((x) => x.to === t.to) === i,
    );
    const needsCheck = candidates.some((t) => t.guard === 'noErrorFindings');
    const errors = needsCheck ? errorCount(c) : undefined;
    const changeStatus = availability(c, 'changeStatus');
    const statusActions: StatusAction[] = candidates.map((t) => {
      const reason = changeStatus.allowed
        ? roleRefusal(c, t.from, t.to, errors)
        : (changeStatus.reason ?? NOT_AUTHORIZED);
      return {
        to: t.to,
        label: statusLabel(t.from, t.to),
        note: t.note,
        allowed: reason === null,
        ...(reason === null ? {} : { reason }),
      };
    });
    const sections = sectionsOf(c).map((k) => modelNote(k, threads));
    const finished = (FINAL_STATUSES as readonly OrderStatus[]).includes(status) || status === 'FINALIZED';
    const o = c.order;
    return {
      user: { email: c.member.email, roles: c.member.roles },
      order: {
        orderId: o.orderId,
        candidate: o.candidate,
        specialty: o.specialty,
        package: o.package,
        status,
        originalDue: o.originalDue,
        currentDue: o.currentDue,
        businessDaysLeft: o.businessDaysLeft,
        writer: o.writer,
        reviewer: o.reviewer,
        session: o.session,
      },
      actions: {
        view: { allowed: true },
        checkLetter: availability(c, 'checkLetter', () =>
          answers ? null : 'problem' in got ? got.problem : null,
        ),
        startSession: availability(c, 'startSession', () => {
          if (status === 'EDITING') return `Session ${o.session} is open; close it before starting another.`;
          if (status !== 'DRAFTING') return `Sessions start from DRAFTING; the order is ${status}.`;
          if (o.email.trim() === '') return 'The order has no candidate email to share the document with.';
          return roleRefusal(c, 'DRAFTING', 'EDITING');
        }),
        closeSession: availability(c, 'closeSession', () =>
          status === 'EDITING' ? roleRefusal(c, 'EDITING', 'DRAFTING') : 'No editing session is open.',
        ),
        changeStatus,
        regenerateSection: availability(c, 'regenerateSection', () => {
          if (finished) return `The order is ${status}; a finished letter is not regenerated.`;
          if (!answers) return 'problem' in got ? got.problem : 'The answers cannot be read.';
          if (sections.length === 0) return 'This document has no CEAD section markers left to regenerate.';
          return null;
        }),
        suggestRewrite: availability(c, 'suggestRewrite', () => {
          if (finished) return `The order is ${status}; a finished letter is not rewritten.`;
          if (sections.length === 0) return 'This document has no CEAD section markers left to rewrite.';
          return suggestBlocker(c.settings, answers, s.rewriter);
        }),
        exportPdf: availability(c, 'exportPdf', () =>
          answers ? null : 'problem' in got ? got.problem : null,
        ),
      },
      statusActions,
      sessions: sessionSummaries(c, threads, team),
      threads: viewThreads(threads, team),
      nextSession: o.session + 1,
      openQuestions: answers
        ? s.letter.openQuestions(answers, draftDate(o)).map((q, i) => ({
            ...q,
            posted: hasMarker(threads, { session: o.session + 1, kind: 'q', index: i + 1 }),
          }))
        : [],
      sections,
      // The name is the one export gives the file; it is derived again rather than stored, so the tracker
      // needs only the link.
      pdf: o.pdfUrl ? { name: erasPdfName(o.candidate, o.recommender, o.orderId), url: o.pdfUrl } : null,
    };
  };

  /** Records a change: the order first (what the team works from), then the Log, then the new sidebar. */
  const record = (c: Context, order: Order, entry: LogEntry): SidebarState => {
    s.orders.put(order);
    s.log.append([entry]);
    return state({ ...c, order });
  };

  /** Open or answered threads: what still waits on someone. */
  const openThreadCount = (threads: readonly CommentThread[]) => threads.filter((t) => !t.resolved).length;

  return {
    getSidebarState: () => answer(() => state(begin('view'))),

    checkLetter: () => answer(() => checkWithComments(begin('checkLetter'))),

    selectFinding: (request) =>
      answer(() => {
        const c = begin('checkLetter');
        if (request.excerpt === '') {
          return {
            selected: false,
            message: 'This finding is about something missing: there is no passage to select.',
          };
        }
        const text = s.documents.text(c.docId);
        // Docs finds text within one paragraph: a passage over several is found by its first line.
        const needle = request.excerpt.split('\n')[0]!;
        const selected = s.activeDocument.select(needle, occurrenceAt(text, needle, request.start));
        return selected
          ? { selected: true, message: 'Selected in the document.' }
          : { selected: false, message: 'That passage is no longer in the document; run the check again.' };
      }),

    listThreads: () =>
      answer(() => {
        const c = begin('view');
        const team = teamDirectory(c.settings);
        const threads = s.comments.list(c.docId);
        return { threads: viewThreads(threads, team), sessions: sessionSummaries(c, threads, team) };
      }),

    startSession: (request) =>
      answer(() =>
        change('startSession', (c) => {
          const o = c.order;
          if (o.status !== 'DRAFTING')
            throw new Refusal(`Sessions start from DRAFTING; the order is ${o.status}.`);
          if (request.session !== o.session + 1) {
            throw new Refusal(
              `The next session is ${o.session + 1}, not ${request.session}; reload the sidebar.`,
            );
          }
          if (o.email.trim() === '')
            throw new Refusal('The order has no candidate email to share the document with.');
          const moved = moveAs(c, o, 'EDITING');
          if (!moved.ok) throw new Refusal(moved.reason);
          const answers = answersOf(c);
          const known = s.letter.openQuestions(answers, draftDate(o));
          const openQuestions = request.openQuestionIds.map((id) => {
            const at = known.findIndex((k) => k.id === id);
            const q = known[at];
            if (!q)
              throw new Refusal('An open question you chose is no longer in the draft; reload the sidebar.');
            return {
              id: q.id,
              question: q.question,
              index: at + 1,
              ...(q.passage ? { passage: q.passage } : {}),
            };
          });
          const existing = s.comments.list(c.docId);
          const plan = planSession(
            {
              session: request.session,
              openQuestions,
              findings: request.findings.map((f) => ({
                code: f.code,
                message: f.message,
                excerpt: f.excerpt,
              })),
              writerQuestions: request.writerQuestions,
            },
            existing,
          );
          if (!plan.ok) throw new Refusal(plan.problems.join(' '));
          for (const comment of plan.value) s.comments.post(c.docId, comment.text, comment.quoted);
          const threads = s.comments.list(c.docId);
          const posted = countSession(threads, request.session, teamDirectory(c.settings)).total;
          s.invite(c.docId, o.email, inviteMessage(request.session, posted));
          return record(
            c,
            { ...moved.order, session: request.session, openThreads: openThreadCount(threads) },
            logEntry(
              c,
              'session-opened',
              o.status,
              'EDITING',
              `Session ${request.session}: ${posted} threads.`,
            ),
          );
        }),
      ),

    closeSession: (request) =>
      answer(() =>
        change('closeSession', (c) => {
          const o = c.order;
          if (o.status !== 'EDITING') throw new Refusal('No editing session is open.');
          if (request.session !== o.session) {
            throw new Refusal(
              `Session ${o.session} is the open one, not ${request.session}; reload the sidebar.`,
            );
          }
          const moved = moveAs(c, o, 'DRAFTING');
          if (!moved.ok) throw new Refusal(moved.reason);
          const plan = planClose(o.session, s.comments.list(c.docId), request.deferrals, s.clock.now());
          if (!plan.ok) throw new Refusal(plan.problems.join(' '));
          for (const r of plan.value.replies) s.comments.reply(c.docId, r.threadId, r.text, r.action);
          const threads = s.comments.list(c.docId);
          return record(
            c,
            { ...moved.order, openThreads: openThreadCount(threads) },
            logEntry(c, 'session-closed', 'EDITING', 'DRAFTING', describeRecord(plan.value.record)),
          );
        }),
      ),

    changeStatus: (request) =>
      answer(() =>
        change('changeStatus', (c) => {
          const from = c.order.status;
          if (request.to === 'EDITING') throw new Refusal('Use "Start session" to open an editing session.');
          if (isSessionMove(from, request.to))
            throw new Refusal('Use "Close session" to end the editing session.');
          const guarded = transitionsFrom(from).some(
            (t) => t.to === request.to && t.guard === 'noErrorFindings',
          );
          const moved = moveAs(c, c.order, request.to, guarded ? errorCount(c) : undefined);
          if (!moved.ok) throw new Refusal(moved.reason);
          return record(c, moved.order, logEntry(c, 'status', from, request.to, 'Changed from the sidebar.'));
        }),
      ),

    regenerateSection: (request) =>
      answer(() => {
        const c = begin('regenerateSection');
        const competency = COMPETENCIES.find((k) => k.id === request.sectionId);
        if (!competency) throw new Refusal(`"${request.sectionId}" is not a competency section.`);
        const status = c.order.status;
        if ((FINAL_STATUSES as readonly OrderStatus[]).includes(status) || status === 'FINALIZED') {
          throw new Refusal(`The order is ${status}; a finished letter is not regenerated.`);
        }
        const name = sectionRangeName(competency.id);
        const ranges = s.structure.namedRanges(c.docId, name);
        if (ranges.length === 0)
          throw new Refusal(`The ${competency.title} section has lost its marker; edit it by hand.`);
        if (ranges.length > 1) {
          throw new Refusal(
            `Edits split the ${competency.title} section's marker; regenerating it could lose text.`,
          );
        }
        const range = ranges[0]!;
        // Docs text index i is text[i - 1]; the body's final newline is not in `text`.
        const text = s.documents.text(c.docId);
        const newlineAfter = range.endIndex - 1 >= text.length || text[range.endIndex - 1] === '\n';
        const fresh = s.letter.renderSection(answersOf(c), competency.id, draftDate(c.order));
        const rewrite = rewriteSection(name, range, fresh, newlineAfter);
        if (!rewrite.ok) throw new Refusal(rewrite.problem);
        s.documents.write(c.docId, rewrite.requests);
        s.log.append([logEntry(c, 'section-regenerated', '', '', competency.id)]);
        return {
          section: { sectionId: competency.id, title: competency.title },
          message: `${competency.title} was rewritten from the answers; the rest of the letter is unchanged.`,
        };
      }),

    suggestRewrite: (request) =>
      answer(() => {
        const c = begin('suggestRewrite');
        const { competency, live, input, rewriter } = suggestionInputs(c, request.sectionId);
        const { suggestion, result } = suggest(competency, live, input, rewriter, (ms) => s.clock.sleep(ms));
        s.log.append([logEntry(c, 'model-suggest', '', '', rewriteRecord(result))]);
        return suggestion;
      }),

    decideRewrite: (request) =>
      answer(() =>
        change('suggestRewrite', (c) => {
          const { competency, live, input, rewriter } = suggestionInputs(c, request.sectionId);
          const section = { sectionId: competency.id, title: competency.title };
          const ids = `${competency.id} (${rewriter.model}, prompt ${PROMPT_VERSION})`;
          if (request.decision === 'reject') {
            s.log.append([logEntry(c, 'model-suggest-rejected', '', '', ids)]);
            return { section, message: `${competency.title} stays as it is.` };
          }
          if (live.text !== request.current)
            throw new Refusal(`${competency.title} changed since the suggestion; ask for a new one.`);
          if (!guardAgain(input, request.proposal))
            throw new Refusal('The fact guard does not pass this text for the section; nothing was written.');
          const name = sectionRangeName(competency.id);
          const fresh = s.letter.renderSectionBody(
            answersOf(c),
            competency.id,
            draftDate(c.order),
            request.proposal,
          );
          const rewrite = rewriteSection(name, live.range, fresh, live.newlineAfter);
          if (!rewrite.ok) throw new Refusal(rewrite.problem);
          s.documents.write(c.docId, rewrite.requests);
          const heading = `${competency.title}.`;
          s.comments.post(
            c.docId,
            acceptedComment(competency.title, rewriter.model, PROMPT_VERSION, input.ruleText),
            heading,
          );
          const { today, now } = when(c.settings);
          const cell = withAcceptedRewrite(c.order.modelRewrite, today, rewriter.model, competency.id);
          s.orders.put({ ...c.order, modelRewrite: cell, lastUpdate: now });
          s.log.append([logEntry(c, 'model-suggest-accepted', '', '', ids)]);
          return {
            section,
            message: `${competency.title} now has the accepted rewrite; a comment keeps the old text.`,
          };
        }),
      ),

    exportPdf: () =>
      // Under the lock like every change: the order records the PDF's link.
      answer(() =>
        change('exportPdf', (c) => {
          const check = runCheck(c);
          if (check.counts.error > 0) {
            const n = check.counts.error;
            throw new Refusal(
              `The letter check reports ${n} error${n === 1 ? '' : 's'}; fix ${n === 1 ? 'it' : 'them'} before exporting.`,
            );
          }
          if (!isUsLetter(s.structure.pageSize(c.docId))) {
            s.documents.write(c.docId, [US_LETTER_REQUEST]);
          }
          const name = erasPdfName(c.order.candidate, c.order.recommender, c.order.orderId);
          const pdf = s.pdf.save(c.docId, name);
          if (pdf.bytes > ERAS_MAX_BYTES) {
            s.pdf.remove(pdf.fileId);
            throw new Refusal(
              `The PDF is ${Math.ceil(pdf.bytes / 1000)} KB, over the ERAS limit of 1 MB; remove images from the letter and export again.`,
            );
          }
          s.orders.put({ ...c.order, pdfUrl: pdf.url, lastUpdate: when(c.settings).now });
          s.log.append([logEntry(c, 'pdf-exported', '', '', `${name} ${pdf.url}`)]);
          return { name, url: pdf.url, bytes: pdf.bytes };
        }),
      ),
  };
}
