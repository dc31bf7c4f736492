/**
 * Editing sessions run as comment threads on the draft.
 *
 * A session N is the set of threads CEAD posted for round N. CEAD recognizes its own threads by a short
 * marker at the start of the comment text, `[CEAD s2-q1]` (session 2, open question 1), because the Drive
 * API cannot store private metadata on a comment and cannot anchor a new comment to text: the marker is the
 * only thing that survives a round trip through Docs, Drive and a `.docx` export. Every other thread (the
 * team's own anchored comments, the candidate's own comments) is listed too, but belongs to no session.
 *
 * The functions here decide; the shells post comments and replies, and stamp times from their clock.
 */
import { parseCheckMarker } from './finding-comments';
import { normalizeLine, normalizeText } from './text';

/** Who wrote a comment or reply, as the comment system reports them. Drive often hides the email. */
export interface ThreadPerson {
  readonly name: string;
  readonly email?: string;
  /** Drive's `me`: the caller wrote it. */
  readonly me?: boolean;
}

export type ThreadAction = 'resolve' | 'reopen';

export interface ThreadReply {
  readonly id: string;
  readonly author: ThreadPerson;
  /** ISO 8601. */
  readonly time: string;
  readonly text: string;
  readonly action?: ThreadAction;
}

/** A comment and its replies, in the shape both Drive (Docs) and a `.docx` reader can produce. */
export interface CommentThread {
  readonly id: string;
  readonly author: ThreadPerson;
  /** ISO 8601. */
  readonly time: string;
  readonly text: string;
  /** The passage the comment is about: Drive's `quotedFileContent.value`, or the anchored text in a .docx. */
  readonly quoted?: string;
  /** Anchored on text in the document (the team's own comments made in Docs or Word). */
  readonly anchored: boolean;
  readonly resolved: boolean;
  readonly replies: readonly ThreadReply[];
}

/** open: waiting for the candidate; answered: the candidate replied last; resolved: settled. */
/**
 * A thread with CEAD's reply added, as Drive keeps it: the reply numbered after the others, and only a
 * `resolve` or `reopen` action changing whether the thread is resolved. For the stores that keep threads
 * themselves (the local `.docx` folder, the in-memory test store).
 */
export function withCeadReply(
  thread: CommentThread,
  text: string,
  time: string,
  action?: ThreadAction,
): CommentThread {
  return {
    ...thread,
    resolved: action === 'resolve' ? true : action === 'reopen' ? false : thread.resolved,
    replies: [
      ...thread.replies,
      {
        id: `${thread.id}-r${thread.replies.length + 1}`,
        author: { name: 'CEAD', me: true },
        time,
        text,
        ...(action ? { action } : {}),
      },
    ],
  };
}

export type ThreadState = 'open' | 'answered' | 'resolved';

/** q: an open question from the letter model; f: a checker finding; w: the writer's own question. */
export type ThreadKind = 'q' | 'f' | 'w';

export interface ThreadMarker {
  readonly session: number;
  readonly kind: ThreadKind;
  readonly index: number;
}

export const THREAD_KIND_LABEL: Readonly<Record<ThreadKind, string>> = {
  q: 'open question',
  f: 'letter check',
  w: 'writer’s question',
};

const MARKER = /^\s*\[CEAD s([1-9]\d{0,3})-([qfw])([1-9]\d{0,3})\]/;
const DEFERRED = /^\s*\[CEAD deferred\]\s*/;

export function formatMarker(marker: ThreadMarker): string {
  return `[CEAD s${marker.session}-${marker.kind}${marker.index}]`;
}

/** The marker at the start of a comment's text, if CEAD posted it. */
export function parseMarker(text: string): ThreadMarker | undefined {
  const m = MARKER.exec(text);
  if (!m) return undefined;
  return { session: Number(m[1]), kind: m[2] as ThreadKind, index: Number(m[3]) };
}

/** Whether CEAD posted the comment: a session thread, or a letter check comment (finding-comments.ts). */
export function isCeadComment(text: string): boolean {
  return parseMarker(text) !== undefined || parseCheckMarker(text) !== undefined;
}

