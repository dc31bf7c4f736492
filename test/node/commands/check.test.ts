import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/node/cli';
import { recordingIo } from './fake-io';

const corpus = join(__dirname, '..', '..', 'check-corpus');
const answers = join(corpus, 'answers', 'delgado.json');
const dir = mkdtempSync(join(tmpdir(), 'cead-check-'));
const others = join(dir, 'others.txt');
writeFileSync(others, '# other orders\nChinedu Okafor\n\nHannah Kowalski\n');

async function run(...argv: string[]) {
  const io = recordingIo();
  const code = await main(['check', ...argv], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('cead check', () => {
  it('exits 0 on a clean letter, with warnings or notes only', async () => {
    const r = await run(join(corpus, 'clean', 'delgado-1.txt'), '--answers', answers, '--others', others);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/Errors:/);
  });

  it('exits 1 and groups errors first, with line:column and excerpt', async () => {
    const r = await run(
      join(corpus, 'seeded', 'delgado-copied.txt'),
      '--answers',
      answers,
      '--others',
      others,
    );
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^.*delgado-copied\.txt: 2 errors/);
    const text = readFileSync(join(corpus, 'seeded', 'delgado-copied.txt'), 'utf8');
    const at = text.indexOf('Emergency Medicine');
    const line = text.slice(0, at).split('\n').length;
    const column = at - text.lastIndexOf('\n', at - 1);
    expect(r.out).toContain(`Errors:\n  SPECIALTY_MISMATCH ${line}:${column}  “Emergency Medicine”`);
    expect(r.out).toContain('OTHER_CANDIDATE_NAME');
  });

  it('prints the findings array with --json', async () => {
    const r = await run(join(corpus, 'seeded', 'delgado-slips.txt'), '--answers', answers, '--json');
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.out) as {
      code: string;
      severity: string;
      excerpt: string;
      start: number;
      end: number;
    }[];
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual([
      'NAME_MISMATCH',
      'NAME_MISMATCH',
      'PRONOUN_MISMATCH',
      'DATE_MISMATCH',
    ]);
    expect(Object.keys(findings[0]!)).toEqual([
      'code',
      'severity',
      'message',
      'excerpt',
      'start',
      'end',
      'source',
    ]);
  });

  it('uses --date when the letter has no date line', async () => {
    const letter = join(dir, 'undated.md');
    writeFileSync(
      letter,
      '**Dear Program Director:**\n\nI supervised Dr. Rosa Delgado during her externship from March 2 to March 27, 2026.\n',
    );
    const early = await run(letter, '--answers', answers, '--date', '2026-03-20', '--json');
    expect(JSON.parse(early.out).map((f: { code: string }) => f.code)).toContain('DATE_ORDER');
    const late = await run(letter, '--answers', answers, '--date', '4/2/2026', '--json');
    expect(JSON.parse(late.out).map((f: { code: string }) => f.code)).not.toContain('DATE_ORDER');
  });

  it.each([
    [['--answers', answers], 'cead check: give exactly one LETTER file (.docx, .txt or .md)\n'],
    [['x.txt'], 'cead check: missing --answers FILE\n'],
    [
      [join(dir, 'missing.txt'), '--answers', answers],
      `cead check: ${join(dir, 'missing.txt')}: no such file\n`,
    ],
    [
      [join(corpus, 'clean', 'delgado-1.txt'), '--answers', join(dir, 'none.json')],
      `cead check: --answers ${join(dir, 'none.json')}: no such file\n`,
    ],
    [
      [join(corpus, 'clean', 'delgado-1.txt'), '--answers', answers, '--date', 'soon'],
      expect.stringMatching(/^cead check: --date "soon" is not a date/),
    ],
  ])('exits 2 on unusable input %#', async (argv, err) => {
    const r = await run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toEqual(err);
  });

  it('exits 2 on answers that are not JSON and on an unreadable .docx', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"candidate.fullName": ');
    expect((await run(join(corpus, 'clean', 'delgado-1.txt'), '--answers', bad)).code).toBe(2);
    const docx = join(dir, 'broken.docx');
    writeFileSync(docx, 'PK not really');
    const r = await run(docx, '--answers', answers);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a readable \.docx/);
  });
});

describe('cead check --format', () => {
  const copied = join(corpus, 'seeded', 'delgado-copied.txt');
  async function formatted(io: ReturnType<typeof recordingIo>) {
    const code = await main(['check', copied, '--answers', answers, '--others', others, '--format'], io);
    return { code, out: io.stdout() };
  }

  it('prints each finding under its paragraph with the passage marked, in plain text when not a terminal', async () => {
    const { code, out } = await formatted(recordingIo());
    expect(code).toBe(1);
    expect(out).not.toContain('\x1b[');
    const text = readFileSync(copied, 'utf8');
    const at = text.indexOf('Emergency Medicine');
    const line = text.slice(0, at).split('\n').length;
    // The paragraph's heading carries its first line; the passage sits in a window of its own words.
    const lines = out.split('\n');
    const marked = lines.findIndex((l) => l.includes('«Emergency Medicine»'));
    expect(marked).toBeGreaterThan(0);
    expect(lines[marked + 1]).toMatch(/^ {4}error SPECIALTY_MISMATCH: /);
    const heading = lines
      .slice(0, marked)
      .reverse()
      .find((l) => l.startsWith('¶'))!;
    expect(Number(/line (\d+)/.exec(heading)![1])).toBe(line);
    expect(out.split('\n').length).toBeLessThanOrEqual(60);
  });

  it('colours the severities and the passage when stdout is a terminal, unless NO_COLOR is set', async () => {
    const tty = { ...recordingIo(), outIsTTY: true, env: {} };
    const coloured = (await formatted(tty as ReturnType<typeof recordingIo>)).out;
    expect(coloured).toContain('\x1b[31m\x1b[7mEmergency Medicine\x1b[0m');
    expect(coloured).toContain('\x1b[1m\x1b[31merror SPECIALTY_MISMATCH\x1b[0m');
    expect(coloured).not.toContain('«');
    // The same report once the escapes are taken out.
    const plain = (await formatted(recordingIo())).out;
    const stripped = coloured.replace(/\x1b\[\d+m/g, '');
    expect(stripped).toBe(plain.replace(/«|»/g, ''));
    const noColor = { ...recordingIo(), outIsTTY: true, env: { NO_COLOR: '1' } };
    expect((await formatted(noColor as ReturnType<typeof recordingIo>)).out).toBe(plain);
  });

  it('refuses --json with --format', async () => {
    const r = await run(copied, '--answers', answers, '--json', '--format');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--json or --format/);
  });
});
