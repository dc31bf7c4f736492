/**
 * Intake: "process this response", the use case behind the form-submit trigger and the sweep.
 *
 * It is keyed by the response ID (the order ID is derived from it) and safe to repeat: every step either
 * checks whether it already happened or is harmless to do twice, so a duplicate trigger, a retry by the
 * sweep, or a crash between any two steps leaves one order, one Doc, one set of threads and every answer.
 * The caller holds the script lock.
 *
 * Progress is recorded where it survives a crash, not in this run's memory:
 * - the order row is written first for a new response (status NEW, `submitted` = this version), with the
 *   raw answers, so a run that dies later is visibly unfinished and the sweep resumes it;
 * - `Order.submitted` is the local date-time of the response version the order reflects; a response whose
 *   timestamp differs has been edited since and is processed again;
 * - the Doc carries the order ID and the hash of the letter CEAD wrote (on the file itself), so a retry finds
 *   a Doc made by a run that died before recording it, and an edit can tell whether writers touched the draft;
 * - CEAD's threads carry markers (editing-session.ts), so a retry posts only the missing ones.
 *
 * Transient service errors are retried with truncated exponential backoff; anything else moves the order
 * to ERROR with the step and reason, and the sweep resumes it from where it stopped.
 */
import { blockingProblems, type Problem, parseAnswerRecord } from './answers';
import { type CommentThread, type OpenQuestionInput, planSession } from './editing-session';
import { type CommentableFinding, syncFindingComments } from './finding-comments';
import { fnv1a64Hex } from './hash';
import type { DocsRequest } from './letter/docs-requests';
import { failOrder, moveOrder, startClock, type When } from './order-moves';
import { ACTIVE_STATUSES, newOrder, type Order, type OrderStatus, orderIdFor } from './orders';
import { findPackage } from './packages';
import {
  type Clock,
  type CommentStore,
  type DocumentRef,
  type DocumentStore,
  type EventLog,
  errorMessage,
  type FileSharing,
  isTransientError,
  type Mailer,
  type OrderStore,
  type RawResponseStore,
  type ResponseData,
  type WriteBatch,
} from './ports';
import type { Answers, IsoDate } from './questionnaire';
import { membersWithRole, type Settings } from './settings';
import { normalizeText } from './text';
import { type LogEntry, systemLog } from './tracker-row';

/** A letter draft ready to send to Docs: the renderer's requests and the text they produce. */
export interface Draft {
  readonly title: string;
  /** Exactly the Doc's body text after the requests run (without Docs' final newline). */
  readonly text: string;
  readonly requests: readonly DocsRequest[];
  /** The first session's questions: facts only the candidate can give, each quoting its passage. */
  readonly openQuestions: readonly OpenQuestionInput[];
  /** The order's "Model rewrite" cell when a model rewrote sections of this draft (ids only). */
  readonly modelRewrite?: string;
}

/**
 * The letter check of a new draft, whose error- and warning-level findings intake posts as the draft's
 * comments. Injected because the other candidates' names it needs are found differently at scale (the
 * local command indexes thousands of orders once); `orders` is every order intake knows, this one included.
 */
export type DraftChecker = (
  draft: {
    readonly text: string;
    readonly answers: Answers;
    readonly orderId: string;
    readonly date: IsoDate;
  },
  orders: ReadonlyMap<string, Order>,
) => readonly CommentableFinding[];

/** Turns complete answers into a draft. Injected so that intake does not depend on one letter style. */
export type Drafter = (
  answers: Answers,
  context: { readonly orderId: string; readonly date: IsoDate },
) => Draft;

export interface IntakeDeps {
  readonly raw: RawResponseStore;
  readonly orders: OrderStore;
  readonly docs: DocumentStore;
  readonly comments: CommentStore;
  readonly sharing: FileSharing;
  readonly mailer: Mailer;
  readonly log: EventLog;
  readonly clock: Clock;
  readonly draft: Drafter;
  /** Without it, intake posts no check comments (the draft's findings are then only in the sidebar). */
  readonly checkDraft?: DraftChecker;
  /**
   * When the stores hold their writes back (Apps Script), intake commits them at its two durable points:
   * the order and its raw answers before anything is made, and the order as the run left it with its Log
   * line at the end. Each is then one write however many sheets it touches.
   */
  readonly batch?: WriteBatch;
}

