/**
 * The letter check's findings as comments in the draft, where the writer works: which comments to post,
 * which to add a passage to, which to resolve. Intake posts the first check's findings; every later check
 * (the sidebar's, `cead check`) plans against the comments already there, so nothing is posted twice and a
 * finding that is fixed has its comment resolved with a reply.
 *
 * A comment holds one finding code (all its passages), so a letter carries at most `MAX_FINDING_COMMENTS`
 * of them: past that, the least severe codes share one last comment. CEAD finds its own by the marker at the
 * start of the text, `[CEAD check DATE_MISMATCH]`, for the reason editing-session.ts gives (a marker is all
 * that survives Drive, Docs and a `.docx`). The marker is not a session marker: these comments are for the
 * writer, not the candidate, and closing an editing session does not wait for them.
 *
 * The plan is pure; `syncFindingComments` carries it out through the comment port.
 */
import { FINDING_CODES, type Severity } from './check';
import type { CommentThread } from './editing-session';
import type { CommentStore } from './ports';
import { normalizeLine } from './text';

/** What a comment needs of a finding (a `Finding`, or the sidebar's view of one). */
export interface CommentableFinding {
  /** A `FindingCode`; the sidebar's findings carry it as a string. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly excerpt: string;
}

/** About a dozen: more comments than that hide the team's own in the margin. */
export const MAX_FINDING_COMMENTS = 12;
/** Passages listed in one comment; the sidebar lists the rest. */
const MAX_PASSAGES = 5;
const PASSAGE_CHARS = 120;
const MESSAGE_CHARS = 240;
const QUOTE_CHARS = 400;
/** The key of the comment that holds the codes past the limit. */
export const MORE_KEY = 'MORE';

const MARKER = /^\s*\[CEAD check ([A-Z][A-Z_]*)\]/;
/** Starts CEAD's reply that resolves a comment whose finding is gone. */
export const FIXED_PREFIX = '[CEAD check fixed]';

export function checkMarker(key: string): string {
  return `[CEAD check ${key}]`;
}

/** The key ("DATE_MISMATCH", or `MORE_KEY`) of a check comment CEAD posted, from its text. */
export function parseCheckMarker(text: string): string | undefined {
  return MARKER.exec(text)?.[1];
}

export interface FindingGroup {
  readonly key: string;
  readonly severity: Severity;
  readonly findings: readonly CommentableFinding[];
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Whether a finding belongs in the margin: errors and warnings, except the draft's own ⟦marked choices⟧,
 * each of which already has its open question thread.
 */
function commentable(f: CommentableFinding): boolean {
  if (f.severity === 'info') return false;
  return !(f.code === 'PLACEHOLDER' && f.excerpt.trimStart().startsWith('⟦'));
}

/** One group per code, most severe first, then in the letter's order; the tail past the limit merged. */
export function groupFindings(findings: readonly CommentableFinding[]): FindingGroup[] {
  const byCode = new Map<string, CommentableFinding[]>();
  for (const f of findings.filter(commentable)) {
    const list = byCode.get(f.code) ?? [];
    list.push(f);
    byCode.set(f.code, list);
  }
  // Map order is first appearance; a stable sort by severity keeps it within a severity.
  const groups = [...byCode].map(([key, list]): FindingGroup => {
    const severity = list.reduce<Severity>((s, f) => (RANK[f.severity] < RANK[s] ? f.severity : s), 'info');
    return { key, severity, findings: list };
  });
  groups.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  if (groups.length <= MAX_FINDING_COMMENTS) return groups;
  const kept = groups.slice(0, MAX_FINDING_COMMENTS - 1);
  const rest = groups.slice(MAX_FINDING_COMMENTS - 1);
  return [...kept, { key: MORE_KEY, severity: rest[0]!.severity, findings: rest.flatMap((g) => g.findings) }];
}

function cut(text: string, max: number): string {
  const line = normalizeLine(text);
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/**
 * How a finding is written in a comment, and how a later check recognises it there: its passage in curly
 * quotes, or (a finding about something absent) its message.
 */
export function findingLabel(f: CommentableFinding): string {
  return f.excerpt.trim() === '' ? cut(f.message, MESSAGE_CHARS) : `“${cut(f.excerpt, PASSAGE_CHARS)}”`;
}

function findingLine(f: CommentableFinding): string {
  const label = findingLabel(f);
  return f.excerpt.trim() === '' ? `• ${label}` : `• ${label} — ${cut(f.message, MESSAGE_CHARS)}`;
}

function findingLines(findings: readonly CommentableFinding[]): string[] {
  const shown = findings.slice(0, MAX_PASSAGES).map(findingLine);
  const left = findings.length - shown.length;
  if (left > 0) shown.push(`• … and ${left} more (the CEAD sidebar’s letter check lists them all).`);
  return shown;
}

function summaryOf(code: string): string {
  return FINDING_CODES.find((c) => c.code === code)?.summary ?? code;
}

/** The comment for a group: marker, what the code means, each passage with its message, what happens next. */
export function groupComment(group: FindingGroup): string {
  const head =
    group.key === MORE_KEY
      ? `${checkMarker(MORE_KEY)} Letter check: ${group.findings.length} more findings.`
      : `${checkMarker(group.key)} Letter check (${group.severity}): ${summaryOf(group.key)}.`;
  return [
    head,
    ...findingLines(group.findings),
    'CEAD resolves this comment when the letter check no longer finds it.',
  ].join('\n');
}

/**
 * The passage the comment quotes (Drive's `quotedFileContent`; the anchor of a Word comment): the first
 * line of the first finding's excerpt, as it stands in the letter, so a `.docx` can find it in a paragraph.
 */
export function groupQuote(group: FindingGroup): string | undefined {
  const excerpt = group.findings.find((f) => f.excerpt.trim() !== '')?.excerpt;
  if (excerpt === undefined) return undefined;
  const line = excerpt.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.trim().slice(0, QUOTE_CHARS);
}

export interface PlannedFindingComment {
  readonly key: string;
  readonly text: string;
  readonly quoted?: string;
}

export interface PlannedFindingReply {
  readonly threadId: string;
  readonly key: string;
  readonly text: string;
  readonly action?: 'resolve' | 'reopen';
}

export interface FindingCommentPlan {
  readonly posts: readonly PlannedFindingComment[];
  readonly replies: readonly PlannedFindingReply[];
}

/** CEAD's check comment for a key: the open one if any, else the latest (the comment system's order). */
function threadFor(threads: readonly CommentThread[], key: string): CommentThread | undefined {
  const mine = threads.filter((t) => parseCheckMarker(t.text) === key);
  return mine.find((t) => !t.resolved) ?? mine[mine.length - 1];
}

/** Whether CEAD itself resolved the thread because its finding was gone (not the writer dismissing it). */
function resolvedAsFixed(thread: CommentThread): boolean {
  // A `.docx` keeps no reply actions, only the thread's "done" flag: there CEAD's reply text says it.
  const fixedReply = (text: string) => text.trimStart().startsWith(FIXED_PREFIX);
  const last = [...thread.replies].reverse().find((r) => r.action !== undefined || fixedReply(r.text));
  return last !== undefined && last.action !== 'reopen' && fixedReply(last.text);
}

function everything(thread: CommentThread): string {
  return [thread.text, ...thread.replies.map((r) => r.text)].join('\n');
}

/** The plan for one group against its thread (undefined: no comment yet). */
function planGroup(group: FindingGroup, thread: CommentThread | undefined): FindingCommentPlan {
  if (!thread) {
    const quoted = groupQuote(group);
    return {
      posts: [{ key: group.key, text: groupComment(group), ...(quoted ? { quoted } : {}) }],
      replies: [],
    };
  }
  const said = everything(thread);
  const fresh = group.findings.filter((f) => !said.includes(findingLabel(f)));
  const reply = (text: string, action?: 'reopen'): FindingCommentPlan => ({
    posts: [],
    replies: [{ threadId: thread.id, key: group.key, text, ...(action ? { action } : {}) }],
  });
  if (thread.resolved && resolvedAsFixed(thread)) {
    const again = fresh.length > 0 ? fresh : group.findings;
    return reply(['The letter check finds this again:', ...findingLines(again)].join('\n'), 'reopen');
  }
  if (fresh.length === 0) return { posts: [], replies: [] };
  // A comment the writer resolved stays resolved for the passages it named; a new passage reopens it.
  const intro = thread.resolved ? 'The letter check finds this in another passage:' : 'Also in:';
  return reply([intro, ...findingLines(fresh)].join('\n'), thread.resolved ? 'reopen' : undefined);
}

/**
 * What to post and reply so that the draft's check comments show `findings` (the letter's latest check):
 * a group with no comment is posted; a comment that lacks some of its group's passages gets them in a reply;
 * an open comment whose code the check no longer finds is resolved with a reply. Planning again after the
 * plan ran plans nothing.
 */
export function planFindingComments(
  findings: readonly CommentableFinding[],
  threads: readonly CommentThread[],
): FindingCommentPlan {
  const groups = groupFindings(findings);
  const plans = groups.map((g) => planGroup(g, threadFor(threads, g.key)));
  const current = new Set(groups.map((g) => g.key));
  const fixed: PlannedFindingReply[] = [];
  const keys = new Set(threads.map((t) => parseCheckMarker(t.text)).filter((k) => k !== undefined));
  for (const key of keys) {
    const thread = threadFor(threads, key);
    if (current.has(key) || !thread || thread.resolved) continue;
    fixed.push({
      threadId: thread.id,
      key,
      text: `${FIXED_PREFIX} The letter check no longer finds this, so CEAD resolved the comment.`,
      action: 'resolve',
    });
  }
  return {
    posts: plans.flatMap((p) => p.posts),
    replies: [...plans.flatMap((p) => p.replies), ...fixed],
  };
}

export interface FindingCommentCounts {
  readonly posted: number;
  readonly replied: number;
  readonly resolved: number;
}

/**
 * Brings the document's check comments in line with `findings`. `threads` are the document's comments when
 * the caller has them (a Doc made in this run has none); otherwise they are listed. Safe to repeat: a run
 * that stops half way is finished by the next, which lists what the first posted.
 */
export function syncFindingComments(
  store: CommentStore,
  docId: string,
  findings: readonly CommentableFinding[],
  threads?: readonly CommentThread[],
): FindingCommentCounts {
  const plan = planFindingComments(findings, threads ?? store.list(docId));
  for (const p of plan.posts) store.post(docId, p.text, p.quoted);
  for (const r of plan.replies) store.reply(docId, r.threadId, r.text, r.action);
  return {
    posted: plan.posts.length,
    replied: plan.replies.filter((r) => r.action !== 'resolve').length,
    resolved: plan.replies.filter((r) => r.action === 'resolve').length,
  };
}
