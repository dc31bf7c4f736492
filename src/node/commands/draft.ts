/**
 * `cead draft FILE [--out DIR] [--json]`: responses from a Forms/Sheets CSV export or an answers JSON
 * through intake, the letter check and the letter files, with the tracker updated. No Google account.
 */
import { join, resolve } from 'node:path';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { parseCommandArgs } from '../args';
import { prepareDraftRewrite } from '../draft-rewrite';
import { type Command, EXIT, type Io, UsageError } from '../io';
import { BusyError, type LocalRunResult, type OrderReport, runLocal, TRACKER_FILE } from '../local-run';
import { blockingFindings, formatOrderTable, formatProblems } from '../order-table';
import { NO_PROGRESS, progressBar } from '../progress-bar';
import { InputError, readResponseFile } from '../response-file';
import { TrackerError } from '../tracker-xlsx';

export const DEFAULT_DRAFT_OUT = 'cead-orders';

/** Batches above this many responses get a progress bar (on a terminal, without --json). */
export const PROGRESS_THRESHOLD = 5;

const USAGE = `cead draft FILE [--out DIR] [--json] [--rewrite]

Drafts a letter for every complete response in FILE and updates the tracker. FILE is the CSV that Google
Forms or Sheets exports (one response per row) or an answers JSON (an object keyed by item id, or a list
of them; see \`cead questionnaire\`). Per order, in DIR/orders/<order ID>/: letter.docx (open questions as
Word comments), letter.html, summary.docx and checks.json; DIR/tracker.xlsx lists every order. Running it
again updates the same orders: a repeated response changes nothing, a letter edited in Word is never
overwritten, and edits made in tracker.xlsx (status, writer, reviewer, package) are kept.

  --out DIR  the folder of orders and the tracker (default ./${DEFAULT_DRAFT_OUT})
  --rewrite  have the configured language model propose each competency section of a consenting
             candidate's letter, kept only where the fact guard accepts it (docs/cli.md)
  --json     an array of {"orderId", "candidate", "status", "package", "due", "problems", "findings",
             "files"}; see docs/cli.md

Exit status: 0 every order drafted with no error-level finding; 1 an order needs information, failed, or
its letter has error-level findings (besides those on the draft's own marked ⟦…⟧ passages, which every
draft has); 2 unusable input, or the tracker is open elsewhere or unreadable.`;

/** Whether the run found something a person must act on (exit status 1). */
export function hasProblems(reports: readonly OrderReport[]): boolean {
  return reports.some(
    (r) =>
      r.status === 'NEEDS_INFO' ||
      r.status === 'ERROR' ||
      r.problems.length > 0 ||
      blockingFindings(r.findings).length > 0,
  );
}

/** Paths as the user can open them: joined to --out as it was given. */
export function withOutDir(result: LocalRunResult, outShown: string): OrderReport[] {
  return result.orders.map((r) => ({ ...r, files: r.files.map((f) => join(outShown, f)) }));
}

/** Runs the local flow and turns its refusals into one-line usage errors (exit status 2). */
export async function runOrRefuse<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof InputError || e instanceof TrackerError || e instanceof BusyError)
      throw new UsageError(e.message);
    throw e;
  }
}

export function progressFor(io: Io, json: boolean): ReturnType<typeof progressBar> {
  return io.errIsTTY && !json ? progressBar(io) : NO_PROGRESS;
}

export const draftCommand: Command = {
  name: 'draft',
  summary: 'draft letters from a Forms/Sheets CSV export or an answers JSON, and update tracker.xlsx',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { out: { type: 'string' }, json: { type: 'boolean' }, rewrite: { type: 'boolean' } },
      true,
    );
    if (positionals.length !== 1)
      throw new UsageError('give exactly one FILE (a CSV export or an answers JSON)');
    const file = positionals[0]!;
    const outShown = values.out ?? DEFAULT_DRAFT_OUT;
    const json = Boolean(values.json);
    let total = 0;
    const bar = progressFor(io, json);
    const progress = {
      update: (phase: string, done: number, of: number) => {
        if (total > PROGRESS_THRESHOLD) bar.update(phase, done, of);
      },
      finish: () => bar.finish(),
    };
    const rewrite = values.rewrite
      ? await runOrRefuse(() =>
          prepareDraftRewrite(resolve(io.cwd, file), file, io.env ?? process.env, io.now()),
        )
      : undefined;
    const result = await runOrRefuse(() =>
      runLocal({
        root: resolve(io.cwd, outShown),
        load: (options) => {
          const responses = readResponseFile(resolve(io.cwd, file), file, options);
          total = responses.length;
          return responses;
        },
        now: io.now,
        settings: DEFAULT_SETTINGS,
        progress,
        ...(rewrite ? { rewrite: rewrite.apply } : {}),
      }),
    );
    for (const record of rewrite?.records() ?? []) io.err(`cead draft: rewrite: ${record}\n`);
    const reports = withOutDir(result, outShown);
    if (json) {
      io.out(`${JSON.stringify(reports, null, 2)}\n`);
    } else {
      const drafted = reports.filter((r) => r.files.length > 0).length;
      const repeated = result.responses - reports.length;
      io.out(
        `${file}: ${result.responses} response${result.responses === 1 ? '' : 's'}` +
          `${repeated > 0 ? ` (${repeated} repeated)` : ''}, ${reports.length} order${reports.length === 1 ? '' : 's'}, ` +
          `${drafted} with letters in ${outShown}\n\n${formatOrderTable(reports)}\n`,
      );
      const problems = formatProblems(reports);
      if (problems) io.out(`\n${problems}\n`);
      if (result.trackerError === undefined) io.out(`\nTracker: ${join(outShown, TRACKER_FILE)}\n`);
    }
    for (const note of result.notes) io.err(`cead draft: ${note}\n`);
    if (result.trackerError !== undefined) {
      io.err(`cead draft: ${result.trackerError}\n`);
      return EXIT.unusable;
    }
    return hasProblems(reports) || result.unreadableLetters > 0 || result.damagedFiles > 0
      ? EXIT.problems
      : EXIT.ok;
  },
};
