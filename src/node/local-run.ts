/**
 * One local back-office run, behind `cead draft` and `cead demo`: responses through the same intake use
 * case as the Apps Script shell (src/core/intake.ts), over the local adapters, then the letter check, the
 * files of each new letter, and the tracker.
 *
 *  1. take the folder's lock; read tracker.xlsx (refusing to go on when it is open elsewhere or unreadable,
 *     before anything changes) and take over the manager's edits made in it since CEAD last wrote it;
 *  2. intake every response, one at a time, as a form-submit trigger would (idempotent, keyed by response ID:
 *     a duplicated response finds its order and changes nothing);
 *  3. for every letter intake wrote: check it, optionally open editing session 1 (the demo), and write
 *     letter.docx (threads as Word comments), letter.html, summary.docx and checks.json;
 *  4. recompute due dates as of today, then rewrite tracker.xlsx from the folder, atomically.
 *
 * The folder is the record and each step is recorded as it happens, so a run that stops anywhere can be run
 * again: intake resumes unfinished orders, letters not yet rendered are rendered, the tracker is rewritten.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockingProblems, headerKey, parseAnswerRecord } from '../core/answers';
import { check, type Finding } from '../core/check';
import { otherNamesIndex } from '../core/check/other-names';
import { type OpenQuestionInput, planSession } from '../core/editing-session';
import { parseCheckMarker } from '../core/finding-comments';
import {
  type Draft,
  type DraftChecker,
  type Drafter,
  type IntakeDeps,
  type IntakeOutcome,
  letterHash,
  processResponse,
} from '../core/intake';
import { composeLetter } from '../core/letter/compose';
import type { LetterModel, SummaryModel } from '../core/letter/model';
import { composeSummary } from '../core/letter/summary';
import { composeWithStep, type LetterStep } from '../core/letter-draft';
import { moveOrder, refreshDeadline, type When } from '../core/order-moves';
import { type Order, orderIdFor } from '../core/orders';
import type { ResponseData } from '../core/ports';
import { type Answers, type IsoDate, itemById } from '../core/questionnaire';
import type { Settings } from '../core/settings';
import { adoptTrackerEdits } from '../core/tracker-edits';
import { systemLog } from '../core/tracker-row';
import { removeLeftoverTemporaries, writeFileAtomic } from './atomic-file';
import { restoreCutCells } from './cell-limit';
import { damageInRun } from './damaged-orders';
import {
  FileLock,
  FolderEventLog,
  FolderOrderStore,
  FolderResponseStore,
  FolderSharing,
  OutboxMailer,
  orderDir,
  orderFromJson,
} from './folder-store';
import { localClock } from './local-clock';
import { LETTER_FILES, LocalComments, LocalDocuments, renderOrderFiles } from './local-documents';
import { NO_PROGRESS, type Progress } from './progress-bar';
import type { ResponseFileOptions } from './response-file';
import { readTracker, TrackerError, type TrackerSnapshot, writeTracker } from './tracker-xlsx';
import { xmlSafeDeep } from './xml-safe';

export const TRACKER_FILE = 'tracker.xlsx';
/** Responses taken through intake before their letters are rendered. */
const CHUNK = 25;
const BASELINE_FILE = 'tracker-baseline.json';

/** Another run holds the folder; one line, exit status 2. */
export class BusyError extends Error {
  override readonly name = 'BusyError';
}

export interface LocalRunOptions {
  /** The output folder (absolute). */
  readonly root: string;
  /** Reads the responses once settings and existing orders are known; throws `InputError` for bad input. */
  readonly load: (options: ResponseFileOptions) => ResponseData[];
  readonly now: () => Date;
  /** Settings when tracker.xlsx has no Settings sheet yet (a first run). */
  readonly settings: Settings;
  /** Open editing session 1 on each new draft (the demo): findings join the open questions as threads. */
  readonly openSession?: boolean;
  readonly progress?: Progress;
  /** A step on each composed letter before it is written (`cead draft --rewrite`: the model's rewrite). */
  readonly rewrite?: LetterStep;
}

/** One order of the input, as `cead draft --json` prints it (a stable contract: docs/cli.md). */
export interface OrderReport {
  readonly orderId: string;
  readonly candidate: string;
  readonly status: Order['status'];
  readonly package: string;
  /** The current due date (YYYY-MM-DD), or null while the clock has not started. */
  readonly due: IsoDate | null;
  /** What is missing or invalid in the answers (NEEDS_INFO). */
  readonly problems: readonly string[];
  /** The letter check's findings on the letter CEAD wrote. */
  readonly findings: readonly Finding[];
  /** Files of this order, relative to the output folder. */
  readonly files: readonly string[];
}