/** The comment text without CEAD's marker, as a person should read it. */
export function stripMarker(text: string): string {
  return text.replace(MARKER, '').replace(DEFERRED, '').trim();
}

/** Who is on the drafting team: everyone else who writes in a thread is taken to be the candidate. */
export interface TeamDirectory {
  readonly emails: readonly string[];
  /** Display names, for comment systems that hide authors' emails (Drive usually does). */
  readonly names: readonly string[];
}

const fold = (s: string) => normalizeLine(s).toLowerCase();

export function isTeamAuthor(person: ThreadPerson, team: TeamDirectory): boolean {
  if (person.me) return true;
  if (person.email && team.emails.some((e) => fold(e) === fold(person.email!))) return true;
  const name = fold(person.name);
  return name !== '' && team.names.some((n) => fold(n) === name);
}

export type ThreadOrigin = 'cead' | 'team' | 'candidate';

/** One thread as the sidebar and `cead session` show it. Plain JSON. */
export interface ThreadView {
  readonly id: string;
  readonly origin: ThreadOrigin;
  readonly marker?: ThreadMarker;
  readonly state: ThreadState;
  /** Set when the writer deferred the thread when closing its session. */
  readonly deferredReason?: string;
  readonly author: string;
  readonly time: string;
  readonly text: string;
  readonly quoted?: string;
  readonly anchored: boolean;
  readonly replies: readonly {
    readonly author: string;
    readonly time: string;
    readonly text: string;
    readonly action?: ThreadAction;
  }[];
  /** When anything last happened in the thread (ISO 8601). */
  readonly lastActivity: string;
}

/**
 * A thread's state. Resolution comes from the comment system (Drive derives it from the last
 * resolve/reopen action); otherwise the thread is answered when the last reply with words in it came from
 * outside the team, so a writer's "thanks, looking at it" turns it back to open until it is resolved.
 */
export function threadState(thread: CommentThread, team: TeamDirectory): ThreadState {
  if (thread.resolved) return 'resolved';
  const spoken = thread.replies.filter((r) => r.text.trim() !== '');
  const last = spoken[spoken.length - 1];
  if (last && !isTeamAuthor(last.author, team)) return 'answered';
  // A candidate's own new comment is something the team has to answer, not the other way round.
  if (!last && !isCeadComment(thread.text) && !isTeamAuthor(thread.author, team)) return 'answered';
  return 'open';
}

function deferredReason(thread: CommentThread): string | undefined {
  if (!thread.resolved) return undefined;
  for (let i = thread.replies.length - 1; i >= 0; i--) {
    const reply = thread.replies[i]!;
    if (DEFERRED.test(reply.text)) return reply.text.replace(DEFERRED, '').trim();
    if (reply.action === 'reopen') return undefined;
  }
  return undefined;
}

export function viewThread(thread: CommentThread, team: TeamDirectory): ThreadView {
  const marker = parseMarker(thread.text);
  const origin: ThreadOrigin = isCeadComment(thread.text)
    ? 'cead'
    : isTeamAuthor(thread.author, team)
      ? 'team'
      : 'candidate';
  const times = [thread.time, ...thread.replies.map((r) => r.time)].sort();
  const reason = deferredReason(thread);
  return {
    id: thread.id,
    origin,
    ...(marker ? { marker } : {}),
    state: threadState(thread, team),
    ...(reason !== undefined ? { deferredReason: reason } : {}),
    author: thread.author.name,
    time: thread.time,
    text: marker ? stripMarker(thread.text) : thread.text,
    ...(thread.quoted !== undefined ? { quoted: thread.quoted } : {}),
    anchored: thread.anchored,
    replies: thread.replies.map((r) => ({
      author: r.author.name,
      time: r.time,
      text: stripMarker(r.text),
      ...(r.action ? { action: r.action } : {}),
    })),
    lastActivity: times[times.length - 1]!,
  };
}

/** Every thread, CEAD's in session and marker order first, then the others oldest first. */
export function viewThreads(threads: readonly CommentThread[], team: TeamDirectory): ThreadView[] {
  const key = (v: ThreadView) =>
    v.marker ? [0, v.marker.session, 'qfw'.indexOf(v.marker.kind), v.marker.index] : [1, 0, 0, 0];
  return threads
    .map((t) => viewThread(t, team))
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
      return a.time < b.time ? -1 : a.time > b.time ? 1 : 0;
    });
}

