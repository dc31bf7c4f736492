/**
 * A one-line progress bar on stderr for long batches: how far, how fast (responses a second) and how long
 * is left at that rate. Drawn only on an interactive terminal (a log file or a pipe would fill with
 * carriage returns), and redrawn only when the shown line changes, at most a few times a second, so a
 * batch of thousands costs a few hundred writes.
 */
import type { Io } from './io';

export interface Progress {
  update(phase: string, done: number, total: number): void;
  /** Clears the line, so the command's own output starts on a clean line. */
  finish(): void;
}

const WIDTH = 24;
/** Least time between two redraws of the same phase, so a fast batch does not flood the terminal. */
const REDRAW_MS = 250;

export const NO_PROGRESS: Progress = { update() {}, finish() {} };

/** "45 s", "3 min 20 s", "1 h 05 min": time left as a person reads it. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

function rateAndLeft(done: number, total: number, seconds: number): string {
  if (done === 0 || seconds <= 0) return '';
  const rate = done / seconds;
  const shown = rate < 10 ? rate.toFixed(1) : String(Math.round(rate));
  return `  ${shown}/s  ${done >= total ? 'done' : `${formatDuration((total - done) / rate)} left`}`;
}

/** `elapsedMs` is a monotonic clock (milliseconds); the rate is measured from the bar's creation. */
export function progressBar(
  io: Pick<Io, 'err'>,
  elapsedMs: () => number = () => performance.now(),
): Progress {
  const started = elapsedMs();
  let shown = '';
  let shownAt = Number.NEGATIVE_INFINITY;
  let shownPhase = '';
  return {
    update(phase, done, total) {
      const now = elapsedMs();
      const last = done >= total;
      if (phase === shownPhase && !last && now - shownAt < REDRAW_MS) return;
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      const line =
        `${phase.padEnd(14)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total}` +
        rateAndLeft(done, total, (now - started) / 1000);
      if (line === shown) return;
      shown = line;
      shownAt = now;
      shownPhase = phase;
      io.err(`\r${line}\x1b[K`);
    },
    finish() {
      if (shown !== '') io.err('\r\x1b[K');
      shown = '';
    },
  };
}