export interface LocalRunResult {
  /** One per distinct order of the input, in input order (a duplicated response appears once). */
  readonly orders: readonly OrderReport[];
  readonly responses: number;
  /** The tracker, relative to the output folder. */
  readonly tracker: string;
  /** Set when the tracker could not be written at the end (opened meanwhile); the orders are in the folder. */
  readonly trackerError?: string;
  /** Things the team should know: reverted tracker edits, unreadable records, failed steps. One line each. */
  readonly notes: readonly string[];
  /** Orders whose edited letter.docx could not be read (each has a note); they make the exit status 1. */
  readonly unreadableLetters: number;
  /** Files of the folder that could not be read (responses/, document.json, sharing.json; each has a note). */
  readonly damagedFiles: number;
}

interface Drafted {
  readonly letter: LetterModel;
  readonly summary: SummaryModel;
  readonly answers: Answers;
  readonly date: IsoDate;
}

/** The model's open questions as session threads (the composer keeps each within a comment's length). */
function openQuestionsOf(letter: LetterModel): OpenQuestionInput[] {
  return letter.openQuestions.map((q, i) => ({
    id: q.id,
    question: q.question,
    passage: q.quote,
    index: i + 1,
  }));
}

/**
 * The drafter intake calls: the letter model as the Google shell composes it. The Doc's content is one
 * insertText of the letter's text, all the local DocumentStore needs; the model is kept for rendering the
 * files after intake.
 */
function localDrafter(cache: Map<string, Drafted>, rewrite: LocalRunOptions['rewrite']): Drafter {
  return (answers, { orderId, date }): Draft => {
    const { model: letter, modelRewrite } = composeWithStep(answers, { orderId, date }, rewrite);
    cache.set(orderId, { letter, summary: composeSummary(answers), answers, date });
    const text = letter.text.replace(/\n$/, '');
    return {
      title: letter.title,
      text,
      requests: [{ insertText: { location: { index: 1 }, text } }],
      openQuestions: openQuestionsOf(letter),
      ...(modelRewrite ? { modelRewrite } : {}),
    };
  };
}

/** The candidate's name in raw answers keyed by item title (a form export) or item id (a JSON file). */
function candidateNameOf(raw: Readonly<Record<string, string>>): string {
  const item = itemById('candidate.fullName');
  const keys = new Set([headerKey(item?.title ?? ''), headerKey('candidate.fullName')]);
  const key = Object.keys(raw).find((k) => keys.has(headerKey(k)));
  return key === undefined ? '' : (raw[key] ?? '');
}

function readBaseline(root: string): Map<string, Order> {
  const path = join(root, BASELINE_FILE);
  if (!existsSync(path)) return new Map();
  try {
    const list = JSON.parse(readFileSync(path, 'utf8')) as unknown[];
    const out = new Map<string, Order>();
    for (const item of list) {
      const read = orderFromJson(JSON.stringify(item), BASELINE_FILE);
      // As the tracker shows it: a character XML forbids was replaced there, which is not a manager's edit.
      if ('order' in read) out.set(read.order.orderId, xmlSafeDeep(read.order));
    }
    return out;
  } catch {
    // Without a baseline every difference from the record counts as an edit: the safe reading.
    return new Map();
  }
}

export async function runLocal(options: LocalRunOptions): Promise<LocalRunResult> {
  const { root } = options;
  const progress = options.progress ?? NO_PROGRESS;
  mkdirSync(root, { recursive: true });
  const clock = localClock(options.now);
  const lock = new FileLock(root, clock.sleep);
  if (!lock.tryAcquire(5000)) {
    throw new BusyError(
      `${root} is in use by another cead run (lock file .cead.lock); wait for it to finish and run again.`,
    );
  }
  try {
    removeLeftoverTemporaries(root);
    const result = await run(options, clock, progress);
    return lock.takenOver ? { ...result, notes: [lock.takenOver, ...result.notes] } : result;
  } finally {
    progress.finish();
    lock.release();
  }
}