export function threadsOfSession(threads: readonly CommentThread[], session: number): CommentThread[] {
  return threads.filter((t) => parseMarker(t.text)?.session === session);
}

/** The highest session number any CEAD thread carries (0 when CEAD has posted none). */
export function lastSessionNumber(threads: readonly CommentThread[]): number {
  return threads.reduce((max, t) => Math.max(max, parseMarker(t.text)?.session ?? 0), 0);
}

export interface SessionCounts {
  readonly total: number;
  readonly open: number;
  readonly answered: number;
  readonly resolved: number;
  readonly deferred: number;
}

export function countSession(
  threads: readonly CommentThread[],
  session: number,
  team: TeamDirectory,
): SessionCounts {
  const views = threadsOfSession(threads, session).map((t) => viewThread(t, team));
  return {
    total: views.length,
    open: views.filter((v) => v.state === 'open').length,
    answered: views.filter((v) => v.state === 'answered').length,
    resolved: views.filter((v) => v.state === 'resolved').length,
    deferred: views.filter((v) => v.deferredReason !== undefined).length,
  };
}

// --- Starting a session -------------------------------------------------------------------------------

/** An open question from the letter model (a fact only the candidate can give). */
export interface OpenQuestionInput {
  readonly id: string;
  readonly question: string;
  readonly passage?: string;
  /**
   * The question's place (1-based) among the draft's open questions, used as its marker number so that the
   * same question always gets the same marker: intake posts them all, the writer later picks some, and a
   * question already on the Doc is not posted again. Without it, the position in this request counts.
   */
  readonly index?: number;
}

/** A checker finding the writer chose to ask the candidate about. */
export interface FindingInput {
  readonly code: string;
  readonly message: string;
  readonly excerpt?: string;
}

export interface WriterQuestionInput {
  readonly text: string;
  readonly passage?: string;
}

export interface SessionRequest {
  readonly session: number;
  readonly openQuestions: readonly OpenQuestionInput[];
  readonly findings: readonly FindingInput[];
  readonly writerQuestions: readonly WriterQuestionInput[];
}

/** One comment to post: its full text (marker first) and the passage it quotes. */
export interface PlannedComment {
  readonly marker: ThreadMarker;
  readonly text: string;
  readonly quoted?: string;
}

export type Planned<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Comments quote a passage, not a page: Docs shows the quote above the thread. */
export const MAX_QUOTE_LENGTH = 400;
/** Drive rejects very long comment bodies; a question longer than this is a letter, not a question. */
export const MAX_QUESTION_LENGTH = 2000;

function quote(passage: string | undefined): string | undefined {
  if (passage === undefined) return undefined;
  const text = normalizeText(passage);
  if (text === '') return undefined;
  return text.length <= MAX_QUOTE_LENGTH ? text : `${text.slice(0, MAX_QUOTE_LENGTH - 1).trimEnd()}…`;
}

/**
 * The comments that start session N. Threads of session N that already exist (a run that stopped half way
 * and is retried) are not planned again, so starting a session twice posts each question once.
 */
