/**
 * The `cead` command: dispatches to one module per subcommand. Commands return an exit status; a
 * `UsageError` (bad argument, unusable input) becomes one line on stderr and status 2.
 */
import { checkCommand } from './commands/check';
import { demoCommand } from './commands/demo';
import { draftCommand } from './commands/draft';
import { dueCommand } from './commands/due';
import { questionnaireCommand } from './commands/questionnaire';
import { sessionCommand } from './commands/session';
import { type Command, EXIT, type Io, processIo, UsageError } from './io';

export const COMMANDS: readonly Command[] = [
  demoCommand,
  draftCommand,
  checkCommand,
  dueCommand,
  questionnaireCommand,
  sessionCommand,
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
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name === undefined ? EXIT.unusable : EXIT.ok;
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
    throw e;
  }
}
