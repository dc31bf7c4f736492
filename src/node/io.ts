/**
 * What a command may touch of the outside world besides files: its output streams and whether they are
 * terminals. Commands take an `Io` instead of using `process` directly, so tests run them in-process.
 */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether stderr is an interactive terminal (progress bars are drawn only then). */
  readonly errIsTTY: boolean;
  /** Whether stdout is an interactive terminal (`cead check --format` colours only then); absent: no. */
  readonly outIsTTY?: boolean;
  readonly cwd: string;
  /** The current time; a command reads the clock only through this. */
  readonly now: () => Date;
  /** Environment variables (the model's configuration); absent means the process's own. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A problem with how the command was called or with its input: one line on stderr and exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit statuses shared by every command. */
export const EXIT = { ok: 0, problems: 1, unusable: 2 } as const;

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(argv: readonly string[], io: Io): Promise<number>;
}

export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    errIsTTY: Boolean(process.stderr.isTTY),
    outIsTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    now: () => new Date(),
  };
}