export function planSession(
  request: SessionRequest,
  existing: readonly CommentThread[],
): Planned<PlannedComment[]> {
  const problems: string[] = [];
  if (!Number.isInteger(request.session) || request.session < 1)
    problems.push('The session number must be 1 or more.');
  const previous = lastSessionNumber(existing);
  if (request.session < previous) {
    problems.push(`Session ${previous} already exists; the next session is ${previous + 1}.`);
  }
  const drafts: PlannedComment[] = [];
  const add = (kind: ThreadKind, index: number, body: string, passage: string | undefined, label: string) => {
    const text = normalizeText(body);
    if (text === '') {
      problems.push(`${label} is empty.`);
      return;
    }
    if (text.length > MAX_QUESTION_LENGTH) {
      problems.push(`${label} is longer than ${MAX_QUESTION_LENGTH} characters.`);
      return;
    }
    const marker: ThreadMarker = { session: request.session, kind, index };
    const quoted = quote(passage);
    drafts.push({ marker, text: `${formatMarker(marker)} ${text}`, ...(quoted ? { quoted } : {}) });
  };
  request.openQuestions.forEach((q, i) => {
    add('q', q.index ?? i + 1, q.question, q.passage, `Open question ${i + 1}`);
  });
  request.findings.forEach((f, i) => {
    add(
      'f',
      i + 1,
      `Please help us check this passage: ${f.message}`,
      f.excerpt,
      `Finding ${i + 1} (${f.code})`,
    );
  });
  request.writerQuestions.forEach((w, i) => {
    add('w', i + 1, w.text, w.passage, `Your question ${i + 1}`);
  });
  if (problems.length === 0 && drafts.length === 0) problems.push('Choose at least one question to ask.');
  if (problems.length > 0) return { ok: false, problems };
  const posted = new Set(
    threadsOfSession(existing, request.session).map((t) => formatMarker(parseMarker(t.text)!)),
  );
  return { ok: true, value: drafts.filter((d) => !posted.has(formatMarker(d.marker))) };
}

// --- Closing a session --------------------------------------------------------------------------------

export interface Deferral {
  readonly threadId: string;
  readonly reason: string;
}

/** A reply to post when closing: a deferral note that also resolves the thread. */
export interface PlannedReply {
  readonly threadId: string;
  readonly text: string;
  readonly action: 'resolve';
}

/** What the tracker and the Log record about a closed round. */
export interface SessionRecord {
  readonly round: number;
  readonly threads: number;
  readonly resolved: number;
  readonly deferred: number;
  /** ISO 8601: the first thread of the round. */
  readonly startedAt: string;
  /** ISO 8601: passed in by the shell, which owns the clock. */
  readonly closedAt: string;
}

export const DEFERRED_PREFIX = '[CEAD deferred]';

/**
 * Closing session N: every one of its threads must be resolved, or deferred by the writer with a reason.
 * Deferred threads are resolved with a reply that carries the reason, so the candidate is no longer asked
 * and the thread still says why it was left.
 */
export function planClose(
  session: number,
  threads: readonly CommentThread[],
  deferrals: readonly Deferral[],
  closedAt: string,
): Planned<{ readonly replies: readonly PlannedReply[]; readonly record: SessionRecord }> {
  const mine = threadsOfSession(threads, session);
  const byId = new Map(mine.map((t) => [t.id, t]));
  const problems: string[] = [];
  const reasons = new Map<string, string>();
  for (const d of deferrals) {
    const thread = byId.get(d.threadId);
    const reason = normalizeLine(d.reason);
    if (!thread) problems.push(`Thread ${d.threadId} is not part of session ${session}.`);
    else if (reason === '')
      problems.push(`Give a reason for deferring ${formatMarker(parseMarker(thread.text)!)}.`);
    else if (!thread.resolved) reasons.set(thread.id, reason);
  }
  const unsettled = mine.filter((t) => !t.resolved && !reasons.has(t.id));
  if (unsettled.length > 0 && problems.length === 0) {
    const names = unsettled.map((t) => formatMarker(parseMarker(t.text)!)).join(', ');
    problems.push(`Resolve or defer (with a reason) every thread of session ${session} first: ${names}.`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const replies: PlannedReply[] = [...reasons].map(([threadId, reason]) => ({
    threadId,
    text: `${DEFERRED_PREFIX} ${reason}`,
    action: 'resolve',
  }));
  const alreadyDeferred = mine.filter((t) => deferredReason(t) !== undefined).length;
  const startedAt = mine.map((t) => t.time).sort()[0] ?? closedAt;
  return {
    ok: true,
    value: {
      replies,
      record: {
        round: session,
        threads: mine.length,
        resolved: mine.length - replies.length - alreadyDeferred,
        deferred: replies.length + alreadyDeferred,
        startedAt,
        closedAt,
      },
    },
  };
}

/** One line for the Log sheet and the `cead` output. */
export function describeRecord(record: SessionRecord): string {
  return (
    `Session ${record.round} closed: ${record.threads} thread${record.threads === 1 ? '' : 's'}, ` +
    `${record.resolved} resolved, ${record.deferred} deferred.`
  );
}