export interface RetryPolicy {
  /** Tries per step, the first included. */
  readonly attempts: number;
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseMs: 1000, maxMs: 32000 };

export interface IntakeContext {
  readonly settings: Settings;
  /** Every order by order ID, as read once by the caller; intake keeps it current as it writes. */
  readonly orders: Map<string, Order>;
  readonly retry?: RetryPolicy;
}

export type IntakeAction = 'created' | 'resumed' | 'updated' | 'unchanged' | 'failed' | 'skipped';

export interface IntakeOutcome {
  readonly responseId: string;
  readonly orderId: string;
  readonly action: IntakeAction;
  readonly status?: OrderStatus;
  /** For `failed`: the step that failed and why; for `skipped`: why. */
  readonly step?: string;
  readonly reason?: string;
}

/** Intake's steps, as `Order.errorStep` records them: the sweep retries orders that failed in one of these. */
export const INTAKE_STEPS = [
  'recordOrder',
  'storeRaw',
  'findDoc',
  'createDoc',
  'writeLetter',
  'share',
  'postQuestions',
  'postFindings',
  'recordDraft',
  'recordNeedsInfo',
  'readDraft',
  'updateDraft',
  'postChanges',
  'recordEdit',
  'log',
] as const;
export type IntakeStep = (typeof INTAKE_STEPS)[number];

export function isIntakeStep(step: string): step is IntakeStep {
  return (INTAKE_STEPS as readonly string[]).includes(step);
}

/** The hash the Doc carries of the letter CEAD wrote: equal hashes mean nobody has edited the draft since. */
export function letterHash(text: string): string {
  return fnv1a64Hex(normalizeText(text));
}

/**
 * Backoff before retry `n` (0-based): 2^n × base plus up to one base of jitter, capped. The jitter is
 * derived from the response ID, not a random source: executions working on different responses still spread
 * out, and a test sees the same waits every time.
 */
export function backoffMs(n: number, seed: string, policy: RetryPolicy = DEFAULT_RETRY): number {
  const jitter = Number.parseInt(fnv1a64Hex(`${seed}:${n}`).slice(0, 6), 16) % policy.baseMs;
  return Math.min(policy.maxMs, 2 ** n * policy.baseMs + jitter);
}

class StepFailure extends Error {
  constructor(
    readonly step: IntakeStep,
    readonly cause: unknown,
  ) {
    super(`${step}: ${errorMessage(cause)}`);
  }
}

/** Statuses in which a newer version of the answers is only recorded (and the team told), never redrafted. */
const CLOSED: readonly OrderStatus[] = ['CANCELLED', 'DELIVERED'];
/** Finished orders: their deadline was met or missed, and newer answers no longer move it. */
const DONE: readonly OrderStatus[] = ['FINALIZED', ...CLOSED];

const MAX_ERROR_LENGTH = 300;
const MAX_CHANGES_COMMENT = 1800;
const MAX_CHANGED_VALUE = 300;