async function run(
  options: LocalRunOptions,
  clock: ReturnType<typeof localClock>,
  progress: Progress,
): Promise<LocalRunResult> {
  const { root } = options;
  const notes: string[] = [];
  const trackerPath = join(root, TRACKER_FILE);
  const snapshot = await readTracker(trackerPath);
  if (snapshot) notes.push(...snapshot.problems.map((p) => `${TRACKER_FILE}, Orders: ${p}`));
  const settingsRead = snapshot?.settings;
  if (settingsRead)
    notes.push(...settingsRead.problems.map((p) => `${TRACKER_FILE}, Settings row ${p.row}: ${p.message}`));
  const settings = settingsRead?.settings ?? options.settings;
  const tz = settings.timeZone;
  const nowIso = clock.now();
  const when: When = { today: clock.localDate(nowIso, tz), now: clock.localDateTime(nowIso, tz) };

  const orderStore = new FolderOrderStore(root);
  const raw = new FolderResponseStore(root);
  const log = new FolderEventLog(root);
  const sharing = new FolderSharing(root);
  const docs = new LocalDocuments(root);
  const comments = new LocalComments(root, docs, clock);
  const recorded = orderStore.readAll();
  notes.push(...recorded.problems);
  // Read before anything changes, so unusable input leaves the folder as it was.
  const submitted = new Map(recorded.orders.map((o) => [o.orderId, o.submitted]));
  const responses = options.load({
    timeZone: tz,
    locale: settings.dateLocale,
    now: nowIso,
    submittedOf: (id) => submitted.get(id),
  });

  // Orders whose own files are damaged are left as they are, tracker edits and all, for a person to see to.
  const damage = damageInRun({ responses: raw, documents: docs, sharing }, recorded.orders, responses, (r) =>
    clock.localDateTime(r.timestamp, tz),
  );
  notes.push(...damage.notes);
  const baseline = readBaseline(root);
  const intact = recorded.orders.filter((o) => !damage.orders.has(o.orderId));
  // A cell cut to Excel's limit differs from the record only by the cut: it is not an edit.
  const shown = restoreCutCells(snapshot?.orders ?? new Map(), intact, baseline);
  notes.push(...shown.notes.map((n) => `${TRACKER_FILE} edit not taken: ${n}`));
  const adopted = adoptTrackerEdits(intact, shown.orders, settings, when, baseline);
  orderStore.putAll(adopted.changed);
  log.append(adopted.log);
  for (const s of adopted.shares) sharing.share(s.docId, s.email, 'writer', false);
  notes.push(...adopted.reverted.map((r) => `${TRACKER_FILE} edit not taken: ${r}`));
  const orders = new Map(adopted.orders.map((o) => [o.orderId, o]));

  const edited = await docs.prefetchEdited(
    [...orders.values()].filter((o) => o.docId !== '').map((o) => o.docId),
  );
  notes.push(
    ...edited.map((id) => `${id}: letter.docx was edited outside CEAD; CEAD will not overwrite it.`),
  );
  const unreadable = [...docs.unreadableLetters()].map(
    ([id, why]) =>
      `${id}: letter.docx cannot be read (${why}); it was left as it is, for this order to be seen to.`,
  );
  notes.push(...unreadable);

  // 2–3. Intake, then check and render what intake wrote, a chunk of responses at a time: letter models wait
  // in memory only until their files are written, so a batch of thousands stays within a few hundred MB.
  const cache = new Map<string, Drafted>();
  // Every candidate of the folder and of the input, indexed once: each letter is checked against those
  // that could occur in it, so a letter costs the same in a batch of 20,000 as in one of 100.
  const names = otherNamesIndex([
    ...[...orders.values()].map((o) => o.candidate),
    ...responses.map((r) => candidateNameOf(r.raw)),
  ]);
  // Intake's first check, whose findings it posts as comments, is also the one checks.json records.
  const checked = new Map<string, readonly Finding[]>();
  const checkDraft: DraftChecker = (draft) => {
    const candidate = draft.answers['candidate.fullName'] ?? '';
    const findings = check(draft.text, draft.answers, {
      otherCandidateNames: names.namesFor(draft.text, draft.answers, candidate),
      letterDate: draft.date,
    });
    checked.set(draft.orderId, findings);
    return findings;
  };
  const deps: IntakeDeps = {
    raw,
    orders: orderStore,
    docs,
    comments,
    sharing,
    mailer: new OutboxMailer(root),
    log,
    clock,
    draft: localDrafter(cache, options.rewrite),
    checkDraft,
  };
  const outcomes: IntakeOutcome[] = [];
  const reports = new Map<string, { findings: readonly Finding[]; files: readonly string[] }>();
  for (let at = 0; at < responses.length; at += CHUNK) {
    for (const response of responses.slice(at, at + CHUNK)) {
      if (damage.orders.has(orderIdFor(response.responseId))) continue;
      const outcome = processResponse(deps, { settings, orders }, response);
      outcomes.push(outcome);
      if (outcome.action === 'failed')
        notes.push(`${outcome.orderId}: ${outcome.step} failed: ${outcome.reason}`);
      if (outcome.action === 'skipped') notes.push(`${outcome.orderId}: ${outcome.reason}`);
    }
    for (const docId of docs.takeWritten()) await checkAndRender(docId);
    progress.update('drafting', Math.min(at + CHUNK, responses.length), responses.length);
  }
  // Letters a stopped run recorded but never rendered.
  for (const o of [...orders.values()]) {
    if (o.docId !== '' && docs.isUnrendered(o.docId)) await checkAndRender(o.docId);
  }

  async function checkAndRender(docId: string): Promise<void> {
    const order = orders.get(docId);
    let drafted = cache.get(docId);
    if (!drafted && order) {
      // Composed again (dated today): the record must hold this text, or the next run would take it for edited.
      drafted = redraft(order, raw, settings, when.today);
      const text = drafted?.letter.text.replace(/\n$/, '');
      if (text !== undefined)
        docs.replace(docId, [{ insertText: { location: { index: 1 }, text } }], letterHash(text));
    }
    cache.delete(docId);
    if (!order || !drafted) {
      notes.push(`${docId}: the letter could not be rendered (no answers found for it).`);
      return;
    }
    const findings =
      checked.get(docId) ??
      check(drafted.letter.text, drafted.answers, {
        otherCandidateNames: names.namesFor(drafted.letter.text, drafted.answers, order.candidate),
        letterDate: drafted.date,
      });
    checked.delete(docId);
    let current = order;
    if (options.openSession && order.status === 'DRAFTING' && order.session === 0 && order.email !== '') {
      current = openFirstSession(order, drafted.letter, findings);
    }
    try {
      const files = await renderOrderFiles(
        root,
        docId,
        drafted.letter,
        drafted.summary,
        comments.list(docId),
        { checkedAt: when.now, findings },
        options.now(),
      );
      docs.markRendered(docId, files.letterBytes);
      reports.set(current.orderId, { findings, files: files.files });
    } catch (e) {
      notes.push(
        `${docId}: the letter files could not be written (${e instanceof Error ? e.message : String(e)}); the next run tries again.`,
      );
    }
  }

  function openFirstSession(order: Order, letter: LetterModel, findings: readonly Finding[]): Order {
    const docId = order.docId;
    // The open questions already have threads (intake posted them); findings with a passage join them.
    // Placeholders are left out: every marked passage already has its open question. So is a code intake
    // already put in the margin as a check comment: one passage, one comment.
    const existing = comments.list(docId);
    const inMargin = new Set(existing.map((t) => parseCheckMarker(t.text)));
    const asked = findings.filter(
      (f) => f.severity !== 'info' && f.excerpt !== '' && f.code !== 'PLACEHOLDER' && !inMargin.has(f.code),
    );
    const plan = planSession(
      {
        session: 1,
        openQuestions: openQuestionsOf(letter),
        findings: asked.map((f) => ({ code: f.code, message: f.message, excerpt: f.excerpt })),
        writerQuestions: [],
      },
      existing,
    );
    const moved = moveOrder(order, 'EDITING', 'writer', when);
    if (!plan.ok || !moved.ok) {
      notes.push(
        `${order.orderId}: session 1 not opened: ${plan.ok ? (moved.ok ? '' : moved.reason) : plan.problems.join(' ')}`,
      );
      return order;
    }
    for (const c of plan.value) comments.post(docId, c.text, c.quoted);
    sharing.share(docId, order.email, 'commenter', false);
    const threads = comments.list(docId);
    const next: Order = {
      ...moved.order,
      session: 1,
      openThreads: threads.filter((t) => !t.resolved).length,
    };
    orderStore.put(next);
    orders.set(next.orderId, next);
    log.append([
      systemLog(
        when,
        order.orderId,
        'session-opened',
        order.status,
        'EDITING',
        `Session 1: ${threads.length} threads.`,
      ),
    ]);
    return next;
  }

  // 4. Due dates as of today, then the tracker.
  const refreshed = [...orders.values()].map((o) => refreshDeadline(o, when.today));
  orderStore.putAll(refreshed);
  for (const o of refreshed) orders.set(o.orderId, o);
  const rows = trackerRows(orderStore.readAll().orders, damage.orders, snapshot, baseline);
  const logRead = log.entries();
  notes.push(...logRead.problems);
  let trackerError: string | undefined;
  let damagedElsewhere = 0;
  try {
    await writeTracker(trackerPath, {
      orders: rows.shown,
      settings,
      log: logRead.entries,
      responses: raw.versions((file, why) => {
        if (damage.files.has(file)) return;
        damagedElsewhere += 1;
        notes.push(`${file} cannot be read (${why}); it was left as it is, for a person to see to.`);
      }),
      today: when.today,
      now: options.now(),
      ...(snapshot ? { carried: snapshot } : {}),
    });
    writeFileAtomic(join(root, BASELINE_FILE), `${JSON.stringify(rows.baseline)}\n`);
  } catch (e) {
    if (!(e instanceof TrackerError)) throw e;
    trackerError = e.message;
  }

  const seen = new Set<string>();
  const reportsOut: OrderReport[] = [];
  for (const outcome of outcomes) {
    if (seen.has(outcome.orderId)) continue;
    seen.add(outcome.orderId);
    const order = orders.get(outcome.orderId);
    if (!order) continue;
    const made = reports.get(order.orderId) ?? earlierFiles(root, order);
    reportsOut.push({
      orderId: order.orderId,
      candidate: order.candidate,
      status: order.status,
      package: order.package,
      due: order.currentDue,
      problems: order.problems,
      findings: made.findings,
      files: made.files,
    });
  }
  return {
    orders: reportsOut,
    responses: responses.length,
    tracker: TRACKER_FILE,
    ...(trackerError !== undefined ? { trackerError } : {}),
    notes,
    unreadableLetters: docs.unreadableLetters().size,
    damagedFiles: damage.files.size + damagedElsewhere,
  };
}

