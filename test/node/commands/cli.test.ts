import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/node/cli';
import { draftCommand } from '../../../src/node/commands/draft';
import { recordingIo } from './fake-io';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cead-cli-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]) {
  const io = recordingIo();
  const code = await main(args, { ...io, cwd: dir });
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('cead', () => {
  it('without a command prints the help on stderr with status 2; --help prints it on stdout with 0', async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.out).toBe('');
    expect(none.err).toContain('Usage: cead <command>');
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: cead <command>');
    expect(help.err).toBe('');
  });

  it('an output folder that is a file: one line naming it, status 2, no stack trace', async () => {
    writeFileSync(join(dir, 'answers.json'), JSON.stringify({ 'candidate.fullName': 'Ann Lee' }));
    writeFileSync(join(dir, 'out'), 'not a folder');
    const { code, out, err } = await run(['draft', 'answers.json', '--out', 'out']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trimEnd().split('\n')).toEqual([
      `cead draft: ${join(dir, 'out')}: cannot mkdir (EEXIST: file already exists)`,
    ]);
  });

  it('any other failure is one line with status 2, not a stack trace', async () => {
    jest.spyOn(draftCommand, 'run').mockRejectedValue(new Error('boom\n    at somewhere (x.js:1:1)'));
    const { code, err } = await run(['draft', 'answers.json']);
    expect(code).toBe(2);
    expect(err).toBe('cead draft: unexpected error: boom\n');
  });
});