function oneLine(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

function problemText(p: Problem): string {
  return p.message;
}

/** The order fields intake takes from the answers (left as they were when the answers do not give them). */
function answerFields(answers: Answers, response: ResponseData, order: Order | undefined) {
  const pick = (v: string | undefined, old: string | undefined) =>
    v !== undefined && v !== '' ? v : (old ?? '');
  const name = answers['recommender.name'];
  const degree = answers['recommender.degree'];
  const recommender = name ? (degree ? `${name}, ${degree}` : name) : undefined;
  return {
    candidate: pick(answers['candidate.fullName'], order?.candidate),
    email: pick(answers['candidate.email'] ?? (response.respondentEmail || undefined), order?.email),
    specialty: pick(answers['candidate.specialty'], order?.specialty),
    recommender: pick(recommender, order?.recommender),
    package: pick(answers['order.package'], order?.package),
  };
}

/** The writer with the fewest active orders (ties: the Settings sheet's order); '' when the team has none. */
export function pickWriter(settings: Settings, orders: Iterable<Order>): string {
  const writers = membersWithRole(settings, 'writer');
  if (writers.length === 0) return '';
  const load = new Map(writers.map((w) => [w.email.toLowerCase(), 0]));
  for (const o of orders) {
    const key = o.writer.toLowerCase();
    if (load.has(key) && ACTIVE_STATUSES.includes(o.status)) load.set(key, (load.get(key) ?? 0) + 1);
  }
  let best = writers[0]!;
  for (const w of writers) {
    if ((load.get(w.email.toLowerCase()) ?? 0) < (load.get(best.email.toLowerCase()) ?? 0)) best = w;
  }
  return best.email;
}

/** The marker of the comment that reports an edited response, so it is posted once per version. */
export function changesMarker(version: string): string {
  return `[CEAD answers edited ${version}]`;
}

/** Items whose answer differs between two versions, by title, in the new version's order. */
export function changedAnswers(
  before: Readonly<Record<string, string>> | undefined,
  after: Readonly<Record<string, string>>,
): { title: string; value: string }[] {
  if (!before) return Object.keys(after).map((title) => ({ title, value: after[title] ?? '' }));
  const titles = [...Object.keys(after), ...Object.keys(before).filter((t) => !(t in after))];
  return titles
    .filter((t) => (before[t] ?? '') !== (after[t] ?? ''))
    .map((title) => ({ title, value: after[title] ?? '' }));
}

function changesComment(
  version: string,
  changes: readonly { title: string; value: string }[],
  redrafted: boolean,
): string {
  const head = `${changesMarker(version)} The candidate edited their answers. ${
    redrafted
      ? 'Nobody had edited the draft yet, so CEAD rewrote it from the new answers.'
      : 'The draft was not changed, because the team has already worked on it. Please bring these changes in by hand:'
  }`;
  let body = head;
  for (const c of changes) {
    const line = `\n• ${oneLine(c.title, 120)}: ${c.value.trim() === '' ? '(now blank)' : `“${oneLine(c.value, MAX_CHANGED_VALUE)}”`}`;
    if (body.length + line.length > MAX_CHANGES_COMMENT) {
      body += '\n• … and more: see the Responses sheet.';
      break;
    }
    body += line;
  }
  return body;
}

/**
 * `Order.errorStep` of a NEEDS_INFO order whose candidate was not told what is missing (the quota was used
 * up, or the send failed): the sweep tells them once it can.
 */
export const CANDIDATE_MAIL_STEP = 'emailCandidate';

export function needsInfoMail(order: Order, problems: readonly string[], editUrl: string) {
  const list = problems.map((p) => `- ${p}`).join('\n');
  return {
    to: order.email,
    subject: `Your CEAD questionnaire needs a few more answers (${order.orderId})`,
    body:
      `Hello${order.candidate ? ` ${order.candidate}` : ''},\n\n` +
      'Thank you for your answers. Before we can start your letter draft, please complete or correct these:\n\n' +
      `${list}\n\n` +
      (editUrl
        ? `You can edit your response here: ${editUrl}\n\n`
        : 'Reply to this email with the missing details.\n\n') +
      `Your order reference is ${order.orderId}.\n`,
  };
}

/**
 * Processes one response. Never throws for a failing service: a failure is recorded on the order (ERROR,
 * with step and reason) and returned. Throws only if the order store itself cannot record the failure,
 * which leaves the order for the next sweep.
 */
export function processResponse(deps: IntakeDeps, ctx: IntakeContext, response: ResponseData): IntakeOutcome {
  const { clock, settings } = { clock: deps.clock, settings: ctx.settings };
  const policy = ctx.retry ?? DEFAULT_RETRY;
  const tz = settings.timeZone;
  const responseId = response.responseId;
  const orderId = orderIdFor(responseId);
  const version = clock.localDateTime(response.timestamp, tz);
  const nowIso = clock.now();
  const when: When = { today: clock.localDate(nowIso, tz), now: clock.localDateTime(nowIso, tz) };
  const existing = ctx.orders.get(orderId);
  const outcome = (
    action: IntakeAction,
    order?: Order,
    extra: Partial<IntakeOutcome> = {},
  ): IntakeOutcome => ({
    responseId,
    orderId,
    action,
    ...(order ? { status: order.status } : {}),
    ...extra,
  });

  if (existing && existing.responseId !== responseId) {
    // Two responses whose IDs hash alike (about 4 in a million among 100,000 orders): never merge them.
    return outcome('skipped', existing, {
      reason: `Order ${orderId} already belongs to response ${existing.responseId}.`,
    });
  }
  if (existing && !needsIntake(existing, version)) return outcome('unchanged', existing);

  /** Runs one step, retrying transient failures; `recheck` runs before a retry (the call may have happened). */
  const step = <T>(name: IntakeStep, fn: () => T, recheck?: () => void): T => {
    for (let attempt = 0; ; attempt++) {
      try {
        return fn();
      } catch (e) {
        if (!isTransientError(e) || attempt + 1 >= policy.attempts) throw new StepFailure(name, e);
        clock.sleep(backoffMs(attempt, responseId, policy));
        if (recheck) {
          try {
            recheck();
          } catch {
            // The retry itself will fail and report; a failing recheck adds nothing.
          }
        }
      }
    }
  };
  const save = (order: Order, name: IntakeStep) => {
    step(name, () => deps.orders.put(order));
    ctx.orders.set(order.orderId, order);
  };
  /** Makes what the stores held back durable, as one write, retried like any step (see `WriteBatch`). */
  const commit = (name: IntakeStep) => {
    const batch = deps.batch;
    if (batch) step(name, () => batch.commit());
  };
  const logEntries = (entries: LogEntry[]) => {
    try {
      step('log', () => deps.log.append(entries));
    } catch {
      // The Log is a record, not a step: losing one line must not send a finished order back to ERROR.
    }
  };

  const parsed = parseAnswerRecord(response.raw, { locale: settings.dateLocale });
  const problems = blockingProblems(parsed.problems).map(problemText);
  const complete = problems.length === 0;
  const fields = answerFields(parsed.answers, response, existing);

  // `progress` is the order as far as this run got: on failure it is what ERROR records, so the Doc a run
  // made is never forgotten.
  let progress: Order | undefined = existing;
  let fresh = false;
  try {
    if (!existing) {
      fresh = true;
      progress = newOrder({ responseId, submitted: version, lastUpdate: when.now, ...fields });
      save(progress, 'recordOrder');
    }
    let order = progress as Order;
    // A brand-new order cannot have its raw answers stored yet: the order row is always written first.
    step('storeRaw', () => {
      if (fresh || !deps.raw.has(responseId, version)) deps.raw.append(responseId, version, response.raw);
    });
    // The first durable point: before any document is made, the order exists and the answers are kept.
    commit(fresh ? 'recordOrder' : 'storeRaw');

    const from = order.status;
    // An order that failed outside intake (a manager's move, a reminder) keeps its ERROR: intake only
    // records the new answers for it.
    if (order.status === 'ERROR' && isIntakeStep(order.errorStep)) {
      const back = order.heldFrom ?? 'NEW';
      const resumed = moveOrder({ ...order, heldFrom: back }, back, 'system', when);
      order = resumed.ok
        ? resumed.order
        : { ...order, status: back, heldFrom: null, lastError: '', errorStep: '' };
    }
    progress = order;

    let result: Order;
    let entries: LogEntry[];
    let recordStep: IntakeStep;
    if (order.status === 'NEW' || (order.status === 'NEEDS_INFO' && !order.docId)) {
      if (complete) {
        const drafted = draftOrder(order, parsed.answers, fresh);
        result = drafted.order;
        recordStep = 'recordDraft';
        entries = [
          systemLog(
            when,
            orderId,
            'intake',
            from,
            result.status,
            `doc ${result.docId}; ${drafted.threads} open question threads`,
          ),
        ];
      } else {
        result = recordNeedsInfo(order, problems);
        recordStep = 'recordNeedsInfo';
        entries = [
          systemLog(
            when,
            orderId,
            'intake',
            from,
            result.status,
            `${problems.length} problems with the answers`,
          ),
        ];
      }
    } else {
      const edited = applyEdit(order, parsed.answers, complete, problems);
      result = edited.order;
      recordStep = 'recordEdit';
      entries = [
        systemLog(
          when,
          orderId,
          'answers-edited',
          from === result.status ? '' : from,
          from === result.status ? '' : result.status,
          edited.detail,
        ),
      ];
    }
    logEntries(entries);
    // The second: the order as this run leaves it, with its Log line.
    commit(recordStep);
    return outcome(
      existing
        ? existing.status === 'ERROR' || existing.status === 'NEW'
          ? 'resumed'
          : 'updated'
        : 'created',
      result,
    );
  } catch (e) {
    const failure = e instanceof StepFailure ? e : new StepFailure('recordOrder', e);
    const reason = oneLine(errorMessage(failure.cause), MAX_ERROR_LENGTH);
    // What the failed step held back is not written: the order records the failure instead.
    deps.batch?.discard();
    let errored: Order | undefined;
    if (progress) {
      const failed = failOrder(progress, failure.step, reason, when);
      errored = failed.ok
        ? failed.order
        : { ...progress, status: 'ERROR', lastError: reason, errorStep: failure.step, lastUpdate: when.now };
      let recorded = false;
      try {
        deps.orders.put(errored);
        recorded = true;
      } catch {
        // The order keeps its last recorded state; the sweep finds it unfinished and resumes it.
      }
      logEntries([systemLog(when, orderId, 'error', progress.status, 'ERROR', `${failure.step}: ${reason}`)]);
      try {
        deps.batch?.commit();
      } catch {
        // As above. The batch keeps the failure's rows, so the caller's next commit may still write them.
        recorded = false;
      }
      if (recorded) ctx.orders.set(orderId, errored);
    }
    return outcome('failed', errored, { step: failure.step, reason });
  }

  // --- The paths -------------------------------------------------------------------------------------

  function draftOrder(
    order: Order,
    answers: Answers,
    freshOrder: boolean,
  ): { order: Order; threads: number } {
    const draft = deps.draft(answers, { orderId, date: when.today });
    const hash = letterHash(draft.text);
    const title = `${fields.candidate || orderId} — letter of recommendation draft (${orderId})`;

    // The Doc: recorded on the order, or made by an earlier run that stopped before recording it.
    let doc: DocumentRef | undefined = order.docId
      ? { id: order.docId, url: order.docUrl, letterHash: '' }
      : undefined;
    if (!doc && !freshOrder) doc = step('findDoc', () => deps.docs.findByOrder(orderId));
    let created = false;
    const writer = order.writer || pickWriter(settings, ctx.orders.values());
    // A Doc made in the writer's own shared folder is shared with them already: no share call per order.
    let writerFolder: string | undefined;
    if (!doc) {
      const folderFor = deps.sharing.folderFor?.bind(deps.sharing);
      if (writer && folderFor) writerFolder = step('share', () => folderFor(writer));
      let recovered: DocumentRef | undefined;
      doc = step(
        'createDoc',
        () => recovered ?? deps.docs.create(orderId, title, hash, writerFolder),
        () => {
          recovered = deps.docs.findByOrder(orderId);
        },
      );
      created = true;
    }
    const docRef = doc as DocumentRef;
    progress = { ...order, docId: docRef.id, docUrl: docRef.url };

    // The letter: written once. A Doc that already has text was written by an earlier run.
    const needsLetter = created || step('writeLetter', () => deps.docs.text(docRef.id).trim() === '');
    if (needsLetter) {
      let written = false;
      step(
        'writeLetter',
        () => {
          if (!written) deps.docs.write(docRef.id, draft.requests);
        },
        () => {
          written = deps.docs.text(docRef.id).trim() !== '';
        },
      );
    }

    if (writer && !(created && writerFolder)) {
      step('share', () => {
        const already = !created && deps.sharing.sharedWith(docRef.id).includes(writer.toLowerCase());
        if (!already) deps.sharing.share(docRef.id, writer, 'writer', true);
      });
    }

    const threads = postQuestions(docRef.id, draft.openQuestions, created);
    postFindings(docRef.id, draft.text, answers, created);

    const moved = moveOrder(progress, 'DRAFTING', 'system', when);
    if (!moved.ok) throw new StepFailure('recordDraft', new Error(moved.reason));
    const conference = answers['order.conferenceDate'] ?? null;
    const completedOn = clock.localDate(response.timestamp, tz);
    const clockStarted = startClock(moved.order, completedOn, conference, when.today, settings.catalog);
    const result: Order = {
      ...clockStarted.order,
      ...fields,
      writer,
      submitted: version,
      modelRewrite: draft.modelRewrite ?? '',
      openThreads: threads,
      problems: [],
      lastError: clockStarted.problem ?? '',
      errorStep: '',
      lastUpdate: when.now,
    };
    save(result, 'recordDraft');
    return { order: result, threads };
  }

  /** Posts the first session's questions that are not on the Doc yet; returns how many CEAD threads it has. */
  function postQuestions(docId: string, questions: readonly OpenQuestionInput[], created: boolean): number {
    if (questions.length === 0) return 0;
    let existingThreads: readonly CommentThread[] = created
      ? []
      : step('postQuestions', () => deps.comments.list(docId));
    const plan = () =>
      planSession(
        { session: 1, openQuestions: questions, findings: [], writerQuestions: [] },
        existingThreads,
      );
    let planned = plan();
    if (!planned.ok) throw new StepFailure('postQuestions', new Error(planned.problems.join(' ')));
    for (const comment of planned.value) {
      let posted = false;
      step(
        'postQuestions',
        () => {
          if (!posted) deps.comments.post(docId, comment.text, comment.quoted);
        },
        () => {
          // The failed call may have posted the comment after all: look before posting again.
          existingThreads = deps.comments.list(docId);
          planned = plan();
          posted = planned.ok && !planned.value.some((p) => p.text === comment.text);
        },
      );
    }
    return questions.length;
  }

  /**
   * The first check's findings as comments. A Doc made in this run has no comments to look at; a retry, or
   * a Doc an earlier run made, is listed first, so nothing is posted twice.
   */
  function postFindings(docId: string, text: string, answers: Answers, created: boolean): void {
    const checkDraft = deps.checkDraft;
    if (!checkDraft) return;
    let findings: readonly CommentableFinding[] | undefined;
    let known: readonly CommentThread[] | undefined = created ? [] : undefined;
    // Inside the step, so that a check that throws is recorded as this step's failure.
    step('postFindings', () => {
      findings ??= checkDraft({ text, answers, orderId, date: when.today }, ctx.orders);
      const threads = known;
      // A retry lists what the failed attempt may have posted.
      known = undefined;
      syncFindingComments(deps.comments, docId, findings, threads);
    });
  }

  function recordNeedsInfo(order: Order, list: readonly string[]): Order {
    const same = order.status === 'NEEDS_INFO' && order.problems.join('\n') === list.join('\n');
    let result: Order = order;
    if (order.status !== 'NEEDS_INFO') {
      const moved = moveOrder(order, 'NEEDS_INFO', 'system', when);
      if (!moved.ok) throw new StepFailure('recordNeedsInfo', new Error(moved.reason));
      result = moved.order;
    }
    result = { ...result, ...fields, submitted: version, problems: list, lastUpdate: when.now };
    // Mail before recording: a crash between the two sends the notice twice rather than never. One not
    // sent is marked for the sweep, which sends it when the quota allows.
    if (!same && settings.emailCandidates && result.email) {
      const unsent = (why: string): Order => ({ ...result, lastError: why, errorStep: CANDIDATE_MAIL_STEP });
      try {
        if (deps.mailer.remainingQuota() >= 1) {
          deps.mailer.send(needsInfoMail(result, list, response.editUrl));
          if (result.errorStep === CANDIDATE_MAIL_STEP) result = { ...result, lastError: '', errorStep: '' };
        } else result = unsent('Daily email quota used up: the candidate was not emailed yet.');
      } catch (e) {
        result = unsent(`The candidate was not emailed yet: ${oneLine(errorMessage(e), 200)}`);
      }
    }
    save(result, 'recordNeedsInfo');
    return result;
  }

  /** A newer version of answers for an order that already has a draft (or is closed). */
  function applyEdit(
    order: Order,
    answers: Answers,
    isComplete: boolean,
    list: readonly string[],
  ): { order: Order; detail: string } {
    const before = step('postChanges', () => deps.raw.get(responseId, order.submitted));
    const changes = changedAnswers(before, response.raw);
    let detail = `${changes.length} answers changed`;
    // The new draft's "Model rewrite" cell, once it has replaced the old draft.
    let redraftedBy: string | undefined;
    if (order.docId && !CLOSED.includes(order.status)) {
      const docId = order.docId;
      const found = step('readDraft', () => deps.docs.findByOrder(orderId));
      const text = step('readDraft', () => deps.docs.text(docId));
      const pristine =
        order.status === 'DRAFTING' &&
        isComplete &&
        found !== undefined &&
        found.letterHash === letterHash(text);
      let rewritten = false;
      if (pristine) {
        const draft = deps.draft(answers, { orderId, date: when.today });
        const next = letterHash(draft.text);
        // Checked again as it is written: a writer may start typing after the read above. The new letter's
        // own hash passes too, for a retry after a write that went through.
        const untouched = (now: string) => [found.letterHash, next].includes(letterHash(now));
        rewritten = step('updateDraft', () => deps.docs.replace(docId, draft.requests, next, untouched));
        if (rewritten) redraftedBy = draft.modelRewrite ?? '';
        // The new letter's findings replace the old one's: fixed ones resolved, new ones posted.
        if (rewritten) postFindings(docId, draft.text, answers, false);
      }
      if (rewritten) {
        detail += '; draft rewritten';
      } else {
        detail += '; changes posted as a comment';
      }
      const marker = changesMarker(version);
      const threads = step('postChanges', () => deps.comments.list(docId));
      if (!threads.some((t) => t.text.startsWith(marker))) {
        step('postChanges', () => deps.comments.post(docId, changesComment(version, changes, rewritten)));
      }
    }
    let result: Order = {
      ...order,
      ...(isComplete ? fields : {}),
      submitted: version,
      problems: list,
      lastUpdate: when.now,
      ...(redraftedBy === undefined ? {} : { modelRewrite: redraftedBy }),
    };
    // A draft sent back for facts only the candidate has: answers that are complete now end the wait (and its
    // SLA pause) as the automation's move; the changes are in the comment above for the writer.
    if (isComplete && order.status === 'NEEDS_INFO' && order.docId) {
      const moved = moveOrder(result, 'DRAFTING', 'system', when);
      if (!moved.ok) throw new StepFailure('recordEdit', new Error(moved.reason));
      result = moved.order;
      detail += '; answers complete, back to drafting';
    }
    if (isComplete && order.docId && !DONE.includes(order.status)) result = reclock(result, order, answers);
    save(result, 'recordEdit');
    return { order: result, detail };
  }

  /**
   * The SLA clock as newer complete answers set it: started once an on-demand order's conference date is
   * given, moved with a changed conference date or package. A clock that starts at the answers keeps the day
   * they were first complete, unless the order's package started at the conference until now.
   */
  function reclock(order: Order, previous: Order, answers: Answers): Order {
    const before = findPackage(settings.catalog, previous.package);
    const completedOn =
      previous.start !== null && before?.startsAt !== 'conference'
        ? previous.start
        : clock.localDate(response.timestamp, tz);
    const conference = answers['order.conferenceDate'] ?? null;
    const started = startClock(order, completedOn, conference, when.today, settings.catalog);
    // ERROR and ON_HOLD keep the failure they record; otherwise the last error says why there is no clock.
    if (order.status === 'ERROR' || order.status === 'ON_HOLD') return started.order;
    return { ...started.order, lastError: started.problem ?? '' };
  }
}

/** Whether an order still needs intake for this version of its response. */
export function needsIntake(order: Order, version: string): boolean {
  if (order.status === 'NEW') return true;
  if (order.status === 'ERROR') return isIntakeStep(order.errorStep) || order.submitted !== version;
  return order.submitted !== version;
}
