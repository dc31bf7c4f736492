/** An `Io` that records what a command prints, for running commands in-process. */
import type { Io } from '../../../src/node/io';

export interface RecordingIo extends Io {
  readonly stdout: () => string;
  readonly stderr: () => string;
}

export function recordingIo(now = '2026-11-25T15:00:00Z'): RecordingIo {
  let out = '';
  let err = '';
  return {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    errIsTTY: false,
    cwd: process.cwd(),
    now: () => new Date(now),
    stdout: () => out,
    stderr: () => err,
  };
}