/**
 * The tracker's rows and the baseline to record with them, in submission order. A damaged order keeps the
 * row the manager left (their edits are taken once its files are restored), so its baseline stays what
 * CEAD last wrote.
 */
function trackerRows(
  recorded: readonly Order[],
  damaged: ReadonlyMap<string, unknown>,
  snapshot: TrackerSnapshot | undefined,
  baseline: ReadonlyMap<string, Order>,
): { readonly shown: readonly Order[]; readonly baseline: readonly Order[] } {
  const sorted = [...recorded].sort((a, b) =>
    a.submitted < b.submitted ? -1 : a.submitted > b.submitted ? 1 : a.orderId < b.orderId ? -1 : 1,
  );
  const left = (o: Order, kept: Order | undefined) => (damaged.has(o.orderId) ? (kept ?? o) : o);
  return {
    shown: sorted.map((o) => left(o, snapshot?.orders.get(o.orderId))),
    baseline: sorted.map((o) => left(o, baseline.get(o.orderId))),
  };
}

/** The letter of an order whose files a stopped run never wrote, composed again from its stored answers. */
function redraft(
  order: Order,
  raw: FolderResponseStore,
  settings: Settings,
  today: IsoDate,
): Drafted | undefined {
  const answersRaw = raw.get(order.responseId, order.submitted);
  if (!answersRaw) return undefined;
  const parsed = parseAnswerRecord(answersRaw, { locale: settings.dateLocale });
  if (blockingProblems(parsed.problems).length > 0) return undefined;
  return {
    letter: composeLetter(parsed.answers, { letterDate: today }),
    summary: composeSummary(parsed.answers),
    answers: parsed.answers,
    date: today,
  };
}

/** Findings and files of an order this run did not draft (a repeated response, an earlier run's letter). */
function earlierFiles(
  root: string,
  order: Order,
): { findings: readonly Finding[]; files: readonly string[] } {
  if (order.docId === '') return { findings: [], files: [] };
  const dir = orderDir(root, order.orderId);
  const files = Object.values(LETTER_FILES)
    .filter((f) => existsSync(join(dir, f)))
    .map((f) => `orders/${order.orderId}/${f}`);
  let findings: readonly Finding[] = [];
  try {
    findings = (JSON.parse(readFileSync(join(dir, LETTER_FILES.checks), 'utf8')) as { findings: Finding[] })
      .findings;
  } catch {
    // No check on record (the letter was never rendered): nothing to report.
  }
  return { findings, files };
}
