/**
 * The `cead` command: dispatches to one module per subcommand. Commands return an exit status; a
 * `UsageError` (bad argument, unusable input) becomes one line on stderr and status 2, and so does any other
 * failure (a folder that cannot be written, a bug): never a stack trace.
 */
import { checkCommand } from './commands/check';
import { demoCommand } from './commands/demo';
import { draftCommand } from './commands/draft';
import { dueCommand } from './commands/due';
import { googleCommand } from './commands/google';
import { questionnaireCommand } from './commands/questionnaire';
import { rewriteCommand } from './commands/rewrite';
import { sessionCommand } from './commands/session';
import { type Command, EXIT, type Io, processIo, UsageError } from './io';

export const COMMANDS: readonly Command[] = [
  demoCommand,
  draftCommand,
  checkCommand,
  dueCommand,
  questionnaireCommand,
  sessionCommand,
  rewriteCommand,
  googleCommand(),
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'cead — residency letter of recommendation drafts, structured by the ACGME competencies',
    '',
    'Usage: cead <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `cead <command> --help` for a command’s options.',
    '',
  ].join('\n');
}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    // A call without a command is a usage error: the help goes to stderr, as every status-2 message does.
    io.err(help());
    return EXIT.unusable;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`cead: unknown command "${name}" (try: ${COMMANDS.map((c) => c.name).join(', ')})\n`);
    return EXIT.unusable;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`cead ${command.name}: ${e.message}\n`);
      return EXIT.unusable;
    }
    io.err(`cead ${command.name}: ${unexpected(e)}\n`);
    return EXIT.unusable;
  }
}

/**
 * An error no command turned into a usage error, as one line: a file-system error names its path and what
 * could not be done with it (`/tmp/out: cannot mkdir (EEXIST: file already exists)`), anything else its
 * first line. Node's errors may come from another realm (jest), so their fields are read, not `instanceof`.
 */
export function unexpected(e: unknown): string {
  const err = (typeof e === 'object' && e !== null ? e : {}) as {
    message?: unknown;
    code?: unknown;
    path?: unknown;
    syscall?: unknown;
  };
  const message = typeof err.message === 'string' ? err.message : String(e);
  if (typeof err.code === 'string' && typeof err.path === 'string') {
    const why = message.replace(/,\s*\w+ '.*'$/, '');
    return `${err.path}: cannot ${typeof err.syscall === 'string' ? err.syscall : 'use it'} (${why})`;
  }
  return `unexpected error: ${message.split('\n')[0]}`;
}
