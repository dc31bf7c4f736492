/**
 * `cead google sync` and `sweep` under the Doc lease: the core's sweep over the office's adapters, exactly
 * as Apps Script's sweep trigger runs it (src/gas/back-office.ts), without Apps Script's six minutes.
 *
 * - sync: the sweep over every response (a full listing), so every response whose order is missing or
 *   unfinished goes through intake, then due dates and reminders;
 * - sweep: the sweep alone (the responses since its last listing, less an hour's overlap);
 * - a dry run reads the tracker and the responses and says which responses would be taken in, writing
 *   nothing and taking no lock.
 *
 * Sync is one pass, not intake and then a sweep: the sweep's own intake is the same `processResponse` on
 * the same orders, so a second pass would only read the tracker and list the responses again (three more
 * requests per run) to find nothing new.
 */
import type { IntakeOutcome } from '../../core/intake';
import { needsIntake } from '../../core/intake';
import { orderIdFor } from '../../core/orders';
import type { ResponseSource } from '../../core/ports';
import { type SweepReport, sweep } from '../../core/sweep';
import type { openOffice } from './google-office';

type Office = ReturnType<typeof openOffice>;

/** How long a run waits for another to finish before giving up (a sweep every 10 minutes). */
export const LOCK_WAIT_MS = 5 * 60 * 1000;

export interface RunReport {
  readonly ran: boolean;
  /** Every intake outcome of the run (the same list as `sweep.intake`). */
  readonly intake: readonly IntakeOutcome[];
  readonly sweep?: SweepReport;
  /** A dry run's: the responses that would be taken in. */
  readonly wouldTakeIn?: readonly string[];
  readonly problems: readonly string[];
  /** What is not a problem here: the emails the core would have sent (mail is off in cead google). */
  readonly notes?: readonly string[];
}

export interface RunOptions {
  readonly dryRun: boolean;
  readonly waitMs?: number;
  /** Told before each response intake takes in: how many are done, of how many. */
  readonly progress?: (done: number, total: number) => void;
}

const NO_QUOTA = /^The daily email quota is used up: /;
export const LOST_LEASE =
  'The lease ran out and another run took it: this run stopped taking responses in (the next run goes on).';

/** The sweep's "quota used up" lines say only that mail is off: notes, not problems. */
function withNotes(report: RunReport): RunReport {
  const unsent = report.problems.filter((p) => NO_QUOTA.test(p));
  if (unsent.length === 0) return report;
  return {
    ...report,
    problems: report.problems.filter((p) => !NO_QUOTA.test(p)),
    notes: unsent.map((p) => `Email is off in cead google: ${p.replace(NO_QUOTA, '')}`),
  };
}

/** The same responses, always listed whole: sync's full pass whatever the sweep's state says. */
function everyResponse(source: ResponseSource): ResponseSource {
  return { get: (id) => source.get(id), list: () => source.list() };
}

/** The sweep under the lease, renewing it when a third of it is left; `ran: false` when it was held. */
function leasedSweep(office: Office, responses: ResponseSource, options: RunOptions): RunReport {
  const { lock, deps } = office;
  if (!lock.tryAcquire(options.waitMs ?? LOCK_WAIT_MS)) {
    return {
      ran: false,
      intake: [],
      problems: ['Another cead google run (or a stale lease) holds the lock.'],
    };
  }
  const keeper = leaseKeeper(office, options.progress);
  try {
    const swept = sweep(
      { ...deps, responses, batch: keeper.batch },
      {
        settings: office.settings.read().settings,
        budgetMs: Number.POSITIVE_INFINITY,
        onProgress: keeper.onProgress,
      },
    );
    // A write a use case left staged (a failure record whose commit failed) gets one more try.
    keeper.batch.commit();
    return withNotes({ ran: true, intake: swept.intake, sweep: swept, problems: swept.problems });
  } catch (e) {
    if (!keeper.lost()) throw e;
    return { ran: true, intake: [], problems: [LOST_LEASE] };
  } finally {
    lock.release();
  }
}

/**
 * Keeps a long run's lease: renewed between responses once a third of it is left. Rows are placed from
 * what this run read, which is only safe while it holds the lease, so once it is lost the run takes no
 * more responses and its writes are refused (the sweep's last write then fails the run).
 */
function leaseKeeper(office: Office, progress: RunOptions['progress']) {
  const { lock, deps, leaseMs, tracker } = office;
  let renewedAt = Date.parse(deps.clock.now());
  let lost = false;
  return {
    lost: () => lost,
    onProgress: (done: number, total: number): boolean => {
      progress?.(done, total);
      if (Date.parse(deps.clock.now()) - renewedAt < (leaseMs * 2) / 3) return true;
      renewedAt = Date.parse(deps.clock.now());
      lost = !lock.renew();
      return !lost;
    },
    batch: {
      commit: () => {
        if (lost) throw new Error(LOST_LEASE);
        tracker.commit();
      },
      discard: () => tracker.discard(),
    },
  };
}

export function runSync(office: Office, options: RunOptions): RunReport {
  if (options.dryRun) return planSync(office);
  return leasedSweep(office, everyResponse(office.deps.responses), options);
}

export function runSweep(office: Office, options: RunOptions): RunReport {
  if (options.dryRun) return planSync(office);
  return leasedSweep(office, office.deps.responses, options);
}

function byTime<T extends { timestamp: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
}

/** What a sync would take in: reads only. */
function planSync(office: Office): RunReport {
  const { deps } = office;
  const settings = office.settings.read().settings;
  const all = deps.orders.readAll();
  const orders = new Map(all.orders.map((o) => [o.orderId, o]));
  const wouldTakeIn = byTime(deps.responses.list())
    .filter((r) => {
      const order = orders.get(orderIdFor(r.responseId));
      return !order || needsIntake(order, deps.clock.localDateTime(r.timestamp, settings.timeZone));
    })
    .map((r) => r.responseId);
  return { ran: false, intake: [], wouldTakeIn, problems: [...all.problems] };
}
