/**
 * A one-line progress bar on stderr for long batches. Drawn only on an interactive terminal (a log file or
 * a pipe would fill with carriage returns), and redrawn only when the shown figure changes, so a batch of
 * thousands costs a few hundred writes.
 */
import type { Io } from './io';

export interface Progress {
  update(phase: string, done: number, total: number): void;
  /** Clears the line, so the command's own output starts on a clean line. */
  finish(): void;
}

const WIDTH = 24;

export const NO_PROGRESS: Progress = { update() {}, finish() {} };

export function progressBar(io: Pick<Io, 'err'>): Progress {
  let shown = '';
  return {
    update(phase, done, total) {
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      const line = `${phase.padEnd(14)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total}`;
      if (line === shown) return;
      shown = line;
      io.err(`\r${line}\x1b[K`);
    },
    finish() {
      if (shown !== '') io.err('\r\x1b[K');
      shown = '';
    },
  };
}
