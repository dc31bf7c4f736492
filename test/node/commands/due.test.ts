import { spawnSync } from 'node:child_process';
import { main } from '../../../src/node/cli';
import { binaryCopy } from './binary-copy';
import { recordingIo } from './fake-io';

async function run(...argv: string[]) {
  const io = recordingIo();
  const code = await main(['due', ...argv], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('cead due', () => {
  it('prints the expedited due date over Thanksgiving', async () => {
    expect(await run('--package', 'expedited', '--from', '2026-11-25')).toEqual({
      code: 0,
      out: '2026-11-27\n',
      err: '',
    });
  });

  it('prints the documented JSON', async () => {
    const r = await run('--package', 'Standard', '--from', '12/1/2026', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      package: 'standard',
      from: '2026-12-01',
      due: '2027-01-14',
      businessDays: 30,
    });
    expect(Object.keys(JSON.parse(r.out))).toEqual(['package', 'from', 'due', 'businessDays']);
  });

  it('counts from a weekend start', async () => {
    expect((await run('--package', 'expedited', '--from', '2026-11-28')).out).toBe('2026-11-30\n');
  });

  it.each([
    [['--from', '2026-11-25'], 'cead due: missing --package NAME (standard, expedited, on-demand)\n'],
    [['--package', 'expedited'], 'cead due: missing --from DATE (YYYY-MM-DD)\n'],
    [
      ['--package', 'express', '--from', '2026-11-25'],
      'cead due: Unknown package "express" (known: standard, expedited, on-demand)\n',
    ],
    [
      ['--package', 'expedited', '--from', '2026-02-30'],
      'cead due: --from "2026-02-30" is not a date on the calendar (2026-02-30)\n',
    ],
    [
      ['--package', 'expedited', '--from', 'tomorrow'],
      'cead due: --from "tomorrow" is not a date (write it as YYYY-MM-DD, for example 2026-11-25)\n',
    ],
    [
      ['--package', 'expedited', '--from', '2026-11-25', '--days', '3'],
      "cead due: Unknown option '--days'\n",
    ],
    [['--package'], "cead due: Option '--package <value>' argument missing\n"],
  ])('refuses %j with one line and exit status 2', async (argv, err) => {
    expect(await run(...argv)).toEqual({ code: 2, out: '', err });
  });
});

describe('cead due through the real binary', () => {
  // bin/cead.js runs build/cli/cead.js; the test builds a fresh copy of both under test-output/ so it
  // neither depends on nor disturbs the checkout's own build.
  let copy: ReturnType<typeof binaryCopy>;
  beforeAll(() => {
    copy = binaryCopy('due-bin');
  });
  afterAll(() => copy.remove());

  it('prints the due date and exits 0', () => {
    const r = spawnSync(
      process.execPath,
      [copy.bin, 'due', '--package', 'expedited', '--from', '2026-11-25'],
      {
        encoding: 'utf8',
      },
    );
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '2026-11-27\n', '']);
  });

  it('prints one line on stderr and exits 2 for an unknown package', () => {
    const r = spawnSync(process.execPath, [copy.bin, 'due', '--package', 'gold', '--from', '2026-11-25'], {
      encoding: 'utf8',
    });
    expect([r.status, r.stdout, r.stderr]).toEqual([
      2,
      '',
      'cead due: Unknown package "gold" (known: standard, expedited, on-demand)\n',
    ]);
  });
});
