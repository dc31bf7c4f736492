/**
 * `cead google sync` and `sweep` under the Doc lease: the core's use cases over the office's adapters,
 * exactly as Apps Script's triggers run them (src/gas/back-office.ts), without Apps Script's six minutes.
 *
 * - sync: intake of every response whose order is missing or unfinished (a full listing), then the sweep
 *   (due dates, reminders, and anything submitted meanwhile);
 * - sweep: the sweep alone (the responses since its last listing, less an hour's overlap);
 * - a dry run reads the tracker and the responses and says which responses would be taken in, writing
 *   nothing and taking no lock.
 */
import { type IntakeOutcome, needsIntake, processResponse } from '../../core/intake';
import { orderIdFor } from '../../core/orders';
import { type SweepReport, sweep } from '../../core/sweep';
import type { openOffice } from './google-office';

type Office = ReturnType<typeof openOffice>;

/** How long a run waits for another to finish before giving up (a sweep every 10 minutes). */
export const LOCK_WAIT_MS = 5 * 60 * 1000;

export interface RunReport {
  readonly ran: boolean;
  /** Intake outcomes of sync's own pass (the sweep's are in `sweep`). */
  readonly intake: readonly IntakeOutcome[];
  readonly sweep?: SweepReport;
  /** A dry run's: the responses that would be taken in. */
  readonly wouldTakeIn?: readonly string[];
  readonly problems: readonly string[];
  /** What is not a problem here: the emails the core would have sent (mail is off in cead google). */
  readonly notes?: readonly string[];
}

const NO_QUOTA = /^The daily email quota is used up: /;

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

function byTime<T extends { timestamp: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
}

/** Runs `fn` under the lease; `ran: false` when another run held it for the whole wait. */
function leased(office: Office, waitMs: number, fn: () => RunReport): RunReport {
  if (!office.lock.tryAcquire(waitMs)) {
    return {
      ran: false,
      intake: [],
      problems: ['Another cead google run (or a stale lease) holds the lock.'],
    };
  }
  try {
    const report = withNotes(fn());
    // A write a use case left staged (a failure record whose commit failed) gets one more try.
    office.tracker.commit();
    return report;
  } finally {
    office.lock.release();
  }
}

/**
 * Intake and the sweep as two executions, as in Apps Script (a trigger's, then the sweep's): each reads
 * the tracker once and keeps what it read, so the sweep must read what intake wrote with an office of its
 * own. `open` makes a fresh office on the same transport; the lease is held across both.
 */
export function runSync(
  open: () => Office,
  options: { readonly dryRun: boolean; readonly waitMs?: number },
): RunReport {
  const first = open();
  if (options.dryRun) return planSync(first);
  return leased(first, options.waitMs ?? LOCK_WAIT_MS, () => {
    const { deps } = first;
    const settings = first.settings.read().settings;
    const all = deps.orders.readAll();
    const orders = new Map(all.orders.map((o) => [o.orderId, o]));
    const intake: IntakeOutcome[] = [];
    for (const response of byTime(deps.responses.list())) {
      const order = orders.get(orderIdFor(response.responseId));
      if (order && !needsIntake(order, deps.clock.localDateTime(response.timestamp, settings.timeZone)))
        continue;
      intake.push(processResponse(deps, { settings, orders }, response));
    }
    first.tracker.commit();
    const second = open();
    const swept = sweep(second.deps, {
      settings: second.settings.read().settings,
      budgetMs: Number.POSITIVE_INFINITY,
    });
    second.tracker.commit();
    return { ran: true, intake, sweep: swept, problems: [...all.problems, ...swept.problems] };
  });
}

export function runSweep(
  office: Office,
  options: { readonly dryRun: boolean; readonly waitMs?: number },
): RunReport {
  if (options.dryRun) return planSync(office);
  return leased(office, options.waitMs ?? LOCK_WAIT_MS, () => {
    const settings = office.settings.read().settings;
    const swept = sweep(office.deps, { settings, budgetMs: Number.POSITIVE_INFINITY });
    return { ran: true, intake: [], sweep: swept, problems: swept.problems };
  });
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
