/**
 * `cead session LETTER.docx`: the comment threads of a Word file, grouped per thread with their state, so
 * a team that edits letters in Word or LibreOffice can run editing sessions as the sidebar does in Docs.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  countSession,
  lastSessionNumber,
  parseMarker,
  type SessionCounts,
  type TeamDirectory,
  THREAD_KIND_LABEL,
  type ThreadView,
  viewThreads,
} from '../../core/editing-session';
import { parseCommandArgs } from '../args';
import { DocxError, readDocxThreads } from '../docx-comments';
import { type Command, EXIT, UsageError } from '../io';

const USAGE = `cead session LETTER.docx [--team NAMES] [--json]

Lists the comment threads of a .docx (as Word and LibreOffice write them): CEAD's session threads first
(comments starting with a marker such as [CEAD s1-q2]), then the team's and the candidate's own comments.
Each thread is open, answered (someone outside the team replied last) or resolved.

  --team NAMES  comma-separated names or emails of the drafting team (besides the authors of CEAD's
                threads, who always count as team)
  --json        {"file", "threads": ThreadView[], "sessions": [{"round", "total", "open", "answered",
                "resolved", "deferred"}]}`;

export interface SessionReport {
  readonly file: string;
  readonly threads: readonly ThreadView[];
  readonly sessions: readonly ({ readonly round: number } & SessionCounts)[];
}

function teamFrom(option: string | undefined, ceadAuthors: readonly string[]): TeamDirectory {
  const given = (option ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return {
    emails: given.filter((s) => s.includes('@')),
    names: [...given.filter((s) => !s.includes('@')), ...ceadAuthors],
  };
}

function day(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : iso || 'undated';
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

function describe(t: ThreadView): string {
  const head = t.marker
    ? `s${t.marker.session}-${t.marker.kind}${t.marker.index} ${THREAD_KIND_LABEL[t.marker.kind]}`
    : `${t.origin === 'team' ? 'team comment' : 'comment'} by ${t.author}`;
  const lines = [`  [${t.state}] ${head} (${day(t.time)})`];
  if (t.quoted) lines.push(indent(`“${t.quoted}”`, '      '));
  lines.push(indent(t.text, '    '));
  for (const r of t.replies) lines.push(indent(`↳ ${r.author} (${day(r.time)}): ${r.text}`, '    '));
  if (t.deferredReason !== undefined) lines.push(`    deferred: ${t.deferredReason}`);
  return lines.join('\n');
}

export function formatReport(report: SessionReport): string {
  const { threads, sessions } = report;
  if (threads.length === 0) return `${report.file}: no comment threads.\n`;
  const out = [`${report.file}: ${threads.length} comment thread${threads.length === 1 ? '' : 's'}`];
  for (const s of sessions) {
    out.push(
      '',
      `Session ${s.round}: ${s.total} thread${s.total === 1 ? '' : 's'} — ${s.open} open, ${s.answered} answered, ` +
        `${s.resolved} resolved${s.deferred > 0 ? ` (${s.deferred} deferred)` : ''}`,
    );
    for (const t of threads.filter((v) => v.marker?.session === s.round)) out.push(describe(t));
  }
  const others = threads.filter((t) => !t.marker);
  if (others.length > 0) {
    out.push('', 'Other comments');
    for (const t of others) out.push(describe(t));
  }
  return `${out.join('\n')}\n`;
}

export const sessionCommand: Command = {
  name: 'session',
  summary: 'list the comment threads of a .docx letter and their state (open, answered, resolved)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { json: { type: 'boolean' }, team: { type: 'string' } },
      true,
    );
    if (positionals.length !== 1) throw new UsageError('give exactly one .docx file');
    const file = positionals[0]!;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(resolve(io.cwd, file));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(
        code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read it (${code ?? e})`,
      );
    }
    let raw: Awaited<ReturnType<typeof readDocxThreads>>;
    try {
      raw = await readDocxThreads(bytes);
    } catch (e) {
      if (e instanceof DocxError) throw new UsageError(`${file}: ${e.message}`);
      throw e;
    }
    const ceadAuthors = raw.filter((t) => parseMarker(t.text)).map((t) => t.author.name);
    const team = teamFrom(values.team, ceadAuthors);
    const threads = viewThreads(raw, team);
    const sessions = Array.from({ length: lastSessionNumber(raw) }, (_, i) => i + 1)
      .map((round) => ({ round, ...countSession(raw, round, team) }))
      .filter((s) => s.total > 0);
    const report: SessionReport = { file, threads, sessions };
    io.out(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    return EXIT.ok;
  },
};
